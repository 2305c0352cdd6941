import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { rm, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ArchiveIntegrityError } from '../../src/packing/packing-errors.js'
import { PathEscapeError } from '../../src/packing/place.js'
import { NotFoundError, UsageError } from '../../src/offline/offline-errors.js'
import { readCheckpointSource } from '../../src/offline/read-source.js'
import { restoreCheckpoint } from '../../src/offline/restore-checkpoint.js'
import { documentOf, selectCheckpoint } from '../../src/offline/select.js'
import type { CheckpointSource } from '../../src/offline/source.js'
import { verifySource } from '../../src/offline/verify.js'
import { PIPELINE, writeDownloads, type NodeSpec } from '../../__fixtures__/cli/downloads.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

async function withSource<T>(
  dir: string,
  use: (source: CheckpointSource) => Promise<T>
): Promise<T> {
  const source = await readCheckpointSource(dir)
  try {
    return await use(source)
  } finally {
    await source.close()
  }
}

async function restore(dir: string, to: string, node?: string): Promise<unknown> {
  return withSource(dir, source =>
    restoreCheckpoint(source, documentOf(selectCheckpoint(source, node)), { to })
  )
}

async function tree(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir, { recursive: true })).sort() : []
}

const hostile = (entries: NodeSpec['zipEntries']): NodeSpec[] => [
  { node: 'hostile', state: {}, files: [{ path: 'ok.txt', data: 'ok' }], zipEntries: entries }
]

