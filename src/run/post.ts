import * as core from '../action/light-toolkit.js'
import { describe } from '../checkpoint/errors.js'
import { computeFingerprint, type Fingerprint } from '../checkpoint/fingerprint.js'
import { checkpointName } from '../checkpoint/naming.js'
import { noticeIfUnavailable } from '../action/failure.js'
import { getBoolean, getCheckpointInputs, Input } from '../action/inputs.js'
import { jobContextOrNew, recordEvent } from '../action/job-context.js'
import { readRunContext, type RunContext } from '../transport/run-context.js'
import { withNodeClaim } from '../action/step-lock.js'
import { RunState } from '../action/step-state.js'
import { checkpointNode } from '../resume/checkpoint-node.js'
import type { CheckpointInputs } from '../action/inputs.js'
import { readCommandState } from './command.js'
import { resolveShell } from './shell.js'

/**
 * The run entry's post step, which runs even when the job was cancelled: when the command did
 * not finish, the progress it wrote to `$CHECKPOINT_STATE_FILE` (and its `paths`) is saved as a
 * partial checkpoint, which the next attempt hands back to the command.
 */
export async function runRunPost(): Promise<void> {
  const status = core.getState(RunState.Status)
  if (status !== 'running' && status !== 'cancelled') return
  const node = core.getState(RunState.Node)
  const scope = core.getState(RunState.Scope)
  const context = readRunContext()
  const failOnError = getBoolean(Input.FailOnError, false)
  try {
    await withNodeClaim(context.runnerTemp, scope, node, () => keepProgress(node, scope, context))
  } catch (error) {
    if (noticeIfUnavailable(error)) return
    const message = `Could not keep the progress of node '${node}': ${describe(error)}`
    if (failOnError) core.setFailed(message)
    else core.warning(message)
  }
}

/** Saves what an unfinished command left (its state file and `paths`) as a partial checkpoint. */
async function keepProgress(node: string, scope: string, context: RunContext): Promise<void> {
  const progress = await readCommandState(core.getState(RunState.StateFile), node)
  const inputs = getCheckpointInputs()
  if (Object.keys(progress).length === 0 && inputs.paths.length === 0) {
    core.info(`Node '${node}' did not finish and recorded no progress: nothing to keep.`)
    return
  }
  const job = await jobContextOrNew(context.runnerTemp, scope)
  const fingerprint = await commandFingerprint(inputs)
  const save = { ...inputs, scope, node, state: progress, fingerprint, partial: true }
  const saved = await checkpointNode(save, inputs.paths, context, job)
  const checkpoint = checkpointName(saved.document)
  core.info(
    `Node '${node}' did not finish: its progress is kept in ${checkpoint} for the next attempt.`
  )
  await recordEvent(context.runnerTemp, job, {
    node,
    status: 'partial',
    reason: 'cancelled',
    checkpoint
  })
}

/** The whole fingerprint, as the run step computes it: progress crosses runs only with it. */
async function commandFingerprint(inputs: CheckpointInputs): Promise<Fingerprint> {
  const shell = await resolveShell(core.getInput(Input.Shell)).catch(() => undefined)
  return computeFingerprint({
    key: inputs.key,
    command: core.getInput(Input.Run, { trimWhitespace: false }),
    shell: shell?.name,
    salt: inputs.salt
  })
}
