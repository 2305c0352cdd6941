import type { JobContext, JobEvent } from './job-context.js'

/** Formats milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '–'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`
}

/** A node's status in the summary. */
export type RowStatus = 'restored' | 'ran' | 'stale' | 'failed' | 'partial' | 'save failed'

/** One node's line in the summary. */
export interface SummaryRow {
  node: string
  status: RowStatus
  reason: string
  durationMs: number | undefined
  /** Where it came from (restored) or went to (saved). */
  where: string
}

/**
 * The nodes of the job in pipeline order: restored ones first (as restored, unless a step of
 * this job ran them again), then the ones this job ran.
 */
export function summaryRows(job: JobContext): SummaryRow[] {
  const rows = new Map<string, SummaryRow>()
  const restored = job.restored
  for (const node of restored?.nodes ?? []) {
    rows.set(node.id, {
      node: node.id,
      status: 'restored',
      reason: 'done',
      durationMs: node.durationMs,
      where: `attempt ${node.attempt}, ${restored?.checkpoint ?? ''}`
    })
  }
  for (const event of job.events) {
    if (event.status === 'skipped' && rows.has(event.node)) continue
    rows.set(event.node, rowOf(event))
  }
  return [...rows.values()]
}

function rowOf(event: JobEvent): SummaryRow {
  const status: RowStatus =
    event.status === 'ran' && event.reason?.startsWith('stale:')
      ? 'stale'
      : event.status === 'save-failed'
        ? 'save failed'
        : event.status === 'skipped'
          ? 'restored'
          : event.status
  return {
    node: event.node,
    status,
    reason: event.reason ?? '',
    durationMs: event.durationMs,
    where: event.checkpoint ?? event.message ?? ''
  }
}

/** Work not repeated: the recorded durations of the nodes restored and skipped. */
export function timeSaved(rows: SummaryRow[]): number {
  return rows
    .filter(row => row.status === 'restored')
    .reduce((total, row) => total + (row.durationMs ?? 0), 0)
}

/** One line for a notice annotation, or undefined when nothing was resumed. */
export function resumeNotice(job: JobContext | undefined): string | undefined {
  if (!job?.restored) return undefined
  const skipped = summaryRows(job).filter(row => row.status === 'restored')
  if (skipped.length === 0) return undefined
  return (
    `Resumed from attempt ${job.restored.attempt}: ${skipped.length} node(s) skipped ` +
    `(${skipped.map(row => row.node).join(', ')}), about ${formatDuration(timeSaved(skipped))} of work not repeated.`
  )
}

const STATUS_STYLE: Record<RowStatus, string> = {
  restored: 'fill:#ddf4ff,stroke:#0969da',
  ran: 'fill:#dafbe1,stroke:#1a7f37',
  stale: 'fill:#fff8c5,stroke:#9a6700',
  failed: 'fill:#ffebe9,stroke:#cf222e',
  partial: 'fill:#fbefff,stroke:#8250df',
  'save failed': 'fill:#ffebe9,stroke:#cf222e'
}

/** A Mermaid flowchart of the pipeline, each node coloured by its status. */
export function renderMermaid(rows: SummaryRow[]): string {
  const lines = ['```mermaid', 'flowchart LR']
  rows.forEach((row, index) => {
    const arrow = index > 0 ? `n${index - 1} --> ` : ''
    lines.push(`  ${arrow}n${index}["${row.node}<br/>${row.status}"]:::${classOf(row.status)}`)
  })
  for (const status of new Set(rows.map(row => row.status))) {
    lines.push(`  classDef ${classOf(status)} ${STATUS_STYLE[status]}`)
  }
  lines.push('```')
  return lines.join('\n')
}

function classOf(status: RowStatus): string {
  return status.replace(' ', '_')
}

/**
 * The job summary of one scope: where the checkpoint came from, each node's status, reason,
 * duration and checkpoint, the work not repeated, and a flowchart of the pipeline.
 */
export function renderSummary(job: JobContext | undefined, scope: string): string {
  const lines = [`### Checkpoints of \`${scope}\``, '']
  if (!job) return [...lines, 'The restore step did not complete: see its log.', ''].join('\n')
  const rows = summaryRows(job)
  lines.push(headline(job, rows), '')
  if (rows.length === 0) return lines.join('\n')
  lines.push(
    '| Node | Status | Reason | Duration | Checkpoint |',
    '| --- | --- | --- | --- | --- |'
  )
  for (const row of rows) {
    lines.push(
      `| ${row.node} | ${row.status} | ${row.reason} | ${formatDuration(row.durationMs)} | ${escapeCell(row.where)} |`
    )
  }
  return [...lines, '', renderMermaid(rows), ''].join('\n')
}

function headline(job: JobContext, rows: SummaryRow[]): string {
  const restored = job.restored
  if (!restored) return 'No checkpoint to resume from: the pipeline ran from the beginning.'
  const skipped = rows.filter(row => row.status === 'restored').length
  return (
    `Resumed from \`${restored.checkpoint}\` (attempt ${restored.attempt} of run ${restored.runId}): ` +
    `${skipped} node(s) skipped, about ${formatDuration(timeSaved(rows))} of work not repeated.`
  )
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}
