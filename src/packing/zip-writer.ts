import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import * as zlib from 'node:zlib'
import { sha256Digest } from '../checkpoint/canonical.js'
import { ENCRYPTION_OVERHEAD, encryptBytes, encryptChunks } from '../checkpoint/crypto.js'
import { ConfigurationError } from '../checkpoint/errors.js'
import { FILE_CONCURRENCY, SMALL_FILE } from './limit.js'
import { SYNC_FILE, readSmallFile } from './small-io.js'
import { Prefetch } from './prefetch.js'

const deflateRaw = promisify(zlib.deflateRaw)

/** A file to pack, under the name its entry gets in the zip. */
export interface PackSource {
  /** The entry's name: forward slashes, no leading slash. */
  name: string
  /** The file's workspace path, for messages (the name is opaque when entries are sealed). */
  path: string
  absolute: string
  mode: number
  mtime: Date
  /** The size seen when the file was collected: decides whether the entry needs zip64. */
  size: number
}

/** What was packed of one source: its bytes as read, and as the entry stores them. */
export interface PackedEntry {
  name: string
  /** The file's bytes as read while packing them. */
  size: number
  sha256: string
  /** The entry's bytes before deflate: the file's, or its encrypted form when sealed. */
  stored: { size: number; sha256: string }
}

export interface PackOptions {
  /** zlib level; 0 stores. */
  level: number
  /** AES-256-GCM key: each entry holds nonce, ciphertext and tag instead of the file's bytes. */
  sealKey?: Buffer | undefined
  /**
   * Exact values no file may contain (the job's token, checkpoint keys): packing stops at the
   * first file holding one, before the upload it feeds is committed.
   */
  secrets?: string[]
  /** Writes zip64 records whatever the sizes (tests; large payloads get them on their own). */
  forceZip64?: boolean
}

const READ_CHUNK = 1024 * 1024
const MAX32 = 0xffffffff
/** Entries this large get zip64 sizes from their local header on (margin for deflate growth). */
const ZIP64_ENTRY = 0xff000000
/** A whole entry's data smaller than this goes out with its header and descriptor, as one Buffer. */
const SMALL_PIECE = 64 * 1024
/** Streamed entries packed at once: the one being written and the next, read ahead. */
const STREAMED_IN_FLIGHT = 2
/**
 * The most bytes of a streamed entry packed ahead of the writer: deflated bytes (each stands for
 * several read), or a few read chunks of a stored entry, which has no deflate to run in parallel.
 */
const AHEAD_BYTES = { deflated: 16 * 1024 * 1024, stored: 4 * 1024 * 1024 }
/**
 * Pieces of one streamed entry deflating at once on zlib's thread pool (4 threads by default):
 * enough to keep every core busy while this thread reads, hashes and uploads.
 */
const DEFLATES_IN_FLIGHT = 4
/**
 * zlib's output buffer for a piece: each one filled costs a trip to the thread pool and back
 * (the default, 16 KiB, would cost a dozen per piece of text).
 */
const DEFLATE_OUTPUT_CHUNK = 256 * 1024
/** How far back deflate looks: each piece gets this much of the bytes before it. */
const DEFLATE_WINDOW = 32 * 1024
/** A final deflate block holding nothing (fixed codes, end of block): closes a stream of pieces. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00])
/** Files up to this size deflate on the main thread: a thread pool trip costs more. */
const DEFLATE_HERE = 16 * 1024
const UTF8_AND_DESCRIPTOR = 0x0808
const MADE_BY_UNIX = 3 << 8

/** Where and how an entry starts. */
interface EntryHead extends EntryStart {
  offset: number
}

/** How an entry starts, wherever in the zip it lands. */
interface EntryStart {
  name: Buffer
  method: number
  time: number
  date: number
  /** zip64 sizes from the local header on. */
  zip64: boolean
}

/** What packing one entry gave. */
interface Packed {
  crc: number
  compressed: number
  /** The file's bytes as read. */
  size: number
  sha256: string
  stored: { size: number; sha256: string }
}

