/** Files up to this size are read, packed and written whole rather than streamed. */
export declare const SMALL_FILE: number;
/**
 * A zip (or a pack of them) up to this size is read into memory once and extracted from there:
 * entry by entry from disk, each small file costs several reads one after the other.
 */
export declare const ZIP_IN_MEMORY: number;
/** File operations in flight at once for many small files: enough to keep the disk busy. */
export declare const FILE_CONCURRENCY = 16;
/**
 * Runs `task` on the items of `items` as they come, at most `limit` at a time: the one shape
 * of work in flight together (file operations, an upload's blocks). The next item is asked for
 * only when a task is free, so a source that makes its items on demand (an upload's blocks, read from a stream)
 * never runs more than `limit` ahead of the requests. The first failure, of a task or of the
 * source, stops the asking; it is thrown once the tasks already started have settled, so no
 * request is left running behind the caller's back.
 */
export declare function forEachBounded<T>(items: AsyncIterable<T> | Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void>;
/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
export declare function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]>;
