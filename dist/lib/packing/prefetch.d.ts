/**
 * Runs a stream of chunks ahead of its reader: a producer pulls chunks from `source` into a
 * queue until `limit` bytes wait there, and resumes as the reader takes them. Packing starts the
 * next zip entry this way (its file read, hashed and deflated on zlib's thread pool) while the
 * current one is still being written out, so deflate works on a second core without holding more
 * than `limit` bytes of any entry. Each chunk carries a mark taken as it was queued (how much of
 * the file had been read then), so the reader can tell how far what it has taken goes.
 */
export declare class Prefetch {
    private readonly source;
    private readonly limit;
    private readonly mark;
    /** The mark of the last chunk the reader took: 0 before the first. */
    taken: number;
    private readonly queue;
    private queued;
    private ended;
    private stopped;
    private failure;
    private wakeReader;
    private wakeProducer;
    constructor(source: AsyncIterator<Buffer>, limit: number, mark?: () => number);
    /** The source's chunks, in order; its failure is thrown where it happened. Read once. */
    chunks(): AsyncGenerator<Buffer>;
    /** Stops pulling and closes the source (its `finally` runs: a file it reads is closed). */
    stop(): void;
    private produce;
    private wake;
}
