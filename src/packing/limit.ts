/** Files up to this size are read, packed and written whole rather than streamed. */
export const SMALL_FILE = 1024 * 1024

/**
 * A zip (or a pack of them) up to this size is read into memory once and extracted from there:
 * entry by entry from disk, each small file costs several reads one after the other.
 */
export const ZIP_IN_MEMORY = 32 * 1024 * 1024

/** File operations in flight at once for many small files: enough to keep the disk busy. */
export const FILE_CONCURRENCY = 16

/**
 * Runs `task` on the items of `items` as they come, at most `limit` at a time: the one shape
 * of work in flight together (file operations, an upload's blocks). The next item is asked for
 * only when a task is free, so a source that makes its items on demand (an upload's blocks, read from a stream)
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

/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  await forEachBounded(items.keys(), Math.min(limit, items.length), async index => {
    results[index] = await task(items[index] as T, index)
  })
  return results
}
