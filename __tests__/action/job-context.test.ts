import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeCheckpoint } from '../../src/checkpoint/document.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import {
  baseFileName,
  loadJobContext,
  recordEvent,
  saveJobContext,
  type JobContext
} from '../../src/action/job-context.js'

const run = { runId: '7', attempt: 2 }
const big = { rows: Array.from({ length: 2000 }, (_, id) => ({ id, note: 'row' })) }
const first = nextCheckpoint(undefined, { scope: 'ci', node: 'a', run, state: big })
const second = nextCheckpoint(first, { scope: 'ci', node: 'b', run, state: { more: true } })

let temp: string
const folder = (): string => join(temp, 'checkpoint-action')

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'job-context-'))
})

afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('the job context', () => {
  it('keeps the base in a file of its own, as the document text, named by its digest', async () => {
    const job: JobContext = { scope: 'ci', base: first, events: [], lastStepEndedAt: 'now' }
    await saveJobContext(temp, job)
    const small = await readFile(join(folder(), 'ci.json'), 'utf8')
    expect(small).not.toContain('"rows"')
    expect(JSON.parse(small)).toEqual({
      scope: 'ci',
      events: [],
      lastStepEndedAt: 'now',
      baseFile: baseFileName('ci', first)
    })
    const baseText = await readFile(join(folder(), baseFileName('ci', first)), 'utf8')
    expect(baseText).toBe(serializeCheckpoint(first))
    expect(await loadJobContext(temp, 'ci')).toEqual(job)
  })

  it('writes a base once: events after it rewrite only the small file', async () => {
    const job: JobContext = { scope: 'ci', base: first, events: [], lastStepEndedAt: '' }
    await saveJobContext(temp, job)
    const file = join(folder(), baseFileName('ci', first))
    const before = await stat(file)
    const loaded = await loadJobContext(temp, 'ci')
    if (!loaded) throw new Error('no context')
    await recordEvent(temp, loaded, { node: 'a', status: 'skipped', reason: 'done' })
    const after = await stat(file)
    expect(after.ino).toBe(before.ino)
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect((await loadJobContext(temp, 'ci'))?.events).toEqual([
      { node: 'a', status: 'skipped', reason: 'done' }
    ])
  })

  it('replaces the base file when the base changes, and removes the old one', async () => {
    await saveJobContext(temp, { scope: 'ci', base: first, events: [], lastStepEndedAt: '' })
    await saveJobContext(temp, { scope: 'ci-2', base: first, events: [], lastStepEndedAt: '' })
    await saveJobContext(temp, { scope: 'ci', base: second, events: [], lastStepEndedAt: '' })
    expect((await readdir(folder())).sort()).toEqual(
      ['ci.json', baseFileName('ci', second), 'ci-2.json', baseFileName('ci-2', first)].sort()
    )
    expect((await loadJobContext(temp, 'ci'))?.base).toEqual(second)
  })

  it('reads the rest without the base when asked, and no base when it was changed', async () => {
    await saveJobContext(temp, { scope: 'ci', base: first, events: [], lastStepEndedAt: '' })
    const file = join(folder(), baseFileName('ci', first))
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('"note":"row"', '"note":"new"'), 'utf8')
    expect(await loadJobContext(temp, 'ci')).toBeUndefined()
    await rm(file)
    expect(await loadJobContext(temp, 'ci', { base: false })).toEqual({
      scope: 'ci',
      events: [],
      lastStepEndedAt: '',
      base: undefined
    })
  })

  it('reads a base whose text it verified as that document, and verifies a changed one', async () => {
    await saveJobContext(temp, { scope: 'ci', base: first, events: [], lastStepEndedAt: '' })
    const file = join(folder(), baseFileName('ci', first))
    const read = await loadJobContext(temp, 'ci')
    expect(read?.base).toEqual(first)
    expect((await loadJobContext(temp, 'ci'))?.base).toBe(read?.base)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('"note":"row"', '"note":"new"'), 'utf8')
    expect(await loadJobContext(temp, 'ci')).toBeUndefined()
    await writeFile(file, text, 'utf8')
    expect((await loadJobContext(temp, 'ci'))?.base).toEqual(first)
  })

  it('still reads a context that holds its base inline (written by an earlier version)', async () => {
    const job: JobContext = { scope: 'ci', base: first, events: [], lastStepEndedAt: 'then' }
    await saveJobContext(temp, { scope: 'ci', events: [], lastStepEndedAt: '' })
    await writeFile(join(folder(), 'ci.json'), JSON.stringify(job), 'utf8')
    expect(await loadJobContext(temp, 'ci')).toEqual(job)
  })
})
