import { describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import { ArchiveIntegrityError } from '../../src/packing/packing-errors.js'
import type yauzl from 'yauzl'
import {
  isZipFile,
  listZip,
  readEntry,
  unzipEntry,
  type ListedZip
} from '../../src/packing/zip-reader.js'
import { makeZip, type ZipEntry } from '../../__fixtures__/zip.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

async function zipFile(entries: ZipEntry[]): Promise<string> {
  const path = join(await tempDir(), 'some.zip')
  await writeFile(path, makeZip(entries))
  return path
}

/** Lists `path`, hands it and its first entry to `use`, and closes the zip. */
async function withFirstEntry<T>(
  path: string,
  use: (listed: ListedZip, first: yauzl.Entry) => T | Promise<T>
): Promise<T> {
  const listed = await listZip(path, 'some.zip')
  try {
    const [first] = listed.entries
    if (!first) throw new Error(`${path} lists no entry`)
    return await use(listed, first)
  } finally {
    listed.zip.close()
  }
}

describe('the zip reader', () => {
  it('tells a zip from another file by its first bytes', async () => {
    const other = join(await tempDir(), 'doc.json')
    await writeFile(other, '{}')
    expect(await isZipFile(await zipFile([{ name: 'a.txt', data: 'a' }]))).toBe(true)
    expect(await isZipFile(other)).toBe(false)
  })

  it('lists entries, reading a Windows separator as /', async () => {
    const path = await zipFile([
      { name: 'one.json', data: '{}' },
      { name: 'sub\\two.json', data: '[]', deflate: true }
    ])
    const names = await withFirstEntry(path, ({ entries }) => entries.map(entry => entry.fileName))
    expect(names).toEqual(['one.json', 'sub/two.json'])
  })

  it('refuses to list a zip with an unsafe name, saying it is not readable', async () => {
    const path = await zipFile([{ name: '../evil.txt', data: 'x' }])
    const listing = listZip(path, 'some.zip')
    await expect(listing).rejects.toThrow(ArchiveIntegrityError)
    await expect(listZip(path, 'some.zip')).rejects.toThrow(
      'Archive some.zip was refused: not a readable zip (invalid relative path: ../evil.txt)'
    )
  })

  it('reads an entry, stored or deflated, into memory', async () => {
    const data = 'text '.repeat(1000)
    const path = await zipFile([{ name: 'a.txt', data, deflate: true }])
    const bytes = await withFirstEntry(path, (listed, first) =>
      readEntry(listed, first, data.length, 'some.zip')
    )
    expect(bytes.toString('utf8')).toBe(data)
  })

  it('writes an entry into a file and tells its size and digest', async () => {
    const path = await zipFile([{ name: 'inner.zip', data: 'inner bytes' }])
    const target = join(await tempDir(), 'inner.zip')
    const written = await withFirstEntry(path, (listed, first) =>
      unzipEntry(listed, first, target, 100, 'inner')
    )
    expect(written).toEqual({ bytes: 11, digest: sha256Digest('inner bytes') })
    expect(await readFile(target, 'utf8')).toBe('inner bytes')
  })

  it('refuses an entry whose header claims more than the limit, before reading it', async () => {
    const path = await zipFile([{ name: 'a.txt', data: 'abcdef' }])
    await expect(
      withFirstEntry(path, (listed, first) => readEntry(listed, first, 5, 'some.zip'))
    ).rejects.toThrow('Archive some.zip was refused: entry "a.txt" is over 5 bytes')
  })

  it('refuses an entry that inflates past the limit whatever its header claims', async () => {
    const path = await zipFile([
      { name: 'a.txt', data: 'a'.repeat(100_000), deflate: true, claimedSize: 1 }
    ])
    await expect(
      withFirstEntry(path, (listed, first) => readEntry(listed, first, 10, 'some.zip'))
    ).rejects.toThrow(/entry "a\.txt" (is over 10 bytes|could not be read \(too many bytes)/)
  })
})
