import { readFile } from 'node:fs/promises'
import { InvalidInputError, describe } from '../checkpoint/errors.js'
import { overlayStates, parseStateText, type PipelineState } from '../checkpoint/state.js'
import { resolveInside } from '../packing/workspace-paths.js'
import { getCheckpointInputs, Input, requiredId, type CheckpointInputs } from '../action/inputs.js'
import { getInput } from '../action/light-toolkit.js'

/** Inputs of the save entry. */
export interface SaveInputs extends CheckpointInputs {
  node: string
  /** This node's state: `state-file` merged under `state`. */
  state: PipelineState
}

/** Reads and validates the save entry's inputs, the state file included. @throws InvalidInputError */
export async function getSaveInputs(workspace: string): Promise<SaveInputs> {
  return {
    node: requiredId(Input.Node, 'name the node saved'),
    ...getCheckpointInputs(),
    state: await getState(workspace)
  }
}

async function getState(workspace: string): Promise<PipelineState> {
  const stateFile = getInput(Input.StateFile)
  let fromFile: PipelineState = {}
  if (stateFile !== '') {
    const file = resolveInside(workspace, stateFile, Input.StateFile)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      throw new InvalidInputError(
        Input.StateFile,
        stateFile,
        `must name a readable file (${describe(error)})`
      )
    }
    fromFile = parseStateText(Input.StateFile, text)
  }
  return overlayStates(fromFile, parseStateText(Input.State, getInput(Input.State)))
}
