/** Files up to this size are read here, at once. */
export declare const SYNC_FILE: number;
/** The bytes of a small file, read at once (a failure rejects, as fs/promises would). */
export declare function readSmallFile(file: string): Promise<Buffer>;
