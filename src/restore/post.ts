import { describe } from '../checkpoint/errors.js'
import { loadJobContext } from '../action/job-context.js'
import { readRunContext } from '../transport/run-context.js'
import { RestoreState } from '../action/step-state.js'
import { renderSummary, resumeNotice } from '../action/summary.js'
import * as toolkit from '../action/light-toolkit.js'

/**
 * The restore entry's post step: the job summary. It never fails the job. It moves no bytes, so
 * it runs without loading @actions/core.
 */
export async function runRestorePost(): Promise<void> {
  try {
    const scope = toolkit.getState(RestoreState.Scope)
    if (!scope) return
    const job = await loadJobContext(readRunContext().runnerTemp, scope, { base: false })
    toolkit.appendSummary(renderSummary(job, scope))
    const notice = resumeNotice(job)
    if (notice) toolkit.notice(notice)
  } catch (error) {
    toolkit.warning(`Could not write the checkpoint summary: ${describe(error)}`)
  }
}
