import { formatBytes } from './format.js'

/** Downloads smaller than this finish before a bar would be worth drawing. */
export const PROGRESS_MIN_BYTES = 1024 * 1024

const WIDTH = 24

/** Where the bar is drawn: a terminal stream. */
export interface TerminalOutput {
  write(text: string): unknown
  isTTY?: boolean
}

/**
 * A one-line progress bar redrawn in place with `\r`, only on a terminal and only for large
 * downloads: redirected stderr (a log, CI) gets no control characters.
 */
export class ProgressBar {
  private shown = -1

  private constructor(
    private readonly output: TerminalOutput,
    private readonly label: string,
    private readonly total: number
  ) {}

  /** A bar for a download of `total` bytes, or undefined when none should be drawn. */
  static start(output: TerminalOutput, label: string, total: number): ProgressBar | undefined {
    if (output.isTTY !== true || total < PROGRESS_MIN_BYTES) return undefined
    return new ProgressBar(output, label, total)
  }

  /** Redraws when the percentage moved. */
  report(bytes: number): void {
    const percent = Math.min(100, Math.floor((bytes / this.total) * 100))
    if (percent === this.shown) return
    this.shown = percent
    const filled = Math.round((percent / 100) * WIDTH)
    const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`
    const amount = `${formatBytes(bytes)} / ${formatBytes(this.total)}`
    this.output.write(`\r${this.label} [${bar}] ${String(percent).padStart(3)}% ${amount}\x1b[K`)
  }

  /** Ends the line the bar was drawn on. */
  end(): void {
    if (this.shown >= 0) this.output.write('\n')
  }
}
