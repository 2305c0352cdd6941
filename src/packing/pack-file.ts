import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, readFile, rm, stat } from 'node:fs/promises'
import { once } from 'node:events'
import { basename } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { sha256Digest } from '../checkpoint/canonical.js'
import { TAIL_BYTES, locateDirectory, readDirectory } from './central-directory.js'
import { ArchiveIntegrityError, UnstreamableZipError } from './packing-errors.js'
import { ZipPacker } from './zip-writer.js'
import { ZIP_IN_MEMORY } from './limit.js'

// A pack: a zip whose entries are all stored (never compressed), each the exact bytes of a
// small files archive or of a retired checkpoint document, named as that artifact is named.
// Stored entries can be read back by byte range, and an archive's digest still verifies them.

/** One entry of a pack: its name and where its bytes lie in the pack. */
export interface PackEntry {
  name: string
  /** Offset of the entry's first byte of data in the pack. */
  start: number
  size: number
}

/** A pack on disk, with its entries listed (packEntries), also by name. */
export interface OpenedPack {
  file: string
  entries: PackEntry[]
  named: Map<string, PackEntry>
  /** The whole pack, when it is small enough ({@link ZIP_IN_MEMORY}). */
  bytes?: Buffer
}

/**
 * A pack on disk with its entries listed, each found by name at once however many it holds; a
 * small one is read whole, once.
 * @throws ArchiveIntegrityError when it is not a pack
 */
export async function openPack(file: string): Promise<OpenedPack> {
  const size = (await stat(file)).size
  if (size > ZIP_IN_MEMORY) return withNames(file, await packEntries(file))
  const bytes = await readFile(file)
  const entries = await listEntries(basename(file), size, (position, length) =>
    Promise.resolve(bytesAt(bytes, position, length))
  )
  return { ...withNames(file, entries), bytes }
}

function withNames(file: string, entries: PackEntry[]): OpenedPack {
  return { file, entries, named: new Map(entries.map(entry => [entry.name, entry])) }
}

function bytesAt(bytes: Buffer, position: number, length: number): Buffer {
  if (position + length > bytes.length) throw new UnstreamableZipError('the zip ends early')
  return bytes.subarray(position, position + length)
}

/** A file that goes into a pack, under the name of the artifact it was. */
export interface PackMember {
  name: string
  /** Where its bytes are on disk. */
  file: string
}

/** The bytes of a pack of `members`, entries in the given order, all stored. */
export async function* packBytes(members: PackMember[]): AsyncGenerator<Buffer> {
  const sources = await Promise.all(
    members.map(async member => ({
      name: member.name,
      path: member.name,
      absolute: member.file,
      mode: 0o644,
      mtime: new Date(0),
      size: (await stat(member.file)).size
    }))
  )
  yield* new ZipPacker(sources, { level: 0 }).bytes()
}

/**
 * The entries of a pack, from its central directory, each with the byte range of its data.
 * @throws ArchiveIntegrityError when it is not a pack: not a zip, or an entry is compressed
 */
export async function packEntries(packFile: string): Promise<PackEntry[]> {
  const handle = await open(packFile, 'r')
  try {
    const size = (await handle.stat()).size
    return await listEntries(basename(packFile), size, (position, length) =>
      readAt(handle, position, length)
    )
  } finally {
    await handle.close()
  }
}

/** The entries of a pack of `size` bytes, whose bytes `read` gives by range. */
async function listEntries(
  label: string,
  size: number,
  read: (position: number, length: number) => Promise<Buffer>
): Promise<PackEntry[]> {
  try {
    const tailStart = Math.max(0, size - TAIL_BYTES)
    const tail = await read(tailStart, size - tailStart)
    const location = locateDirectory(tail, tailStart, size)
    const directory = await read(location.start, location.length)
    const entries: PackEntry[] = []
    for (const entry of readDirectory(directory, location)) {
      if (entry.method !== 0) throw new UnstreamableZipError(`${entry.name} is compressed`)
      const local = await read(entry.offset, 30)
      const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
      entries.push({ name: entry.name, start, size: entry.size })
    }
    return entries
  } catch (error) {
    if (!(error instanceof UnstreamableZipError)) throw error
    throw new ArchiveIntegrityError(label, `not a pack (${error.message})`)
  }
}

async function readAt(
  handle: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number
): Promise<Buffer> {
  const bytes = Buffer.alloc(length)
  const { bytesRead } = await handle.read(bytes, 0, length, position)
  if (bytesRead !== length) throw new UnstreamableZipError('the zip ends early')
  return bytes
}

/**
 * Copies one entry's bytes out of a pack into `target`, by its byte range, and checks them
 * against `digest` (`sha256:<hex>`, as the checkpoint recorded them) before anything uses them.
 * @throws ArchiveIntegrityError naming the entry when its bytes differ; `target` is removed
 */
export async function copyPackEntry(
  packFile: string,
  entry: PackEntry,
  target: string,
  digest: string
): Promise<void> {
  const hash = createHash('sha256')
  const out = createWriteStream(target)
  if (entry.size === 0) {
    out.end()
    await once(out, 'close')
  } else {
    const end = entry.start + entry.size - 1
    const source = createReadStream(packFile, { start: entry.start, end })
    source.on('data', chunk => hash.update(chunk))
    await pipeline(source, out)
  }
  if (`sha256:${hash.digest('hex')}` !== digest) {
    await rm(target, { force: true })
    throw new ArchiveIntegrityError(entry.name, 'its bytes in the pack do not match its digest')
  }
}

/**
 * Copies the archive `archive` out of the pack `name` into `target`, checked against the digest
 * its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
export async function copyArchiveOut(
  pack: OpenedPack,
  name: string,
  archive: { name: string; digest: string },
  target: string
): Promise<void> {
  await copyPackEntry(pack.file, archiveEntry(pack, name, archive.name), target, archive.digest)
}

/**
 * The exact bytes of the archive `archive` in the pack `name`, read into memory (archives in a
 * pack are small) and checked against the digest its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
export async function archiveBytesOut(
  pack: OpenedPack,
  name: string,
  archive: { name: string; digest: string }
): Promise<Buffer> {
  const entry = archiveEntry(pack, name, archive.name)
  const bytes = pack.bytes
    ? bytesAt(pack.bytes, entry.start, entry.size)
    : await readPackEntry(pack.file, entry)
  if (sha256Digest(bytes) !== archive.digest) {
    throw new ArchiveIntegrityError(archive.name, 'its bytes in the pack do not match its digest')
  }
  return bytes
}

function archiveEntry(pack: OpenedPack, name: string, archive: string): PackEntry {
  const entry = pack.named.get(archive)
  if (!entry) throw new ArchiveIntegrityError(archive, `is not in ${name}`)
  return entry
}

/**
 * One entry's bytes (the text of a retired checkpoint document, which its own digest verifies,
 * or an archive's bytes, which the caller checks).
 */
export async function readPackEntry(packFile: string, entry: PackEntry): Promise<Buffer> {
  const handle = await open(packFile, 'r')
  try {
    return await readAt(handle, entry.start, entry.size)
  } finally {
    await handle.close()
  }
}
