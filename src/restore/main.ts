import * as core from '../action/actions-core.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { invalidate, type Invalidation } from '../checkpoint/invalidation.js'
import { reportFailure } from '../action/failure.js'
import { getRestoreInputs, type RestoreInputs } from './restore-inputs.js'
import { rememberRestore } from '../action/job-context.js'
import { setRestoreOutputs } from './restore-outputs.js'
import { readRunContext } from '../transport/run-context.js'
import { RestoreState } from '../action/step-state.js'
import { restoreLatest } from '../resume/restore-latest.js'

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
    core.saveState(RestoreState.Scope, scope)
    if (inputs.reset) announceReset(scope)
    const restored = inputs.reset
      ? undefined
      : await restoreLatest(scope, inputs.githubToken, context, inputs.protection)
    const invalidation = restored && applyInvalidation(restored, inputs)
    await setRestoreOutputs(invalidation?.document, context.runnerTemp, scope)
    await rememberRestore(context.runnerTemp, scope, restored, invalidation)
  } catch (error) {
    reportFailure(error, failOnError)
    // No job context is written: a later save then finds the run's latest checkpoint itself
    // instead of starting a new pipeline over progress this step failed to read.
    await setRestoreOutputs(undefined, context.runnerTemp, scope).catch(() => undefined)
  }
}

function announceReset(scope: string): void {
  core.info(
    `Input 'reset' is true: checkpoints of scope '${scope}' are ignored and the pipeline runs from the beginning.`
  )
}

function applyInvalidation(document: CheckpointDocument, inputs: RestoreInputs): Invalidation {
  const invalidation = invalidate(document, { rerun: inputs.rerun, rerunFrom: inputs.rerunFrom })
  if (invalidation.unknown.length > 0) {
    const known = document.nodes.map(node => node.id).join(', ') || 'none'
    core.warning(
      `Asked to re-run ${invalidation.unknown.map(id => `'${id}'`).join(', ')}, which the checkpoint does not record as done (known nodes: ${known}).`
    )
  }
  if (invalidation.rerun.length > 0) {
    core.info(`Running again on request: ${invalidation.rerun.join(', ')}.`)
  }
  return invalidation
}
