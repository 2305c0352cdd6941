import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { decryptFile, encryptFile } from '../checkpoint/crypto.js'
import type { FileRecord } from '../checkpoint/document.js'
import { CheckpointError } from '../checkpoint/errors.js'
import type { CollectedFile } from './collect.js'
import { hashFile } from './hash.js'

/** A file encrypted for upload, under an opaque name so the archive shows no paths. */
export interface SealedFile {
  file: CollectedFile
  entry: { name: string; size: number; sha256: string }
  absolute: string
}

/** Encrypts each file into `folder` as `f000001`, `f000002`, ... with a fresh nonce each. */
export async function sealFiles(
  files: CollectedFile[],
  folder: string,
  key: Buffer
): Promise<SealedFile[]> {
  await mkdir(folder, { recursive: true })
  const sealed: SealedFile[] = []
  for (const [index, file] of files.entries()) {
    const name = `f${String(index + 1).padStart(6, '0')}`
    const absolute = join(folder, name)
    const { size, sha256 } = await encryptFile(file.absolute, absolute, key)
    sealed.push({ file, entry: { name, size, sha256 }, absolute })
  }
  return sealed
}

/**
 * Decrypts extracted entries from `sealed` into `staging` at their real paths and checks each
 * against its manifest record (size and sha256 of the plain bytes).
 */
export async function openFiles(
  files: FileRecord[],
  sealed: string,
  staging: string,
  key: Buffer
): Promise<void> {
  for (const file of files) {
    if (!file.entry) throw new CheckpointError(`File ${file.path} has no encrypted entry recorded`)
    const target = join(staging, file.path)
    await mkdir(join(target, '..'), { recursive: true })
    try {
      await decryptFile(join(sealed, file.entry.name), target, key)
    } catch {
      throw new CheckpointError(
        `File ${file.path} does not decrypt with the encryption key (wrong key, or changed bytes)`
      )
    }
    if ((await hashFile(target)) !== file.sha256) {
      throw new CheckpointError(
        `File ${file.path} does not match its sha256 in the manifest after decryption`
      )
    }
  }
}
