import type { JobContext } from './job-context.js'

/** Formats milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '–'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`
}

const OUTCOME_LABEL = {
  saved: 'saved',
  'already-restored': 'restored (save skipped)',
  failed: 'save failed'
} as const

/**
 * The job summary of one scope: what was restored and from where, what each save did, and the
 * work not repeated (the recorded durations of the nodes restored).
 */
export function renderSummary(job: JobContext | undefined, scope: string): string {
  const lines = [`### Checkpoints of \`${scope}\``, '']
  if (!job) return [...lines, 'The restore step did not complete: see its log.', ''].join('\n')
  const restored = job.restored
  if (restored) {
    const saved = restored.nodes.reduce((total, node) => total + (node.durationMs ?? 0), 0)
    lines.push(
      `Resumed from \`${restored.checkpoint}\` (attempt ${restored.attempt} of run ${restored.runId}): ` +
        `${restored.nodes.length} node(s) already done, about ${formatDuration(saved)} of work not repeated.`,
      ''
    )
  } else {
    lines.push('No checkpoint to resume from: the pipeline ran from the beginning.', '')
  }
  lines.push('| Node | Status | Checkpoint | Duration |', '| --- | --- | --- | --- |')
  for (const node of restored?.nodes ?? []) {
    lines.push(
      `| ${node.id} | restored | attempt ${node.attempt}, #${node.sequence} | ${formatDuration(node.durationMs)} |`
    )
  }
  for (const event of job.events) {
    if (event.outcome === 'already-restored') continue
    const where = event.checkpoint ? `\`${event.checkpoint}\`` : escapeCell(event.message ?? '')
    lines.push(
      `| ${event.node} | ${OUTCOME_LABEL[event.outcome]} | ${where} | ${formatDuration(event.durationMs)} |`
    )
  }
  return [...lines, ''].join('\n')
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
