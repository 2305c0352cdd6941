import { openFiles, sealedRecord } from '../packing/encrypt.js'
import { createReadStream, createWriteStream } from 'node:fs'
import { lstat, mkdir, realpath, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FileRecord } from '../checkpoint/document.js'
import { extractArchive } from '../packing/extract.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { isInside } from '../packing/workspace-paths.js'
import { NotFoundError } from './offline-errors.js'
import { ByteMeter, hashFile } from '../packing/meter.js'
import type { CheckpointSource, FoundArchive } from './source.js'
import { makeStagedPath } from '../packing/staged-path.js'

/** What staging an archive checked. */
export interface StagedArchive {
  name: string
  files: number
  bytes: number
  /** Its files are encrypted (the action's `encryption-key`). */
  encrypted: boolean
  /** False for encrypted files staged without the key: only their stored bytes were checked. */
  decrypted: boolean
}

/**
 * Verifies a files archive of the source and extracts it into `staging`: a zip's bytes are
 * checked against the digest recorded at upload, then every entry against the manifest by the
 * same extractor the restore step uses (nothing unlisted, larger than recorded, `..` or
 * absolute); a folder it was unzipped into is copied file by file, each checked alike.
 * Encrypted files are checked as stored, then decrypted with `fileKey` when it is given.
 * @throws NotFoundError when the source lacks the archive; ArchiveIntegrityError
 */
export async function stageArchive(
  source: CheckpointSource,
  name: string,
  staging: string,
  fileKey?: Buffer
): Promise<StagedArchive> {
  const found = source.archive(name)
  if (!found) throw new NotFoundError(`Files archive ${name} is not in ${source.location}`)
  const manifest = source.manifest(name)
  const encrypted = source.archiveRecord(name)?.packing === 'zip-encrypted'
  const stored = encrypted ? manifest.map(file => sealedRecord(name, file)) : manifest
  // Encrypted files are checked as stored beside staging, then decrypted into it.
  const into = encrypted ? `${staging}.sealed` : staging
  await mkdir(staging, { recursive: true })
  try {
    await mkdir(into, { recursive: true })
    if (found.form === 'zip') {
      await checkZipDigest(source, found)
      await extractArchive(found.path, name, stored, into)
    } else {
      const made = new Set<string>()
      for (const file of stored) await copyVerified(found, file, into, made)
    }
    if (encrypted && fileKey) await openFiles(name, manifest, into, staging, fileKey)
  } finally {
    if (encrypted) await rm(into, { recursive: true, force: true })
  }
  const bytes = manifest.reduce((total, file) => total + file.size, 0)
  return { name, files: manifest.length, bytes, encrypted, decrypted: !encrypted || !!fileKey }
}

async function checkZipDigest(source: CheckpointSource, found: FoundArchive): Promise<void> {
  const record = source.archiveRecord(found.name)
  if (!record) return
  const { bytes, digest } = await hashFile(found.path)
  if (digest === record.digest) return
  const truncated = bytes < record.size ? `, ${bytes} of ${record.size} bytes: truncated` : ''
  throw new ArchiveIntegrityError(
    found.name,
    `its bytes do not match the digest recorded at upload (${found.origin}${truncated})`
  )
}

/**
 * Copies one listed file out of an unzipped archive folder, refusing a link, a file that lies
 * under a link leading out of the folder, and bytes that differ from the manifest.
 */
async function copyVerified(
  found: FoundArchive,
  file: FileRecord,
  staging: string,
  made: Set<string>
): Promise<void> {
  const refuse = (reason: string): ArchiveIntegrityError =>
    new ArchiveIntegrityError(found.name, `${JSON.stringify(file.path)} ${reason}`)
  const root = await realpath(found.path)
  const from = join(root, file.path)
  const parent = await realpath(dirname(from)).catch(() => undefined)
  if (parent && !isInside(root, parent)) throw refuse(`lies under a link out of ${found.origin}`)
  const stats = await lstat(from).catch(() => undefined)
  if (!stats || !parent) throw refuse(`is listed but missing from ${found.origin}`)
  if (!stats.isFile()) throw refuse('is not a regular file')
  if (stats.size !== file.size) throw refuse(`has ${stats.size} bytes, the manifest ${file.size}`)
  const target = makeStagedPath(staging, file.path, made)
  const meter = new ByteMeter(file.size, () => refuse('grew while it was read'))
  await pipeline(createReadStream(from), meter, createWriteStream(target, { mode: 0o600 }))
  if (meter.digest() !== file.sha256) throw refuse('does not match its sha256 in the manifest')
}