interface CentralRecord extends EntryHead {
  crc: number
  compressed: number
  size: number
  mode: number
}

/**
 * Packs files into a zip as a stream, reading each file once: the same pass takes the file's
 * sha256 and size (what the manifest records), the CRC-32 and, at a level above 0, deflates.
 * Entries carry data descriptors, so nothing is buffered beyond a read chunk; sizes past 4 GiB
 * and more than 65,535 entries get zip64 records. Any unzip tool reads the result.
 */
export class ZipPacker {
  readonly entries: PackedEntry[] = []
  private offset = 0
  /** The files' bytes of the entries written out whole. */
  private bytesOfWritten = 0
  /** The entry being written out. */
  private writing: EntryJob | undefined
  private readonly central: CentralRecord[] = []

  private readonly needles: Buffer[]

  constructor(
    private readonly sources: PackSource[],
    private readonly options: PackOptions
  ) {
    this.needles = (options.secrets ?? [])
      .filter(secret => secret.length >= 8)
      .map(secret => Buffer.from(secret))
  }

  private refuseSecret(source: PackSource): never {
    throw new ConfigurationError(
      `File ${source.path} contains the job's token or a checkpoint key: it is not saved, since checkpoints can be downloaded by anyone who can read the run.`
    )
  }

  /**
   * The files' bytes that reached the zip's stream so far, for a progress report: files read
   * ahead of their turn count only once their bytes are passed on.
   */
  get bytesPacked(): number {
    return this.bytesOfWritten + (this.writing?.written() ?? 0)
  }

  /**
   * The zip's bytes. Iterate once; `entries` is complete when it ends. Entries are written in
   * the sources' order, but packed ahead of their turn (see {@link EntryJobs}).
   */
  async *bytes(): AsyncGenerator<Buffer> {
    const jobs = new EntryJobs(this.sources, (source, read) =>
      read ? this.wholeEntry(source, read) : Promise.resolve(this.streamedEntry(source))
    )
    try {
      for (const [index, source] of this.sources.entries()) {
        const job = await jobs.take(index)
        this.writing = job
        try {
          yield* this.write(source, job)
        } finally {
          this.writing = undefined
          // Given up part-way (the upload failed): its file is closed, not left paused.
          job.stop()
        }
      }
      yield* this.emit(this.centralDirectory())
    } finally {
      jobs.stop()
    }
  }

  /** Writes a packed entry where the zip has got to: local header, data, descriptor. */
  private async *write(source: PackSource, job: EntryJob): AsyncGenerator<Buffer> {
    const head: EntryHead = { ...job.head, offset: this.offset }
    if (Buffer.isBuffer(job.body) && job.body.length < SMALL_PIECE) {
      const packed = job.packed(job.body.length)
      const whole = [localHeader(head), job.body, this.finish(source, head, packed)]
      yield* this.emit(Buffer.concat(whole))
      return
    }
    yield* this.emit(localHeader(head))
    let compressed = 0
    for await (const bytes of Buffer.isBuffer(job.body) ? [job.body] : job.body) {
      compressed += bytes.length
      yield* this.emit(bytes)
    }
    yield* this.emit(this.finish(source, head, job.packed(compressed)))
  }

  /** A small file, read whole, packed in one piece without streams (deflated on zlib's pool). */
  private async wholeEntry(source: PackSource, read: Promise<Buffer>): Promise<EntryJob> {
    const data = await read
    const head = this.head(source, false)
    if (this.needles.some(needle => data.includes(needle))) this.refuseSecret(source)
    const key = this.options.sealKey
    const stored = key ? encryptBytes(data, key) : data
    const body = head.method === 8 ? await deflateWhole(stored, this.options.level) : stored
    const sha256 = sha256Digest(data)
    const packed: Packed = {
      crc: crc32(stored),
      compressed: body.length,
      size: data.length,
      sha256,
      stored: key
        ? { size: stored.length, sha256: sha256Digest(stored) }
        : { size: data.length, sha256 }
    }
    return { head, body, packed: () => packed, written: () => 0, stop: () => undefined }
  }

