import * as core from '../action/actions-core.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { checkpointName } from '../checkpoint/naming.js'
import { completedNodes, partialNodes } from '../checkpoint/progress.js'
import { stateJson } from '../checkpoint/state.js'

/** Outputs of the restore entry, as action.yml spells them; `done-<node>` besides. */
export enum RestoreOutput {
  Resumed = 'resumed',
  Completed = 'completed',
  Partial = 'partial',
  State = 'state',
  StateFile = 'state-file',
  Checkpoint = 'checkpoint',
  FromAttempt = 'from-attempt',
  FromRunId = 'from-run-id'
}

/** GitHub caps all of a job's outputs at 1 MB together; a state near that goes to a file. */
export const STATE_OUTPUT_LIMIT = 1_000_000

/**
 * Sets the outputs that `if:` guards read after a restore. A state too large for an output is
 * left out with a warning; `state-file` always names a file holding it.
 */
export async function setRestoreOutputs(
  document: CheckpointDocument | undefined,
  runnerTemp: string,
  scope: string
): Promise<void> {
  const nodes = completedNodes(document)
  core.setOutput(RestoreOutput.Resumed, String(document !== undefined))
  core.setOutput(RestoreOutput.Completed, JSON.stringify(nodes))
  core.setOutput(RestoreOutput.Partial, JSON.stringify(partialNodes(document)))
  for (const node of nodes) core.setOutput(`done-${node}`, 'true')
  core.setOutput(RestoreOutput.Checkpoint, document ? checkpointName(document) : '')
  core.setOutput(RestoreOutput.FromAttempt, document ? String(document.attempt) : '')
  core.setOutput(RestoreOutput.FromRunId, document ? document.run.runId : '')
  const state = stateJson(document?.state ?? {})
  const bytes = Buffer.byteLength(state)
  const stateFile = join(runnerTemp, 'checkpoint-action', `${scope}.state.json`)
  await mkdir(join(runnerTemp, 'checkpoint-action'), { recursive: true })
  await writeFile(stateFile, state, 'utf8')
  core.setOutput(RestoreOutput.StateFile, stateFile)
  if (bytes > STATE_OUTPUT_LIMIT) {
    core.warning(
      `The restored state is ${bytes} bytes, over the ${STATE_OUTPUT_LIMIT} ` +
        `bytes a job's outputs may hold: output 'state' is left out; read the file named by 'state-file'`
    )
    return
  }
  core.setOutput(RestoreOutput.State, state)
}
