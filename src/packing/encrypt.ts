import { decryptFile } from '../checkpoint/crypto.js'
import type { FileRecord } from '../checkpoint/document.js'
import { unsafePathReason } from '../checkpoint/safe-paths.js'
import { hashFile } from './meter.js'
import { ArchiveIntegrityError } from './packing-errors.js'
import { makeStagedPath, stagedPath } from './staged-path.js'

/** The opaque entry name of the index-th encrypted file: the archive shows no paths. */
export function sealedEntryName(index: number): string {
  return `f${String(index + 1).padStart(6, '0')}`
}

/**
 * The record of an encrypted file as its archive stores it: the opaque entry name and the
 * encrypted bytes' size and hash, which the extractor checks like any other entry.
 * @throws ArchiveIntegrityError when the manifest records no valid entry for it
 */
export function sealedRecord(archive: string, file: FileRecord): FileRecord {
  const entry = file.entry
  if (!entry || unsafePathReason(entry.name)) {
    throw new ArchiveIntegrityError(archive, `file ${file.path} has no valid encrypted entry`)
  }
  return { ...file, path: entry.name, size: entry.size, sha256: entry.sha256 }
}

/**
 * Decrypts extracted entries from `sealed` into `staging` (both laid out by stagedPath),
 * checking each against its manifest record (size and sha256 of the plain bytes).
 * @throws ArchiveIntegrityError for a wrong key, changed bytes or a mismatch
 */
export async function openFiles(
  archive: string,
  files: FileRecord[],
  sealed: string,
  staging: string,
  key: Buffer
): Promise<void> {
  const made = new Set<string>()
  for (const file of files) {
    const entry = sealedRecord(archive, file).path
    const target = makeStagedPath(staging, file.path, made)
    try {
      await decryptFile(stagedPath(sealed, entry), target, key)
    } catch {
      throw new ArchiveIntegrityError(
        archive,
        `${file.path} does not decrypt with the encryption key (wrong key, or changed bytes)`
      )
    }
    const decrypted = await hashFile(target)
    if (decrypted.bytes !== file.size || decrypted.digest !== file.sha256) {
      throw new ArchiveIntegrityError(
        archive,
        `${file.path} does not match its manifest record once decrypted`
      )
    }
  }
}
