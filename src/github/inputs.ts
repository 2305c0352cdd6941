import * as core from './toolkit.js'
import { readFile, stat } from 'node:fs/promises'
import { InvalidInputError, describe } from '../checkpoint/errors.js'
import { validateId } from '../checkpoint/ids.js'
import { overlayStates, parseStateText, type PipelineState } from '../checkpoint/state.js'
import { resolveInside } from '../packing/paths.js'
import { resolveShell, type Shell } from '../run/shell.js'

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
  GithubToken = 'github-token',
  Rerun = 'rerun',
  RerunFrom = 'rerun-from',
  Reset = 'reset',
  Key = 'key',
  Salt = 'salt',
  AllowSecrets = 'allow-secrets',
  SigningKey = 'signing-key',
  EncryptionKey = 'encryption-key',
  Run = 'run',
  Shell = 'shell',
  WorkingDirectory = 'working-directory'
}

/** Inputs of the restore entry (root action.yml). */
export interface RestoreInputs {
  scope: string
  githubToken: string
  failOnError: boolean
  /** Nodes to run again although done. */
  rerun: string[]
  /** A node to run again with every node done after it. */
  rerunFrom: string | undefined
  /** Ignore every checkpoint: the pipeline runs from the beginning. */
  reset: boolean
  protection: Protection
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
  /** What the node's result depends on; with it, a restored node whose key changed is saved again. */
  key: string
  salt: string
  protection: Protection
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
    failOnError: getBoolean(Input.FailOnError, false),
    rerun: getList(Input.Rerun).map(id => validateId(Input.Rerun, id)),
    rerunFrom: optionalId(Input.RerunFrom),
    reset: getBoolean(Input.Reset, false),
    protection: getProtection()
  }
}

function optionalId(name: string): string | undefined {
  const value = core.getInput(name)
  return value === '' ? undefined : validateId(name, value)
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
    key: core.getInput(Input.Key),
    salt: core.getInput(Input.Salt),
    protection: getProtection()
  }
}

async function getState(workspace: string): Promise<PipelineState> {
  const stateFile = core.getInput(Input.StateFile)
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
  return overlayStates(fromFile, parseStateText(Input.State, core.getInput(Input.State)))
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

/**
 * `retention-days` (1-90), capped at the repository's retention, which the runner passes as
 * `GITHUB_RETENTION_DAYS`: a longer one is lowered to it, with a notice, as the artifact client
 * lowers it (with a warning) rather than have the service refuse the upload.
 */
export function getRetentionDays(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const days = getInteger(Input.RetentionDays, 1, 90)
  const text = (env.GITHUB_RETENTION_DAYS ?? '').trim()
  const cap = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (days === undefined || !Number.isSafeInteger(cap) || cap < 1 || days <= cap) return days
  core.notice(
    `Input 'retention-days' is ${days}, longer than this repository keeps artifacts (GITHUB_RETENTION_DAYS=${cap}): checkpoints are kept ${cap} days.`
  )
  return cap
}

/** Inputs of the run entry. */
export interface RunInputs {
  node: string
  scope: string
  /** The script, as written in the workflow. */
  run: string
  shell: Shell
  /** Absolute, inside the workspace, an existing folder. */
  workingDirectory: string
  state: PipelineState
  paths: string[]
  key: string
  salt: string
  retentionDays: number | undefined
  compressionLevel: number | undefined
  githubToken: string
  failOnError: boolean
  protection: Protection
}

/** Reads and validates the run entry's inputs. @throws InvalidInputError */
export async function getRunInputs(workspace: string): Promise<RunInputs> {
  const node = requiredId(Input.Node, 'name the node this command is')
  const run = core.getInput(Input.Run, { trimWhitespace: false })
  if (run.trim() === '')
    throw new InvalidInputError(Input.Run, run, 'is required: give the command to run')
  return {
    node,
    scope: getScope(),
    run,
    shell: await resolveShell(core.getInput(Input.Shell)),
    workingDirectory: await getFolder(workspace, core.getInput(Input.WorkingDirectory)),
    state: parseStateText(Input.State, core.getInput(Input.State)),
    paths: getList(Input.Paths),
    key: core.getInput(Input.Key),
    salt: core.getInput(Input.Salt),
    retentionDays: getRetentionDays(),
    compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
    githubToken: core.getInput(Input.GithubToken),
    failOnError: getBoolean(Input.FailOnError, false),
    protection: getProtection()
  }
}

function requiredId(name: string, why: string): string {
  const value = core.getInput(name)
  if (value === '') throw new InvalidInputError(name, value, `is required: ${why}`)
  return validateId(name, value)
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

/** What guards a checkpoint's content: keys to sign and encrypt with, and secrets to keep out. */
export interface Protection {
  /** Signs every checkpoint written; refuses unsigned or mis-signed ones on restore. */
  signingKey: string
  /** Encrypts state and files before upload. */
  encryptionKey: string
  /** Let state values shaped like credentials through (the job's token and the keys never). */
  allowSecrets: boolean
  /** Exact values that must never be written: the job's token and the keys. */
  secrets: string[]
}

/** Reads the protection inputs and masks the keys in the log. */
export function getProtection(): Protection {
  const signingKey = core.getInput(Input.SigningKey)
  const encryptionKey = core.getInput(Input.EncryptionKey)
  for (const key of [signingKey, encryptionKey]) if (key !== '') core.setSecret(key)
  const token = core.getInput(Input.GithubToken) || process.env.GITHUB_TOKEN || ''
  const secrets = [signingKey, encryptionKey, token, process.env.ACTIONS_RUNTIME_TOKEN ?? '']
  return {
    signingKey,
    encryptionKey,
    allowSecrets: getBoolean(Input.AllowSecrets, false),
    secrets: secrets.filter(secret => secret !== '')
  }
}
