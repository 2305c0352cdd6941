import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import type { FileRecord } from '../../src/checkpoint/document.js'
import { TAIL_BYTES, locateDirectory } from '../../src/packing/central-directory.js'
import { extractArchive } from '../../src/packing/extract.js'
import { ArchiveIntegrityError, UnstreamableZipError } from '../../src/packing/packing-errors.js'
import { extractBytes, extractStream } from '../../src/packing/stream-extract.js'
import { stagedPath } from '../../src/packing/staged-path.js'
import { ZipPacker } from '../../src/packing/zip-writer.js'
import { HOSTILE_CORPUS } from '../../__fixtures__/hostile/corpus.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

/** The zip's bytes in pieces of `size`, as a download hands them over. */
function pieces(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  const all: Buffer[] = []
  for (let at = 0; at < bytes.length; at += size) all.push(bytes.subarray(at, at + size))
  return Readable.from(all)
}

/** The names files at these paths are staged under, sorted (see stagedPath). */
function stagedNames(paths: string[]): string[] {
  return paths.map(path => stagedPath('', path)).sort()
}

/** Extracts `zip` as the restore does: directory from its end first, then the stream. */
async function stream(
  zip: Buffer,
  expected: FileRecord[],
  staging: string,
  options: { pieceSize?: number; digest?: string; superseded?: (name: string) => boolean } = {}
): Promise<void> {
  const tailStart = Math.max(0, zip.length - TAIL_BYTES)
  const location = locateDirectory(zip.subarray(tailStart), tailStart, zip.length)
  const directory = zip.subarray(location.start, location.start + location.length)
  await extractStream(
    pieces(zip, options.pieceSize ?? 64 * 1024),
    { archive: 'files', size: zip.length, digest: options.digest ?? sha256Digest(zip), directory },
    location,
    expected,
    staging,
    options.superseded
  )
}

async function tree(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    found[path.slice(dir.length + 1)] = sha256Digest(await readFile(path))
  }
  return found
}

async function packed(
  files: Record<string, Buffer>,
  options: { level: number; forceZip64?: boolean }
): Promise<{ zip: Buffer; manifest: FileRecord[] }> {
  const root = await tempDir()
  const sources = []
  for (const [name, data] of Object.entries(files)) {
    const absolute = join(root, name)
    await mkdir(dirname(absolute), { recursive: true })
    await writeFile(absolute, data)
    sources.push({ name, path: name, absolute, mode: 0o644, mtime: new Date(), size: data.length })
  }
  const packer = new ZipPacker(sources, options)
  const chunks: Buffer[] = []
  for await (const chunk of packer.bytes()) chunks.push(chunk)
  const manifest = packer.entries.map(entry => ({
    path: entry.name,
    size: entry.size,
    sha256: entry.sha256,
    mode: 0o644,
    archive: 'files'
  }))
  return { zip: Buffer.concat(chunks), manifest }
}

const payload = {
  'a/one.bin': randomBytes(200_000),
  // Past SMALL_FILE: packed as a stream, in several pieces of the download.
  'a/large.bin': randomBytes(1_500_000),
  'a/two.txt': Buffer.from('text that shrinks\n'.repeat(20_000)),
  empty: Buffer.alloc(0),
  'b/c/d/three.bin': randomBytes(3)
}

