import * as core from '@actions/core'
import type { StepLog } from '../transport/artifact-store.js'

/** The step's log as the transport reports to it: lines, and values masked before use. */
export const stepLog: StepLog = {
  info: line => {
    core.info(line)
  },
  mask: secret => {
    core.setSecret(secret)
  }
}
