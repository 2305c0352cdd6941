import { describe, expect, it } from '@jest/globals'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CorruptCheckpointError } from '../../src/checkpoint/errors.js'
import { NotFoundError, UsageError } from '../../src/offline/offline-errors.js'
import { readCheckpointSource } from '../../src/offline/read-source.js'
import type { CheckpointSource } from '../../src/offline/source.js'
import { PIPELINE, writeDownloads } from '../../__fixtures__/cli/downloads.js'
import { useTempDirs } from '../../__fixtures__/temp.js'
import { makeZip } from '../../__fixtures__/zip.js'

const tempDir = useTempDirs()

async function read(path: string): Promise<CheckpointSource> {
  const source = await readCheckpointSource(path)
  await source.close()
  return source
}

function statuses(source: CheckpointSource): string[] {
  return source.checkpoints.map(found => `${found.name} ${source.status(found)}`)
}

describe('readCheckpointSource', () => {
  it('reads a folder of downloads: documents as JSON, archives as <name>.zip', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE)
    const source = await read(dir)
    expect(statuses(source)).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.json valid',
      'checkpoint.pipeline.a1.s002.build.json valid'
    ])
    expect(source.archives.map(archive => [archive.name, archive.form])).toEqual([
      ['checkpoint.pipeline.a1.s001.fetch.files', 'zip'],
      ['checkpoint.pipeline.a1.s002.build.files', 'zip']
    ])
  })

  it('tells corrupt, newer-schema and files-missing checkpoints apart', async () => {
    const dir = await tempDir()
    const [fetch, build] = await writeDownloads(dir, PIPELINE)
    if (!fetch || !build?.zip) throw new Error('fixture')
    const edited = (await readFile(fetch.json, 'utf8')).replace('"1200"', '"9999"')
    await writeFile(fetch.json, edited)
    await rm(build.zip)
    const newer = JSON.parse(await readFile(build.json, 'utf8')) as Record<string, unknown>
    await writeFile(
      join(dir, 'checkpoint.pipeline.a2.s003.test.json'),
      JSON.stringify({ ...newer, schema: 99, attempt: 2, sequence: 3, node: 'test' })
    )
    const source = await read(dir)
    expect(statuses(source)).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.json corrupt',
      'checkpoint.pipeline.a1.s002.build.json files-missing',
      'checkpoint.pipeline.a2.s003.test.json newer-schema'
    ])
    expect(source.checkpoints[0]?.error).toBeInstanceOf(CorruptCheckpointError)
    expect(source.checkpoints[0]?.error?.message).toContain('digest does not match')
  })

  it('reads a zip that wraps the documents and the archives', async () => {
    const dir = await tempDir()
    const written = await writeDownloads(join(dir, 'raw'), PIPELINE)
    const entries = await Promise.all(
      written
        .flatMap(item => [item.json, ...(item.zip ? [item.zip] : [])])
        .map(async path => ({
          name: `run-1001/${path.split('/').at(-1) ?? ''}`,
          data: await readFile(path),
          deflate: true
        }))
    )
    await writeFile(join(dir, 'downloads.zip'), makeZip(entries))
    const source = await readCheckpointSource(join(dir, 'downloads.zip'))
    try {
      expect(statuses(source)).toEqual([
        'checkpoint.pipeline.a1.s001.fetch.json valid',
        'checkpoint.pipeline.a1.s002.build.json valid'
      ])
      expect(source.checkpoints[0]?.origin).toMatch(/downloads\.zip!run-1001\/checkpoint\./)
    } finally {
      await source.close()
    }
  })

  it('bounds an archive inside a zip by the size its checkpoint recorded', async () => {
    const dir = await tempDir()
    const [fetch] = await writeDownloads(join(dir, 'raw'), PIPELINE.slice(0, 1))
    if (!fetch?.zip) throw new Error('fixture')
    const archive = Buffer.concat([await readFile(fetch.zip), Buffer.alloc(100_000)])
    const wrapper = makeZip([
      { name: 'checkpoint.pipeline.a1.s001.fetch.json', data: await readFile(fetch.json) },
      { name: 'checkpoint.pipeline.a1.s001.fetch.files.zip', data: archive, deflate: true }
    ])
    await writeFile(join(dir, 'wrapper.zip'), wrapper)
    const source = await read(join(dir, 'wrapper.zip'))
    expect(statuses(source)).toEqual(['checkpoint.pipeline.a1.s001.fetch.json files-missing'])
    expect(source.problems.map(problem => problem.error.message)).toEqual([
      expect.stringContaining(`is over ${archive.length - 100_000} bytes`)
    ])
  })

  it('finds an archive unzipped into a folder, and one renamed on download by its digest', async () => {
    const dir = await tempDir()
    const [fetch, build] = await writeDownloads(dir, PIPELINE)
    if (!fetch?.zip || !build?.zip) throw new Error('fixture')
    await rename(build.zip, join(dir, 'checkpoint.pipeline.a1.s002.build.files (1).zip'))
    await rm(fetch.zip)
    const folder = join(dir, 'checkpoint.pipeline.a1.s001.fetch.files', 'data')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'rows.csv'), 'id,name\n1,a\n')
    const source = await read(dir)
    expect(source.archive('checkpoint.pipeline.a1.s001.fetch.files')?.form).toBe('folder')
    expect(source.archive('checkpoint.pipeline.a1.s002.build.files')?.path).toContain('(1).zip')
    expect(statuses(source)).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.json valid',
      'checkpoint.pipeline.a1.s002.build.json valid'
    ])
  })

  it('reads a checkpoint export as a source', async () => {
    const dir = await tempDir()
    const written = await writeDownloads(join(dir, 'raw'), PIPELINE)
    const exported = {
      kind: 'checkpoint-action/export',
      schema: 1,
      scope: 'pipeline',
      exportedAt: '',
      checkpoints: written.map(item => item.document)
    }
    await writeFile(join(dir, 'export.json'), JSON.stringify(exported))
    const source = await read(join(dir, 'export.json'))
    expect(source.checkpoints.map(found => found.origin)).toEqual([
      `${join(dir, 'export.json')}#1`,
      `${join(dir, 'export.json')}#2`
    ])
  })

  it('reports a truncated zip as a problem and ignores unrelated files', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE)
    const zip = makeZip([{ name: 'checkpoint.x.a1.s001.y.json', data: '{}' }])
    await writeFile(join(dir, 'other.zip'), zip.subarray(0, zip.length - 10))
    await writeFile(join(dir, 'package.json'), '{"name": "not a checkpoint"}')
    await writeFile(join(dir, 'notes.txt'), 'hello')
    const source = await read(dir)
    expect(source.checkpoints).toHaveLength(2)
    expect(source.problems.map(problem => problem.origin)).toEqual([join(dir, 'other.zip')])
  })

  it('finds nothing in an empty folder, refuses a missing path and a file that is no checkpoint', async () => {
    const dir = await tempDir()
    expect((await read(dir)).checkpoints).toEqual([])
    await expect(readCheckpointSource(join(dir, 'missing'))).rejects.toThrow(NotFoundError)
    await writeFile(join(dir, 'notes.json'), '{"a": 1}')
    await expect(readCheckpointSource(join(dir, 'notes.json'))).rejects.toThrow(UsageError)
  })
})