  /** How an entry starts; zip64 from the start when it may pass 4 GiB. */
  private head(source: PackSource, large: boolean): EntryStart {
    return {
      name: Buffer.from(source.name, 'utf8'),
      method: this.options.level > 0 ? 8 : 0,
      ...dosTime(source.mtime),
      zip64: this.options.forceZip64 === true || large
    }
  }

  /** Records a packed entry (central directory, `entries`) and returns its data descriptor. */
  private finish(source: PackSource, head: EntryHead, packed: Packed): Buffer {
    if (!head.zip64 && (packed.compressed >= MAX32 || packed.stored.size >= MAX32)) {
      throw new Error(`${source.name} grew past 4 GiB while it was being saved`)
    }
    // Its bytes count as written from here on, whole, rather than through the job.
    this.bytesOfWritten += packed.size
    this.writing = undefined
    this.central.push({
      ...head,
      crc: packed.crc,
      compressed: packed.compressed,
      size: packed.stored.size,
      mode: source.mode
    })
    this.entries.push({
      name: source.name,
      size: packed.size,
      sha256: packed.sha256,
      stored: packed.stored
    })
    return descriptor(packed.crc, packed.compressed, packed.stored.size, head.zip64)
  }

  private *emit(bytes: Buffer): Generator<Buffer> {
    this.offset += bytes.length
    yield bytes
  }

  /**
   * A file too large to read whole, streamed through in read chunks: read, hashed and deflated
   * up to {@link AHEAD_BYTES} ahead of the writer.
   */
  private streamedEntry(source: PackSource): EntryJob {
    const sealKey = this.options.sealKey
    const overhead = sealKey ? ENCRYPTION_OVERHEAD : 0
    const head = this.head(source, source.size + overhead >= ZIP64_ENTRY)
    const tally = new EntryTally(sealKey !== undefined)
    const scan = new SecretScan(this.needles)
    const plain = plainBytes(source.absolute, bytes => {
      tally.plain(bytes)
      if (scan.finds(bytes)) this.refuseSecret(source)
    })
    const stored = tally.stored(sealKey ? encryptChunks(plain, sealKey) : plain)
    const body = head.method === 8 ? deflated(stored, this.options.level) : stored
    const limit = AHEAD_BYTES[head.method === 8 ? 'deflated' : 'stored']
    const ahead = new Prefetch(body, limit, () => tally.size)
    return {
      head,
      body: ahead.chunks(),
      packed: compressed => tally.packed(compressed),
      written: () => ahead.taken,
      stop: () => {
        ahead.stop()
      }
    }
  }

  private centralDirectory(): Buffer {
    const start = this.offset
    const records = this.central.map(centralHeader)
    const length = records.reduce((total, record) => total + record.length, 0)
    const end = [...records]
    const count = this.central.length
    if (this.options.forceZip64 || count >= 0xffff || start >= MAX32 || length >= MAX32) {
      const at = start + length
      end.push(zip64End(count, length, start), zip64Locator(at))
    }
    end.push(endOfCentral(count, length, start))
    return Buffer.concat(end)
  }
}

/**
 * Tallies a streamed entry while it passes: the file's size and sha256 as read, and the stored
 * bytes' size, CRC-32 and (when sealed, so that they differ from the file's) sha256.
 */
class EntryTally {
  /** The file's bytes read so far. */
  size = 0
  private storedSize = 0
  private crc = 0
  private readonly plainHash = createHash('sha256')
  private readonly storedHash = createHash('sha256')

  constructor(private readonly sealed: boolean) {}

  /** Counts the file's bytes as read. */
  plain(bytes: Buffer): void {
    this.size += bytes.length
    this.plainHash.update(bytes)
  }

