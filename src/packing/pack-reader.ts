import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { PACKABLE_ARCHIVE_BYTES } from '../checkpoint/packs.js'
import { TAIL_BYTES, locateDirectory, readDirectory } from './central-directory.js'
import { ArchiveIntegrityError, UnstreamableZipError, entryRefusal } from './packing-errors.js'

// Reads a pack on disk: a zip whose entries are all stored, each the exact bytes of a small
// files archive or of a retired checkpoint document, named as that artifact was named. A stored
// entry is a byte range of the pack, so one archive is read without inflating anything else.

/** One entry of a pack: the artifact's name it carries, and where its bytes lie in the pack. */
export interface NestedEntry {
  /** `checkpoint.<scope>.a<A>.s<SSS>.<node>.files` or `.json`. */
  name: string
  /** Where the entry's data (not its local header) starts in the pack. */
  offset: number
  size: number
}

const LOCAL_HEADER = 0x04034b50

/**
 * The entries of a pack, from its central directory, each checked against its local header.
 * @throws ArchiveIntegrityError naming the pack when it is not one: not a zip, an entry
 *   compressed or encrypted, or headers that disagree
 */
export async function nestedEntries(packPath: string): Promise<NestedEntry[]> {
  const label = basename(packPath)
  const handle = await open(packPath, 'r')
  try {
    const size = (await handle.stat()).size
    const tailStart = Math.max(0, size - TAIL_BYTES)
    const tail = await readAt(handle, tailStart, size - tailStart)
    const location = locateDirectory(tail, tailStart, size)
    const directory = await readAt(handle, location.start, location.length)
    const entries: NestedEntry[] = []
    for (const entry of readDirectory(directory, location)) {
      if (entry.method !== 0) throw new UnstreamableZipError(`${entry.name} is compressed`)
      const local = await readAt(handle, entry.offset, 30)
      if (
        local.readUInt32LE(0) !== LOCAL_HEADER ||
        local.readUInt16LE(26) !== entry.nameBytes.length
      ) {
        throw new UnstreamableZipError(`${entry.name} has no local header`)
      }
      const offset = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
      if (offset + entry.size > location.start) {
        throw new UnstreamableZipError(`${entry.name} runs into the central directory`)
      }
      entries.push({ name: entry.name, offset, size: entry.size })
    }
    return entries
  } catch (error) {
    if (!(error instanceof UnstreamableZipError)) throw error
    throw new ArchiveIntegrityError(label, `not a pack (${error.message})`)
  } finally {
    await handle.close()
  }
}

/**
 * Reads one entry of a pack into memory, at most `limit` bytes (a small archive's bound by
 * default), and checks it against `digest` (`sha256:<hex>`, as an ArchiveRecord records it)
 * before anyone uses it. A document carries its own digest inside: pass `undefined`.
 * @throws ArchiveIntegrityError naming the entry: over the limit, short, or another digest
 */
export async function readNested(
  packPath: string,
  entry: NestedEntry,
  digest: string | undefined,
  limit: number = PACKABLE_ARCHIVE_BYTES
): Promise<Buffer> {
  const label = basename(packPath)
  if (entry.size > limit) throw entryRefusal(label, entry.name, `is over ${limit} bytes`)
  const handle = await open(packPath, 'r')
  let bytes: Buffer
  try {
    bytes = await readAt(handle, entry.offset, entry.size)
  } finally {
    await handle.close()
  }
  if (bytes.length !== entry.size) {
    throw entryRefusal(label, entry.name, `is truncated: ${bytes.length} of ${entry.size} bytes`)
  }
  const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  if (digest !== undefined && actual !== digest) {
    throw new ArchiveIntegrityError(
      entry.name,
      `its bytes in ${label} do not match the digest recorded at upload`
    )
  }
  return bytes
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(length)
  let filled = 0
  while (filled < length) {
    const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled)
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return bytes.subarray(0, filled)
}
