/**
 * Runs `task` on the items of `items` as they come, at most `limit` at a time: the transport's
 * one shape of requests in flight together. The next item is asked for only when a task is
 * free, so a source that makes its items on demand (an upload's blocks, read from a stream)
 * never runs more than `limit` ahead of the requests. The first failure, of a task or of the
 * source, stops the asking; it is thrown once the tasks already started have settled, so no
 * request is left running behind the caller's back.
 */
export async function forEachBounded<T>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  task: (item: T) => Promise<void>
): Promise<void> {
  const source =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]()
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      try {
        const next = await source.next()
        if (next.done === true) return
        await task(next.value)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker))
  if (failure === undefined) return
  try {
    // Lets a generator that is still open run its `finally` (closing the file it reads).
    await source.return?.()
  } catch {
    // The first failure is the one to report.
  }
  throw failure.error
}
