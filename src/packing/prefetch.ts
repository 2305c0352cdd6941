/**
 * Runs a stream of chunks ahead of its reader: a producer pulls chunks from `source` into a
 * queue until `limit` bytes wait there, and resumes as the reader takes them. Packing starts the
 * next zip entry this way (its file read, hashed and deflated on zlib's thread pool) while the
 * current one is still being written out, so deflate works on a second core without holding more
 * than `limit` bytes of any entry.
 */
export class Prefetch {
  private readonly queue: Buffer[] = []
  private queued = 0
  private ended = false
  private stopped = false
  private failure: { error: unknown } | undefined
  private wakeReader: (() => void) | undefined
  private wakeProducer: (() => void) | undefined

  constructor(
    private readonly source: AsyncIterator<Buffer>,
    private readonly limit: number
  ) {
    void this.produce()
  }

  /** The source's chunks, in order; its failure is thrown where it happened. Read once. */
  async *chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const chunk = this.queue.shift()
        if (chunk !== undefined) {
          this.queued -= chunk.length
          this.wake('producer')
          yield chunk
        } else if (this.failure) {
          throw this.failure.error
        } else if (this.ended) {
          return
        } else {
          await new Promise<void>(resolve => (this.wakeReader = resolve))
        }
      }
    } finally {
      this.stop()
    }
  }

  /** Stops pulling and closes the source (its `finally` runs: a file it reads is closed). */
  stop(): void {
    this.stopped = true
    this.wake('producer')
  }

  private async produce(): Promise<void> {
    try {
      while (!this.stopped) {
        if (this.queued >= this.limit) {
          await new Promise<void>(resolve => (this.wakeProducer = resolve))
          continue
        }
        const next = await this.source.next()
        if (next.done === true) break
        this.queue.push(next.value)
        this.queued += next.value.length
        this.wake('reader')
      }
      if (this.stopped) await this.source.return?.(undefined)
    } catch (error) {
      this.failure = { error }
    }
    this.ended = true
    this.wake('reader')
  }

  private wake(who: 'reader' | 'producer'): void {
    const wake = who === 'reader' ? this.wakeReader : this.wakeProducer
    if (who === 'reader') this.wakeReader = undefined
    else this.wakeProducer = undefined
    wake?.()
  }
}