describe('extractStream', () => {
  it.each([
    ['stored', 0, false, 65_536],
    ['deflated', 1, false, 65_536],
    ['deflated, zip64 records', 6, true, 65_536],
    ['deflated, 7-byte pieces', 1, false, 7]
  ])(
    'extracts what ZipPacker wrote (%s) as the whole-file reader does',
    async (_, level, zip64, pieceSize) => {
      const { zip, manifest } = await packed(payload, { level, forceZip64: zip64 })
      const streamed = await tempDir()
      await stream(zip, manifest, streamed, { pieceSize })
      const whole = await tempDir()
      await writeFile(join(whole, 'files.zip'), zip)
      await extractArchive(join(whole, 'files.zip'), 'files', manifest, join(whole, 'out'))
      expect(await tree(streamed)).toEqual(await tree(join(whole, 'out')))
      expect(Object.keys(await tree(streamed)).sort()).toEqual(stagedNames(Object.keys(payload)))
    }
  )

  // Deflated entries past SMALL_FILE are taken off the download whole and inflate several at
  // once while the next ones stream in: each is still checked, and a bad one still fails it.
  const deflatedLarge = Object.fromEntries(
    Array.from({ length: 4 }, (_, index) => [`big-${index}.bin`, randomBytes(1_200_000 + index)])
  )

  it('inflates several large deflated entries at once, each checked', async () => {
    const { zip, manifest } = await packed(deflatedLarge, { level: 1 })
    const staging = await tempDir()
    await stream(zip, manifest, staging)
    const expected = Object.fromEntries(
      Object.entries(deflatedLarge).map(([path, data]) => [
        stagedPath('', path),
        sha256Digest(data)
      ])
    )
    expect(await tree(staging)).toEqual(expected)
  })

  it('refuses a changed byte in one of the large entries inflating at once, naming it', async () => {
    const { zip, manifest } = await packed(deflatedLarge, { level: 1 })
    const tampered = Buffer.from(zip)
    // Random bytes deflate into stored blocks: the third file's bytes are in the zip as they are.
    const at = tampered.indexOf(deflatedLarge['big-2.bin']?.subarray(0, 32) ?? '') + 500_000
    tampered[at] = (tampered[at] ?? 0) ^ 0xff
    await expect(stream(tampered, manifest, await tempDir())).rejects.toThrow(
      /big-2\.bin.*does not match its sha256/
    )
  })

  it('stops a large deflated entry the moment it inflates past its recorded size', async () => {
    const text = Buffer.from('a line of text that deflates well\n'.repeat(200_000))
    const data = Buffer.concat([randomBytes(1_100_000), text])
    const { zip, manifest } = await packed({ 'grows.bin': data }, { level: 1 })
    // The directory and the manifest claim 2 MB: the entry's bytes hold more than that.
    const claimed = 2_000_000
    const tampered = Buffer.from(zip)
    const tailStart = Math.max(0, tampered.length - TAIL_BYTES)
    const location = locateDirectory(tampered.subarray(tailStart), tailStart, tampered.length)
    tampered.writeUInt32LE(claimed, location.start + 24)
    const listed = manifest.map(file => ({ ...file, size: claimed }))
    const staging = await tempDir()
    await expect(stream(tampered, listed, staging)).rejects.toThrow(
      /grows\.bin.*inflates past the 2000000 bytes recorded/
    )
    // Whatever was staged before the refusal holds no byte past the record.
    const staged = await readdir(staging, { recursive: true, withFileTypes: true })
    for (const entry of staged.filter(item => item.isFile())) {
      expect((await stat(join(entry.parentPath, entry.name))).size).toBeLessThanOrEqual(claimed)
    }
  })

  it('passes over a superseded entry without writing it', async () => {
    const { zip, manifest } = await packed(payload, { level: 1 })
    const staging = await tempDir()
    await stream(
      zip,
      manifest.filter(file => file.path !== 'a/two.txt'),
      staging,
      { superseded: name => name === 'a/two.txt' }
    )
    expect(Object.keys(await tree(staging)).sort()).toEqual(
      stagedNames(['a/large.bin', 'a/one.bin', 'b/c/d/three.bin', 'empty'])
    )
  })

  it('refuses bytes that differ from the digest recorded at upload', async () => {
    const { zip, manifest } = await packed(payload, { level: 0 })
    await expect(
      stream(zip, manifest, await tempDir(), { digest: sha256Digest('something else') })
    ).rejects.toThrow(UnstreamableZipError)
  })

  it('refuses a changed byte in an entry before the digest is known', async () => {
    const { zip, manifest } = await packed(payload, { level: 0 })
    const tampered = Buffer.from(zip)
    const at = tampered.indexOf(payload['a/one.bin'].subarray(0, 32)) + 1000
    tampered[at] = (tampered[at] ?? 0) ^ 0xff
    await expect(stream(tampered, manifest, await tempDir())).rejects.toThrow(
      /a\/one\.bin.*does not match its sha256/
    )
  })

  it('refuses a download that ends early', async () => {
    const { zip, manifest } = await packed(payload, { level: 1 })
    const tailStart = Math.max(0, zip.length - TAIL_BYTES)
    const location = locateDirectory(zip.subarray(tailStart), tailStart, zip.length)
    const directory = zip.subarray(location.start, location.start + location.length)
    await expect(
      extractStream(
        pieces(zip.subarray(0, 100_000), 65_536),
        { archive: 'files', size: zip.length, digest: sha256Digest(zip), directory },
        location,
        manifest,
        await tempDir()
      )
    ).rejects.toThrow(/ended early/)
  })

  // Every hostile archive the whole-file reader refuses is refused here too (or not streamed,
  // which sends the restore back to the whole-file reader), and what it accepts comes out the same.
  const withArchives = HOSTILE_CORPUS.filter(
    hostile => hostile.build({ runId: '1', outside: '/x' }).archive
  )
  it.each(withArchives.map(hostile => [hostile.id, hostile] as const))(
    'hostile corpus %s: refused or extracted exactly as the whole-file reader does',
    async (_, hostile) => {
      const root = await tempDir()
      const built = hostile.build({ runId: '1', outside: join(root, 'outside') })
      const zip = built.archive?.bytes ?? Buffer.alloc(0)
      const document = JSON.parse(built.document.bytes.toString('utf8')) as { files?: FileRecord[] }
      const expected = (document.files ?? []).filter(file => file.archive === built.archive?.name)
      await writeFile(join(root, 'files.zip'), zip)
      const whole = await extractArchive(
        join(root, 'files.zip'),
        'files',
        expected,
        join(root, 'whole')
      ).then(
        () => undefined,
        (error: unknown) => error
      )
      const streamed = await stream(zip, expected, join(root, 'streamed')).then(
        () => undefined,
        (error: unknown) => error
      )
      if (whole !== undefined) {
        expect(whole).toBeInstanceOf(ArchiveIntegrityError)
        expect(streamed).toBeDefined()
        expect(
          streamed instanceof ArchiveIntegrityError || streamed instanceof UnstreamableZipError
        ).toBe(true)
      } else if (streamed === undefined) {
        expect(await tree(join(root, 'streamed'))).toEqual(await tree(join(root, 'whole')))
      } else {
        expect(streamed).toBeInstanceOf(UnstreamableZipError)
      }
      // Nothing is ever written beside the staging folders (hostile absolute paths aim at outside/).
      for (const name of await readdir(root)) {
        expect(['files.zip', 'streamed', 'whole']).toContain(name)
      }
    }
  )
})

