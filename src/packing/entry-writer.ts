import { createWriteStream } from 'node:fs'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe } from '../checkpoint/errors.js'
import { ByteMeter } from './meter.js'
import { ArchiveIntegrityError, entryRefusal } from './packing-errors.js'

/** An entry's bytes as they come out of a zip: a stream of chunks. */
export type EntrySource = NodeJS.ReadableStream | AsyncIterable<Buffer>

/** An entry on its way out of a zip, and how many bytes it may bring. */
export interface EntryBytes {
  /** Names the zip in refusals. */
  archive: string
  name: string
  /** The bytes, or how to open them (a failure to open is then worded as `failure`). */
  bytes: EntrySource | (() => Promise<EntrySource>)
  /** More bytes than this are refused, whatever the headers claimed. */
  limit: number
}

/** How an entry's refusals read, after its name. */
export interface EntryWording {
  /** Why more than the limit is refused. */
  overflow: string
  /** What could not be done, when reading or writing fails. */
  failure: string
}

/** What came out of an entry: its byte count and `sha256:<hex>`. */
export interface WrittenEntry {
  bytes: number
  digest: string
}

/**
 * Writes an entry's bytes into a file (`target`, mode 0600) or onto a list of chunks, through
 * `through` (an inflater) and a meter that counts and hashes them and stops them past the limit:
 * the one way an entry's bytes leave a zip, whichever reader found it.
 * @throws ArchiveIntegrityError past the limit, or when the bytes cannot be read or written
 */
export async function writeEntry(
  entry: EntryBytes,
  target: string | Buffer[],
  wording: EntryWording,
  through: NodeJS.ReadWriteStream[] = []
): Promise<WrittenEntry> {
  const meter = new ByteMeter(entry.limit, () =>
    entryRefusal(entry.archive, entry.name, wording.overflow)
  )
  try {
    const bytes = typeof entry.bytes === 'function' ? await entry.bytes() : entry.bytes
    await pipeline([bytes as NodeJS.ReadableStream, ...through, meter, sinkOf(target)])
  } catch (error) {
    if (error instanceof ArchiveIntegrityError) throw error
    throw entryRefusal(entry.archive, entry.name, `${wording.failure} (${describe(error)})`)
  }
  return { bytes: meter.bytes, digest: meter.digest() }
}

/** A file written afresh (owner-only until placed), or a list the chunks are kept on. */
function sinkOf(target: string | Buffer[]): NodeJS.WritableStream {
  if (typeof target === 'string') return createWriteStream(target, { mode: 0o600 })
  return new Writable({
    write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
      target.push(chunk)
      callback()
    }
  })
}
