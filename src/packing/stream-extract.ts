import { createHash } from 'node:crypto'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import type { FileRecord } from '../checkpoint/document.js'
import {
  ArchiveIntegrityError,
  BOMB_FLOOR,
  BOMB_RATIO,
  admitEntry,
  missingFiles,
  writeEntry,
  writeWholeEntry,
  type AdmittedEntry,
  type EntryContext
} from './extract.js'
import { FILE_CONCURRENCY, SMALL_FILE } from './limit.js'

/** One entry of a zip's central directory. */
export interface CentralEntry {
  name: string
  nameBytes: Buffer
  flags: number
  method: number
  compressed: number
  size: number
  /** Where its local header starts. */
  offset: number
  /** The upper half of the external attributes. */
  mode: number
}

/** Where a zip's central directory is, from its end records. */
export interface DirectoryLocation {
  start: number
  length: number
  count: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX32 = 0xffffffff
/** How much of a zip's end is fetched first: its end records and, mostly, its directory. */
export const TAIL_BYTES = 256 * 1024
/** Inflated bytes per output chunk: zlib's 16 KiB default costs twice the time in callbacks. */
const INFLATE_CHUNK = 256 * 1024

/** A zip this reader does not take; the caller falls back to reading it whole. */
export class UnstreamableZipError extends Error {}

/**
 * Finds the central directory from the last bytes of a zip (`tail` starts at `tailStart`).
 * @throws UnstreamableZipError when the end records are not in the tail or do not add up
 */
export function locateDirectory(tail: Buffer, tailStart: number, size: number): DirectoryLocation {
  let at = -1
  for (let index = tail.length - 22; index >= Math.max(0, tail.length - 22 - 0xffff); index--) {
    if (
      tail.readUInt32LE(index) === EOCD &&
      index + 22 + tail.readUInt16LE(index + 20) === tail.length
    ) {
      at = index
      break
    }
  }
  if (at < 0) throw new UnstreamableZipError('no end of central directory record')
  let count = tail.readUInt16LE(at + 10)
  let length = tail.readUInt32LE(at + 12)
  let start = tail.readUInt32LE(at + 16)
  let end = tailStart + at
  if (count === 0xffff || length === MAX32 || start === MAX32) {
    const locator = at - 20
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
      throw new UnstreamableZipError('no zip64 locator')
    }
    const record = Number(tail.readBigUInt64LE(locator + 8)) - tailStart
    if (record < 0 || record + 56 > locator || tail.readUInt32LE(record) !== ZIP64_EOCD) {
      throw new UnstreamableZipError('no zip64 end record in the tail')
    }
    count = Number(tail.readBigUInt64LE(record + 32))
    length = Number(tail.readBigUInt64LE(record + 40))
    start = Number(tail.readBigUInt64LE(record + 48))
    end = tailStart + record
  }
  if (start + length > end || end > size) {
    throw new UnstreamableZipError('the central directory does not fit before its end record')
  }
  return { start, length, count }
}

/**
 * Reads the central directory's entries, in the order their data lies in the zip.
 * @throws UnstreamableZipError for a directory that is not well formed or entries that overlap
 */
export function readDirectory(bytes: Buffer, location: DirectoryLocation): CentralEntry[] {
  const entries: CentralEntry[] = []
  let at = 0
  for (let index = 0; index < location.count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new UnstreamableZipError(`central directory entry ${index} is not well formed`)
    }
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const nameBytes = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength))
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)
    const wide = zip64Values(extra)
    let size = bytes.readUInt32LE(at + 24)
    let compressed = bytes.readUInt32LE(at + 20)
    let offset = bytes.readUInt32LE(at + 42)
    if (size === MAX32) size = wide.shift() ?? Number.NaN
    if (compressed === MAX32) compressed = wide.shift() ?? Number.NaN
    if (offset === MAX32) offset = wide.shift() ?? Number.NaN
    if (![size, compressed, offset].every(Number.isSafeInteger)) {
      throw new UnstreamableZipError(`central directory entry ${index} has no zip64 sizes`)
    }
    entries.push({
      name: nameBytes.toString('utf8'),
      nameBytes,
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressed,
      size,
      offset,
      mode: bytes.readUInt32LE(at + 38) >>> 16
    })
    at += 46 + nameLength + extraLength + commentLength
  }
  if (at !== location.length) throw new UnstreamableZipError('central directory length differs')
  entries.sort((a, b) => a.offset - b.offset)
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new UnstreamableZipError(`${entry.name} is zip-encrypted`)
    if (entry.method !== 0 && entry.method !== 8) {
      throw new UnstreamableZipError(`${entry.name} uses compression method ${entry.method}`)
    }
    if (entry.offset + 30 + entry.compressed > location.start) {
      throw new UnstreamableZipError(`${entry.name} runs into the central directory`)
    }
  }
  return entries
}

