import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import yauzl from 'yauzl'
import { decryptBytes } from '../../src/checkpoint/crypto.js'
import type { FileRecord } from '../../src/checkpoint/document.js'
import { extractArchive } from '../../src/packing/extract.js'
import {
  ZipPacker,
  crc32,
  type PackOptions,
  type PackSource
} from '../../src/packing/zip-writer.js'
import { useTempDirs } from '../../__fixtures__/temp.js'
import { stagedPath } from '../../src/packing/staged-path.js'

const tempDir = useTempDirs()

const sha256 = (bytes: Buffer | string): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`

async function pack(
  files: Record<string, Buffer | string>,
  options: PackOptions
): Promise<{ root: string; zip: string; packer: ZipPacker; bytes: Buffer }> {
  const root = await tempDir()
  const sources: PackSource[] = []
  for (const [name, data] of Object.entries(files)) {
    const absolute = join(root, 'src', name)
    await mkdir(dirname(absolute), { recursive: true })
    await writeFile(absolute, data)
    sources.push({
      name,
      path: name,
      absolute,
      mode: 0o640,
      mtime: new Date(2026, 10, 24, 5, 30, 10),
      size: Buffer.byteLength(data)
    })
  }
  const packer = new ZipPacker(sources, options)
  const chunks: Buffer[] = []
  for await (const chunk of packer.bytes()) chunks.push(chunk)
  const bytes = Buffer.concat(chunks)
  const zip = join(root, 'files.zip')
  await writeFile(zip, bytes)
  return { root, zip, packer, bytes }
}

async function readEntries(
  zip: string
): Promise<Map<string, { data: Buffer; entry: yauzl.Entry }>> {
  const file = await yauzl.openPromise(zip, { strictFileNames: true, validateEntrySizes: true })
  const found = new Map<string, { data: Buffer; entry: yauzl.Entry }>()
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        file
          .once('entry', resolve)
          .once('end', () => {
            resolve(undefined)
          })
          .once('error', reject)
        file.readEntry()
      })
      file.removeAllListeners()
      if (!entry) break
      const chunks: Buffer[] = []
      for await (const chunk of await file.openReadStreamPromise(entry))
        chunks.push(chunk as Buffer)
      found.set(entry.fileName, { data: Buffer.concat(chunks), entry })
    }
  } finally {
    file.close()
  }
  return found
}

function read0(read: Map<string, { data: Buffer }>, name: string): Buffer {
  return read.get(name)?.data ?? Buffer.alloc(0)
}

const files = {
  'a.txt': 'alpha\n'.repeat(1000),
  'dir/deeper/b.bin': randomBytes(300_000),
  // Past SMALL_FILE: streamed in chunks rather than read whole.
  'large.txt': Buffer.from('a line that deflates\n'.repeat(120_000)),
  'empty.txt': '',
  'ünïcode/名前.txt': 'unicode names stay UTF-8'
}

describe('ZipPacker', () => {
  it.each([0, 1, 6])(
    'writes a zip any reader opens, at level %i, with each file once',
    async level => {
      const { zip, packer } = await pack(files, { level })
      const read = await readEntries(zip)
      expect([...read.keys()].sort()).toEqual(Object.keys(files).sort())
      for (const [name, data] of Object.entries(files)) {
        const bytes = Buffer.from(data)
        expect(read.get(name)?.data.equals(bytes)).toBe(true)
        expect(read.get(name)?.entry.compressionMethod).toBe(level === 0 ? 0 : 8)
        expect((read.get(name)?.entry.externalFileAttributes ?? 0) >>> 16).toBe(0o100640)
        const entry = packer.entries.find(item => item.name === name)
        expect(entry).toEqual({
          name,
          size: bytes.length,
          sha256: sha256(bytes),
          stored: { size: bytes.length, sha256: sha256(bytes) }
        })
      }
      // Info-ZIP's own test of every entry's CRC and sizes.
      expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(
        /No errors detected/
      )
    }
  )

  it("keeps the sources' order and each entry's CRC while several large files pack at once", async () => {
    // Past SMALL_FILE, each different, mixed with small ones: streamed entries run ahead of the
    // writer, small ones deflate on zlib's pool, and the zip still lists them as given.
    const many: Record<string, Buffer> = {}
    for (let index = 0; index < 5; index++) {
      many[`big-${index}.txt`] = Buffer.from(`line ${index} of a file\n`.repeat(150_000 + index))
      many[`small-${index}.txt`] = Buffer.from(`small ${index}\n`.repeat(100 * (index + 1)))
    }
    const { zip, packer, bytes } = await pack(many, { level: 1 })
    expect(packer.entries.map(entry => entry.name)).toEqual(Object.keys(many))
    const read = await readEntries(zip)
    expect([...read.keys()]).toEqual(Object.keys(many))
    for (const [name, data] of Object.entries(many)) {
      expect(read.get(name)?.entry.crc32).toBe(crc32(data))
      expect(read0(read, name).equals(data)).toBe(true)
    }
    // Packed again, the same bytes: the order of the entries does not depend on timing.
    expect((await pack(many, { level: 1 })).bytes.equals(bytes)).toBe(true)
    expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(/No errors detected/)
  })

  it('deflates a large file in pieces that read back as one stream and compress as one', async () => {
    // 8 MiB: eight read chunks, each deflated on its own. The same random 16 KiB over and over
    // compresses as well as in one stream only when each piece may look back into the one
    // before it (without that, 1.8 times the size).
    const pattern = randomBytes(16 * 1024)
    const large = Buffer.concat(Array.from({ length: 512 }, () => pattern))
    const { zip, bytes } = await pack({ 'large.bin': large }, { level: 1 })
    const read = await readEntries(zip)
    expect(read0(read, 'large.bin').equals(large)).toBe(true)
    const alone = deflateRawSync(large, { level: 1 }).length
    const headers = 1024
    expect(bytes.length).toBeLessThan(1.05 * alone + headers)
    expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(/No errors detected/)
    expect(
      execFileSync('unzip', ['-p', zip, 'large.bin'], { maxBuffer: 64 << 20 }).equals(large)
    ).toBe(true)
  })

  it('passes the product extractor against a manifest built from what it packed', async () => {
    const { root, zip, packer } = await pack(files, { level: 1 })
    const manifest: FileRecord[] = packer.entries.map(entry => ({
      path: entry.name,
      size: entry.size,
      sha256: entry.sha256,
      mode: 0o640,
      archive: 'files'
    }))
    await extractArchive(zip, 'files', manifest, join(root, 'staging'))
    expect(await readFile(stagedPath(join(root, 'staging'), 'dir/deeper/b.bin'))).toEqual(
      files['dir/deeper/b.bin']
    )
  })

  it('writes zip64 records that readers accept when asked to', async () => {
    const { zip, bytes } = await pack(files, { level: 1, forceZip64: true })
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true)
    const read = await readEntries(zip)
    expect(read.get('a.txt')?.data.toString()).toBe(files['a.txt'])
    expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(/No errors detected/)
  })

  it('seals each entry with AES-256-GCM under a fresh nonce, recording plain and stored bytes', async () => {
    const key = randomBytes(32)
    const same = 'the same bytes twice'
    const large = randomBytes(3 * 1024 * 1024)
    const { zip, packer } = await pack(
      { f000001: same, f000002: same, f000003: large },
      { level: 0, sealKey: key }
    )
    expect(decryptBytes(read0(await readEntries(zip), 'f000003'), key).equals(large)).toBe(true)
    const read = await readEntries(zip)
    const first = read.get('f000001')?.data ?? Buffer.alloc(0)
    const second = read.get('f000002')?.data ?? Buffer.alloc(0)
    expect(first.includes(Buffer.from(same))).toBe(false)
    expect(first.equals(second)).toBe(false)
    expect(decryptBytes(first, key).toString()).toBe(same)
    expect(packer.entries[0]).toEqual({
      name: 'f000001',
      size: same.length,
      sha256: sha256(same),
      stored: { size: first.length, sha256: sha256(first) }
    })
  })

  it('fails, naming the file, when a file cannot be read', async () => {
    const packer = new ZipPacker(
      [
        {
          name: 'gone.txt',
          path: 'gone.txt',
          absolute: '/nonexistent/gone.txt',
          mode: 0o644,
          mtime: new Date(),
          size: 1
        }
      ],
      { level: 0 }
    )
    await expect(async () => {
      for await (const chunk of packer.bytes()) expect(chunk).toBeInstanceOf(Buffer)
    }).rejects.toThrow(/gone\.txt/)
  })
})

describe('ZipPacker with secrets to keep out', () => {
  const token = 'ghs_0123456789abcdefghijklmnopqrstuvwxyz'
  const drain = async (packer: ZipPacker): Promise<void> => {
    for await (const chunk of packer.bytes()) expect(chunk).toBeInstanceOf(Buffer)
  }

  it.each([
    ['a small file', Buffer.from(`config\ntoken: ${token}\n`)],
    [
      'a large file, across two read chunks',
      Buffer.concat([randomBytes(1024 * 1024 - 10), Buffer.from(token), randomBytes(600_000)])
    ]
  ])('stops at %s holding one, naming the file, not the value', async (_, data) => {
    const root = await tempDir()
    await writeFile(join(root, 'f'), data)
    const source = { path: 'out/f', absolute: join(root, 'f'), mode: 0o644, mtime: new Date() }
    const packer = new ZipPacker([{ ...source, name: 'out/f', size: data.length }], {
      level: 1,
      secrets: [token]
    })
    const refused = drain(packer)
    await expect(refused).rejects.toThrow(/File out\/f contains the job's token/)
    await expect(refused).rejects.not.toThrow(token)
  })

  it('packs files that hold none', async () => {
    const { packer } = await pack(files, { level: 1, secrets: [token] })
    expect(packer.entries).toHaveLength(Object.keys(files).length)
  })
})

describe('crc32', () => {
  it('matches the standard check value, in one call or in pieces', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    expect(crc32(Buffer.from('56789'), crc32(Buffer.from('1234')))).toBe(0xcbf43926)
  })
})
