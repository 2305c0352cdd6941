import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as toolkit from '../../src/action/light-toolkit.js'

let temp: string
const saved = { ...process.env }

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'toolkit-'))
})

afterEach(async () => {
  process.env = { ...saved }
  jest.restoreAllMocks()
  await rm(temp, { recursive: true, force: true })
})

describe('the light toolkit', () => {
  it('reads inputs and states as the runner passes them', () => {
    process.env.INPUT_FAIL_ON_ERROR = '  true \n'
    process.env.INPUT_RUN = '  echo hi\n'
    process.env.STATE_scope = 'ci'
    expect(toolkit.getInput('fail on error')).toBe('true')
    expect(toolkit.getInput('run', { trimWhitespace: false })).toBe('  echo hi\n')
    expect(toolkit.getInput('missing')).toBe('')
    expect(toolkit.getState('scope')).toBe('ci')
  })

  it('sets outputs through the output file, multi-line values included', async () => {
    const file = join(temp, 'output')
    process.env.GITHUB_OUTPUT = file
    toolkit.setOutput('skipped', 'true')
    toolkit.setOutput('state', '{"a":\n1}')
    const lines = (await readFile(file, 'utf8')).split('\n')
    expect(lines[0]).toMatch(/^skipped<<ghadelimiter_[0-9a-f-]{36}$/)
    expect(lines.slice(1, 3)).toEqual(['true', lines[0]?.slice('skipped<<'.length)])
    expect(lines[4]).toBe('{"a":')
    expect(lines[5]).toBe('1}')
  })

  it('writes commands with their data escaped, and appends to the summary', async () => {
    const written: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    toolkit.notice('50% done\nnext')
    toolkit.warning('careful')
    toolkit.setSecret('hush')
    expect(written).toEqual([
      '::notice::50%25 done%0Anext\n',
      '::warning::careful\n',
      '::add-mask::hush\n'
    ])
    process.env.GITHUB_STEP_SUMMARY = join(temp, 'summary.md')
    toolkit.appendSummary('# one\n')
    toolkit.appendSummary('two\n')
    expect(await readFile(join(temp, 'summary.md'), 'utf8')).toBe('# one\ntwo\n')
  })
})
