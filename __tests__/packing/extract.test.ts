import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileRecord } from '../../src/checkpoint/document.js'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import { extractArchive } from '../../src/packing/extract.js'
import { ArchiveIntegrityError } from '../../src/packing/packing-errors.js'
import { makeZip, type ZipEntry } from '../../__fixtures__/zip.js'
import { useTempDirs } from '../../__fixtures__/temp.js'
import { stagedPath } from '../../src/packing/staged-path.js'

const tempDir = useTempDirs()

function record(path: string, data: string): FileRecord {
  const sha256 = `sha256:${createHash('sha256').update(data).digest('hex')}`
  return { path, size: Buffer.byteLength(data), sha256, mode: 0o644, archive: 'files' }
}

async function extract(
  entries: ZipEntry[],
  expected: FileRecord[]
): Promise<{ staging: string; outside: string }> {
  const root = await tempDir()
  const zip = join(root, 'files.zip')
  await writeFile(zip, makeZip(entries))
  const staging = join(root, 'stage', 'inner')
  await extractArchive(zip, 'files', expected, staging)
  return { staging, outside: root }
}

async function listTree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort()
}

describe('extractArchive', () => {
  it('extracts listed files, stored or deflated, into staging', async () => {
    const { staging } = await extract(
      [
        { name: 'data/a.txt', data: 'alpha' },
        { name: 'b.bin', data: 'beta'.repeat(100), deflate: true }
      ],
      [record('data/a.txt', 'alpha'), record('b.bin', 'beta'.repeat(100))]
    )
    expect(await readFile(stagedPath(staging, 'data/a.txt'), 'utf8')).toBe('alpha')
    expect(await readFile(stagedPath(staging, 'b.bin'), 'utf8')).toBe('beta'.repeat(100))
  })

  it.each([
    [
      'a zip-slip entry',
      [{ name: '../evil.txt', data: 'x' }],
      /entry "\.\.\/evil\.txt"|invalid relative path/
    ],
    ['an absolute entry', [{ name: '/tmp/evil.txt', data: 'x' }], /absolute path|is absolute/],
    ['an unlisted entry', [{ name: 'extra.txt', data: 'x' }], /not in the checkpoint manifest/],
    [
      'a duplicate entry',
      [
        { name: 'a.txt', data: 'a' },
        { name: 'a.txt', data: 'a' }
      ],
      /appears twice|not in the checkpoint manifest/
    ],
    [
      'an entry larger than recorded',
      [{ name: 'a.txt', data: 'a'.repeat(5000), deflate: true }],
      /claims 5000 bytes/
    ],
    [
      'an entry lying about its size',
      [{ name: 'a.txt', data: 'a'.repeat(5000), deflate: true, claimedSize: 1 }],
      /inflates past|size|bytes/
    ],
    ['changed bytes', [{ name: 'a.txt', data: 'b' }], /does not match its sha256/]
  ])('refuses %s and writes nothing outside staging', async (_label, entries, message) => {
    const root = await tempDir()
    const zip = join(root, 'files.zip')
    await writeFile(zip, makeZip(entries as ZipEntry[]))
    const staging = join(root, 'stage', 'inner')
    const run = extractArchive(zip, 'files', [record('a.txt', 'a')], staging)
    await expect(run).rejects.toThrow(ArchiveIntegrityError)
    await expect(extractArchive(zip, 'files', [record('a.txt', 'a')], staging)).rejects.toThrow(
      message
    )
    const outside = (await listTree(root)).filter(path => !path.startsWith('stage'))
    expect(outside).toEqual(['files.zip'])
  })

  it('extracts a zip laid out as the in-memory reader does not follow, entry by entry', async () => {
    const root = await tempDir()
    const zip = makeZip([
      { name: 'a.txt', data: 'alpha' },
      { name: 'b.txt', data: 'beta', deflate: true }
    ])
    // The local header of a.txt names A.txt: the directory's name is the one readers use.
    zip[30] = 'A'.charCodeAt(0)
    await writeFile(join(root, 'files.zip'), zip)
    const staging = join(root, 'stage')
    await extractArchive(
      join(root, 'files.zip'),
      'files',
      [record('a.txt', 'alpha'), record('b.txt', 'beta')],
      staging
    )
    expect(await readFile(stagedPath(staging, 'a.txt'), 'utf8')).toBe('alpha')
    expect(await readFile(stagedPath(staging, 'b.txt'), 'utf8')).toBe('beta')
  })

  it('refuses a listed file missing from the archive', async () => {
    await expect(
      extract([{ name: 'a.txt', data: 'a' }], [record('a.txt', 'a'), record('b.txt', 'b')])
    ).rejects.toThrow(/1 listed file\(s\) missing, e\.g\. b\.txt/)
  })

  it('refuses a truncated archive', async () => {
    const root = await tempDir()
    const zip = join(root, 'files.zip')
    const bytes = makeZip([{ name: 'a.txt', data: 'a' }])
    await writeFile(zip, bytes.subarray(0, bytes.length - 10))
    await expect(
      extractArchive(zip, 'files', [record('a.txt', 'a')], join(root, 's'))
    ).rejects.toThrow(/not a readable zip/)
  })
})

describe('zip bombs: what an archive may inflate to is what the manifest records', () => {
  it('extracts a file deflating 1000:1 whose size is recorded: no ratio is refused', async () => {
    const root = await tempDir()
    const zip = join(root, 'zeros.zip')
    const big = Buffer.alloc(11 * 1024 * 1024)
    await writeFile(zip, makeZip([{ name: 'zeros.bin', data: big, deflate: true }]))
    const expected = [{ ...record('zeros.bin', ''), size: big.length, sha256: sha256Digest(big) }]
    await extractArchive(zip, 'files', expected, join(root, 's'))
    expect((await stat(stagedPath(join(root, 's'), 'zeros.bin'))).size).toBe(big.length)
  })

  it('refuses an entry inflating past its recorded size, having written no byte past it', async () => {
    const root = await tempDir()
    const zip = join(root, 'bomb.zip')
    const recorded = 1024 * 1024
    await writeFile(
      zip,
      makeZip([
        {
          name: 'zeros.bin',
          data: Buffer.alloc(64 * 1024 * 1024),
          deflate: true,
          claimedSize: recorded
        }
      ])
    )
    const expected = [{ ...record('zeros.bin', ''), size: recorded }]
    // yauzl's own size check or our meter, whichever sees the byte past the record first.
    await expect(extractArchive(zip, 'files', expected, join(root, 's'))).rejects.toThrow(
      new RegExp(`"zeros.bin" (inflates past the ${recorded} bytes recorded|.*too many bytes)`)
    )
    const staged = await stat(stagedPath(join(root, 's'), 'zeros.bin')).catch(() => undefined)
    expect(staged?.size ?? 0).toBeLessThanOrEqual(recorded)
  })
})