describe('restoreCheckpoint', () => {
  it('restores files byte for byte with their modes, links and state.json', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE)
    const to = join(await tempDir(), 'replay')
    expect(await restore(dir, to)).toMatchObject({
      checkpoint: 'checkpoint.pipeline.a1.s002.build.json',
      files: 3,
      links: 1
    })
    expect(await readFile(join(to, 'data/rows.csv'), 'utf8')).toBe('id,name\n1,a\n')
    expect(await readFile(join(to, 'build/model.bin'))).toEqual(Buffer.alloc(4096, 7))
    expect((await stat(join(to, 'data/fetch.sh'))).mode & 0o777).toBe(0o755)
    expect(await readlink(join(to, 'data/latest.csv'))).toBe('rows.csv')
    expect(JSON.parse(await readFile(join(to, 'state.json'), 'utf8'))).toEqual({
      rows: '1201',
      source: 'api',
      built: true
    })
  })

  it('restores an older node, from an archive a later node overwrote a path of', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, [
      ...PIPELINE,
      { node: 'fix', state: {}, files: [{ path: 'data/rows.csv', data: 'id,name\n2,b\n' }] }
    ])
    const latest = join(await tempDir(), 'latest')
    await restore(dir, latest)
    expect(await readFile(join(latest, 'data/rows.csv'), 'utf8')).toBe('id,name\n2,b\n')
    expect(await readFile(join(latest, 'data/fetch.sh'), 'utf8')).toContain('echo fetch')
    const older = join(await tempDir(), 'older')
    await restore(dir, older, 'fetch')
    expect(await readFile(join(older, 'data/rows.csv'), 'utf8')).toBe('id,name\n1,a\n')
    expect(await tree(older)).not.toContain('build')
  })

  it.each([
    ['a ../ entry', [{ name: '../evil.txt', data: 'x' }]],
    ['an absolute entry', [{ name: '/tmp/evil.txt', data: 'x' }]],
    [
      'an unlisted entry',
      [
        { name: 'ok.txt', data: 'ok' },
        { name: 'extra.txt', data: 'x' }
      ]
    ],
    [
      'an entry inflating past its size',
      [{ name: 'ok.txt', data: 'o'.repeat(100_000), deflate: true, claimedSize: 2 }]
    ]
  ])('refuses %s and writes nothing', async (_label, entries) => {
    const root = await tempDir()
    await writeDownloads(join(root, 'downloads'), hostile(entries))
    const to = join(root, 'target')
    await expect(restore(join(root, 'downloads'), to)).rejects.toThrow(ArchiveIntegrityError)
    expect(await tree(to)).toEqual([])
    const written = await tree(root)
    expect(written.filter(path => /(^|\/)(evil|extra)\.txt$/.test(path))).toEqual([])
    expect(existsSync('/tmp/evil.txt')).toBe(false)
  })

  it('refuses a truncated archive before anything is placed', async () => {
    const dir = await tempDir()
    const [, build] = await writeDownloads(dir, PIPELINE)
    if (!build?.zip) throw new Error('fixture')
    const bytes = await readFile(build.zip)
    await writeFile(build.zip, bytes.subarray(0, bytes.length >> 1))
    const to = join(await tempDir(), 'target')
    await expect(restore(dir, to)).rejects.toThrow(/truncated/)
    expect(await tree(to)).toEqual([])
  })

  it('refuses a link in an unzipped archive folder, and a folder link out of the target', async () => {
    const dir = await tempDir()
    const [fetch] = await writeDownloads(dir, [
      { node: 'fetch', state: {}, files: [{ path: 'data/rows.csv', data: 'x' }] }
    ])
    if (!fetch?.zip) throw new Error('fixture')
    const folder = join(dir, 'checkpoint.pipeline.a1.s001.fetch.files')
    await mkdir(folder)
    await symlink('/etc', join(folder, 'data'))
    await rm(fetch.zip)
    await expect(restore(dir, join(await tempDir(), 't'))).rejects.toThrow(ArchiveIntegrityError)

    const clean = await tempDir()
    await writeDownloads(clean, [
      { node: 'fetch', state: {}, files: [{ path: 'data/rows.csv', data: 'x' }] }
    ])
    const to = await tempDir()
    const outside = await tempDir()
    await symlink(outside, join(to, 'data'))
    await expect(restore(clean, to)).rejects.toThrow(PathEscapeError)
    expect(await tree(outside)).toEqual([])
  })

  it('needs every archive, and will not overwrite a file with the state', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, [
      { node: 'fetch', state: {}, files: [{ path: 'state.json', data: '{}' }] }
    ])
    const restoreWith = (stateFile?: string): Promise<unknown> =>
      withSource(dir, source =>
        restoreCheckpoint(source, documentOf(selectCheckpoint(source, undefined)), {
          to: join(dir, 'out'),
          ...(stateFile ? { stateFile } : {})
        })
      )
    await expect(restoreWith()).rejects.toThrow(UsageError)
    await expect(restoreWith('../state.json')).rejects.toThrow(UsageError)
    await expect(restoreWith('meta/state.json')).resolves.toMatchObject({ files: 1 })
    const [fetch] = await writeDownloads(await tempDir(), PIPELINE)
    await rm(fetch?.zip ?? '')
    await expect(restore(dirname(fetch?.json ?? ''), await tempDir())).rejects.toThrow(
      NotFoundError
    )
  })
})

describe('verifySource', () => {
  it('passes good downloads and lists archives that were not downloaded', async () => {
    const dir = await tempDir()
    const [fetch] = await writeDownloads(dir, PIPELINE)
    await rm(fetch?.zip ?? '')
    const report = await withSource(dir, verifySource)
    expect(report.ok).toBe(true)
    expect(report.missing).toEqual(['checkpoint.pipeline.a1.s001.fetch.files'])
    expect(report.items.map(item => [item.kind, item.result, item.files])).toEqual([
      ['checkpoint', 'ok', undefined],
      ['checkpoint', 'ok', undefined],
      ['archive', 'ok', 1]
    ])
  })

  it('fails a checkpoint whose digest does not match and a file whose bytes changed', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, hostile([{ name: 'ok.txt', data: 'OK' }]))
    const [doc] = await writeDownloads(join(dir, 'b'), PIPELINE)
    await writeFile(
      doc?.json ?? '',
      (await readFile(doc?.json ?? '', 'utf8')).replace('api', 'API')
    )
    const report = await withSource(dir, verifySource)
    expect(report.ok).toBe(false)
    expect(report.items.filter(item => item.result === 'failed').map(item => item.problem)).toEqual(
      [
        expect.stringContaining('digest does not match its content'),
        expect.stringContaining('does not match its sha256')
      ]
    )
  })
})
