import * as core from '@actions/core'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointManager } from '../checkpoint/manager.js'
import { checkpointName } from '../checkpoint/naming.js'
import { completedNodes } from '../checkpoint/progress.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { describe } from '../checkpoint/errors.js'
import { reportFailure } from '../github/failure.js'
import { getRestoreInputs, type RestoreInputs } from '../github/inputs.js'
import { saveJobContext } from '../github/job-context.js'
import { setRestoreOutputs } from '../github/outputs.js'
import { readRunContext, type RunContext } from '../github/run-context.js'
import { State } from '../github/state.js'
import { placeFiles } from '../packing/place.js'
import { ArtifactStore, RunCheckpointStore } from '../stores/artifacts.js'
import { stageFiles } from './stage.js'

/**
 * The restore entry: finds this scope's latest valid checkpoint in the run, verifies it, puts
 * its files back and sets the outputs that skip the nodes already done.
 */
export async function runRestore(): Promise<void> {
  let failOnError = false
  const context = readRunContext()
  let scope = 'default'
  try {
    const inputs = getRestoreInputs()
    failOnError = inputs.failOnError
    scope = inputs.scope
    core.saveState(State.Scope, scope)
    const document = await restoreLatest(inputs, context)
    await setRestoreOutputs(document, context.runnerTemp, scope)
    await remember(document, context, scope)
  } catch (error) {
    reportFailure(error, failOnError)
    // No job context is written: a later save then finds the run's latest checkpoint itself
    // instead of starting a new pipeline over progress this step failed to read.
    await setRestoreOutputs(undefined, context.runnerTemp, scope).catch(() => undefined)
  }
}

/** Tells the job's later checkpoint steps what was restored. */
async function remember(
  document: CheckpointDocument | undefined,
  context: RunContext,
  scope: string
): Promise<void> {
  await saveJobContext(context.runnerTemp, {
    scope,
    base: document,
    restored: document && {
      checkpoint: checkpointName(document),
      attempt: document.attempt,
      runId: document.run.runId,
      nodes: document.nodes
    },
    events: [],
    lastStepEndedAt: new Date().toISOString()
  })
}

/** Tries the scope's checkpoints newest first; a bad one is reported and the previous tried. */
async function restoreLatest(
  inputs: RestoreInputs,
  context: RunContext
): Promise<CheckpointDocument | undefined> {
  const artifacts = new ArtifactStore(context, inputs.githubToken)
  const scratch = await mkdtemp(join(context.runnerTemp, 'checkpoint-restore-'))
  try {
    const store = new RunCheckpointStore(artifacts, await artifacts.list(), {
      scratch,
      runId: context.run.runId
    })
    const manager = new CheckpointManager(store, { scope: inputs.scope })
    const refs = (await manager.list()).reverse()
    if (refs.length === 0) {
      core.info(
        `No checkpoint of scope '${inputs.scope}' in this run: the pipeline starts from the beginning.`
      )
      return undefined
    }
    for (const [index, ref] of refs.entries()) {
      const staging = join(scratch, `staging-${index}`)
      try {
        const document = await manager.load(ref)
        await stageFiles(document, store, artifacts, {
          downloads: join(scratch, 'downloads'),
          staging
        })
        await placeFiles(staging, document.files, context.workspace)
        report(document)
        return document
      } catch (error) {
        core.warning(
          `Checkpoint ${checkpointName(ref)} was not restored: ${describe(error)}. Trying the previous one.`
        )
      }
    }
    core.warning(
      `None of the ${refs.length} checkpoint(s) of scope '${inputs.scope}' could be restored: starting from the beginning.`
    )
    return undefined
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

function report(document: CheckpointDocument): void {
  const nodes = completedNodes(document)
  core.info(
    `Restored ${checkpointName(document)} (attempt ${document.attempt} of run ${document.run.runId}): ` +
      `${nodes.length} node(s) done [${nodes.join(', ')}], ${document.files.length} file(s) put back.`
  )
}
