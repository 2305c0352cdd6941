import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
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

  // @actions/core is the definition of these commands: the toolkit must write what it writes.
  type Commands = Pick<
    typeof toolkit,
    | 'info'
    | 'debug'
    | 'notice'
    | 'warning'
    | 'setSecret'
    | 'startGroup'
    | 'endGroup'
    | 'setOutput'
    | 'saveState'
    | 'setFailed'
  >

  /** What `calls` writes to stdout and to the runner's files, delimiters made alike. */
  async function written(
    commands: Commands,
    files: boolean
  ): Promise<{ stdout: string; files: string; exitCode: unknown }> {
    const stdout: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      stdout.push(String(chunk))
      return true
    })
    const output = join(temp, `output-${String(Math.random())}`)
    const state = join(temp, `state-${String(Math.random())}`)
    process.env.GITHUB_OUTPUT = files ? output : ''
    process.env.GITHUB_STATE = files ? state : ''
    if (files) await Promise.all([writeFile(output, ''), writeFile(state, '')])
    const exitCode = process.exitCode
    try {
      commands.info('plain line: 100% done')
      commands.debug('a:b,c\nd\r%')
      commands.notice('note %0A\nnext')
      commands.warning('careful, 50%')
      commands.setSecret('hush\nhush')
      commands.startGroup("Save node 'build': 1,2")
      commands.endGroup()
      commands.setOutput('saved', 'true')
      commands.setOutput('state', '{"a":\n1}')
      commands.saveState('scope', 'ci, with: colons')
      commands.setFailed('it failed:\n50% of it')
      const seen = process.exitCode
      const text = files ? (await readFile(output, 'utf8')) + (await readFile(state, 'utf8')) : ''
      return {
        stdout: stdout.join(''),
        files: text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER'),
        exitCode: seen
      }
    } finally {
      process.exitCode = exitCode
      jest.restoreAllMocks()
    }
  }

  it.each([
    ['with the runner files', true],
    ['without them (commands on stdout)', false]
  ])('writes what @actions/core writes, %s', async (_, files) => {
    const ours = await written(toolkit, files)
    const theirs = await written(core, files)
    expect(ours).toEqual(theirs)
    expect(ours.exitCode).toBe(1)
    expect(ours.stdout).toContain('::error::it failed:%0A50%25 of it')
  })
})
