import { readFile, stat } from 'node:fs/promises'
import type yauzl from 'yauzl'
import { sha256Digest } from '../checkpoint/canonical.js'
import type { FileRecord } from '../checkpoint/document.js'
import { ZIP_IN_MEMORY } from './limit.js'
import {
  admitEntry,
  entryContext,
  missingFiles,
  stageEntry,
  type EntryContext
} from './manifest-entries.js'
import { UnstreamableZipError } from './packing-errors.js'
import { extractBytes } from './stream-extract.js'
import { openZip, zipEntries } from './zip-reader.js'

/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * A zip up to {@link ZIP_IN_MEMORY} is read whole and extracted from memory, its files written
 * several at once; one whose layout that reader does not follow is read entry by entry.
 * The caller has checked the zip's digest (its download's).
 * @param expected the manifest's records held by this archive (links excluded)
 * @throws ArchiveIntegrityError
 */
export async function extractArchive(
  zipPath: string,
  archive: string,
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean = () => false
): Promise<void> {
  if ((await stat(zipPath)).size <= ZIP_IN_MEMORY) {
    const bytes = await readFile(zipPath)
    const zip = { archive, digest: sha256Digest(bytes) }
    try {
      await extractBytes(bytes, zip, expected, staging, superseded)
      return
    } catch (error) {
      if (!(error instanceof UnstreamableZipError)) throw error
    }
  }
  await extractEntryByEntry(zipPath, archive, expected, staging, superseded)
}

/** {@link extractArchive} through yauzl, which follows any layout, one entry at a time. */
async function extractEntryByEntry(
  zipPath: string,
  archive: string,
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean
): Promise<void> {
  const context = entryContext(archive, expected, staging, superseded)
  const zip = await openZip(zipPath, archive, { strictFileNames: true })
  try {
    for await (const entry of zipEntries(zip, archive)) await extractEntry(zip, entry, context)
  } finally {
    zip.close()
  }
  missingFiles(context)
}

async function extractEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  context: EntryContext
): Promise<void> {
  const admitted = admitEntry(context, {
    name: entry.fileName,
    mode: entry.externalFileAttributes >>> 16,
    size: entry.uncompressedSize
  })
  if (!admitted) return
  await stageEntry(context.archive, admitted, await zip.openReadStreamPromise(entry))
}
