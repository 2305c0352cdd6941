// The CLI on downloads where small archives and an old document were merged into a pack, as
// PACKS.md lays them out: a document written after the merge finds its archives through
// ArchiveRecord.pack, one written before finds them by name inside the pack.
import { describe, expect, it } from '@jest/globals'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkpointName, filesArchiveName } from '../../src/checkpoint/naming.js'
import { packEntries } from '../../src/packing/pack-file.js'
import { PACKED, writePackedDownloads } from '../../__fixtures__/cli/downloads.js'
import { runCliInProcess as cli } from '../../__fixtures__/cli/in-process.js'
import { readTree, digests } from '../../__fixtures__/checkpoints.js'
import { useTempDirs } from '../../__fixtures__/temp.js'
import { makeZip } from '../../__fixtures__/zip.js'

const tempDir = useTempDirs()

const ref = (sequence: number, node: string) => ({ scope: 'pipeline', attempt: 1, sequence, node })
const { pack: PACK, retired: RETIRED, archives: PACKED_ARCHIVES } = PACKED

async function packedDownloads(): Promise<string> {
  const dir = await tempDir()
  await writePackedDownloads(dir)
  return dir
}

const EVERY_FILE = {
  'data/rows.csv': Buffer.from('id,name\n1,a\n'),
  'data/fetch.sh': Buffer.from('#!/bin/sh\necho fetch\n'),
  'build/model.bin': Buffer.alloc(4096, 7),
  'model/weights.bin': Buffer.alloc(2048, 3),
  'report/index.html': Buffer.from('<h1>done</h1>\n')
}

describe('the CLI on packs', () => {
  it('lists the documents retired into a pack, located as <pack>!<entry>', async () => {
    const dir = await packedDownloads()
    const table = await cli(['list'], dir)
    expect(table).toMatchObject({ code: 0, stderr: '' })
    expect(table.stdout.split('\n')[0]).toMatch(/\sSTATUS\s+LOCATION$/)
    expect(table.stdout).toMatch(
      new RegExp(`pipeline\\s+fetch\\s+1\\s+1\\s.*valid\\s+${PACK}\\.zip!${RETIRED}\\n`)
    )
    const listed = JSON.parse((await cli(['list', '--json'], dir)).stdout) as {
      checkpoints: { name: string; status: string; origin: string }[]
    }
    expect(listed.checkpoints.map(item => [item.name, item.status])).toEqual([
      [RETIRED, 'valid'],
      [checkpointName(ref(2, 'build')), 'valid'],
      [checkpointName(ref(3, 'train')), 'valid'],
      [checkpointName(ref(4, 'report')), 'valid']
    ])
    expect(listed.checkpoints[0]?.origin).toBe(join(dir, `${PACK}.zip!${RETIRED}`))
  })

  it('verifies every archive inside the pack against its digest and manifest', async () => {
    const dir = await packedDownloads()
    const verified = await cli(['verify', '--json'], dir)
    expect(verified.code).toBe(0)
    const report = JSON.parse(verified.stdout) as {
      ok: boolean
      items: { name: string; kind: string; result: string; origin: string }[]
      missing: string[]
    }
    expect(report).toMatchObject({ ok: true, missing: [] })
    const archives = report.items.filter(item => item.kind === 'archive')
    expect(archives.map(item => [item.name, item.result]).sort()).toEqual(
      [...PACKED_ARCHIVES, filesArchiveName(ref(4, 'report'))].map(name => [name, 'ok']).sort()
    )
    const packed = archives.filter(item => item.origin.includes(`${PACK}.zip!`))
    expect(packed.map(item => item.name).sort()).toEqual([...PACKED_ARCHIVES].sort())
  })

  it('restores the newest checkpoint, its archives read through the pack', async () => {
    const dir = await packedDownloads()
    const restored = await cli(['restore', '--to', 'replay', '--json'], dir)
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(restored.stdout)).toMatchObject({
      checkpoint: checkpointName(ref(4, 'report')),
      files: 5
    })
    const tree = await readTree(join(dir, 'replay'))
    delete tree['state.json']
    expect(digests(tree)).toEqual(digests(EVERY_FILE))
  })

  it('shows and restores a document written before the pack, finding its archives by name', async () => {
    const dir = await packedDownloads()
    const shown = await cli(['show', 'build', '--json'], dir)
    expect(shown.code).toBe(0)
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'valid', missing: [] })
    const retired = await cli(['show', RETIRED.replace(/\.json$/, ''), '--json'], dir)
    expect(JSON.parse(retired.stdout)).toMatchObject({
      origin: join(dir, `${PACK}.zip!${RETIRED}`),
      status: 'valid',
      checkpoint: { node: 'fetch', sequence: 1 }
    })
    const restored = await cli(['restore', '--to', 'replay', '--node', 'build', '--json'], dir)
    expect(JSON.parse(restored.stdout)).toMatchObject({ files: 3, links: 1 })
    expect(await readFile(join(dir, 'replay/build/model.bin'))).toEqual(Buffer.alloc(4096, 7))
  })

  it('reads the pack inside a zip of the whole download folder', async () => {
    const dir = await packedDownloads()
    const pack = await readFile(join(dir, `${PACK}.zip`))
    const zipped = join(await tempDir(), 'downloads.zip')
    await writeFile(zipped, makeZip([{ name: `${PACK}.zip`, data: pack, deflate: true }]))
    const listed = await cli(['list', zipped], dir)
    expect(listed).toMatchObject({ code: 0 })
    expect(listed.stdout).toMatch(
      new RegExp(`fetch\\s.*valid\\s+downloads\\.zip!${PACK}\\.zip!${RETIRED}`)
    )
  })

  it('names the pack to download when it is missing', async () => {
    const dir = await packedDownloads()
    await rm(join(dir, `${PACK}.zip`))
    const restored = await cli(['restore', '--to', 'replay'], dir)
    expect(restored.code).toBe(1)
    expect(restored.stderr).toContain(`${PACKED_ARCHIVES[0] ?? ''} (in pack ${PACK})`)
    const verified = await cli(['verify'], dir)
    expect(verified.stdout).toContain(
      `not downloaded, not verified: ${PACKED_ARCHIVES[0] ?? ''} (in pack ${PACK})`
    )
  })

  it('refuses an archive whose bytes in the pack were changed, naming it', async () => {
    const dir = await packedDownloads()
    const file = join(dir, `${PACK}.zip`)
    const entries = await packEntries(file)
    const build = entries.find(entry => entry.name === PACKED_ARCHIVES[1])
    if (!build) throw new Error('the pack holds the build archive')
    const bytes = await readFile(file)
    const at = build.start + build.size - 30
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at)
    await writeFile(file, bytes)
    const verified = await cli(['verify'], dir)
    expect(verified.code).toBe(3)
    expect(verified.stdout).toMatch(
      new RegExp(
        `unreadable\\s+\\S*${PACK}\\.zip!${PACKED_ARCHIVES[1] ?? ''}\\s+failed\\s+Archive ${PACKED_ARCHIVES[1] ?? ''} was refused`
      )
    )
    const restored = await cli(['restore', '--to', 'replay'], dir)
    expect(restored.code).toBe(1)
    expect(restored.stderr).toContain('its bytes in the pack do not match its digest')
  })
})
