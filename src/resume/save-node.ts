import { logProgress, stepLog } from '../action/step-log.js'
import * as core from '../action/light-toolkit.js'
import type { ArchiveRecord, CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { CheckpointCodec } from '../checkpoint/codec.js'
import { InvalidInputError, describe } from '../checkpoint/errors.js'
import type { Fingerprint } from '../checkpoint/fingerprint.js'
import { caseCollision } from '../checkpoint/ids.js'
import { CheckpointManager } from '../checkpoint/manager.js'
import { checkpointName, filesArchiveName, type CheckpointRef } from '../checkpoint/naming.js'
import { nextCheckpoint, type NodeResult } from '../checkpoint/progress.js'
import type { PipelineState } from '../checkpoint/state.js'
import { ConfigurationError } from '../action/failure.js'
import type { JobContext } from '../action/job-context.js'
import type { Protection } from '../action/inputs.js'
import type { RunContext } from '../transport/run-context.js'
import { choosePacking, type Packing } from '../packing/choose.js'
import { sealedEntryName } from '../packing/encrypt.js'
import { ZipPacker, type PackedEntry, type PackSource } from '../packing/zip-writer.js'
import { sha256Digest } from '../checkpoint/canonical.js'
import type { CollectedFile } from '../packing/collect.js'
import { ArtifactStore, RunCheckpointStore, type RunArtifact } from '../transport/artifact-store.js'
import { ownedArtifacts, ownerKey, scopeOwners } from '../transport/scope-ownership.js'
import { ServiceError } from '../transport/service-errors.js'
import { keepCopy } from '../packing/zip-file.js'
import { withProgress } from '../packing/progress-report.js'
import { join } from 'node:path'
import { PACKABLE_ARCHIVE_BYTES } from '../checkpoint/packs.js'
import { LocalCopies } from './local-copies.js'
import { RunArchiveCopies } from './run-archive-copies.js'
import { deleteSuperseded, packBeforeCommit, type PackingContext } from './save-packs.js'

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
  /** When the saving step started (see NodeResult). */
  startedAt?: Date
}

/**
 * Uploads the node's files (if any), then the checkpoint document that lists them: the document
 * is the commit point, so a save that dies before it leaves no checkpoint restore would take.
 */
export async function saveNode(request: SaveRequest): Promise<CheckpointDocument> {
  const { save, context, job } = request
  const attempt = context.run.attempt
  const artifacts = new ArtifactStore(context, '', stepLog)
  const store = await ownedCheckpointStore(artifacts, request)
  const codec = new CheckpointCodec(save.protection)
  const base = job.lastStepEndedAt ? job.base : await latestInRun(store, save.scope, codec)
  assertNoCaseCollision(save.node, base)
  const packing = packingContext(artifacts, store, request)
  const conflicts = <T>(work: Promise<T>): Promise<T> => orScopeConflict(work, save.scope, attempt)
  const { archive, packed } = await conflicts(
    packFiles(keepingCopy(packing, save), nextRef(save, attempt, base), request, codec)
  )
  const next = nextCheckpoint(base, nodeResult(request, archive, packed))
  const upload = (name: string, bytes: AsyncIterable<Buffer>) =>
    artifacts.uploadZip(name, bytes, { retentionDays: save.retentionDays })
  const { document, plan } = await conflicts(packBeforeCommit(next, archive?.name, packing, upload))
  const name = checkpointName(document)
  const text = codec.encode(document)
  await conflicts(store.writeText(name, text))
  await packing.copies.copies.keepText(name, text)
  assertScopeOwned(await artifacts.list(), save.scope, attempt, artifacts.jobBackendId)
  if (plan) await deleteSuperseded(plan, artifacts)
  const what = save.partial ? 'progress of' : 'done:'
  core.info(
    `Saved ${name}: ${what} node '${save.node}', ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`
  )
  return document
}

/** What merging into packs works with: the listing, the job's copies of this scope. */
function packingContext(
  artifacts: ArtifactStore,
  store: RunCheckpointStore,
  { save, context, scratch }: SaveRequest
): PackingContext {
  const copies = LocalCopies.of(context.runnerTemp, save.scope)
  return {
    artifacts,
    store,
    copies: new RunArchiveCopies(artifacts, store, copies, join(scratch, 'downloads')),
    runId: context.run.runId,
    retentionDays: save.retentionDays
  }
}

/**
 * Uploads the node's files archive, keeping a copy among the job's copies on the way (and one
 * for the Actions cache when asked): a later save merges it into a pack without a download.
 * The copy of an archive too large to be packed is given up as soon as it grows that large.
 */