describe('extractBytes', () => {
  it('extracts a zip held in memory as the whole-file reader does', async () => {
    const { zip, manifest } = await packed(payload, { level: 1 })
    const staging = await tempDir()
    await extractBytes(zip, { archive: 'files', digest: sha256Digest(zip) }, manifest, staging)
    const whole = await tempDir()
    await writeFile(join(whole, 'files.zip'), zip)
    await extractArchive(join(whole, 'files.zip'), 'files', manifest, join(whole, 'out'))
    expect(await tree(staging)).toEqual(await tree(join(whole, 'out')))
  })

  it('checks every entry against the manifest', async () => {
    const { zip, manifest } = await packed(payload, { level: 0 })
    const listed = manifest.filter(file => file.path !== 'empty')
    await expect(
      extractBytes(zip, { archive: 'files', digest: sha256Digest(zip) }, listed, await tempDir())
    ).rejects.toThrow(/empty.*not in the checkpoint manifest/)
  })

  it('refuses bytes that differ from the digest recorded at upload', async () => {
    const { zip, manifest } = await packed(payload, { level: 0 })
    const other = { archive: 'files', digest: sha256Digest('something else') }
    await expect(extractBytes(zip, other, manifest, await tempDir())).rejects.toThrow(
      UnstreamableZipError
    )
  })
  it('refuses an entry when the staging folder cannot be made, naming it', async () => {
    const { zip, manifest } = await packed(payload, { level: 1 })
    // A file where the staging folder would be.
    const staging = join(await tempDir(), 'staging')
    await writeFile(staging, 'in the way')
    const refused = extractBytes(
      zip,
      { archive: 'files', digest: sha256Digest(zip) },
      manifest,
      staging
    )
    await expect(refused).rejects.toThrow(ArchiveIntegrityError)
    await expect(refused).rejects.toThrow(/a\/one\.bin.*cannot be staged/)
  })
})
