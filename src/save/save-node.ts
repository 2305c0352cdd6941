import * as core from '@actions/core'
import type { ArchiveRecord, CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { serializeCheckpoint } from '../checkpoint/document.js'
import { InvalidInputError } from '../checkpoint/errors.js'
import { caseCollision } from '../checkpoint/ids.js'
import { CheckpointManager } from '../checkpoint/manager.js'
import {
  checkpointName,
  filesArchiveName,
  parseArtifactName,
  type CheckpointRef
} from '../checkpoint/naming.js'
import { nextCheckpoint } from '../checkpoint/progress.js'
import { ConfigurationError } from '../github/failure.js'
import type { SaveInputs } from '../github/inputs.js'
import type { JobContext, JobEvent } from '../github/job-context.js'
import type { RunContext } from '../github/run-context.js'
import { choosePacking } from '../packing/choose.js'
import type { CollectedFile } from '../packing/collect.js'
import { ArtifactStore, RunCheckpointStore, type RunArtifact } from '../stores/artifacts.js'

/** What a save step works with. */
export interface SaveRequest {
  inputs: SaveInputs
  context: RunContext
  job: JobContext
  files: CollectedFile[]
  scratch: string
}

/**
 * Uploads the node's files (if any), then the checkpoint document that lists them: the document
 * is the commit point, so a save that dies before it leaves no checkpoint restore would take.
 */
export async function saveNode(
  request: SaveRequest
): Promise<{ document: CheckpointDocument; event: JobEvent }> {
  const { inputs, context, job, files } = request
  const artifacts = new ArtifactStore(context, '')
  const listing = await artifacts.list()
  assertScopeOwned(listing, inputs.scope, context.run.attempt, artifacts.jobBackendId)
  const store = new RunCheckpointStore(artifacts, listing, {
    scratch: request.scratch,
    runId: context.run.runId,
    retentionDays: inputs.retentionDays
  })
  const base = job.lastStepEndedAt ? job.base : await latestInRun(store, inputs.scope)
  const collision = caseCollision(inputs.node, base?.nodes.map(node => node.id) ?? [])
  if (collision) {
    throw new InvalidInputError(
      'node',
      inputs.node,
      `differs only in case from the saved node '${collision}': node ids must be unique ignoring case`
    )
  }
  const ref = {
    scope: inputs.scope,
    attempt: context.run.attempt,
    sequence: (base?.sequence ?? 0) + 1,
    node: inputs.node
  }
  const archive = await uploadFiles(artifacts, ref, request)
  const durationMs = job.lastStepEndedAt ? Date.now() - Date.parse(job.lastStepEndedAt) : undefined
  const document = nextCheckpoint(base, {
    scope: inputs.scope,
    node: inputs.node,
    run: context.run,
    state: inputs.state,
    files: files.map(file => fileRecord(file, archive)),
    ...(archive ? { archive } : {}),
    ...(durationMs === undefined ? {} : { durationMs })
  })
  const name = checkpointName(document)
  await store.writeText(name, serializeCheckpoint(document))
  assertScopeOwned(
    await artifacts.list(),
    inputs.scope,
    context.run.attempt,
    artifacts.jobBackendId
  )
  core.info(
    `Saved ${name}: node '${inputs.node}' done, ${files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`
  )
  const bytes = files.reduce((total, file) => total + file.size, 0)
  return {
    document,
    event: {
      node: inputs.node,
      outcome: 'saved',
      checkpoint: name,
      files: files.length,
      bytes,
      ...(durationMs === undefined ? {} : { durationMs })
    }
  }
}

async function latestInRun(
  store: RunCheckpointStore,
  scope: string
): Promise<CheckpointDocument | undefined> {
  const manager = new CheckpointManager(store, { scope })
  return manager.latestValid({
    onSkip: ({ ref, error }) => {
      core.warning(`Checkpoint ${checkpointName(ref)} was passed over: ${error.message}`)
    }
  })
}

async function uploadFiles(
  artifacts: ArtifactStore,
  ref: CheckpointRef,
  request: SaveRequest
): Promise<ArchiveRecord | undefined> {
  const regular = request.files.filter(file => file.link === undefined)
  if (regular.length === 0) return undefined
  const packing =
    request.inputs.compressionLevel === undefined
      ? await choosePacking(regular)
      : { level: request.inputs.compressionLevel, reason: 'compression-level set' }
  const name = filesArchiveName(ref)
  core.info(
    `Packing ${regular.length} file(s) into ${name} at zip level ${packing.level} (${packing.reason}).`
  )
  const uploaded = await artifacts.uploadFiles(
    name,
    regular.map(file => file.absolute),
    request.context.workspace,
    { level: packing.level, retentionDays: request.inputs.retentionDays }
  )
  return {
    name,
    runId: request.context.run.runId,
    size: uploaded.size,
    digest: uploaded.digest,
    packing: packing.level === 0 ? 'zip-stored' : 'zip-deflate'
  }
}

function fileRecord(file: CollectedFile, archive: ArchiveRecord | undefined): FileRecord {
  const record: FileRecord = {
    path: file.path,
    size: file.size,
    sha256: file.sha256,
    mode: file.mode
  }
  if (file.link !== undefined) return { ...record, link: file.link }
  return { ...record, archive: archive?.name ?? '' }
}

/**
 * Refuses to go on when checkpoints of this scope and attempt were uploaded by another job:
 * two jobs sharing a scope (a matrix without `scope`) would otherwise interleave their pipelines.
 * Decided from what the artifact service recorded about each upload.
 */
function assertScopeOwned(
  listing: RunArtifact[],
  scope: string,
  attempt: number,
  jobBackendId: string
): void {
  const foreign = listing.find(artifact => {
    const parsed = parseArtifactName(artifact.name)
    return (
      parsed?.ref.scope === scope &&
      parsed.ref.attempt === attempt &&
      artifact.jobBackendId !== jobBackendId
    )
  })
  if (foreign) {
    throw new ConfigurationError(
      `Another job of this run already saved checkpoints of scope '${scope}' in attempt ${attempt} ` +
        `(${foreign.name}). Jobs must not share a scope: set the 'scope' input to something unique ` +
        `per job, e.g. scope: \${{ github.job }}-\${{ matrix.os }} in a matrix.`
    )
  }
}
