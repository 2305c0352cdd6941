import * as toolkit from './light-toolkit.js'
import { InvalidInputError } from '../checkpoint/errors.js'
import { validateId } from '../checkpoint/ids.js'

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

/** The scope input, defaulting to the job's id as GitHub names it. */
export function getScope(env: NodeJS.ProcessEnv = process.env): string {
  const scope = toolkit.getInput(Input.Scope) || env.GITHUB_JOB || 'default'
  return validateId(Input.Scope, scope)
}

/** A list input: commas or new lines separate items; blank items are dropped. */
export function getList(name: string): string[] {
  return toolkit
    .getInput(name)
    .split(/[\r\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}

/** A boolean input in the YAML 1.2 core schema's spellings; empty means `fallback`. */
export function getBoolean(name: string, fallback: boolean): boolean {
  const value = toolkit.getInput(name)
  if (value === '') return fallback
  if (/^(true|True|TRUE)$/.test(value)) return true
  if (/^(false|False|FALSE)$/.test(value)) return false
  throw new InvalidInputError(name, value, 'must be true or false')
}

/** An integer input within [min, max]; empty means unset. */
export function getInteger(name: string, min: number, max: number): number | undefined {
  const value = toolkit.getInput(name)
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
  toolkit.notice(
    `Input 'retention-days' is ${days}, longer than this repository keeps artifacts (GITHUB_RETENTION_DAYS=${cap}): checkpoints are kept ${cap} days.`
  )
  return cap
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
  const signingKey = toolkit.getInput(Input.SigningKey)
  const encryptionKey = toolkit.getInput(Input.EncryptionKey)
  for (const key of [signingKey, encryptionKey]) if (key !== '') toolkit.setSecret(key)
  const token = toolkit.getInput(Input.GithubToken) || process.env.GITHUB_TOKEN || ''
  const secrets = [signingKey, encryptionKey, token, process.env.ACTIONS_RUNTIME_TOKEN ?? '']
  return {
    signingKey,
    encryptionKey,
    allowSecrets: getBoolean(Input.AllowSecrets, false),
    secrets: secrets.filter(secret => secret !== '')
  }
}

/**
 * What every step that writes a checkpoint reads alike: its scope, the node's files, how they are
 * kept and packed, what the node's result depends on, how a failure is reported, the protection.
 */
export interface CheckpointInputs {
  /** Which pipeline the checkpoint belongs to. */
  scope: string
  /** Glob patterns, workspace-relative; `!` excludes. */
  paths: string[]
  retentionDays: number | undefined
  /** Undefined: chosen per payload. */
  compressionLevel: number | undefined
  failOnError: boolean
  /** What the node's result depends on; with it, a restored node whose key changed runs again. */
  key: string
  salt: string
  protection: Protection
}

/** Reads and validates the inputs of {@link CheckpointInputs}. @throws InvalidInputError */
export function getCheckpointInputs(): CheckpointInputs {
  return {
    scope: getScope(),
    paths: getList(Input.Paths),
    retentionDays: getRetentionDays(),
    compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
    failOnError: getBoolean(Input.FailOnError, false),
    key: toolkit.getInput(Input.Key),
    salt: toolkit.getInput(Input.Salt),
    protection: getProtection()
  }
}

/** A required node id input. @throws InvalidInputError when empty or not an id */
export function requiredId(name: string, why: string): string {
  const value = toolkit.getInput(name)
  if (value === '') throw new InvalidInputError(name, value, `is required: ${why}`)
  return validateId(name, value)
}
