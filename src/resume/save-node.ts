import { stepLog } from '../action/step-log.js'
import * as core from '../action/actions-core.js'
import type { ArchiveRecord, CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { CheckpointCodec } from '../checkpoint/codec.js'
import { InvalidInputError, describe } from '../checkpoint/errors.js'
import type { Fingerprint } from '../checkpoint/fingerprint.js'
import { caseCollision } from '../checkpoint/ids.js'
import { CheckpointManager } from '../checkpoint/manager.js'
import { checkpointName, filesArchiveName, type CheckpointRef } from '../checkpoint/naming.js'
import { nextCheckpoint } from '../checkpoint/progress.js'
import type { PipelineState } from '../checkpoint/state.js'
import { ConfigurationError } from '../action/failure.js'
import type { JobContext } from '../action/job-context.js'
import type { Protection } from '../action/inputs.js'
import type { RunContext } from '../transport/run-context.js'
import { choosePacking } from '../packing/choose.js'
import { sealedEntryName } from '../packing/encrypt.js'
import { ZipPacker } from '../packing/zip-writer.js'
import { sha256Digest } from '../checkpoint/canonical.js'
import type { CollectedFile } from '../packing/collect.js'
import { ArtifactStore, RunCheckpointStore, type RunArtifact } from '../transport/artifact-store.js'
import { ownedArtifacts, ownerKey, scopeOwners } from '../transport/scope-ownership.js'
import { ServiceError } from '../transport/service-errors.js'
import { keepCopy } from '../packing/zip-file.js'

/** A node to checkpoint, as the save and run entries describe it. */
export interface NodeSave {
  scope: string
  node: string
  state: PipelineState
  fingerprint?: Fingerprint | undefined
  /** Stopped part-way: record progress, not completion. */
  partial?: boolean
  retentionDays: number | undefined
  compressionLevel: number | undefined
  protection: Protection
  /** Also write the files archive to this file, for a copy in the Actions cache. */
  keepArchive?: string | undefined
}

/** What a save step works with. */
export interface SaveRequest {
  save: NodeSave
  context: RunContext
  job: JobContext
  files: CollectedFile[]
  scratch: string
  durationMs: number | undefined
}

/**
 * Uploads the node's files (if any), then the checkpoint document that lists them: the document
 * is the commit point, so a save that dies before it leaves no checkpoint restore would take.
 */
export async function saveNode(request: SaveRequest): Promise<CheckpointDocument> {
  const { save, context, job } = request
  const artifacts = new ArtifactStore(context, '', stepLog)
  const listing = await artifacts.list()
  assertScopeOwned(listing, save.scope, context.run.attempt, artifacts.jobBackendId)
  const store = new RunCheckpointStore(artifacts, ownedArtifacts(listing).kept, {
    scratch: request.scratch,
    runId: context.run.runId,
    retentionDays: save.retentionDays
  })
  const codec = new CheckpointCodec(save.protection)
  const base = job.lastStepEndedAt ? job.base : await latestInRun(store, save.scope, codec)
  assertNoCaseCollision(save.node, base)
  const ref = {
    scope: save.scope,
    attempt: context.run.attempt,
    sequence: (base?.sequence ?? 0) + 1,
    node: save.node
  }
  const attempt = context.run.attempt
  const upload: ZipSink = (name, bytes) =>
    artifacts.uploadZip(name, keepCopy(bytes, save.keepArchive), {
      retentionDays: save.retentionDays
    })
  const { archive, packed } = await orScopeConflict(
    packFiles(upload, ref, request, codec),
    save.scope,
    attempt
  )
  const document = nextCheckpoint(base, {
    scope: save.scope,
    node: save.node,
    run: context.run,
    state: save.state,
    files: request.files.map(file => fileRecord(file, archive, packed)),
    ...(archive ? { archive } : {}),
    ...(request.durationMs === undefined ? {} : { durationMs: request.durationMs }),
    ...(save.fingerprint ? { fingerprint: save.fingerprint } : {}),
    ...(save.partial ? { partial: true } : {})
  })
  const name = checkpointName(document)
  await orScopeConflict(store.writeText(name, codec.encode(document)), save.scope, attempt)
  assertScopeOwned(await artifacts.list(), save.scope, context.run.attempt, artifacts.jobBackendId)
  const what = save.partial ? 'progress of' : 'done:'
  core.info(
    `Saved ${name}: ${what} node '${save.node}', ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`
  )
  return document
}

/** Refuses a node id that differs only in case from a node of the pipeline. */
export function assertNoCaseCollision(node: string, base: CheckpointDocument | undefined): void {
  const collision = caseCollision(node, base?.nodes.map(done => done.id) ?? [])
  if (collision) {
    throw new InvalidInputError(
      'node',
      node,
      `differs only in case from the saved node '${collision}': node ids must be unique ignoring case`
    )
  }
}

async function latestInRun(
  store: RunCheckpointStore,
  scope: string,
  codec: CheckpointCodec
): Promise<CheckpointDocument | undefined> {
  const manager = new CheckpointManager(store, { scope, codec })
  return manager.latestValid({
    onSkip: ({ ref, error }) => {
      core.warning(`Checkpoint ${checkpointName(ref)} was passed over: ${error.message}`)
    }
  })
}

/** What packing recorded of each regular file, by path. */
export type Packed = Map<string, { size: number; sha256: string; entry?: FileRecord['entry'] }>

/** Where a zip goes as it is written: its size and `sha256:<hex>` once all of it went. */
export type ZipSink = (
  name: string,
  bytes: AsyncIterable<Buffer>
) => Promise<{ size: number; digest: string }>

/**
 * Packs the node's regular files as one zip, sent to `sink` while it is written: each file is
 * read once, which takes its sha256 for the manifest. Encrypted entries get opaque names.
 */
export async function packFiles(
  sink: ZipSink,
  ref: CheckpointRef,
  request: SaveRequest,
  codec: CheckpointCodec
): Promise<{ archive: ArchiveRecord | undefined; packed: Packed }> {
  const regular = request.files.filter(file => file.link === undefined)
  const packed: Packed = new Map()
  if (regular.length === 0) return { archive: undefined, packed }
  const name = filesArchiveName(ref)
  const sealKey = codec.fileKey
  const level = request.save.compressionLevel
  const packing = sealKey
    ? { level: 0, reason: 'encrypted bytes do not compress' }
    : level === undefined
      ? await choosePacking(regular)
      : { level, reason: 'compression-level set' }
  core.info(
    `Packing ${regular.length} file(s) into ${name} at zip level ${packing.level} (${packing.reason}).`
  )
  const sources = regular.map((file, index) => ({
    name: sealKey ? sealedEntryName(index) : file.path,
    path: file.path,
    absolute: file.absolute,
    mode: file.mode,
    mtime: file.mtime,
    size: file.size
  }))
  const packer = new ZipPacker(sources, {
    level: packing.level,
    sealKey,
    secrets: request.save.protection.secrets
  })
  const uploaded = await sink(name, packer.bytes())
  for (const [index, entry] of packer.entries.entries()) {
    const file = regular[index]
    if (!file) continue
    packed.set(file.path, {
      size: entry.size,
      sha256: entry.sha256,
      ...(sealKey ? { entry: { name: entry.name, ...entry.stored } } : {})
    })
  }
  const kind = sealKey ? 'zip-encrypted' : packing.level === 0 ? 'zip-stored' : 'zip-deflate'
  const archive: ArchiveRecord = {
    name,
    runId: request.context.run.runId,
    size: uploaded.size,
    digest: uploaded.digest,
    packing: kind
  }
  return { archive, packed }
}

/** A collected file's manifest record, with what packing recorded of it. */
export function fileRecord(
  file: CollectedFile,
  archive: ArchiveRecord | undefined,
  packed: Packed
): FileRecord {
  const { path, mode } = file
  if (file.link !== undefined) {
    return { path, size: 0, sha256: sha256Digest(file.link), mode, link: file.link }
  }
  const bytes = packed.get(path)
  if (!bytes || !archive) throw new Error(`${path} was collected but not packed`)
  const { entry, ...record } = bytes
  return { path, ...record, mode, archive: archive.name, ...(entry ? { entry } : {}) }
}

/**
 * Refuses to go on when another job owns this scope in this attempt: two jobs sharing a scope
 * (a matrix without `scope`) would otherwise interleave their pipelines. Ownership is decided
 * from what the artifact service recorded (see scopeOwners), so of two racing jobs exactly one
 * gets this error, before or after its upload.
 */
function assertScopeOwned(
  listing: RunArtifact[],
  scope: string,
  attempt: number,
  jobBackendId: string
): void {
  const owner = scopeOwners(listing).get(ownerKey(scope, attempt))
  if (owner === undefined || owner === jobBackendId) return
  throw scopeConflict(scope, attempt)
}

function scopeConflict(scope: string, attempt: number): ConfigurationError {
  return new ConfigurationError(
    `Another job of this run already saves checkpoints of scope '${scope}' in attempt ${attempt}. ` +
      `Jobs must not share a scope: set the 'scope' input to something unique per job, ` +
      `e.g. scope: \${{ github.job }}-\${{ matrix.os }} in a matrix.`
  )
}

/** A 409 on one of our names means another job wrote it first: the same mistake. */
async function orScopeConflict<T>(upload: Promise<T>, scope: string, attempt: number): Promise<T> {
  try {
    return await upload
  } catch (error) {
    const conflict =
      error instanceof ServiceError ? error.status === 409 : /\(409\)/.test(describe(error))
    if (conflict) throw scopeConflict(scope, attempt)
    throw error
  }
}
