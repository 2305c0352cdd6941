import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { CheckpointCodec } from '../../checkpoint/codec.js'
import { ID_PATTERN } from '../../checkpoint/ids.js'
import type { ArgumentSpec, CliIo, OptionSpec } from '../args.js'
import { readCheckpointSource } from '../../offline/read-source.js'
import { NotFoundError, UsageError } from '../../offline/offline-errors.js'
import { selectCheckpoint } from '../../offline/select.js'
import type { CheckpointSource, FoundCheckpoint } from '../../offline/source.js'

/** The `[SOURCE]` every reading command takes. */
export const SOURCE_ARGUMENT: ArgumentSpec = {
  name: '[SOURCE]',
  optional: true,
  description: 'downloaded checkpoints: .json, .zip, a folder of them (default: .)'
}

/** `--scope`. */
export const SCOPE_OPTION: OptionSpec = {
  type: 'string',
  value: 'S',
  description: 'only checkpoints of this scope (needed when the source holds several)'
}

/** `--json`. */
export const JSON_OPTION: OptionSpec = {
  type: 'boolean',
  description: 'print JSON for scripts instead of a table'
}

/** `--scope` and `--json`: what a command that reads a source and prints what it found takes. */
export const SCOPE_AND_JSON_OPTIONS: Record<string, OptionSpec> = {
  scope: SCOPE_OPTION,
  json: JSON_OPTION
}

/**
 * The user's keys, as the action's `signing-key` and `encryption-key` inputs hold them: from
 * CHECKPOINT_SIGNING_KEY (only signed checkpoints are then trusted) and
 * CHECKPOINT_ENCRYPTION_KEY (decrypts checkpoints and files).
 */
export function codecOf(io: CliIo): CheckpointCodec {
  return new CheckpointCodec({
    signingKey: io.env.CHECKPOINT_SIGNING_KEY,
    encryptionKey: io.env.CHECKPOINT_ENCRYPTION_KEY
  })
}

/** Reads a source, hands it to `use`, and always removes what reading it extracted. */
export async function withSource<T>(
  path: string | undefined,
  io: CliIo,
  use: (source: CheckpointSource) => T | Promise<T>
): Promise<T> {
  const source = await readCheckpointSource(resolve(io.cwd, path ?? '.'), { codec: codecOf(io) })
  try {
    return await use(source)
  } finally {
    await source.close()
  }
}

/** Tells on stderr what in the source could not be read at all. */
export function warnProblems(source: CheckpointSource, io: CliIo): void {
  for (const { origin, error } of source.problems) {
    io.stderr.write(`warning: ${origin}: ${error.message}\n`)
  }
}

/** A checkpoint a command line named, and the source it was found in. */
export interface Target {
  found: FoundCheckpoint
  source: CheckpointSource
}

/**
 * A checkpoint a command line names: a node id (its newest checkpoint) or a checkpoint name
 * looked up in `source`, else a file (a document, a zip) read on its own. A folder is a SOURCE,
 * never a checkpoint: naming one where a checkpoint goes is a usage error that says so.
 * @throws NotFoundError when it is none of these; UsageError for a folder
 */
export async function findTarget(
  target: string,
  source: CheckpointSource,
  io: CliIo,
  scope: string | undefined
): Promise<Target> {
  const path = resolve(io.cwd, target)
  const named = source.checkpoints.some(
    found => found.ref?.node === target || matchesName(found, target)
  )
  if (!named && isFolder(path)) {
    throw new UsageError(
      `${target} is a folder, which is a SOURCE, not a checkpoint: name a node id, a checkpoint name or a file first, and the folder after it`
    )
  }
  if (named || ID_PATTERN.test(target)) {
    return { found: selectCheckpoint(source, target, scope), source }
  }
  if (!existsSync(path)) {
    throw new NotFoundError(
      `${target} is neither a node id, a checkpoint in ${source.location}, nor a file`
    )
  }
  const alone = await readCheckpointSource(path, { codec: codecOf(io) })
  try {
    return { found: selectCheckpoint(alone, undefined, scope), source: alone }
  } finally {
    await alone.close()
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false
}

function matchesName(found: FoundCheckpoint, target: string): boolean {
  return found.name === target || found.name === `${target}.json`
}
