import { formatBytes, formatRate } from '../checkpoint/units.js'

/** How often a long transfer says how far it got: a silent log for minutes looks hung. */
export const PROGRESS_INTERVAL_MS = 10_000

/** Where a reporter reads the time and schedules its lines: the system's, or a test's. */
export interface Clock {
  now(): number
  /** Calls `tick` every `ms` until the function it returns is called. */
  every(ms: number, tick: () => void): () => void
}

/** The system's clock; its timer never keeps the process alive on its own. */
export const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms)
    timer.unref()
    return () => {
      clearInterval(timer)
    }
  }
}

/** What a progress reporter says, and where. */
export interface ProgressOptions {
  /** What moves, as the line begins: `Uploading checkpoint.ci.a1.s002.build.files.zip`. */
  label: string
  /** The bytes to move in all; 0 when not known. */
  total: number
  /** Where the lines go: the step's log. */
  log: (line: string) => void
  clock?: Clock | undefined
  everyMs?: number | undefined
}

/** One progress line: `<label>: 1.2 GiB of 3.4 GiB (35%), 52.3 MiB/s`. */
export function progressLine(
  label: string,
  bytes: number,
  total: number,
  bytesPerSecond: number
): string {
  const of = total > 0 ? ` of ${formatBytes(total)} (${percentOf(bytes, total)}%)` : ''
  return `${label}: ${formatBytes(bytes)}${of}, ${formatRate(bytesPerSecond)}`
}

function percentOf(bytes: number, total: number): number {
  return Math.min(100, Math.floor((bytes / total) * 100))
}

/**
 * Says every interval how many bytes `bytes()` counts so far, out of the total, and the rate
 * since the line before; a transfer that ends within the first interval says nothing. Returns
 * the function that stops it.
 */
export function startProgress(options: ProgressOptions, bytes: () => number): () => void {
  const clock = options.clock ?? systemClock
  let last = { at: clock.now(), bytes: bytes() }
  return clock.every(options.everyMs ?? PROGRESS_INTERVAL_MS, () => {
    const now = { at: clock.now(), bytes: bytes() }
    const seconds = (now.at - last.at) / 1000
    // A retried transfer starts its count over: the rate is then 0, never negative.
    const rate = seconds > 0 ? (now.bytes - last.bytes) / seconds : 0
    last = now
    options.log(progressLine(options.label, now.bytes, options.total, rate))
  })
}

/** Runs `work` with a reporter of what `bytes()` counts, stopped however the work ends. */
export async function withProgress<T>(
  options: ProgressOptions,
  bytes: () => number,
  work: () => Promise<T>
): Promise<T> {
  const stop = startProgress(options, bytes)
  try {
    return await work()
  } finally {
    stop()
  }
}

/**
 * The chunks of `source`, reported as they pass: the reporter starts with the first read and
 * stops when the reader ends, fails or stops reading.
 */
export async function* reportedChunks(
  source: AsyncIterable<Buffer>,
  options: ProgressOptions
): AsyncGenerator<Buffer> {
  let bytes = 0
  const stop = startProgress(options, () => bytes)
  try {
    for await (const chunk of source) {
      bytes += chunk.length
      yield chunk
    }
  } finally {
    stop()
  }
}
