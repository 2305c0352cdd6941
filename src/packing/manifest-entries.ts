import { writeFile } from 'node:fs/promises'
import { sha256Digest } from '../checkpoint/canonical.js'
import type { FileRecord } from '../checkpoint/document.js'
import { describe } from '../checkpoint/errors.js'
import { isSafeRelativePath, unsafePathReason } from '../checkpoint/safe-paths.js'
import { writeEntry, type EntrySource } from './entry-writer.js'
import { ArchiveIntegrityError, entryRefusal } from './packing-errors.js'
import { makeStagedPath } from './staged-path.js'

// The checks both extractors (the whole-file one and the streaming one) make of a files
// archive against its checkpoint's manifest, so that they refuse and accept the same entries.

// No ratio rule: a checkpoint compresses as well as its data allows. What bounds the bytes an
// archive can put on disk is the manifest (under the checkpoint's digest): an entry is let in
// only when listed, claiming no more than its recorded size, and its bytes are cut off the moment
// they pass that size (writeEntry's meter, inflateWhole's maxOutputLength).

/** What extracting one archive keeps track of. */
export interface EntryContext {
  archive: string
  remaining: Map<string, FileRecord>
  staging: string
  /** Names a later archive holds a newer version of: passed over, never written. */
  superseded: (name: string) => boolean
  /** The folders of staging made so far (see makeStagedPath). */
  made: Set<string>
}

/** The context of extracting `archive`, which holds the files `expected`, into `staging`. */
export function entryContext(
  archive: string,
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean
): EntryContext {
  const remaining = new Map(expected.map(file => [file.path, file]))
  return { archive, remaining, staging, superseded, made: new Set() }
}

/** Fails when a file the manifest lists in this archive was not in it. */
export function missingFiles(context: EntryContext): void {
  const missing = [...context.remaining.keys()]
  if (missing.length > 0) {
    throw new ArchiveIntegrityError(
      context.archive,
      `${missing.length} listed file(s) missing, e.g. ${missing[0]}`
    )
  }
}

/** An entry as the zip's central directory describes it. */
export interface EntryHeader {
  name: string
  /** The upper half of the external attributes: Unix type and mode bits. */
  mode: number
  /** The uncompressed size the zip claims. */
  size: number
}

/** An entry let in: its manifest record and where its bytes go. */
export interface AdmittedEntry {
  name: string
  record: FileRecord
  target: string
}

/**
 * Lets an entry in only as what the manifest expects: a safe relative name, a regular file,
 * listed and not seen before, no larger than recorded. Folder entries and files a later archive
 * supersedes are passed over (undefined). Makes the staging folder an entry goes in.
 * @throws ArchiveIntegrityError for anything else
 */
export function admitEntry(context: EntryContext, entry: EntryHeader): AdmittedEntry | undefined {
  const name = entry.name
  const refuse = (reason: string): never => {
    throw entryRefusal(context.archive, name, reason)
  }
  if (name.endsWith('/')) {
    if (!isSafeRelativePath(name.slice(0, -1))) refuse(unsafePathReason(name.slice(0, -1)) ?? '')
    return undefined
  }
  // By this OS's rules too: on Windows, a name it would write elsewhere is never staged.
  const unsafe = unsafePathReason(name, process.platform)
  if (unsafe) refuse(unsafe)
  const type = entry.mode & 0o170000
  if (type !== 0 && type !== 0o100000)
    refuse('is not a regular file (a link or a device): saves never write one')
  const record = context.remaining.get(name)
  if (!record && context.superseded(name)) return undefined
  if (!record) return refuse('is not in the checkpoint manifest (or appears twice)')
  context.remaining.delete(name)
  if (entry.size > record.size) refuse(`claims ${entry.size} bytes, the manifest ${record.size}`)
  return { name, record, target: stagingTarget(context, name, refuse) }
}

/** Where an admitted entry is staged, its folder made (see makeStagedPath). */
function stagingTarget(
  context: EntryContext,
  name: string,
  refuse: (reason: string) => never
): string {
  try {
    return makeStagedPath(context.staging, name, context.made)
  } catch (error) {
    return refuse(`cannot be staged (${(error as Error).message})`)
  }
}

/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 * @param through what the bytes pass through first (an inflater)
 * @throws ArchiveIntegrityError
 */
export async function stageEntry(
  archive: string,
  entry: AdmittedEntry,
  bytes: EntrySource,
  through: NodeJS.ReadWriteStream[] = []
): Promise<void> {
  const size = entry.record.size
  const written = await writeEntry(
    { archive, name: entry.name, bytes, limit: size },
    entry.target,
    { overflow: `inflates past the ${size} bytes recorded`, failure: 'could not be extracted' },
    through
  )
  matchRecord(archive, entry, written.bytes, written.digest)
}

/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link stageEntry}.
 * @throws ArchiveIntegrityError
 */
export async function stageWholeEntry(
  archive: string,
  entry: AdmittedEntry,
  data: Buffer
): Promise<void> {
  matchRecord(archive, entry, data.length, sha256Digest(data))
  // Worded as stageEntry words a write that fails.
  await writeFile(entry.target, data, { mode: 0o600 }).catch((error: unknown) => {
    throw entryRefusal(archive, entry.name, `could not be extracted (${describe(error)})`)
  })
}

/** Fails an entry whose size or sha256 differs from its manifest record. */
function matchRecord(archive: string, entry: AdmittedEntry, bytes: number, digest: string): void {
  const expected = entry.record
  if (bytes !== expected.size) {
    throw entryRefusal(archive, entry.name, `has ${bytes} bytes, the manifest ${expected.size}`)
  }
  if (digest !== expected.sha256) {
    throw entryRefusal(archive, entry.name, 'does not match its sha256 in the manifest')
  }
}
