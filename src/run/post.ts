import * as core from '../action/actions-core.js'
import { describe } from '../checkpoint/errors.js'
import { computeFingerprint } from '../checkpoint/fingerprint.js'
import { checkpointName } from '../checkpoint/naming.js'
import { noticeIfUnavailable } from '../action/failure.js'
import {
  getBoolean,
  getInteger,
  getList,
  getProtection,
  getRetentionDays,
  Input
} from '../action/inputs.js'
import { jobContextOrNew, recordEvent } from '../action/job-context.js'
import { readRunContext } from '../transport/run-context.js'
import { RunState } from '../action/step-state.js'
import { checkpointNode } from '../resume/checkpoint-node.js'
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
    const progress = await readCommandState(core.getState(RunState.StateFile), node)
    const paths = getList(Input.Paths)
    if (Object.keys(progress).length === 0 && paths.length === 0) {
      core.info(`Node '${node}' did not finish and recorded no progress: nothing to keep.`)
      return
    }
    const job = await jobContextOrNew(context.runnerTemp, scope)
    // The whole fingerprint, as the run step computes it: progress crosses runs only with it.
    const shell = await resolveShell(core.getInput(Input.Shell)).catch(() => undefined)
    const fingerprint = computeFingerprint({
      key: core.getInput(Input.Key),
      command: core.getInput(Input.Run, { trimWhitespace: false }),
      shell: shell?.name,
      salt: core.getInput(Input.Salt)
    })
    const save = {
      scope,
      node,
      state: progress,
      fingerprint,
      partial: true,
      retentionDays: getRetentionDays(),
      compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
      protection: getProtection()
    }
    const saved = await checkpointNode(save, paths, context, job)
    core.info(
      `Node '${node}' did not finish: its progress is kept in ${checkpointName(saved.document)} for the next attempt.`
    )
    await recordEvent(context.runnerTemp, job, {
      node,
      status: 'partial',
      reason: 'cancelled',
      checkpoint: checkpointName(saved.document)
    })
  } catch (error) {
    if (noticeIfUnavailable(error)) return
    const message = `Could not keep the progress of node '${node}': ${describe(error)}`
    if (failOnError) core.setFailed(message)
    else core.warning(message)
  }
}
