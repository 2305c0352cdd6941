import { readFile } from 'node:fs/promises'
import { InvalidInputError, describe } from '../checkpoint/errors.js'
import { overlayStates, parseStateText, type PipelineState } from '../checkpoint/state.js'
import { resolveInside } from '../packing/workspace-paths.js'
import {
  getBoolean,
  getInteger,
  getList,
  getProtection,
  getRetentionDays,
  getScope,
  Input,
  requiredId,
  type Protection
} from '../action/inputs.js'
import { getInput } from '../action/light-toolkit.js'

/** Inputs of the save entry. */
export interface SaveInputs {
  node: string
  scope: string
  /** This node's state: `state-file` merged under `state`. */
  state: PipelineState
  /** Glob patterns, workspace-relative; `!` excludes. */
  paths: string[]
  retentionDays: number | undefined
  /** Undefined: chosen per payload. */
  compressionLevel: number | undefined
  failOnError: boolean
  /** What the node's result depends on; with it, a restored node whose key changed is saved again. */
  key: string
  salt: string
  protection: Protection
}

/** Reads and validates the save entry's inputs, the state file included. @throws InvalidInputError */
export async function getSaveInputs(workspace: string): Promise<SaveInputs> {
  return {
    node: requiredId(Input.Node, 'name the node saved'),
    scope: getScope(),
    state: await getState(workspace),
    paths: getList(Input.Paths),
    retentionDays: getRetentionDays(),
    compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
    failOnError: getBoolean(Input.FailOnError, false),
    key: getInput(Input.Key),
    salt: getInput(Input.Salt),
    protection: getProtection()
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
