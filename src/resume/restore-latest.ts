import { stepLog } from '../action/step-log.js'
import * as core from '../action/light-toolkit.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec, type CodecKeys } from '../checkpoint/codec.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { CheckpointError, describe } from '../checkpoint/errors.js'
import { CheckpointManager } from '../checkpoint/manager.js'
import { checkpointName, type CheckpointRef } from '../checkpoint/naming.js'
import { completedNodes } from '../checkpoint/progress.js'
import type { RunContext } from '../transport/run-context.js'
import { placeFiles } from '../packing/place.js'
import { ArtifactStore, RunCheckpointStore } from '../transport/artifact-store.js'
import { ownedArtifacts } from '../transport/scope-ownership.js'
import { assertArtifactsAvailable } from '../transport/config.js'
import { ServiceError } from '../transport/service-errors.js'
import { runArchives, stageFiles, type ArchiveSource } from './stage-archive.js'
import { LocalCopies } from './local-copies.js'
import { RunArchiveCopies } from './run-archive-copies.js'

/**
 * Finds the scope's checkpoints in the run and restores the newest one that verifies, files
 * included; a bad one is reported and the previous one tried. Undefined when there is none,
 * which on a first attempt is known without asking the service. Archives of nodes this run took
 * from another run or the cache are fetched through `elsewhere`.
 * @throws ArtifactsUnavailableError on GitHub Enterprise Server, which has no artifact service
 */
export async function restoreLatest(
  scope: string,
  token: string,
  context: RunContext,
  keys: CodecKeys = {},
  elsewhere?: ArchiveSource
): Promise<CheckpointDocument | undefined> {
  // Said on a first attempt too: the first step of the job tells the user at once.
  assertArtifactsAvailable()
  if (context.run.attempt <= 1) {
    core.info('This is the first attempt of the run: there is no earlier checkpoint to restore.')
    return undefined
  }
  const codec = new CheckpointCodec(keys)
  const artifacts = new ArtifactStore(context, token, stepLog)
  const scratch = await mkdtemp(join(context.runnerTemp, 'checkpoint-restore-'))
  try {
    const store = await readableCheckpoints(artifacts, scope, scratch, context.run.runId)
    const manager = new CheckpointManager(store, { scope, codec })
    if ((await manager.list()).length === 0) {
      core.info(
        `No checkpoint of scope '${scope}' in this run: the pipeline starts from the beginning.`
      )
      return undefined
    }
    const runId = context.run.runId
    const copies = new RunArchiveCopies(
      artifacts,
      store,
      LocalCopies.of(context.runnerTemp, scope),
      join(scratch, 'downloads')
    )
    const archives = runArchives(store, artifacts, runId, elsewhere, copies)
    const restoring = { manager, store, archives, copies, runId, codec, scratch }
    return await restoreNewestValid({ ...restoring, workspace: context.workspace })
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/**
 * The run's checkpoints as a store, without those written by a job that did not own their
 * scope, which are reported: a restore never mixes two jobs' pipelines.
 */
async function readableCheckpoints(
  artifacts: ArtifactStore,
  scope: string,
  scratch: string,
  runId: string
): Promise<RunCheckpointStore> {
  const { kept, foreign } = ownedArtifacts(await artifacts.list())
  if (foreign.some(name => name.startsWith(`checkpoint.${scope}.`))) {
    core.warning(
      `Checkpoints of scope '${scope}' were also written by a job that did not own it (${foreign.length} artifact(s), e.g. ${foreign[0] ?? ''}): they are ignored. Give each job its own scope.`
    )
  }
  return new RunCheckpointStore(artifacts, kept, { scratch, runId })
}

/** What restoring a checkpoint works with. */
interface Restoring {
  manager: CheckpointManager
  store: RunCheckpointStore
  /** Where each archive's bytes come from. */
  archives: ArchiveSource
  /** This run's small archives, fetched whole and kept for later merges. */
  copies: RunArchiveCopies
  runId: string
  codec: CheckpointCodec
  /** A folder of this step's own, removed after. */
  scratch: string
  workspace: string
}

/**
 * Restores the newest checkpoint that verifies; a bad one is reported and the previous one
 * tried. Past the first bad one, the documents retired into packs are listed too, so the
 * fallback reaches as far back as they go.
 */
async function restoreNewestValid(restoring: Restoring): Promise<CheckpointDocument | undefined> {
  const tried = new Set<string>()
  let expanded = false
  for (;;) {
    const ref = (await restoring.manager.list())
      .reverse()
      .find(item => !tried.has(checkpointName(item)))
    if (!ref) {
      if (expanded) break
      expanded = await listRetired(restoring)
      continue
    }
    tried.add(checkpointName(ref))
    try {
      return await stageAndPlace(ref, join(restoring.scratch, `staging-${tried.size}`), restoring)
    } catch (error) {
      // Only a checkpoint that is bad is passed over; a service or disk failure would fail
      // every older one the same way, and is reported as what it is (fail-on-error applies).
      if (error instanceof ServiceError || !(error instanceof CheckpointError)) throw error
      core.warning(
        `Checkpoint ${checkpointName(ref)} was not restored: ${describe(error)}. Trying the previous one.`
      )
      expanded ||= await listRetired(restoring)
    }
  }
  core.warning(
    `None of the ${tried.size} checkpoint(s) of scope '${restoring.manager.scope}' could be restored: starting from the beginning.`
  )
  return undefined
}

/** Lists the documents retired into the scope's packs among the checkpoints; true when done. */
async function listRetired({ store, copies, manager }: Restoring): Promise<boolean> {
  try {
    store.addRetired(await copies.retiredDocuments(manager.scope))
  } catch (error) {
    if (error instanceof ServiceError || !(error instanceof CheckpointError)) throw error
    core.warning(`A pack of scope '${manager.scope}' could not be read: ${describe(error)}`)
  }
  return true
}

/**
 * Loads and verifies one checkpoint, stages its files (each checked against the manifest), then
 * puts them in the workspace: a bad checkpoint fails before any file moves.
 */
async function stageAndPlace(
  ref: CheckpointRef,
  staging: string,
  { manager, archives, copies, runId, codec, scratch, workspace }: Restoring
): Promise<CheckpointDocument> {
  const document = await manager.load(ref)
  await copies.prefetch(document.archives, runId)
  const folders = { downloads: join(scratch, 'downloads'), staging }
  await stageFiles(document, archives, folders, codec.fileKey)
  await placeFiles(staging, document.files, workspace)
  report(document)
  return document
}

function report(document: CheckpointDocument): void {
  const nodes = completedNodes(document)
  core.info(
    `Restored ${checkpointName(document)} (attempt ${document.attempt} of run ${document.run.runId}): ` +
      `${nodes.length} node(s) done [${nodes.join(', ')}], ${document.files.length} file(s) put back.`
  )
}
