import { mkdir } from 'node:fs/promises'
import type { CheckpointDocument, FileRecord } from '../checkpoint/document.js'
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
  folders: { downloads: string; staging: string }
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
    await extractArchive(zip, record.name, files, staging)
  }
}