  /** The entry's stored bytes, counted as they pass. */
  async *stored(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of bytes) {
      this.storedSize += chunk.length
      this.crc = crc32(chunk, this.crc)
      if (this.sealed) this.storedHash.update(chunk)
      yield chunk
    }
  }

  /** What the entry came to, once its last byte passed. */
  packed(compressed: number): Packed {
    const sha256 = `sha256:${this.plainHash.digest('hex')}`
    const stored = this.sealed
      ? { size: this.storedSize, sha256: `sha256:${this.storedHash.digest('hex')}` }
      : { size: this.size, sha256 }
    return { crc: this.crc, compressed, size: this.size, sha256, stored }
  }
}

/** Looks for exact values across the chunks of a stream, matches spanning two chunks included. */
class SecretScan {
  private tail = Buffer.alloc(0)
  private readonly keep: number

  constructor(private readonly needles: Buffer[]) {
    this.keep = Math.max(0, ...needles.map(needle => needle.length - 1))
  }

  /** Whether `bytes`, or the seam between them and the chunk before, holds a needle. */
  finds(bytes: Buffer): boolean {
    if (this.needles.length === 0) return false
    // Only the bytes either side of the seam are copied, never the chunk itself.
    const seam = Buffer.concat([this.tail, bytes.subarray(0, this.keep)])
    if (this.needles.some(needle => bytes.includes(needle) || seam.includes(needle))) return true
    const window = bytes.length >= this.keep ? bytes : Buffer.concat([this.tail, bytes])
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - this.keep)))
    return false
  }
}

/** An entry packed (or being packed) ahead of its turn to be written. */
interface EntryJob {
  /** How it starts; its offset is known only when its turn comes. */
  head: EntryStart
  /** Its data as the zip stores it: whole, or a stream that runs ahead of the writer. */
  body: Buffer | AsyncIterable<Buffer>
  /** What it came to, once `body` was read to its end (`compressed` bytes of it). */
  packed: (compressed: number) => Packed
  /** The file's bytes behind the part of `body` taken so far (0 for a whole body). */
  written: () => number
  /** Gives it up (the zip failed elsewhere): stops reading its file. */
  stop: () => void
}

/**
 * Starts packing entries ahead of the one being written, so that reading, hashing and zlib's
 * deflates (on its thread pool) of several files run at once: small files, read whole, up to
 * FILE_CONCURRENCY ahead; streamed ones {@link STREAMED_IN_FLIGHT} at a time, each holding at
 * most {@link AHEAD_BYTES}. The writer still takes them in the sources' order.
 */
class EntryJobs {
  private readonly jobs = new Map<number, Promise<EntryJob>>()
  private readonly started = new Set<number>()

  constructor(
    private readonly sources: PackSource[],
    private readonly start: (source: PackSource, read?: Promise<Buffer>) => Promise<EntryJob>
  ) {}

  /** Entry `index`, once packed far enough to start writing it. */
  take(index: number): Promise<EntryJob> {
    const end = Math.min(this.sources.length, index + FILE_CONCURRENCY)
    for (let ahead = index; ahead < end; ahead++) {
      const source = this.sources[ahead]
      const whole = source !== undefined && source.size <= SMALL_FILE
      if (!source || this.started.has(ahead)) continue
      if (!whole && ahead >= index + STREAMED_IN_FLIGHT) continue
      this.started.add(ahead)
      const job = this.start(source, whole ? readWhole(source) : undefined)
      job.catch(() => undefined)
      this.jobs.set(ahead, job)
    }
    const job = this.jobs.get(index)
    this.jobs.delete(index)
    return job ?? Promise.reject(new Error(`entry ${index} was taken twice`))
  }

  /** Gives up the entries started and not taken. */
  stop(): void {
    for (const job of this.jobs.values()) {
      job.then(
        started => {
          started.stop()
        },
        () => undefined
      )
    }
    this.jobs.clear()
  }
}

