import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import { getRetentionDays } from '../../src/action/inputs.js'

const saved = { ...process.env }

afterEach(() => {
  process.env = { ...saved }
  jest.restoreAllMocks()
})

/** getRetentionDays with `retention-days` set to `input`, and what it printed. */
function retention(input: string, env: NodeJS.ProcessEnv): { days?: number; printed: string } {
  process.env['INPUT_RETENTION-DAYS'] = input
  let printed = ''
  jest.spyOn(process.stdout, 'write').mockImplementation(text => {
    printed += String(text)
    return true
  })
  return { days: getRetentionDays(env), printed }
}

describe('retention-days', () => {
  it("is lowered to the repository's retention (GITHUB_RETENTION_DAYS), with a notice", () => {
    const { days, printed } = retention('90', { GITHUB_RETENTION_DAYS: '30' })
    expect(days).toBe(30)
    expect(printed.trimEnd()).toBe(
      "::notice::Input 'retention-days' is 90, longer than this repository keeps artifacts (GITHUB_RETENTION_DAYS=30): checkpoints are kept 30 days."
    )
  })

  it.each([
    ['30', { GITHUB_RETENTION_DAYS: '30' }, 30],
    ['7', { GITHUB_RETENTION_DAYS: '30' }, 7],
    ['90', {}, 90],
    ['90', { GITHUB_RETENTION_DAYS: 'soon' }, 90],
    ['', { GITHUB_RETENTION_DAYS: '30' }, undefined]
  ])('%j with %j is kept as %s, silently', (input, env, expected) => {
    const { days, printed } = retention(input, env)
    expect(days).toBe(expected)
    expect(printed).toBe('')
  })

  it('out of 1-90 is an invalid input whatever the repository allows', () => {
    expect(() => retention('91', { GITHUB_RETENTION_DAYS: '30' })).toThrow(InvalidInputError)
  })
})
