/**
 * Runs a stream of chunks ahead of its reader: a producer pulls chunks from `source` into a
 * queue until `limit` bytes wait there, and resumes as the reader takes them. Packing starts the
 * next zip entry this way (its file read, hashed and deflated on zlib's thread pool) while the
 * current one is still being written out, so deflate works on a second core without holding more
 * than `limit` bytes of any entry. Each chunk carries a mark taken as it was queued (how much of
 * the file had been read then), so the reader can tell how far what it has taken goes.
 */
export class Prefetch {
  /** The mark of the last chunk the reader took: 0 before the first. */
  taken = 0
  private readonly queue: { chunk: Buffer; mark: number }[] = []
  private queued = 0
  private ended = false
  private stopped = false
  private failure: { error: unknown } | undefined
  private wakeReader: (() => void) | undefined
  private wakeProducer: (() => void) | undefined

  constructor(
    private readonly source: AsyncIterator<Buffer>,
    private readonly limit: number,
    private readonly mark: () => number = () => 0
  ) {
    void this.produce()
  }

  /** The source's chunks, in order; its failure is thrown where it happened. Read once. */
  async *chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const next = this.queue.shift()
        if (next !== undefined) {
          this.queued -= next.chunk.length
          this.taken = next.mark
          this.wake('producer')
          yield next.chunk
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
        this.queue.push({ chunk: next.value, mark: this.mark() })
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
