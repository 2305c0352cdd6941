import { describe, expect, it } from '@jest/globals'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CheckpointNotFoundError,
  CheckpointWriteError,
  CorruptCheckpointError,
  InvalidInputError
} from '../../src/checkpoint/errors.js'
import { FORBIDDEN_KEY_RULE } from '../../src/checkpoint/state.js'
import { CheckpointManager } from '../../src/checkpoint/manager.js'
import type { CheckpointStore } from '../../src/checkpoint/store.js'
import { LocalDirectoryStore } from '../../src/offline/local-directory-store.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

async function manager(scope = 'ci'): Promise<CheckpointManager> {
  return new CheckpointManager(new LocalDirectoryStore(await tempDir()), { scope })
}

describe('CheckpointManager over a local directory', () => {
  it('creates cumulative checkpoints with increasing sequence numbers in one second', async () => {
    const checkpoints = await manager()
    const first = await checkpoints.create('fetch', { rows: 10 })
    const second = await checkpoints.create('build', { built: true })
    const third = await checkpoints.create('fetch', { rows: 11 })
    expect([first.sequence, second.sequence, third.sequence]).toEqual([1, 2, 3])
    expect(third.state).toEqual({ rows: 11, built: true })
    expect((await checkpoints.list()).map(ref => ref.sequence)).toEqual([1, 2, 3])
  })

  it('finds the latest overall and per node from names alone, whatever the listing order', async () => {
    const checkpoints = await manager()
    await checkpoints.create('fetch', {})
    await checkpoints.create('build', {})
    await checkpoints.create('fetch', {})
    await checkpoints.create('test', {})
    const names = await checkpoints.store.listNames()
    const shuffled: CheckpointStore = {
      location: 'shuffled',
      listNames: () => Promise.resolve([...names].reverse()),
      readText: () => Promise.reject(new Error('latest must not read any file')),
      writeText: () => Promise.reject(new Error('read only'))
    }
    const reader = new CheckpointManager(shuffled, { scope: 'ci' })
    expect(await reader.latest()).toMatchObject({ node: 'test', sequence: 4 })
    expect(await reader.latest('fetch')).toMatchObject({ node: 'fetch', sequence: 3 })
    expect(await reader.latest('missing')).toBeUndefined()
  })

  it('keeps scopes apart in one directory', async () => {
    const dir = await tempDir()
    const a = new CheckpointManager(new LocalDirectoryStore(dir), { scope: 'a' })
    const b = new CheckpointManager(new LocalDirectoryStore(dir), { scope: 'b' })
    await a.create('fetch', { from: 'a' })
    await b.create('fetch', { from: 'b' })
    expect((await a.latestValid())?.state).toEqual({ from: 'a' })
    expect((await b.list()).length).toBe(1)
  })

  it('loads with the digest verified and falls back past a corrupt latest checkpoint', async () => {
    const checkpoints = await manager()
    await checkpoints.create('fetch', { good: true })
    const bad = await checkpoints.create('build', { good: false })
    const file = join(checkpoints.store.location, 'checkpoint.ci.a1.s002.build.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"good":false', '"good":true'))
    await expect(checkpoints.load(bad)).rejects.toThrow(CorruptCheckpointError)
    await expect(checkpoints.load(bad)).rejects.toThrow(file)
    const skipped: string[] = []
    const latest = await checkpoints.latestValid({
      onSkip: ({ error }) => skipped.push(error.message)
    })
    expect(latest?.node).toBe('fetch')
    expect(skipped).toEqual([expect.stringContaining('digest does not match')])
  })

  it('refuses a state holding __proto__, constructor or prototype, writing nothing', async () => {
    const checkpoints = await manager()
    const hostile = JSON.parse('{"rows": 1, "nested": {"constructor": {"prototype": {}}}}') as {
      rows: number
    }
    await expect(checkpoints.create('fetch', hostile)).rejects.toThrow(
      new InvalidInputError(
        'state',
        JSON.stringify(hostile),
        `holds the key 'constructor' at nested.constructor: ${FORBIDDEN_KEY_RULE}`
      )
    )
    expect(await checkpoints.store.listNames()).toEqual([])
  })

  it('names the missing file', async () => {
    const checkpoints = await manager()
    await expect(checkpoints.load('checkpoint.ci.a1.s009.x.json')).rejects.toThrow(
      CheckpointNotFoundError
    )
    await expect(checkpoints.load('checkpoint.ci.a1.s009.x.json')).rejects.toThrow(
      /checkpoint\.ci\.a1\.s009\.x\.json does not exist/
    )
  })

  it('reports a store that cannot be written, naming the file', async () => {
    const blocker = join(await tempDir(), 'a-file')
    await writeFile(blocker, 'not a directory')
    const store = new LocalDirectoryStore(join(blocker, 'checkpoints'))
    const write = store.writeText('checkpoint.ci.a1.s001.fetch.json', '{}')
    await expect(write).rejects.toThrow(CheckpointWriteError)
    await expect(store.writeText('n.json', '{}')).rejects.toThrow(
      /Cannot write checkpoint .*a-file\/checkpoints\/n\.json/
    )
  })

  it('leaves the old file and no temporary file behind when a write fails', async () => {
    const dir = await tempDir()
    const store = new LocalDirectoryStore(dir)
    await mkdir(join(dir, 'taken.json'))
    await expect(store.writeText('taken.json', '{}')).rejects.toThrow(CheckpointWriteError)
    expect(await readdir(dir)).toEqual(['taken.json'])
  })

  it('exports every checkpoint and imports them into another store', async () => {
    const source = await manager()
    await source.create('fetch', { a: 1 })
    await source.create('build', { b: 2 })
    const exported = await source.exportAll()
    expect(exported.checkpoints.map(doc => doc.node)).toEqual(['fetch', 'build'])
    const target = await manager()
    expect((await target.importAll(JSON.parse(JSON.stringify(exported)))).length).toBe(2)
    expect((await target.latestValid())?.state).toEqual({ a: 1, b: 2 })
    expect(await target.importAll(exported)).toEqual([])
  })

  it('refuses to import a tampered export', async () => {
    const source = await manager()
    await source.create('fetch', { a: 1 })
    const exported = await source.exportAll()
    const first = exported.checkpoints[0]
    if (first) first.state = { a: 2 }
    await expect((await manager()).importAll(exported)).rejects.toThrow(/digest does not match/)
  })
})
