import { reasonInWords } from '../checkpoint/reuse.js'
import { describeTimeSaved, timeSaved, workOf } from '../checkpoint/time-saved.js'
import { formatDuration } from '../checkpoint/units.js'
import type { JobContext, JobEvent } from './job-context.js'
import { renderStop } from './summary-stop.js'

export { formatDuration } from '../checkpoint/units.js'

/** A node's status in the summary. */
export type RowStatus = 'restored' | 'ran' | 'stale' | 'failed' | 'partial' | 'save failed'

/** One node's line in the summary. */
export interface SummaryRow {
  node: string
  status: RowStatus
  reason: string
  durationMs: number | undefined
  /** The duration is the node's own command time, not the time since the step before. */
  measured: boolean
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
    const source = job.reuse?.sources[node.id] ?? `attempt ${node.attempt}`
    rows.set(node.id, {
      node: node.id,
      status: 'restored',
      reason: 'done',
      ...workOf(node),
      where: source.startsWith('attempt ') ? `${source}, ${restored?.checkpoint ?? ''}` : source
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
    measured: false,
    where: event.checkpoint ?? event.message ?? ''
  }
}

/** Work not repeated, in words: the recorded durations of the nodes restored and skipped. */
export function workNotRepeated(rows: SummaryRow[]): string {
  return describeTimeSaved(timeSaved(rows.filter(row => row.status === 'restored')))
}

/** One line for a notice annotation, or undefined when nothing was resumed. */
export function resumeNotice(job: JobContext | undefined): string | undefined {
  if (!job) return undefined
  const skipped = summaryRows(job).filter(row => row.status === 'restored')
  if (skipped.length === 0) return undefined
  return (
    `Resumed from ${origins(job, skipped)}: ${skipped.length} node(s) skipped ` +
    `(${skipped.map(row => row.node).join(', ')}), ${workNotRepeated(skipped)}.`
  )
}

/** Where the skipped nodes came from: `attempt 1`, or e.g. `run 1234 and the cache`. */
function origins(job: JobContext, skipped: SummaryRow[]): string {
  const named = skipped.map(row => {
    const source = job.reuse?.sources[row.node] ?? row.where.split(',')[0] ?? ''
    return source === 'cache' ? 'the cache' : source
  })
  return [...new Set(named)].join(' and ')
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
      `| ${row.node} | ${row.status} | ${escapeCell(rowReason(row.reason))} | ${formatDuration(row.durationMs)} | ${escapeCell(row.where)} |`
    )
  }
  const sections = [renderMermaid(rows), renderReasons(job), renderStop(job, rows)]
  return [...lines, '', ...sections.flatMap(section => sectionLines(section)), ''].join('\n')
}

/** Why each node was or was not taken from another run or the cache, in plain words. */
function renderReasons(job: JobContext): string[] {
  const reasons = Object.entries(job.reuse?.reasons ?? {}).filter(
    ([node]) => !(job.reuse?.sources[node] ?? '').startsWith('attempt ')
  )
  if (reasons.length === 0) return []
  const lines = ['Nodes looked for in other runs and the cache:', '']
  for (const [node, reason] of reasons) {
    const source = job.reuse?.sources[node]
    const from = source ? ` from ${source === 'cache' ? 'the cache' : source}` : ''
    lines.push(`- \`${node}\`${from}: ${reasonInWords(reason)} (\`${reason}\`)`)
  }
  return lines
}

function headline(job: JobContext, rows: SummaryRow[]): string {
  const restored = job.restored
  const skipped = rows.filter(row => row.status === 'restored').length
  if (!restored) {
    if (skipped === 0) return 'No checkpoint to resume from: the pipeline ran from the beginning.'
    return `Resumed ${skipped} node(s) from ${origins(
      job,
      rows.filter(row => row.status === 'restored')
    )}, ${workNotRepeated(rows)}.`
  }
  return (
    `Resumed from \`${restored.checkpoint}\` (attempt ${restored.attempt} of run ${restored.runId}): ` +
    `${skipped} node(s) skipped, ${workNotRepeated(rows)}.`
  )
}

/** A section of the summary and the blank line after it; nothing when it is empty. */
function sectionLines(section: string | string[]): string[] {
  const lines = typeof section === 'string' ? [section] : section
  return lines.length === 0 ? [] : [...lines, '']
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

const ROW_REASONS: Record<string, string> = {
  done: 'done before',
  'not-done': 'not done before',
  'rerun-requested': 'asked to run again',
  partial: 'resumed its saved progress',
  cancelled: 'cancelled, its progress kept'
}

/** A row's reason code in plain words: `not-done` is "not done before". */
export function rowReason(reason: string): string {
  if (reason === '') return ''
  if (reason.startsWith('stale:')) return `its ${reason.slice('stale:'.length)} changed`
  return ROW_REASONS[reason] ?? reasonInWords(reason)
}
