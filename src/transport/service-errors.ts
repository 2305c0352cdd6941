import { CheckpointError } from '../checkpoint/errors.js'

/** A GitHub service or blob storage could not be reached, or refused a call. */
export class ServiceError extends CheckpointError {
  constructor(
    message: string,
    /** The HTTP status of the last answer, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/**
 * A try answered with an error status. Its message reads after the call's name: "answered 503
 * (...)"; a 429 says "rate limited".
 */
export class HttpStatusError extends ServiceError {
  constructor(
    status: number,
    detail: string,
    /** How long the answer's Retry-After asks to wait, when it says. */
    readonly retryAfterMs?: number
  ) {
    const limited = status === 429 ? ', rate limited' : ''
    super(`answered ${status}${limited}${detail === '' ? '' : ` (${detail})`}`, status)
  }
}

/**
 * A transfer that broke or went quiet part-way (a body cut short, no data within the idle
 * timeout): the request may have reached the service, so only an idempotent one is sent again.
 */
export class TransferInterruptedError extends ServiceError {}

/**
 * The job runs where the artifact service does not exist: GitHub Enterprise Server. Not a failure
 * of the service: the step says so in a notice and goes on with the Actions cache alone.
 */
export class ArtifactsUnavailableError extends CheckpointError {
  constructor(readonly host: string) {
    super(
      `GitHub Enterprise Server (${host}) has no artifact service: checkpoints are saved to and ` +
        'restored from the Actions cache only (nodes with a key); the other nodes run again.'
    )
  }
}

/** GitHub's REST API answered with an error status. */
export class GitHubApiError extends CheckpointError {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}