function keepingCopy({ artifacts, copies }: PackingContext, save: NodeSave): ZipSink {
  return async (name, bytes) => {
    await copies.copies.ready()
    const copy = copies.copies.path(name)
    return artifacts.uploadZip(
      name,
      keepCopy(keepCopy(bytes, save.keepArchive), copy, PACKABLE_ARCHIVE_BYTES),
      { retentionDays: save.retentionDays }
    )
  }
}

/**
 * The run's checkpoints as a store, once this job is known to own the scope: the artifacts of
 * jobs that did not own theirs are left out.
 */
async function ownedCheckpointStore(
  artifacts: ArtifactStore,
  { save, context, scratch }: SaveRequest
): Promise<RunCheckpointStore> {
  const listing = await artifacts.list()
  assertScopeOwned(listing, save.scope, context.run.attempt, artifacts.jobBackendId)
  return new RunCheckpointStore(artifacts, ownedArtifacts(listing).kept, {
    scratch,
    runId: context.run.runId,
    retentionDays: save.retentionDays
  })
}

/** The name parts of the checkpoint that follows `base`. */
export function nextRef(
  save: NodeSave,
  attempt: number,
  base: CheckpointDocument | undefined
): CheckpointRef {
  return { scope: save.scope, attempt, sequence: (base?.sequence ?? 0) + 1, node: save.node }
}

/** What the node adds to the pipeline: its state, its files as packed, how it ran. */
export function nodeResult(
  { save, context, files, durationMs, startedAt }: SaveRequest,
  archive: ArchiveRecord | undefined,
  packed: Packed
): NodeResult {
  return {
    scope: save.scope,
    node: save.node,
    run: context.run,
    state: save.state,
    files: files.map(file => fileRecord(file, archive, packed)),
    ...(archive ? { archive } : {}),
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(save.fingerprint ? { fingerprint: save.fingerprint } : {}),
    ...(save.partial ? { partial: true } : {}),
    ...(startedAt === undefined ? {} : { startedAt })
  }
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
  if (regular.length === 0) return { archive: undefined, packed: new Map() }
  const name = filesArchiveName(ref)
  const sealKey = codec.fileKey
  const packing = await packingOf(regular, request.save.compressionLevel, sealKey)
  core.info(
    `Packing ${regular.length} file(s) into ${name} at zip level ${packing.level} (${packing.reason}).`
  )
  const packer = new ZipPacker(packSources(regular, sealKey), {
    level: packing.level,
    sealKey,
    secrets: request.save.protection.secrets
  })
  const total = regular.reduce((sum, file) => sum + file.size, 0)
  const report = { label: `Saving ${name}`, total, log: logProgress }
  const uploaded = await withProgress(
    report,
    () => packer.bytesPacked,
    () => sink(name, packer.bytes())
  )
  const archive: ArchiveRecord = {
    name,
    runId: request.context.run.runId,
    size: uploaded.size,
    digest: uploaded.digest,
    packing: sealKey ? 'zip-encrypted' : packing.level === 0 ? 'zip-stored' : 'zip-deflate'
  }
  return { archive, packed: packedFiles(regular, packer.entries, sealKey) }
}

/** The zip level: stored when sealed, as `compression-level` says when set, else per payload. */
async function packingOf(
  files: CollectedFile[],
  level: number | undefined,
  sealKey: Buffer | undefined
): Promise<Packing> {
  if (sealKey) return { level: 0, reason: 'encrypted bytes do not compress' }
  if (level === undefined) return choosePacking(files)
  return { level, reason: 'compression-level set' }
}

function packSources(files: CollectedFile[], sealKey: Buffer | undefined): PackSource[] {
  return files.map((file, index) => ({
    name: sealKey ? sealedEntryName(index) : file.path,
    path: file.path,
    absolute: file.absolute,
    mode: file.mode,
    mtime: file.mtime,
    size: file.size
  }))
}

/** What packing read of each file, by path; a sealed entry's stored form too. */
function packedFiles(
  files: CollectedFile[],
  entries: PackedEntry[],
  sealKey: Buffer | undefined
): Packed {
  const packed: Packed = new Map()
  for (const [index, entry] of entries.entries()) {
    const file = files[index]
    if (!file) continue
    packed.set(file.path, {
      size: entry.size,
      sha256: entry.sha256,
      ...(sealKey ? { entry: { name: entry.name, ...entry.stored } } : {})
    })
  }
  return packed
}

function fileRecord(
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
