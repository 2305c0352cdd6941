import { describe, expect, it } from '@jest/globals'
import type { JobRunner } from '../../local/runner.js'
import {
  evaluate,
  holds,
  interpolate,
  replayJob,
  type ExpressionContext
} from '../../__fixtures__/workflow-replay.js'

const context: ExpressionContext = {
  github: name => {
    if (name === 'run_attempt') return '2'
    throw new Error(`the replay does not know github.${name}`)
  },
  steps: new Map([['resume', { resumed: 'true', 'done-fetch': 'TRUE' }]])
}

describe('the replay evaluator', () => {
  it.each([
    ["'it''s'", "it's"],
    ['github.run_attempt', '2'],
    ['steps.resume.outputs.resumed', 'true'],
    ['steps.resume.outputs.done-build', ''],
    ['steps.later.outputs.x', ''],
    ["github.run_attempt == '2'", 'true'],
    ["github.run_attempt != '2'", ''],
    ["steps.resume.outputs.done-fetch == 'true'", 'true']
  ])('%s is %j', (expression, value) => {
    expect(evaluate(expression, context)).toBe(value)
  })

  it.each([
    'always()',
    "fromJSON(steps.resume.outputs.state).rows == '1'",
    "github.event.workflow_run.id == '1'",
    "github.run_attempt == '2' && steps.resume.outputs.resumed == 'true'",
    'matrix.os',
    '1'
  ])('refuses %s', expression => {
    expect(() => evaluate(expression, context)).toThrow(/does not (evaluate|know)/)
  })

  it('reads an if: with or without ${{ }}, and replaces expressions in text', () => {
    expect(holds("${{ github.run_attempt == '2' }}", context)).toBe(true)
    expect(holds("steps.resume.outputs.done-build == 'true'", context)).toBe(false)
    expect(holds(undefined, context)).toBe(true)
    expect(
      interpolate(
        'attempt ${{ github.run_attempt }} of ${{ steps.resume.outputs.resumed }}',
        context
      )
    ).toBe('attempt 2 of true')
  })
})

describe('replayJob', () => {
  const runner = {
    options: { env: {} },
    complete: () => Promise.resolve([])
  } as unknown as JobRunner

  it.each([
    [{ uses: 'docker/build-push-action@v6' }, 'the replay runs only run: steps and uses: ./<dir>'],
    [
      { run: 'make', 'continue-on-error': true },
      'make: the replay does not know continue-on-error'
    ],
    [{ run: 'Get-Date', shell: 'pwsh' }, 'Get-Date: the replay runs bash only']
  ])('refuses a step it cannot replay faithfully: %j', async (step, message) => {
    await expect(replayJob(runner, [step])).rejects.toThrow(message)
  })
})
