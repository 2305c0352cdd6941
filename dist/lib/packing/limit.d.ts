/** Files up to this size are read, packed and written whole rather than streamed. */
export declare const SMALL_FILE: number;
/** File operations in flight at once for many small files: enough to keep the disk busy. */
export declare const FILE_CONCURRENCY = 16;
/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
export declare function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]>;
