import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import type { FileRecord } from '../checkpoint/document.js'
import {
  TAIL_BYTES,
  locateDirectory,
  readDirectory,
  type CentralEntry,
  type DirectoryLocation
} from './central-directory.js'
import { FILE_CONCURRENCY, SMALL_FILE } from './limit.js'
import {
  admitEntry,
  entryContext,
  missingFiles,
  stageEntry,
  stageWholeEntry,
  type AdmittedEntry,
  type EntryContext
} from './manifest-entries.js'
import { UnstreamableZipError, entryRefusal } from './packing-errors.js'

/** A files archive as the checkpoint recorded it, with its directory fetched beforehand. */
export interface StreamedZip {
  archive: string
  size: number
  /** `sha256:<hex>` recorded at upload. */
  digest: string
  /** The central directory's bytes (from the zip's end, fetched first). */
  directory: Buffer
}

const LOCAL = 0x04034b50
/**
 * Inflated bytes per output chunk: each chunk costs a callback, a hash update and a file write
 * on the main thread (zlib's 16 KiB default cost twice the time; 256 KiB still a third more).
 */
const INFLATE_CHUNK = 1024 * 1024
/**
 * A deflated entry up to this size is taken off the download whole and inflated while the next
 * entries stream in: inflating one entry is one thread's work, slower than the download, so
 * entries inflating at once (on zlib's pool) keep every core busy. 100 MiB of JSON in 4 files
 * extracted in 0.45-0.65 s this way, against 0.82-1.08 s one entry after the other. Larger
 * entries stream through, one at a time. The entry is gathered into one Buffer, not handed to
 * the inflater in the socket's 64 KiB pieces: each piece cost a round trip between the thread
 * pool and this thread, which left the cores idle while this thread hashed. 1 GiB of JSON was
 * restored in a median 3.64 s against 3.86 s (each of 6 interleaved pairs faster), peaking at
 * 217-251 MB against 253-268 MB: the pieces are let go as they are copied.
 */
const INFLATE_BESIDE = 21 * 1024 * 1024
/**
 * Entries inflating beside the download at once; the next is read while fewer run. So at most
 * 63 MiB of deflated bytes are held: the bench's 1 GiB of JSON (entries of 17 MiB) peaked at
 * 274 MB restoring.
 */
const INFLATES_IN_FLIGHT = 3

/**
 * Extracts a zip while it downloads, entry by entry in the order of the data, each checked as
 * {@link extractArchive} checks it (manifest, path, size, sha256); files superseded by a later
 * archive are passed over. The bytes are hashed on the way; the digest and the directory read
 * beforehand are compared with what streamed once the last byte is in.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
export async function extractStream(
  source: AsyncIterable<Buffer>,
  zip: StreamedZip,
  location: DirectoryLocation,
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean = () => false
): Promise<void> {
  const entries = readDirectory(zip.directory, location)
  const context = entryContext(zip.archive, expected, staging, superseded)
  const reader = new ByteReader(source)
  const work: EntryWork = {
    writes: new Pending(FILE_CONCURRENCY),
    inflates: new Pending(INFLATES_IN_FLIGHT)
  }
  try {
    for (const entry of entries) await streamEntry(reader, entry, context, work)
    await work.writes.drain()
    await work.inflates.drain()
  } catch (error) {
    // Nothing may go on writing into staging, nor keep the download open, once this fails.
    await Promise.all([work.writes.settle(), work.inflates.settle()])
    reader.close()
    throw error
  }
  await matchStreamed(reader, zip, location)
  missingFiles(context)
}

/**
 * Extracts a zip held whole in memory (an archive read out of a pack), with the checks of
 * {@link extractStream}: its directory is read from its end, its bytes hashed against `digest`.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
export async function extractBytes(
  bytes: Buffer,
  zip: { archive: string; digest: string },
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean = () => false
): Promise<void> {
  const size = bytes.length
  const tailStart = Math.max(0, size - TAIL_BYTES)
  const location = locateDirectory(bytes.subarray(tailStart), tailStart, size)
  const directory = bytes.subarray(location.start, location.start + location.length)
  const whole = { ...zip, size, directory }
  await extractStream(Readable.from([bytes]), whole, location, expected, staging, superseded)
}

/** Entries being written, or inflated, while the download goes on. */
interface EntryWork {
  /** Small entries, inflated already, being written. */
  writes: Pending
  /** Deflated entries taken off the download whole, being inflated and written. */
  inflates: Pending
}

