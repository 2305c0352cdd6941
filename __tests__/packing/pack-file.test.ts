import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import {
  archiveBytesOut,
  copyPackEntry,
  openPack,
  packBytes,
  packEntries,
  readPackEntry,
  type PackEntry
} from '../../src/packing/pack-file.js'
import { ArchiveIntegrityError } from '../../src/packing/packing-errors.js'
import { writeZip } from '../../src/packing/zip-file.js'
import { ZipPacker } from '../../src/packing/zip-writer.js'

let dir = ''

/** The entries of the test's pack; fails the test when one is missing. */
async function entriesOf(pack: string): Promise<PackEntry[]> {
  const entries = await packEntries(pack)
  expect(entries).toHaveLength(3)
  return entries
}

function at(entries: PackEntry[], index: number): PackEntry {
  const entry = entries[index]
  if (!entry) throw new Error(`no entry ${String(index)}`)
  return entry
}
const archive = randomBytes(70_000)
const document = Buffer.from('{"kind": "checkpoint-action/checkpoint"}')

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pack-file-'))
  await writeFile(join(dir, 'a'), archive)
  await writeFile(join(dir, 'd'), document)
  await writeFile(join(dir, 'e'), '')
  await writeZip(
    join(dir, 'pack'),
    packBytes([
      { name: 'checkpoint.p.a1.s001.n.files', file: join(dir, 'a') },
      { name: 'checkpoint.p.a1.s001.n.json', file: join(dir, 'd') },
      { name: 'checkpoint.p.a1.s002.m.files', file: join(dir, 'e') }
    ])
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a pack', () => {
  it('lists its entries with the byte range of each, in order', async () => {
    const entries = await packEntries(join(dir, 'pack'))
    expect(entries.map(entry => [entry.name, entry.size])).toEqual([
      ['checkpoint.p.a1.s001.n.files', archive.length],
      ['checkpoint.p.a1.s001.n.json', document.length],
      ['checkpoint.p.a1.s002.m.files', 0]
    ])
    const bytes = await readFile(join(dir, 'pack'))
    const first = at(entries, 0)
    expect(bytes.subarray(first.start, first.start + archive.length)).toEqual(archive)
    expect(await readPackEntry(join(dir, 'pack'), at(entries, 1))).toEqual(document)
  })

  it('gives an entry back by its range when its digest matches, an empty one too', async () => {
    const entries = await entriesOf(join(dir, 'pack'))
    const [first, empty] = [at(entries, 0), at(entries, 2)]
    await copyPackEntry(join(dir, 'pack'), first, join(dir, 'out'), sha256Digest(archive))
    expect(await readFile(join(dir, 'out'))).toEqual(archive)
    await copyPackEntry(join(dir, 'pack'), empty, join(dir, 'out0'), sha256Digest(Buffer.alloc(0)))
    expect(await readFile(join(dir, 'out0'))).toEqual(Buffer.alloc(0))
  })

  it('refuses an entry whose bytes do not match, and leaves no file', async () => {
    const first = at(await entriesOf(join(dir, 'pack')), 0)
    const wrong = sha256Digest(Buffer.from('other'))
    await expect(copyPackEntry(join(dir, 'pack'), first, join(dir, 'bad'), wrong)).rejects.toThrow(
      ArchiveIntegrityError
    )
    await expect(readFile(join(dir, 'bad'))).rejects.toThrow()
  })

  it('gives an archive back in memory by its name when its digest matches', async () => {
    const pack = await openPack(join(dir, 'pack'))
    expect(pack.named.get('checkpoint.p.a1.s001.n.json')).toEqual(at(pack.entries, 1))
    const record = { name: 'checkpoint.p.a1.s001.n.files', digest: sha256Digest(archive) }
    expect(await archiveBytesOut(pack, 'the-pack', record)).toEqual(archive)
  })

  it('refuses an archive in memory whose bytes do not match, or that it does not hold', async () => {
    const pack = await openPack(join(dir, 'pack'))
    const name = 'checkpoint.p.a1.s001.n.files'
    const wrong = { name, digest: sha256Digest(Buffer.from('other')) }
    await expect(archiveBytesOut(pack, 'the-pack', wrong)).rejects.toThrow(
      /checkpoint\.p\.a1\.s001\.n\.files.*do not match its digest/
    )
    const absent = { name: 'checkpoint.p.a1.s009.x.files', digest: sha256Digest(archive) }
    await expect(archiveBytesOut(pack, 'the-pack', absent)).rejects.toThrow(/is not in the-pack/)
  })

  it('is refused when an entry is compressed: a pack stores its entries', async () => {
    const source = {
      name: 'x',
      path: 'x',
      absolute: join(dir, 'd'),
      mode: 0o644,
      mtime: new Date(),
      size: document.length
    }
    await writeZip(join(dir, 'deflated'), new ZipPacker([source], { level: 6 }).bytes())
    await expect(packEntries(join(dir, 'deflated'))).rejects.toThrow(/not a pack/)
    await expect(openPack(join(dir, 'deflated'))).rejects.toThrow(/not a pack/)
  })
})
