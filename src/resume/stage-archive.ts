import * as core from '../action/light-toolkit.js'
import { logProgress } from '../action/step-log.js'
import { mkdir } from 'node:fs/promises'
import type { ArchiveRecord, CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { describe } from '../checkpoint/errors.js'
import { join } from 'node:path'
import { openFiles, sealedRecord } from '../packing/encrypt.js'
import { TAIL_BYTES, locateDirectory } from '../packing/central-directory.js'
import { extractArchive } from '../packing/extract.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { extractBytes, extractStream } from '../packing/stream-extract.js'
import { forEachBounded } from '../packing/limit.js'
import { reportedChunks } from '../packing/progress-report.js'
import type { ArtifactStore, RunArtifact, RunCheckpointStore } from '../transport/artifact-store.js'
import { fetchRange, streamBody } from '../transport/blob-transfer.js'
import { isPackable } from '../checkpoint/packs.js'
import type { RunArchiveCopies } from './run-archive-copies.js'

/** Where the bytes of one archive come from. */
export interface ArchiveFetcher {
  /**
   * Extracts the archive without a file of it first, when the source can (while it downloads,
   * or from its pack's bytes in memory); a failure falls back to a whole download.
   */
  stream?: (expected: FileRecord[], into: string, superseded: Superseded) => Promise<void>
  /** Downloads the archive whole, checked against the digest recorded for it; its path. */
  download: (downloads: string) => Promise<string>
  /**
   * Its bytes are already on the runner (in a downloaded pack): such archives are staged
   * several at once, as no transfer is involved.
   */
  local?: boolean
}

/** Archives whose bytes are on the runner staged at once: their file operations overlap. */
export const LOCAL_ARCHIVES_AT_ONCE = 8

/** Names of entries an archive may hold that the checkpoint does not need. */
type Superseded = (name: string) => boolean

/** The fetcher of each archive of a checkpoint. @throws ArchiveIntegrityError when it has none */
export type ArchiveSource = (record: ArchiveRecord) => ArchiveFetcher

/** Where an archive is downloaded to, and where its files are extracted. */
interface StagingFolders {
  downloads: string
  staging: string
}

/**
 * Downloads every archive a checkpoint's files live in and extracts it into `staging`, each
 * checked against the digest recorded at upload and every file against the manifest. Nothing
 * reaches the workspace here: a bad archive fails the whole checkpoint before any file moves.
 */
export async function stageFiles(
  document: CheckpointDocument,
  source: ArchiveSource,
  folders: StagingFolders,
  fileKey: Buffer | undefined
): Promise<void> {
  await mkdir(folders.staging, { recursive: true })
  await mkdir(folders.downloads, { recursive: true })
  const byArchive = new Map<string, FileRecord[]>()
  for (const file of document.files) {
    if (file.archive === undefined) continue
    const files = byArchive.get(file.archive)
    if (files) files.push(file)
    else byArchive.set(file.archive, [file])
  }
  const fetched = document.archives
    .filter(record => byArchive.has(record.name))
    .map(record => ({ fetcher: source(record), record, folders }))
  // Each archive holds its own files (a path is staged by the one archive holding it), so
  // archives staged together never write the same file.
  const stage = (item: Fetched): Promise<void> =>
    stageArchive(
      item,
      byArchive.get(item.record.name) ?? [],
      supersededIn(document, item.record.name),
      fileKey
    )
  await forEachBounded(
    fetched.filter(item => item.fetcher.local === true),
    LOCAL_ARCHIVES_AT_ONCE,
    stage
  )
  for (const item of fetched.filter(item => item.fetcher.local !== true)) await stage(item)
}

/**
 * The archives of this run's artifacts (small ones through `copies`, when given: whole, from
 * their packs); an archive kept elsewhere (in another run, or in the
 * cache) goes to `elsewhere`, and without it is refused.
 */
export function runArchives(
  store: RunCheckpointStore,
  artifacts: ArtifactStore,
  runId: string,
  elsewhere?: ArchiveSource,
  copies?: RunArchiveCopies
): ArchiveSource {
  return record => {
    if (record.cache !== undefined || record.runId !== runId) {
      if (elsewhere) return elsewhere(record)
      throw new ArchiveIntegrityError(record.name, `is kept in run ${record.runId}, not this run`)
    }
    // A small archive is read whole (from its pack, or its own artifact) and kept for merges;
    // one in a listed pack is extracted from the pack's bytes (the pack is what is kept).
    if (copies && (record.pack !== undefined || isPackable(record, runId))) {
      const download = (): Promise<string> => copies.archive(record)
      if (!copies.inListedPack(record)) return { download }
      const zip = { archive: record.name, digest: record.digest }
      return {
        stream: async (expected, into, superseded) =>
          extractBytes(await copies.bytesInPack(record), zip, expected, into, superseded),
        download,
        local: true
      }
    }
    const artifact = listedArtifact(store, record)
    return {
      stream: (expected, into, superseded) =>
        streamArchive(artifacts, artifact, record, expected, into, superseded),
      download: downloads => artifacts.download(artifact, downloads)
    }
  }
}

/**
 * The run's artifact of an archive the checkpoint records.
 * @throws ArchiveIntegrityError when the run has none, or one with another digest
 */
function listedArtifact(store: RunCheckpointStore, record: ArchiveRecord): RunArtifact {
  const artifact = store.artifact(record.name)
  if (!artifact)
    throw new ArchiveIntegrityError(record.name, `is not among run ${record.runId}'s artifacts`)
  if (artifact.digest !== undefined && artifact.digest !== record.digest) {
    throw new ArchiveIntegrityError(
      record.name,
      'its digest differs from the one the checkpoint recorded'
    )
  }
  return artifact
}

/** One archive to stage: where its bytes come from, and where they go. */
interface Fetched {
  fetcher: ArchiveFetcher
  record: ArchiveRecord
  folders: StagingFolders
}

/** Extracts one archive's files into staging; a sealed one is opened with the file key. */
async function stageArchive(
  fetched: Fetched,
  files: FileRecord[],
  superseded: Superseded,
  fileKey: Buffer | undefined
): Promise<void> {
  const { record, folders } = fetched
  if (record.packing !== 'zip-encrypted') {
    await extractFrom(fetched, files, folders.staging, superseded)
    return
  }
  if (!fileKey)
    throw new ArchiveIntegrityError(record.name, 'it is encrypted: give the encryption key')
  const sealed = join(folders.downloads, `${record.name}.sealed`)
  // Opaque names say nothing of which file a sealed entry was: an entry this checkpoint does
  // not need is one a later node saved again. It is passed over, never decrypted or placed.
  await extractFrom(
    fetched,
    files.map(file => sealedRecord(record.name, file)),
    sealed,
    name => /^f\d{6}$/.test(name)
  )
  await openFiles(record.name, files, sealed, folders.staging, fileKey)
}

/**
 * Files of the pipeline that another archive holds: an earlier archive still carries its old
 * version of a file a later node saved again, which is passed over rather than refused.
 */
function supersededIn(document: CheckpointDocument, archive: string): Superseded {
  const holders = archiveOfPath(document)
  return name => holders.has(name) && holders.get(name) !== archive
}

const holdersOf = new WeakMap<CheckpointDocument, Map<string, string | undefined>>()

/** Each path of the manifest and the archive holding it, once per checkpoint (many archives). */
function archiveOfPath(document: CheckpointDocument): Map<string, string | undefined> {
  let holders = holdersOf.get(document)
  if (!holders) {
    holders = new Map(document.files.map(file => [file.path, file.archive]))
    holdersOf.set(document, holders)
  }
  return holders
}

/**
 * Extracts an archive while it downloads (its directory fetched first, from its end); when that
 * cannot be done (no signed URL, a layout the streaming reader does not follow, a transfer cut
 * short), downloads it whole, checks its digest and extracts it then. Either way every entry is
 * checked against the manifest before the caller places anything.
 */
async function extractFrom(
  { fetcher, record, folders }: Fetched,
  expected: FileRecord[],
  into: string,
  superseded: Superseded
): Promise<void> {
  if (fetcher.stream) {
    try {
      await fetcher.stream(expected, into, superseded)
      return
    } catch (error) {
      core.info(
        `Reading ${record.name} while it downloads failed (${describe(error)}): downloading it whole`
      )
    }
  }
  const zip = await fetcher.download(folders.downloads)
  await extractArchive(zip, record.name, expected, into, superseded)
}

async function streamArchive(
  artifacts: ArtifactStore,
  artifact: RunArtifact,
  record: ArchiveRecord,
  expected: FileRecord[],
  into: string,
  superseded: Superseded
): Promise<void> {
  const url = await artifacts.signedUrl(artifact)
  const transfer = artifacts.transfer(artifact)
  const size = record.size
  const tailStart = Math.max(0, size - TAIL_BYTES)
  const tail = await fetchRange(url, tailStart, size, transfer)
  const location = locateDirectory(tail, tailStart, size)
  const directory =
    location.start >= tailStart
      ? tail.subarray(location.start - tailStart, location.start - tailStart + location.length)
      : await fetchRange(url, location.start, location.start + location.length, transfer)
  await extractStream(
    reportedChunks(streamBody(url, transfer), {
      label: `Restoring ${record.name}`,
      total: size,
      log: logProgress
    }),
    { archive: record.name, size, digest: record.digest, directory },
    location,
    expected,
    into,
    superseded
  )
}