/** Extracts the next entry from the stream, or passes over its data when it is not wanted. */
async function streamEntry(
  reader: ByteReader,
  entry: CentralEntry,
  context: EntryContext,
  { writes, inflates }: EntryWork
): Promise<void> {
  await readLocalHeader(reader, entry)
  const admitted = admitEntry(context, entry)
  if (!admitted) {
    await reader.skip(entry.compressed)
    return
  }
  const { archive } = context
  if (entry.compressed <= SMALL_FILE && admitted.record.size <= SMALL_FILE) {
    // Small: read whole, inflated at once, written while the next entries stream in.
    const bytes = await reader.read(entry.compressed)
    const data = entry.method === 8 ? inflateWhole(archive, admitted, bytes) : bytes
    await writes.add(stageWholeEntry(archive, admitted, data))
    return
  }
  if (entry.method === 8 && entry.compressed <= INFLATE_BESIDE) {
    const deflated = await reader.read(entry.compressed)
    const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK })
    await inflates.add(
      stageEntry(archive, admitted, Readable.from([deflated], { objectMode: false }), [inflate])
    )
    return
  }
  await writes.drain()
  const inflate = entry.method === 8 ? [createInflateRaw({ chunkSize: INFLATE_CHUNK })] : []
  await stageEntry(archive, admitted, reader.take(entry.compressed), inflate)
}

/**
 * Reads up to an entry's data: its local header must be where the directory says and agree
 * with it (method, name), and a stored entry's sizes must be equal.
 * @throws UnstreamableZipError
 */
async function readLocalHeader(reader: ByteReader, entry: CentralEntry): Promise<void> {
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
}

/**
 * Reads the rest of the download: its length and digest must be those recorded at upload, and
 * the central directory in it the one read beforehand.
 * @throws UnstreamableZipError
 */
async function matchStreamed(
  reader: ByteReader,
  zip: StreamedZip,
  location: DirectoryLocation
): Promise<void> {
  await reader.skip(location.start - reader.position)
  const directory = await reader.read(location.length)
  await reader.drain()
  if (reader.position !== zip.size || reader.digest() !== zip.digest) {
    throw new UnstreamableZipError('the bytes differ from the digest recorded at upload')
  }
  if (!directory.equals(zip.directory)) {
    throw new UnstreamableZipError('the central directory read first differs from the one streamed')
  }
}

/** A small entry's inflated bytes, never more than the manifest records. */
function inflateWhole(archive: string, entry: AdmittedEntry, bytes: Buffer): Buffer {
  try {
    return inflateRawSync(bytes, { maxOutputLength: Math.max(1, entry.record.size) })
  } catch (error) {
    // By its code: a RangeError made in another realm (a test's) is no instance of this one's.
    const past = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    throw entryRefusal(
      archive,
      entry.name,
      past
        ? `inflates past the ${entry.record.size} bytes recorded`
        : `could not be extracted (${(error as Error).message})`
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
  private readonly hash = createHash('sha256')

  constructor(source: AsyncIterable<Buffer>) {
    this.chunks = source[Symbol.asyncIterator]()
  }

  /** `sha256:<hex>` of every byte read; call once, after {@link drain}. */
  digest(): string {
    return `sha256:${this.hash.digest('hex')}`
  }

  /** Reads the next chunk into the head, once the head is used up. */
  private async more(): Promise<void> {
    const next = await this.chunks.next()
    if (next.done === true) throw new UnstreamableZipError('the download ended early')
    this.hash.update(next.value)
    this.head = next.value
  }

  /**
   * The next `count` bytes in one Buffer: a view of the head when it holds them, else each
   * piece copied in as it arrives (and let go). Joining the head to each chunk instead copied
   * an entry of 1 MiB about eight times over.
   */
  async read(count: number): Promise<Buffer> {
    if (this.head.length < count) return this.gather(count)
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

  private async gather(count: number): Promise<Buffer> {
    const bytes = Buffer.allocUnsafe(count)
    let filled = 0
    for await (const piece of this.take(count)) filled += piece.copy(bytes, filled)
    return bytes
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