function zip64Values(extra: Buffer): number[] {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at)
    const length = extra.readUInt16LE(at + 2)
    if (id === 0x0001) {
      const values: number[] = []
      for (let field = 0; field + 8 <= length && at + 4 + field + 8 <= extra.length; field += 8) {
        values.push(Number(extra.readBigUInt64LE(at + 4 + field)))
      }
      return values
    }
    at += 4 + length
  }
  return []
}

/**
 * Extracts a zip while it downloads, entry by entry in the order of the data, each checked as
 * {@link extractArchive} checks it (manifest, path, size, sha256); files superseded by a later
 * archive are passed over. The bytes are hashed on the way; the digest and the directory read
 * beforehand are compared with what streamed once the last byte is in.
 * @param directory the central directory's bytes (from the zip's end, fetched first)
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
export async function extractStream(
  source: AsyncIterable<Buffer>,
  zip: { archive: string; size: number; digest: string; directory: Buffer },
  location: DirectoryLocation,
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean = () => false
): Promise<void> {
  const { archive } = zip
  const entries = readDirectory(zip.directory, location)
  const claimed = entries.reduce((total, entry) => total + entry.size, 0)
  if (claimed > BOMB_FLOOR && claimed > BOMB_RATIO * zip.size) {
    throw new ArchiveIntegrityError(
      archive,
      `it inflates past ${BOMB_RATIO}:1 (${claimed} bytes from ${zip.size}): a zip bomb`
    )
  }
  const context: EntryContext = {
    archive,
    remaining: new Map(expected.map(file => [file.path, file])),
    staging,
    superseded,
    folders: new Set()
  }
  const hash = createHash('sha256')
  const reader = new ByteReader(source, hash)
  const writes = new Pending(FILE_CONCURRENCY)
  try {
    for (const entry of entries) {
      if (entry.offset < reader.position) {
        throw new UnstreamableZipError(`${entry.name} overlaps the entry before it`)
      }
      await reader.skip(entry.offset - reader.position)
      const header = await reader.read(30)
      if (header.readUInt32LE(0) !== LOCAL || header.readUInt16LE(8) !== entry.method) {
        throw new UnstreamableZipError(`${entry.name}: its local header differs from the directory`)
      }
      const name = await reader.read(header.readUInt16LE(26))
      await reader.skip(header.readUInt16LE(28))
      if (!name.equals(entry.nameBytes)) {
        throw new UnstreamableZipError(`${entry.name}: its local header names another file`)
      }
      if (entry.method === 0 && entry.compressed !== entry.size) {
        throw new UnstreamableZipError(`${entry.name}: stored, yet its sizes differ`)
      }
      const admitted = await admitEntry(context, {
        name: entry.name,
        mode: entry.mode,
        size: entry.size
      })
      if (!admitted) {
        await reader.skip(entry.compressed)
        continue
      }
      if (entry.compressed <= SMALL_FILE && admitted.record.size <= SMALL_FILE) {
        // Small: read whole, inflated at once, written while the next entries stream in.
        const bytes = await reader.read(entry.compressed)
        const data = entry.method === 8 ? inflateWhole(archive, admitted, bytes) : bytes
        await writes.add(writeWholeEntry(archive, admitted, data))
        continue
      }
      await writes.drain()
      const data = reader.take(entry.compressed)
      if (entry.method === 8)
        await writeEntry(archive, admitted, data, createInflateRaw({ chunkSize: INFLATE_CHUNK }))
      else await writeEntry(archive, admitted, data)
    }
  } catch (error) {
    // Nothing may go on writing into staging, nor keep the download open, once this fails.
    await writes.settle()
    reader.close()
    throw error
  }
  await writes.drain()
  await reader.skip(location.start - reader.position)
  const directory = await reader.read(location.length)
  await reader.drain()
  if (reader.position !== zip.size || `sha256:${hash.digest('hex')}` !== zip.digest) {
    throw new UnstreamableZipError('the bytes differ from the digest recorded at upload')
  }
  if (!directory.equals(zip.directory)) {
    throw new UnstreamableZipError('the central directory read first differs from the one streamed')
  }
  missingFiles(context)
}

/** A small entry's inflated bytes, never more than the manifest records. */
function inflateWhole(archive: string, entry: AdmittedEntry, bytes: Buffer): Buffer {
  try {
    return inflateRawSync(bytes, { maxOutputLength: Math.max(1, entry.record.size) })
  } catch (error) {
    const past = error instanceof RangeError
    throw new ArchiveIntegrityError(
      archive,
      `entry ${JSON.stringify(entry.name)} ${past ? `inflates past the ${entry.record.size} bytes recorded` : `could not be extracted (${(error as Error).message})`}`
    )
  }
}

