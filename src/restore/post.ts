import * as core from '@actions/core'
import { describe } from '../checkpoint/errors.js'
import { loadJobContext } from '../github/job-context.js'
import { readRunContext } from '../github/run-context.js'
import { State } from '../github/state.js'
import { renderSummary, resumeNotice } from '../github/summary.js'

/** The restore entry's post step: the job summary. It never fails the job. */
export async function runRestorePost(): Promise<void> {
  try {
    const scope = core.getState(State.Scope)
    if (!scope) return
    const job = await loadJobContext(readRunContext().runnerTemp, scope, { base: false })
    await core.summary.addRaw(renderSummary(job, scope)).write()
    const notice = resumeNotice(job)
    if (notice) core.notice(notice)
  } catch (error) {
    core.warning(`Could not write the checkpoint summary: ${describe(error)}`)
  }
}
