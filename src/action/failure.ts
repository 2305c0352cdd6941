import * as core from '@actions/core'
import { ConfigurationError, InvalidInputError, describe } from '../checkpoint/errors.js'

export { ConfigurationError }

/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise.
 */
export function reportFailure(error: unknown, failOnError: boolean): void {
  const message = describe(error)
  if (error instanceof InvalidInputError || error instanceof ConfigurationError || failOnError) {
    core.setFailed(message)
    return
  }
  core.warning(`${message} (the step goes on: set fail-on-error: true to fail it instead)`)
}
