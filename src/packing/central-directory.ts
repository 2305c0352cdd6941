import { UnstreamableZipError } from './packing-errors.js'

// A zip's central directory read from its bytes, for the streaming extractor, which learns
// where every entry lies before the download that carries them starts.

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

/** How much of a zip's end is fetched first: its end records and, mostly, its directory. */
export const TAIL_BYTES = 256 * 1024

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const MAX32 = 0xffffffff

/**
 * Finds the central directory from the last bytes of a zip (`tail` starts at `tailStart`).
 * @throws UnstreamableZipError when the end records are not in the tail or do not add up
 */
export function locateDirectory(tail: Buffer, tailStart: number, size: number): DirectoryLocation {
  const at = endRecordAt(tail)
  let count = tail.readUInt16LE(at + 10)
  let length = tail.readUInt32LE(at + 12)
  let start = tail.readUInt32LE(at + 16)
  let end = tailStart + at
  if (count === 0xffff || length === MAX32 || start === MAX32) {
    const record = zip64EndRecordAt(tail, at, tailStart)
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

/** Where in `tail` the end of central directory record starts: the last one its comment ends. */
function endRecordAt(tail: Buffer): number {
  for (let index = tail.length - 22; index >= Math.max(0, tail.length - 22 - 0xffff); index--) {
    if (
      tail.readUInt32LE(index) === EOCD &&
      index + 22 + tail.readUInt16LE(index + 20) === tail.length
    ) {
      return index
    }
  }
  throw new UnstreamableZipError('no end of central directory record')
}

/** Where in `tail` the zip64 end record starts, found through the locator before `endAt`. */
function zip64EndRecordAt(tail: Buffer, endAt: number, tailStart: number): number {
  const locator = endAt - 20
  if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
    throw new UnstreamableZipError('no zip64 locator')
  }
  const record = Number(tail.readBigUInt64LE(locator + 8)) - tailStart
  if (record < 0 || record + 56 > locator || tail.readUInt32LE(record) !== ZIP64_EOCD) {
    throw new UnstreamableZipError('no zip64 end record in the tail')
  }
  return record
}

/**
 * Reads the central directory's entries, in the order their data lies in the zip.
 * @throws UnstreamableZipError for a directory that is not well formed or entries that overlap
 */
export function readDirectory(bytes: Buffer, location: DirectoryLocation): CentralEntry[] {
  const entries: CentralEntry[] = []
  let at = 0
  for (let index = 0; index < location.count; index++) {
    const { entry, next } = readCentralEntry(bytes, at, index)
    entries.push(entry)
    at = next
  }
  if (at !== location.length) throw new UnstreamableZipError('central directory length differs')
  entries.sort((a, b) => a.offset - b.offset)
  for (const entry of entries) checkStreamable(entry, location)
  return entries
}

/** The directory's `index`-th entry, at `at`, and where the next one starts. */
function readCentralEntry(
  bytes: Buffer,
  at: number,
  index: number
): { entry: CentralEntry; next: number } {
  if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
    throw new UnstreamableZipError(`central directory entry ${index} is not well formed`)
  }
  const nameLength = bytes.readUInt16LE(at + 28)
  const extraLength = bytes.readUInt16LE(at + 30)
  const commentLength = bytes.readUInt16LE(at + 32)
  const nameBytes = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength))
  const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength)
  const wide = zip64Values(extra)
  const widened = (value: number): number => (value === MAX32 ? (wide.shift() ?? NaN) : value)
  // In the zip64 extra field's fixed order: size, compressed size, offset.
  const size = widened(bytes.readUInt32LE(at + 24))
  const compressed = widened(bytes.readUInt32LE(at + 20))
  const offset = widened(bytes.readUInt32LE(at + 42))
  if (![size, compressed, offset].every(Number.isSafeInteger)) {
    throw new UnstreamableZipError(`central directory entry ${index} has no zip64 sizes`)
  }
  const entry: CentralEntry = {
    name: nameBytes.toString('utf8'),
    nameBytes,
    flags: bytes.readUInt16LE(at + 8),
    method: bytes.readUInt16LE(at + 10),
    compressed,
    size,
    offset,
    mode: bytes.readUInt32LE(at + 38) >>> 16
  }
  return { entry, next: at + 46 + nameLength + extraLength + commentLength }
}

/**
 * Refuses an entry the streaming reader cannot follow: zip-encrypted, compressed by another
 * method than deflate, or with data that would run into the directory.
 */
function checkStreamable(entry: CentralEntry, location: DirectoryLocation): void {
  if (entry.flags & 0x1) throw new UnstreamableZipError(`${entry.name} is zip-encrypted`)
  if (entry.method !== 0 && entry.method !== 8) {
    throw new UnstreamableZipError(`${entry.name} uses compression method ${entry.method}`)
  }
  if (entry.offset + 30 + entry.compressed > location.start) {
    throw new UnstreamableZipError(`${entry.name} runs into the central directory`)
  }
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
