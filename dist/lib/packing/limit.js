/** Files up to this size are read, packed and written whole rather than streamed. */
export const SMALL_FILE = 1024 * 1024;
/** File operations in flight at once for many small files: enough to keep the disk busy. */
export const FILE_CONCURRENCY = 16;
/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
export async function mapLimit(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const index = next++;
            try {
                results[index] = await task(items[index], index);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (failure !== undefined)
        throw failure.error;
    return results;
}
