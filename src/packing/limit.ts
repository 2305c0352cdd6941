/** Files up to this size are read, packed and written whole rather than streamed. */
export const SMALL_FILE = 1024 * 1024

/** File operations in flight at once for many small files: enough to keep the disk busy. */
export const FILE_CONCURRENCY = 16

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
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++
      try {
        results[index] = await task(items[index] as T, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure !== undefined) throw failure.error
  return results
}
