import type { NodeRecord } from './document.js'
import { formatDuration } from './units.js'

/** The work a node not run again stood for: its recorded duration, and how it was measured. */
export interface WorkNotRepeated {
  durationMs: number | undefined
  /** The node's own command time (a `run` node), not an estimate (a `save` node). */
  measured: boolean
}

/** The time saved, split by how it was measured. */
export interface TimeSaved {
  totalMs: number
  /** Run nodes' own command time. */
  measuredMs: number
  /** Saved nodes' time since the previous checkpoint step. */
  estimatedMs: number
}

/**
 * How a node's recorded duration was measured: a `run` node records its command's own time (its
 * fingerprint holds the command); a `save` node records the time since the job's previous
 * checkpoint step ended, which may include steps that are not the node's work.
 */
export function workOf(node: Pick<NodeRecord, 'durationMs' | 'fingerprint'>): WorkNotRepeated {
  return { durationMs: node.durationMs, measured: node.fingerprint?.command !== undefined }
}

/**
 * The time saved by not running `work` again: the one figure the notice, the job summary and the
 * demo give.
 */
export function timeSaved(work: WorkNotRepeated[]): TimeSaved {
  const saved = { totalMs: 0, measuredMs: 0, estimatedMs: 0 }
  for (const { durationMs = 0, measured } of work) {
    saved.totalMs += durationMs
    if (measured) saved.measuredMs += durationMs
    else saved.estimatedMs += durationMs
  }
  return saved
}

const ESTIMATE =
  'the time since the previous checkpoint step, which may include setup steps that run again anyway'

/** The figure in words: `about 1 min 05 s of work not repeated (...how it was measured)`. */
export function describeTimeSaved(saved: TimeSaved): string {
  const figure = `about ${formatDuration(saved.totalMs)} of work not repeated`
  if (saved.totalMs === 0) return figure
  if (saved.estimatedMs === 0) return `${figure} (the commands' own time)`
  if (saved.measuredMs === 0) return `${figure} (an estimate: ${ESTIMATE})`
  return (
    `${figure} (${formatDuration(saved.measuredMs)} of command time, ` +
    `${formatDuration(saved.estimatedMs)} estimated as ${ESTIMATE})`
  )
}
