import * as core from './light-toolkit.js'
import { ConfigurationError, InvalidInputError, describe } from '../checkpoint/errors.js'
import { ArtifactsUnavailableError } from '../transport/service-errors.js'

export { ConfigurationError }

/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise. Artifacts
 * that do not exist here (GitHub Enterprise Server) are no failure at all: a notice.
 */
export function reportFailure(error: unknown, failOnError: boolean): void {
  if (noticeIfUnavailable(error)) return
  const message = describe(error)
  if (error instanceof InvalidInputError || error instanceof ConfigurationError || failOnError) {
    core.setFailed(message)
    return
  }
  core.warning(`${message} (the step goes on: set fail-on-error: true to fail it instead)`)
}

let unavailableNoticed = false

/**
 * When `error` says the artifact service does not exist here (GitHub Enterprise Server), says
 * so in one notice per step (a run step meets it twice: reading checkpoints, then saving) and
 * returns true; false for any other error.
 */
export function noticeIfUnavailable(error: unknown): boolean {
  if (!(error instanceof ArtifactsUnavailableError)) return false
  if (!unavailableNoticed) core.notice(error.message)
  unavailableNoticed = true
  return true
}
