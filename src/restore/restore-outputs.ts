import * as core from '../action/light-toolkit.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { checkpointName } from '../checkpoint/naming.js'
import { completedNodes, partialNodes } from '../checkpoint/progress.js'
import type { ReuseContext } from '../checkpoint/reuse.js'
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
  FromRunId = 'from-run-id',
  Sources = 'sources',
  Reasons = 'reasons'
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
  scope: string,
  origin: { newest?: CheckpointDocument | undefined; reuse?: ReuseContext | undefined } = {}
): Promise<void> {
  const nodes = completedNodes(document)
  // Taken from several sources, the outputs describe the newest checkpoint it came from.
  const newest = document && (origin.newest ?? document)
  core.setOutput(RestoreOutput.Resumed, String(document !== undefined))
  core.setOutput(RestoreOutput.Completed, JSON.stringify(nodes))
  core.setOutput(RestoreOutput.Partial, JSON.stringify(partialNodes(document)))
  for (const node of nodes) core.setOutput(`done-${node}`, 'true')
  core.setOutput(RestoreOutput.Checkpoint, newest ? checkpointName(newest) : '')
  core.setOutput(RestoreOutput.FromAttempt, newest ? String(newest.attempt) : '')
  core.setOutput(RestoreOutput.FromRunId, newest ? newest.run.runId : '')
  core.setOutput(RestoreOutput.Sources, JSON.stringify(origin.reuse?.sources ?? {}))
  core.setOutput(RestoreOutput.Reasons, JSON.stringify(origin.reuse?.reasons ?? {}))
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
