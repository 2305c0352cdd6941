import { UntrustedCheckpointError } from '../checkpoint/codec.js'
import {
  CheckpointNotFoundError,
  CorruptCheckpointError,
  InvalidInputError,
  UnsupportedSchemaError
} from '../checkpoint/errors.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { PathEscapeError } from '../packing/place.js'
import { IntegrityError, NotFoundError, UsageError } from '../offline/offline-errors.js'
import { GitHubApiError } from '../transport/service-errors.js'

/** The CLI's exit codes, as `checkpoint-action --help` documents them. */
export const ExitCode = {
  /** Everything asked for was done. */
  Ok: 0,
  /** A source, checkpoint, node, archive, run or repository that does not exist. */
  NotFound: 1,
  /** A bad command line or an input this version cannot read. */
  Usage: 2,
  /**
   * A digest mismatch, a truncated or hostile archive, a path or link leaving the target, a
   * checkpoint that is not signed with the signing key or does not decrypt.
   */
  Integrity: 3,
  /** Anything else: the network, GitHub's API, the disk. */
  Failure: 4
} as const

/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** The exit code of anything a command throws: the one place errors meet exit codes. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof NotFoundError || error instanceof CheckpointNotFoundError) {
    return ExitCode.NotFound
  }
  if (
    error instanceof UsageError ||
    error instanceof InvalidInputError ||
    error instanceof UnsupportedSchemaError
  ) {
    return ExitCode.Usage
  }
  if (
    error instanceof IntegrityError ||
    error instanceof CorruptCheckpointError ||
    error instanceof UntrustedCheckpointError ||
    error instanceof ArchiveIntegrityError ||
    error instanceof PathEscapeError
  ) {
    return ExitCode.Integrity
  }
  if (error instanceof GitHubApiError) return apiExitCode(error.status)
  return ExitCode.Failure
}

function apiExitCode(status: number): ExitCode {
  if (status === 404) return ExitCode.NotFound
  if (status === 401 || status === 403) return ExitCode.Usage
  return ExitCode.Failure
}
