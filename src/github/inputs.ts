import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { InvalidInputError, describe } from '../checkpoint/errors.js'
import { validateId } from '../checkpoint/ids.js'
import { mergeStates, parseStateText, type PipelineState } from '../checkpoint/state.js'

/** Every input name, as action.yml spells it. */
export enum Input {
  Node = 'node',
  State = 'state',
  StateFile = 'state-file',
  Paths = 'paths',
  Scope = 'scope',
  RetentionDays = 'retention-days',
  CompressionLevel = 'compression-level',
  FailOnError = 'fail-on-error',
  GithubToken = 'github-token'
}

/** Inputs of the restore entry (root action.yml). */
export interface RestoreInputs {
  scope: string
  githubToken: string
  failOnError: boolean
}

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
}

/** The scope input, defaulting to the job's id as GitHub names it. */
export function getScope(env: NodeJS.ProcessEnv = process.env): string {
  const scope = core.getInput(Input.Scope) || env.GITHUB_JOB || 'default'
  return validateId(Input.Scope, scope)
}

/** Reads and validates the restore entry's inputs. @throws InvalidInputError */
export function getRestoreInputs(): RestoreInputs {
  return {
    scope: getScope(),
    githubToken: core.getInput(Input.GithubToken),
    failOnError: getBoolean(Input.FailOnError, false)
  }
}

/** Reads and validates the save entry's inputs, the state file included. @throws InvalidInputError */
export async function getSaveInputs(workspace: string): Promise<SaveInputs> {
  const node = core.getInput(Input.Node, { required: false })
  if (node === '') throw new InvalidInputError(Input.Node, node, 'is required: name the node saved')
  return {
    node: validateId(Input.Node, node),
    scope: getScope(),
    state: await getState(workspace),
    paths: getList(Input.Paths),
    retentionDays: getInteger(Input.RetentionDays, 1, 90),
    compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
    failOnError: getBoolean(Input.FailOnError, false)
  }
}

async function getState(workspace: string): Promise<PipelineState> {
  const stateFile = core.getInput(Input.StateFile)
  let fromFile: PipelineState = {}
  if (stateFile !== '') {
    const { resolveInside } = await import('../packing/paths.js')
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
  return mergeStates(fromFile, parseStateText(Input.State, core.getInput(Input.State)))
}

/** A list input: commas or new lines separate items; blank items are dropped. */
export function getList(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\r\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}

/** A boolean input in the YAML 1.2 core schema's spellings; empty means `fallback`. */
export function getBoolean(name: string, fallback: boolean): boolean {
  const value = core.getInput(name)
  if (value === '') return fallback
  if (/^(true|True|TRUE)$/.test(value)) return true
  if (/^(false|False|FALSE)$/.test(value)) return false
  throw new InvalidInputError(name, value, 'must be true or false')
}

/** An integer input within [min, max]; empty means unset. */
export function getInteger(name: string, min: number, max: number): number | undefined {
  const value = core.getInput(name)
  if (value === '') return undefined
  const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new InvalidInputError(name, value, `must be a whole number from ${min} to ${max}`)
  }
  return number
}
