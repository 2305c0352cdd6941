import { stat } from 'node:fs/promises'
import { InvalidInputError } from '../checkpoint/errors.js'
import { parseStateText, type PipelineState } from '../checkpoint/state.js'
import { resolveInside } from '../packing/workspace-paths.js'
import { getCheckpointInputs, Input, requiredId, type CheckpointInputs } from '../action/inputs.js'
import { getInput } from '../action/light-toolkit.js'
import { resolveShell, type Shell } from './shell.js'

/** Inputs of the run entry. */
export interface RunInputs extends CheckpointInputs {
  node: string
  /** The script, as written in the workflow. */
  run: string
  shell: Shell
  /** Absolute, inside the workspace, an existing folder. */
  workingDirectory: string
  state: PipelineState
  githubToken: string
}

/** Reads and validates the run entry's inputs. @throws InvalidInputError */
export async function getRunInputs(workspace: string): Promise<RunInputs> {
  const node = requiredId(Input.Node, 'name the node this command is')
  const run = getInput(Input.Run, { trimWhitespace: false })
  if (run.trim() === '')
    throw new InvalidInputError(Input.Run, run, 'is required: give the command to run')
  return {
    node,
    run,
    ...getCheckpointInputs(),
    shell: await resolveShell(getInput(Input.Shell)),
    workingDirectory: await getFolder(workspace, getInput(Input.WorkingDirectory)),
    state: parseStateText(Input.State, getInput(Input.State)),
    githubToken: getInput(Input.GithubToken)
  }
}

async function getFolder(workspace: string, value: string): Promise<string> {
  const folder = resolveInside(workspace, value === '' ? '.' : value, Input.WorkingDirectory)
  const stats = await stat(folder).catch(() => undefined)
  if (!stats?.isDirectory()) {
    throw new InvalidInputError(
      Input.WorkingDirectory,
      value,
      'must be an existing folder in the workspace'
    )
  }
  return folder
}