/** A small file's bytes, read in one go. */
function readWhole(source: PackSource): Promise<Buffer> {
  return source.size <= SYNC_FILE ? readSmallFile(source.absolute) : readFile(source.absolute)
}

/** A file's bytes, read once. */
async function* plainBytes(file: string, onPlain: (bytes: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK })) {
    const bytes = chunk as Buffer
    onPlain(bytes)
    yield bytes
  }
}

/**
 * Raw deflate of a small file's bytes: on zlib's thread pool, or at once on this thread when it
 * is so small that handing it over would cost more than deflating it.
 */
async function deflateWhole(bytes: Buffer, level: number): Promise<Buffer> {
  if (bytes.length <= DEFLATE_HERE) return zlib.deflateRawSync(bytes, { level })
  return deflateRaw(bytes, { level })
}

/**
 * Raw deflate of a byte stream as one deflate stream made of independent pieces, pigz's way:
 * each input chunk is deflated on its own on zlib's thread pool, up to
 * {@link DEFLATES_IN_FLIGHT} at once (so one large file uses every core), with the 32 KiB before
 * it as its dictionary (so it compresses as well as one stream would) and a sync flush at its end
 * (so the next piece starts on a byte boundary). An empty final block closes the stream: any
 * inflater reads the result as the single stream it is.
 */
async function* deflated(source: AsyncIterable<Buffer>, level: number): AsyncGenerator<Buffer> {
  const pieces: Promise<Buffer>[] = []
  let window: Buffer = Buffer.alloc(0)
  for await (const bytes of source) {
    const piece = deflatePiece(bytes, level, window)
    // Awaited in order below; a failure meanwhile must not count as unhandled.
    piece.catch(() => undefined)
    pieces.push(piece)
    window = windowAfter(window, bytes)
    if (pieces.length >= DEFLATES_IN_FLIGHT) yield await (pieces.shift() as Promise<Buffer>)
  }
  for (const piece of pieces) yield await piece
  yield FINAL_EMPTY_BLOCK
}

/** One piece of a deflate stream: `bytes` deflated after `window`, ending on a sync flush. */
function deflatePiece(bytes: Buffer, level: number, window: Buffer): Promise<Buffer> {
  const options: zlib.ZlibOptions = {
    level,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
    chunkSize: DEFLATE_OUTPUT_CHUNK
  }
  if (window.length > 0) options.dictionary = window
  return deflateRaw(bytes, options)
}

/** The last {@link DEFLATE_WINDOW} bytes of the stream once `bytes` followed `window`. */
function windowAfter(window: Buffer, bytes: Buffer): Buffer {
  if (bytes.length >= DEFLATE_WINDOW) return bytes.subarray(bytes.length - DEFLATE_WINDOW)
  const joined = Buffer.concat([window, bytes])
  return joined.subarray(Math.max(0, joined.length - DEFLATE_WINDOW))
}

function localHeader({ name, method, time, date, zip64 }: EntryStart): Buffer {
  const extra = zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0)
  const header = Buffer.alloc(30)
  header.writeUInt32LE(0x04034b50, 0)
  header.writeUInt16LE(zip64 ? 45 : 20, 4)
  header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6)
  header.writeUInt16LE(method, 8)
  header.writeUInt16LE(time, 10)
  header.writeUInt16LE(date, 12)
  // CRC-32 and sizes follow the data, in its descriptor (zip64: 0xffffffff and the extra field).
  header.writeUInt32LE(0, 14)
  header.writeUInt32LE(zip64 ? MAX32 : 0, 18)
  header.writeUInt32LE(zip64 ? MAX32 : 0, 22)
  header.writeUInt16LE(name.length, 26)
  header.writeUInt16LE(extra.length, 28)
  return Buffer.concat([header, name, extra])
}

