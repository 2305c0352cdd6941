import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { sha256Digest } from '../checkpoint/canonical.js'
import { CheckpointError } from '../checkpoint/errors.js'
import type { FileRecord } from '../checkpoint/document.js'
import { isSafeRelativePath, unsafePathReason } from '../checkpoint/safe-paths.js'

/** An archive inflating past this ratio beyond {@link BOMB_FLOOR} bytes is a zip bomb. */
export const BOMB_RATIO = 100
/** Below this many inflated bytes no ratio is suspicious. */
export const BOMB_FLOOR = 10 * 1024 * 1024

/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
export class ArchiveIntegrityError extends CheckpointError {
  constructor(
    readonly archive: string,
    readonly reason: string
  ) {
    super(`Archive ${archive} was refused: ${reason}`)
  }
}

/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * @param expected the manifest's records held by this archive (links excluded)
 */
export async function extractArchive(
  zipPath: string,
  archive: string,
  expected: FileRecord[],
  staging: string,
  superseded: (name: string) => boolean = () => false
): Promise<void> {
  const remaining = new Map(expected.map(file => [file.path, file]))
  const context: EntryContext = { archive, remaining, staging, superseded, folders: new Set() }
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.openPromise(zipPath, { strictFileNames: true, validateEntrySizes: true })
  } catch (error) {
    throw new ArchiveIntegrityError(archive, `not a readable zip (${(error as Error).message})`)
  }
  const archiveBytes = (await stat(zipPath)).size
  let claimed = 0
  try {
    for await (const entry of entries(zip, archive)) {
      claimed += entry.uncompressedSize
      if (claimed > BOMB_FLOOR && claimed > BOMB_RATIO * archiveBytes) {
        throw new ArchiveIntegrityError(
          archive,
          `it inflates past ${BOMB_RATIO}:1 (${claimed} bytes from ${archiveBytes}): a zip bomb`
        )
      }
      await extractEntry(zip, entry, context)
    }
  } finally {
    zip.close()
  }
  missingFiles(context)
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

/** What extracting one archive keeps track of. */
export interface EntryContext {
  archive: string
  remaining: Map<string, FileRecord>
  staging: string
  /** Names a later archive holds a newer version of: passed over, never written. */
  superseded: (name: string) => boolean
  /** Staging folders already created. */
  folders?: Set<string>
}

async function extractEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  context: EntryContext
): Promise<void> {
  const admitted = await admitEntry(context, {
    name: entry.fileName,
    mode: entry.externalFileAttributes >>> 16,
    size: entry.uncompressedSize
  })
  if (!admitted) return
  await writeEntry(context.archive, admitted, await zip.openReadStreamPromise(entry))
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
 * supersedes are passed over (undefined). Creates the entry's folder in staging.
 * @throws ArchiveIntegrityError for anything else
 */
export async function admitEntry(
  context: EntryContext,
  entry: EntryHeader
): Promise<AdmittedEntry | undefined> {
  const name = entry.name
  const refuse = (reason: string): never => {
    throw new ArchiveIntegrityError(context.archive, `entry ${JSON.stringify(name)} ${reason}`)
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
  if (!record) refuse('is not in the checkpoint manifest (or appears twice)')
  const expected = record as FileRecord
  context.remaining.delete(name)
  if (entry.size > expected.size)
    refuse(`claims ${entry.size} bytes, the manifest ${expected.size}`)
  const target = join(context.staging, name)
  const folder = dirname(target)
  if (!context.folders?.has(folder)) {
    await mkdir(folder, { recursive: true }).catch((error: unknown) =>
      refuse(`cannot be staged (${(error as Error).message})`)
    )
    context.folders?.add(folder)
  }
  return { name, record: expected, target }
}

/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 */
export async function writeEntry(
  archive: string,
  entry: AdmittedEntry,
  bytes: NodeJS.ReadableStream | AsyncIterable<Buffer>,
  ...through: NodeJS.ReadWriteStream[]
): Promise<void> {
  const refuse = (reason: string): never => {
    throw new ArchiveIntegrityError(archive, `entry ${JSON.stringify(entry.name)} ${reason}`)
  }
  const expected = entry.record
  const meter = new Meter(expected.size, () =>
    refuse(`inflates past the ${expected.size} bytes recorded`)
  )
  try {
    await pipeline([
      bytes as NodeJS.ReadableStream,
      ...through,
      meter,
      createWriteStream(entry.target, { mode: 0o600 })
    ])
  } catch (error) {
    if (error instanceof ArchiveIntegrityError) throw error
    refuse(`could not be extracted (${(error as Error).message})`)
  }
  if (meter.bytes !== expected.size)
    refuse(`has ${meter.bytes} bytes, the manifest ${expected.size}`)
  if (meter.digest() !== expected.sha256) refuse('does not match its sha256 in the manifest')
}

/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link writeEntry}.
 */
export async function writeWholeEntry(
  archive: string,
  entry: AdmittedEntry,
  data: Buffer
): Promise<void> {
  const refuse = (reason: string): never => {
    throw new ArchiveIntegrityError(archive, `entry ${JSON.stringify(entry.name)} ${reason}`)
  }
  const expected = entry.record
  if (data.length !== expected.size)
    refuse(`has ${data.length} bytes, the manifest ${expected.size}`)
  if (sha256Digest(data) !== expected.sha256) refuse('does not match its sha256 in the manifest')
  await writeFile(entry.target, data, { mode: 0o600 })
}

/** Counts and hashes bytes as they pass, and stops the stream past a limit. */
class Meter extends Transform {
  bytes = 0
  private readonly hash = createHash('sha256')

  constructor(
    private readonly limit: number,
    private readonly onOverflow: () => never
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.limit) {
      try {
        this.onOverflow()
      } catch (error) {
        callback(error as Error)
        return
      }
    }
    this.hash.update(chunk)
    callback(null, chunk)
  }

  digest(): string {
    return `sha256:${this.hash.digest('hex')}`
  }
}

/** The zip's entries one at a time, as yauzl's lazy mode hands them out. */
async function* entries(zip: yauzl.ZipFile, archive: string): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (item: yauzl.Entry): void => {
        cleanup()
        resolve(item)
      }
      const onEnd = (): void => {
        cleanup()
        resolve(undefined)
      }
      const onError = (error: Error): void => {
        cleanup()
        reject(new ArchiveIntegrityError(archive, error.message))
      }
      const cleanup = (): void => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError)
      }
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError)
      zip.readEntry()
    })
    if (!entry) return
    yield entry
  }
}
