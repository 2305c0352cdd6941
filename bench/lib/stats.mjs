// Statistics and the measuring loop every area shares: warm-up, then interleaved repetitions of
// a candidate and its baselines, each figure summarised as median, min and max.
import { performance } from 'node:perf_hooks'

/**
 * @typedef {object} Summary
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} n        how many samples (warm-up excluded)
 * @property {number[]} samples
 */

/** Median, min and max of a list of numbers (the warm-up already left out). */
export function summarize(samples) {
  if (samples.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0, samples: [] }
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length, samples }
}

/** Ratio of two medians (candidate / baseline). */
export function ratio(candidate, baseline) {
  return candidate.median / baseline.median
}

/** Milliseconds an async function takes, with its result. */
export async function timed(fn) {
  const started = performance.now()
  const value = await fn()
  return { ms: performance.now() - started, value }
}

/**
 * Runs every variant `warmup + reps` times, interleaved: repetition i runs all variants in an
 * order rotated by i, so no variant always runs first (after an idle machine) or last (after
 * a heavy one). A variant gets `{rep, warm}` and returns `{ms, ...extra}`; warm-up results are
 * dropped. Deterministic: the order depends only on the repetition number.
 * @template {Record<string, (rep: {rep: number, warm: boolean}) => Promise<{ms: number} & Record<string, any>>>} V
 * @param {{warmup: number, reps: number, variants: V, before?: (rep: number) => Promise<void>,
 *   between?: () => Promise<void>, log?: (line: string) => void, label?: string}} options
 * @returns {Promise<{[K in keyof V]: {time: Summary, runs: Awaited<ReturnType<V[K]>>[], warmups: Awaited<ReturnType<V[K]>>[]}}>}
 */
export async function interleave({ warmup, reps, variants, before, between, log, label = '' }) {
  const names = Object.keys(variants)
  const runs = Object.fromEntries(names.map(name => [name, []]))
  const warmups = Object.fromEntries(names.map(name => [name, []]))
  for (let rep = 0; rep < warmup + reps; rep++) {
    if (before) await before(rep)
    const order = names.map((_, index) => names[(index + rep) % names.length])
    const line = []
    for (const name of order) {
      if (between) await between()
      const result = await variants[name]({ rep, warm: rep < warmup })
      if (rep >= warmup) runs[name].push(result)
      else warmups[name].push(result)
      line.push(`${name} ${formatMs(result.ms)}`)
    }
    log?.(
      `  ${label}${rep < warmup ? 'warm-up' : `rep ${rep - warmup + 1}/${reps}`}: ${line.join(', ')}`
    )
  }
  return Object.fromEntries(
    names.map(name => [
      name,
      { time: summarize(runs[name].map(run => run.ms)), runs: runs[name], warmups: warmups[name] }
    ])
  )
}

/** Summary of any numeric field of a variant's runs. */
export function field(runs, pick) {
  return summarize(runs.map(pick).filter(value => Number.isFinite(value)))
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a'
  if (ms < 0) return `−${formatMs(-ms)}`
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`
  return `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`
}