function descriptor(crc: number, compressed: number, size: number, zip64: boolean): Buffer {
  const bytes = Buffer.alloc(zip64 ? 24 : 16)
  bytes.writeUInt32LE(0x08074b50, 0)
  bytes.writeUInt32LE(crc, 4)
  if (zip64) {
    bytes.writeBigUInt64LE(BigInt(compressed), 8)
    bytes.writeBigUInt64LE(BigInt(size), 16)
  } else {
    bytes.writeUInt32LE(compressed, 8)
    bytes.writeUInt32LE(size, 12)
  }
  return bytes
}

function centralHeader(record: CentralRecord): Buffer {
  // zip64 fields, in their fixed order, for whichever value does not fit in 32 bits.
  const wide = [record.size, record.compressed, record.offset].filter(value => value >= MAX32)
  const large = record.zip64 || wide.length > 0
  const extra = wide.length > 0 ? zip64Extra(wide) : Buffer.alloc(0)
  const header = Buffer.alloc(46)
  header.writeUInt32LE(0x02014b50, 0)
  header.writeUInt16LE(MADE_BY_UNIX | (large ? 45 : 20), 4)
  header.writeUInt16LE(large ? 45 : 20, 6)
  header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8)
  header.writeUInt16LE(record.method, 10)
  header.writeUInt16LE(record.time, 12)
  header.writeUInt16LE(record.date, 14)
  header.writeUInt32LE(record.crc, 16)
  header.writeUInt32LE(Math.min(record.compressed, MAX32), 20)
  header.writeUInt32LE(Math.min(record.size, MAX32), 24)
  header.writeUInt16LE(record.name.length, 28)
  header.writeUInt16LE(extra.length, 30)
  // comment length, disk number, internal attributes: 0
  header.writeUInt32LE((((0o100000 | (record.mode & 0o777)) << 16) >>> 0) >>> 0, 38)
  header.writeUInt32LE(Math.min(record.offset, MAX32), 42)
  return Buffer.concat([header, record.name, extra])
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length)
  extra.writeUInt16LE(0x0001, 0)
  extra.writeUInt16LE(8 * values.length, 2)
  values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index))
  return extra
}

function zip64End(count: number, length: number, start: number): Buffer {
  const record = Buffer.alloc(56)
  record.writeUInt32LE(0x06064b50, 0)
  record.writeBigUInt64LE(44n, 4)
  record.writeUInt16LE(MADE_BY_UNIX | 45, 12)
  record.writeUInt16LE(45, 14)
  // this disk, the central directory's disk: 0
  record.writeBigUInt64LE(BigInt(count), 24)
  record.writeBigUInt64LE(BigInt(count), 32)
  record.writeBigUInt64LE(BigInt(length), 40)
  record.writeBigUInt64LE(BigInt(start), 48)
  return record
}

function zip64Locator(at: number): Buffer {
  const locator = Buffer.alloc(20)
  locator.writeUInt32LE(0x07064b50, 0)
  locator.writeBigUInt64LE(BigInt(at), 8)
  locator.writeUInt32LE(1, 16)
  return locator
}

function endOfCentral(count: number, length: number, start: number): Buffer {
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(count, 0xffff), 8)
  end.writeUInt16LE(Math.min(count, 0xffff), 10)
  end.writeUInt32LE(Math.min(length, MAX32), 12)
  end.writeUInt32LE(Math.min(start, MAX32), 16)
  return end
}

/** MS-DOS date and time fields (local time, 2-second steps, 1980 at the earliest). */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear())
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate()
  }
}

/** CRC-32 (zlib's, where this Node has it). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  return typeof zlib.crc32 === 'function' ? zlib.crc32(bytes, previous) : slowCrc32(bytes, previous)
}

let table: Uint32Array | undefined

function slowCrc32(bytes: Uint8Array, previous: number): number {
  table ??= Uint32Array.from({ length: 256 }, (_, index) => {
    let value = index
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1
    return value >>> 0
  })
  let crc = (previous ^ MAX32) >>> 0
  for (const byte of bytes) crc = ((table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0
  return (crc ^ MAX32) >>> 0
}
