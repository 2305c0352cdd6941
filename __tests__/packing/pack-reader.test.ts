import { describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import { PACKABLE_ARCHIVE_BYTES } from '../../src/checkpoint/packs.js'
import { nestedEntries, readNested } from '../../src/packing/pack-reader.js'
import { ArchiveIntegrityError } from '../../src/packing/packing-errors.js'
import { writePackFile } from '../../__fixtures__/packs.js'
import { useTempDirs } from '../../__fixtures__/temp.js'
import { makeZip } from '../../__fixtures__/zip.js'

const tempDir = useTempDirs()

const ARCHIVE = 'checkpoint.pipeline.a1.s001.fetch.files'
const DOCUMENT = 'checkpoint.pipeline.a1.s001.fetch.json'
const archiveBytes = makeZip([{ name: 'data/rows.csv', data: 'id\n1\n', deflate: true }])
const documentBytes = Buffer.from('{"kind":"checkpoint"}')

async function pack(): Promise<string> {
  const file = join(await tempDir(), 'checkpoint.pipeline.a1.s003.train.pack')
  await writePackFile(file, [
    { name: ARCHIVE, bytes: archiveBytes },
    { name: DOCUMENT, bytes: documentBytes }
  ])
  return file
}

describe('the pack reader', () => {
  it('lists every entry with the byte range of its exact bytes', async () => {
    const file = await pack()
    const entries = await nestedEntries(file)
    expect(entries.map(entry => [entry.name, entry.size])).toEqual([
      [ARCHIVE, archiveBytes.length],
      [DOCUMENT, documentBytes.length]
    ])
    const whole = await readFile(file)
    for (const [entry, bytes] of entries.map(
      (e, i) => [e, [archiveBytes, documentBytes][i]] as const
    )) {
      expect(whole.subarray(entry.offset, entry.offset + entry.size)).toEqual(bytes)
    }
  })

  it('reads an archive back checked against the digest recorded at upload', async () => {
    const file = await pack()
    const [archive, document] = await nestedEntries(file)
    if (!archive || !document) throw new Error('the pack lists two entries')
    expect(await readNested(file, archive, sha256Digest(archiveBytes))).toEqual(archiveBytes)
    expect(await readNested(file, document, undefined)).toEqual(documentBytes)
  })

  it('refuses bytes that do not match the digest, naming the archive and the pack', async () => {
    const file = await pack()
    const [archive] = await nestedEntries(file)
    if (!archive) throw new Error('the pack lists an entry')
    const whole = await readFile(file)
    whole.writeUInt8(whole.readUInt8(archive.offset + 3) ^ 0xff, archive.offset + 3)
    await writeFile(file, whole)
    const read = readNested(file, archive, sha256Digest(archiveBytes))
    await expect(read).rejects.toThrow(ArchiveIntegrityError)
    await expect(read).rejects.toThrow(`Archive ${ARCHIVE} was refused`)
    await expect(read).rejects.toThrow('checkpoint.pipeline.a1.s003.train.pack')
  })

  it('refuses an entry over the limit before reading it', async () => {
    const file = await pack()
    const [archive] = await nestedEntries(file)
    if (!archive) throw new Error('the pack lists an entry')
    const large = { ...archive, size: PACKABLE_ARCHIVE_BYTES + 1 }
    await expect(readNested(file, large, undefined)).rejects.toThrow(
      `is over ${PACKABLE_ARCHIVE_BYTES} bytes`
    )
    await expect(readNested(file, archive, undefined, 10)).rejects.toThrow('is over 10 bytes')
  })

  it('refuses a zip with a compressed entry, or no zip at all, as not a pack', async () => {
    const dir = await tempDir()
    const compressed = join(dir, 'compressed.pack')
    await writeFile(compressed, makeZip([{ name: ARCHIVE, data: 'x'.repeat(100), deflate: true }]))
    await expect(nestedEntries(compressed)).rejects.toThrow(
      `Archive compressed.pack was refused: not a pack (${ARCHIVE} is compressed)`
    )
    const text = join(dir, 'text.pack')
    await writeFile(text, 'not a zip at all')
    await expect(nestedEntries(text)).rejects.toThrow(ArchiveIntegrityError)
  })
})
