import { open } from 'node:fs/promises'
import yauzl from 'yauzl'
import { describe } from '../checkpoint/errors.js'
import { writeEntry, type WrittenEntry } from './entry-writer.js'
import { ArchiveIntegrityError, entryRefusal } from './packing-errors.js'

// The one wrapper of yauzl: every zip read from a file is opened, listed and read through here.

/** How strictly entry names are read. */
export interface ZipNames {
  /** Refuse a name holding `\` (a Windows separator) rather than read it as `/`. */
  strictFileNames: boolean
}

/** A zip opened for reading, with its entries listed from the central directory. */
export interface ListedZip {
  zip: yauzl.ZipFile
  entries: yauzl.Entry[]
}

/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await handle.read(head, 0, 4, 0)
    const magic = head.subarray(0, bytesRead).toString('hex')
    return magic === '504b0304' || magic === '504b0506'
  } finally {
    await handle.close()
  }
}

/**
 * Opens a zip for reading its entries one at a time ({@link zipEntries}); sizes are checked
 * against the headers as entries are read. Close it when done.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a file that is not a readable zip
 */
export async function openZip(
  path: string,
  label: string,
  names: ZipNames
): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, { ...names, autoClose: false, validateEntrySizes: true })
  } catch (error) {
    throw unreadableZip(label, describe(error))
  }
}

/**
 * The entries of an opened zip, one at a time from its central directory. yauzl's refusal of
 * an entry (a name that is absolute or holds `..`, sizes that do not add up) fails it.
 * @throws ArchiveIntegrityError naming the zip, with yauzl's reason
 */
export async function* zipEntries(zip: yauzl.ZipFile, label: string): AsyncGenerator<yauzl.Entry> {
  const entries = zip.eachEntry()
  try {
    for (;;) {
      const next = await entries.next().catch((error: unknown) => {
        throw new ArchiveIntegrityError(label, describe(error))
      })
      if (next.done === true) return
      yield next.value
    }
  } finally {
    // Stops listening for entries when the caller stops early.
    await entries.return?.()
  }
}

/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
export async function listZip(path: string, label: string): Promise<ListedZip> {
  const zip = await openZip(path, label, { strictFileNames: false })
  try {
    const entries: yauzl.Entry[] = []
    for await (const entry of zipEntries(zip, label)) entries.push(entry)
    return { zip, entries }
  } catch (error) {
    zip.close()
    throw unreadableZip(label, (error as ArchiveIntegrityError).reason)
  }
}

function unreadableZip(label: string, reason: string): ArchiveIntegrityError {
  return new ArchiveIntegrityError(label, `not a readable zip (${reason})`)
}

/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
export async function readEntry(
  listed: ListedZip,
  entry: yauzl.Entry,
  limit: number,
  label: string
): Promise<Buffer> {
  const chunks: Buffer[] = []
  await unzipEntry(listed, entry, chunks, limit, label)
  return Buffer.concat(chunks)
}

/**
 * Writes one entry into the file `target` (or onto a list of chunks), refusing more than
 * `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
export async function unzipEntry(
  listed: ListedZip,
  entry: yauzl.Entry,
  target: string | Buffer[],
  limit: number,
  label: string
): Promise<WrittenEntry> {
  const overflow = `is over ${limit} bytes`
  if (entry.uncompressedSize > limit) throw entryRefusal(label, entry.fileName, overflow)
  const bytes = (): Promise<NodeJS.ReadableStream> => listed.zip.openReadStreamPromise(entry)
  return writeEntry({ archive: label, name: entry.fileName, bytes, limit }, target, {
    overflow,
    failure: 'could not be read'
  })
}
