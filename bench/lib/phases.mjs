// Phases of a step, from two timelines that add nothing to the process measured: when each of
// its log lines first appeared on stdout, and when the stand-in finished each request it made.
import { field } from './stats.mjs'

/**
 * A phase ends when the step printed `text`, when the stand-in finished the `nth` request
 * matching `match`, or (null) when the step exited.
 * @typedef {string | {match: (request: any) => boolean, nth?: number} | null} PhaseEnd
 */

/** The end of a phase: the nth request (1-based) for which `match` is true. */
export const request = (match, nth = 1) => ({ match, nth })

/** Matchers for the requests the entries make. */
export const rpc = name => request => request.rpc === name
export const blob = (operation, artifactId) => request =>
  request.operation === operation &&
  (artifactId === undefined || request.path.endsWith(`/${artifactId}`))

function endOf(step, end) {
  if (end === null) return step.ms
  if (typeof end === 'string') return step.marks[end]
  let count = 0
  for (const event of step.events ?? []) {
    if (end.match(event.request) && ++count === (end.nth ?? 1)) return event.at
  }
  return undefined
}

/**
 * Durations between consecutive phase ends; `named` is [phase name, PhaseEnd] in order. A phase
 * whose end never happened is NaN (and the next one runs from the previous end that did).
 * @param {{ms: number, marks: Record<string, number>, events?: any[]}} step
 * @param {[string, PhaseEnd][]} named
 */
export function phasesBetween(step, named) {
  const phases = {}
  let previous = 0
  for (const [name, end] of named) {
    const at = endOf(step, end)
    phases[name] = at === undefined ? NaN : at - previous
    if (at !== undefined) previous = at
  }
  return phases
}

/** The stdout texts to watch for, from a phase list. */
export const marksOf = named => named.map(([, end]) => end).filter(end => typeof end === 'string')

/** Median of each phase over the runs (each run carries `phases`). */
export function medianPhases(runs) {
  const names = Object.keys(runs[0]?.phases ?? {})
  return Object.fromEntries(names.map(name => [name, field(runs, run => run.phases[name]).median]))
}