/** Writes in flight, at most `limit`; the first failure is thrown by the next add or drain. */
class Pending {
  private readonly running = new Set<Promise<void>>()
  private failure: { error: unknown } | undefined

  constructor(private readonly limit: number) {}

  async add(write: Promise<void>): Promise<void> {
    const tracked = write
      .catch((error: unknown) => {
        this.failure ??= { error }
      })
      .finally(() => this.running.delete(tracked))
    this.running.add(tracked)
    while (this.running.size >= this.limit) await Promise.race(this.running)
    this.check()
  }

  async drain(): Promise<void> {
    await this.settle()
    this.check()
  }

  /** Waits for every write in flight, failed or not. */
  async settle(): Promise<void> {
    await Promise.all(this.running)
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure.error
  }
}

/** Reads exact byte counts from a stream of chunks, hashing everything that passes. */
class ByteReader {
  position = 0
  private head: Buffer = Buffer.alloc(0)
  private readonly chunks: AsyncIterator<Buffer>

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly hash: ReturnType<typeof createHash>
  ) {
    this.chunks = source[Symbol.asyncIterator]()
  }

  private async more(): Promise<void> {
    const next = await this.chunks.next()
    if (next.done === true) throw new UnstreamableZipError('the download ended early')
    this.hash.update(next.value)
    this.head = this.head.length === 0 ? next.value : Buffer.concat([this.head, next.value])
  }

  async read(count: number): Promise<Buffer> {
    while (this.head.length < count) await this.more()
    const bytes = this.head.subarray(0, count)
    this.head = this.head.subarray(count)
    this.position += count
    return bytes
  }

  /** The next `count` bytes, in pieces as they arrive. */
  async *take(count: number): AsyncGenerator<Buffer> {
    let left = count
    while (left > 0) {
      if (this.head.length === 0) await this.more()
      const piece = this.head.subarray(0, Math.min(left, this.head.length))
      this.head = this.head.subarray(piece.length)
      this.position += piece.length
      left -= piece.length
      yield piece
    }
  }

  async skip(count: number): Promise<void> {
    let left = count
    while (left > 0) {
      if (this.head.length === 0) await this.more()
      const step = Math.min(left, this.head.length)
      this.head = this.head.subarray(step)
      this.position += step
      left -= step
    }
  }

  /** Stops reading: the download it comes from is closed once its pending read settles. */
  close(): void {
    this.chunks.return?.().catch(() => undefined)
  }

  /** Reads to the end: the position is then the stream's length. */
  async drain(): Promise<void> {
    this.position += this.head.length
    this.head = Buffer.alloc(0)
    for (;;) {
      const next = await this.chunks.next()
      if (next.done === true) return
      this.hash.update(next.value)
      this.position += next.value.length
    }
  }
}
