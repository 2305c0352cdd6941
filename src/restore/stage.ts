import { mkdir } from 'node:fs/promises'
import type { CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { join } from 'node:path'
import { openFiles, sealedRecord } from '../packing/encrypt.js'
import { ArchiveIntegrityError, extractArchive } from '../packing/extract.js'
import type { ArtifactStore, RunCheckpointStore } from '../stores/artifacts.js'

/**
 * Downloads every archive a checkpoint's files live in and extracts it into `staging`, each
 * checked against the digest recorded at upload and every file against the manifest. Nothing
 * reaches the workspace here: a bad archive fails the whole checkpoint before any file moves.
 */
export async function stageFiles(
  document: CheckpointDocument,
  store: RunCheckpointStore,
  artifacts: ArtifactStore,
  folders: { downloads: string; staging: string },
  fileKey: Buffer | undefined
): Promise<void> {
  const { downloads, staging } = folders
  await mkdir(staging, { recursive: true })
  await mkdir(downloads, { recursive: true })
  const byArchive = new Map<string, FileRecord[]>()
  for (const file of document.files) {
    if (file.archive === undefined) continue
    byArchive.set(file.archive, [...(byArchive.get(file.archive) ?? []), file])
  }
  for (const record of document.archives) {
    const files = byArchive.get(record.name)
    if (!files) continue
    const artifact = store.artifact(record.name)
    if (!artifact)
      throw new ArchiveIntegrityError(record.name, `is not among run ${record.runId}'s artifacts`)
    if (artifact.digest !== undefined && artifact.digest !== record.digest) {
      throw new ArchiveIntegrityError(
        record.name,
        'its digest differs from the one the checkpoint recorded'
      )
    }
    const zip = await artifacts.download(artifact, downloads)
    if (record.packing !== 'zip-encrypted') {
      await extractArchive(zip, record.name, files, staging, supersededIn(document, record.name))
      continue
    }
    if (!fileKey)
      throw new ArchiveIntegrityError(record.name, 'it is encrypted: give the encryption key')
    const sealed = join(downloads, `${record.name}.sealed`)
    // Opaque names say nothing of which file a sealed entry was: an entry this checkpoint does
    // not need is one a later node saved again. It is passed over, never decrypted or placed.
    await extractArchive(
      zip,
      record.name,
      files.map(file => sealedRecord(record.name, file)),
      sealed,
      name => /^f\d{6}$/.test(name)
    )
    await openFiles(record.name, files, sealed, staging, fileKey)
  }
}

/**
 * Files of the pipeline that another archive holds: an earlier archive still carries its old
 * version of a file a later node saved again, which is passed over rather than refused.
 */
function supersededIn(document: CheckpointDocument, archive: string): (name: string) => boolean {
  const elsewhere = new Set(
    document.files.filter(file => file.archive !== archive).map(file => file.path)
  )
  return name => elsewhere.has(name)
}
