import type { JobContext } from './job-context.js'
import type { SummaryRow } from './summary.js'

/**
 * The summary's last section: where the pipeline stopped and how to resume it. A run step's
 * failed or cancelled command is known; a failure in a step this action does not see is not
 * (a post step is not told the job's status), so the last node checkpointed is named instead.
 */
export function renderStop(job: JobContext, rows: SummaryRow[]): string[] {
  const stopped = rows.find(row => row.status === 'failed' || row.status === 'partial')
  const done = rows.filter(row => ['ran', 'stale', 'restored'].includes(row.status))
  const last = done[done.length - 1]?.node
  if (!stopped && last === undefined) return []
  const where = stopped
    ? stoppedAt(stopped)
    : `If this job failed, it stopped after node \`${last ?? ''}\`, the last one checkpointed: the step that failed is not one of checkpoint-action's.`
  return ['#### Where it stopped, and how to resume', '', where, '', ...howToResume(job, last)]
}

function stoppedAt(row: SummaryRow): string {
  if (row.status === 'partial') {
    return `Stopped at node \`${row.node}\`: it was cancelled, and its progress is kept for the next attempt.`
  }
  return `Stopped at node \`${row.node}\`: its command failed (${row.reason || 'see its log'}).`
}

/** The two ways on: the same commit ("Re-run failed jobs"), or a fix in a new run. */
function howToResume(job: JobContext, last: string | undefined): string[] {
  const from = job.reuse?.from ?? ['attempts']
  const kept = last === undefined ? 'the nodes checkpointed' : `the nodes up to \`${last}\``
  const rerun = from.includes('attempts')
    ? `- Same commit: **Re-run failed jobs** on the run page; ${kept} are restored and skipped.`
    : `- Same commit: add \`attempts\` to the restore step's \`from\`, then **Re-run failed jobs**.`
  const newRun = from.includes('runs')
    ? `- A fix in a new commit: push it; the new run's restore step (\`from: runs\`) takes each node whose key is unchanged.`
    : `- A fix in a new commit: set \`from: attempts, runs\` and \`keys\` on the restore step, so the new run takes each node whose key is unchanged.`
  return [rerun, newRun]
}
