import * as core from '../action/actions-core.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument } from '../checkpoint/document.js'
import type { JobContext } from '../action/job-context.js'
import type { RunContext } from '../transport/run-context.js'
import { ConfigurationError } from '../checkpoint/errors.js'
import { findSecrets } from '../checkpoint/secrets.js'
import { collectFiles } from '../packing/collect.js'
import { isGhes } from '../transport/config.js'
import { saveNode, type NodeSave } from './save-node.js'
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
    const request = { save, context, job, files, scratch, durationMs }
    // GHES has no artifacts: the checkpoint is kept in the cache only (save-to-cache.ts).
    const document = isGhes() ? await saveWithoutArtifacts(request) : await saveNode(request)
    job.base = document
    return {
      document,
      files: files.length,
      bytes: files.reduce((total, file) => total + file.size, 0)
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
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

function sinceLastStep(job: JobContext): number | undefined {
  return job.lastStepEndedAt ? Date.now() - Date.parse(job.lastStepEndedAt) : undefined
}
