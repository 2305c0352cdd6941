import * as core from '../action/light-toolkit.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { loadJobContext, saveJobContext, type JobContext } from '../action/job-context.js'
import { withScopeLock } from '../action/step-lock.js'
import type { RunContext } from '../transport/run-context.js'
import { ConfigurationError } from '../checkpoint/errors.js'
import { findSecrets } from '../checkpoint/secrets.js'
import { collectFiles } from '../packing/collect.js'
import { isGhes } from '../transport/config.js'
import { saveNode, type NodeSave, type SaveRequest } from './save-node.js'
import { saveWithoutArtifacts } from './save-without-artifacts.js'

/** What {@link checkpointNode} saved: the checkpoint, and how many files and bytes it holds. */
export interface SavedNode {
  document: CheckpointDocument
  files: number
  bytes: number
}

/**
 * Collects a node's files and saves its checkpoint; the job's context then builds on it. The
 * node's duration is the time since the job's previous checkpoint step ended, when known.
 *
 * Steps of one job running in parallel save one at a time per scope (see step-lock.ts): each
 * extends the checkpoint the previous one left, so none is lost and no sequence is taken twice;
 * the entries claim the node first (withNodeClaim), so the same node is not saved twice at once.
 * @throws InvalidInputError for `paths` that leave the workspace
 */
export async function checkpointNode(
  save: NodeSave,
  paths: string[],
  context: RunContext,
  job: JobContext,
  durationMs = sinceLastStep(job)
): Promise<SavedNode> {
  refuseSecrets(save)
  const files = await collectFiles(context.workspace, paths, 'paths')
  if (paths.length > 0 && files.length === 0) {
    core.warning(
      `Input 'paths' matched no files (${paths.join(', ')}): the checkpoint holds state only.`
    )
  }
  const scratch = await mkdtemp(join(context.runnerTemp, 'checkpoint-save-'))
  try {
    const request = { save, context, job, files, scratch, durationMs, startedAt: stepStartedAt() }
    const document = await withScopeLock(context.runnerTemp, save.scope, () => commit(request))
    return {
      document,
      files: files.length,
      bytes: files.reduce((total, file) => total + file.size, 0)
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/**
 * Saves the node on the job's newest context (another step may have saved since this one read
 * it) and records the checkpoint as the base of the next save, before the lock is released.
 */
async function commit(request: SaveRequest): Promise<CheckpointDocument> {
  const { context, job } = request
  const current = (await loadJobContext(context.runnerTemp, job.scope)) ?? job
  const on = { ...request, job: current }
  // GHES has no artifacts: the checkpoint is kept in the cache only (save-to-cache.ts).
  const document = isGhes() ? await saveWithoutArtifacts(on) : await saveNode(on)
  current.base = document
  // Marks the base as known: the next save extends it rather than searching the run.
  current.lastStepEndedAt ||= new Date().toISOString()
  await saveJobContext(context.runnerTemp, current)
  Object.assign(job, current)
  return document
}

/** Checkpoints can be downloaded by anyone who can read the run: credentials stay out. */
function refuseSecrets(save: NodeSave): void {
  const { secrets, allowSecrets } = save.protection
  const found = findSecrets(save.state, secrets, allowSecrets)
  if (!found) return
  const escape = found.kind.startsWith('the job')
    ? ''
    : ', or set allow-secrets: true if it is not one'
  throw new ConfigurationError(
    `State key '${found.key}' of node '${save.node}' holds ${found.kind}: checkpoints can be downloaded by anyone who can read the run, so it is not saved. Keep credentials in secrets${escape}.`
  )
}

/** When this step's process started: nodes saved since ran alongside this one. */
function stepStartedAt(): Date {
  return new Date(Date.now() - process.uptime() * 1000)
}

function sinceLastStep(job: JobContext): number | undefined {
  return job.lastStepEndedAt ? Date.now() - Date.parse(job.lastStepEndedAt) : undefined
}
