/** A file to pack, under the name its entry gets in the zip. */
export interface PackSource {
    /** The entry's name: forward slashes, no leading slash. */
    name: string;
    /** The file's workspace path, for messages (the name is opaque when entries are sealed). */
    path: string;
    absolute: string;
    mode: number;
    mtime: Date;
    /** The size seen when the file was collected: decides whether the entry needs zip64. */
    size: number;
}
/** What was packed of one source: its bytes as read, and as the entry stores them. */
export interface PackedEntry {
    name: string;
    /** The file's bytes as read while packing them. */
    size: number;
    sha256: string;
    /** The entry's bytes before deflate: the file's, or its encrypted form when sealed. */
    stored: {
        size: number;
        sha256: string;
    };
}
export interface PackOptions {
    /** zlib level; 0 stores. */
    level: number;
    /** AES-256-GCM key: each entry holds nonce, ciphertext and tag instead of the file's bytes. */
    sealKey?: Buffer | undefined;
    /**
     * Exact values no file may contain (the job's token, checkpoint keys): packing stops at the
     * first file holding one, before the upload it feeds is committed.
     */
    secrets?: string[];
    /** Writes zip64 records whatever the sizes (tests; large payloads get them on their own). */
    forceZip64?: boolean;
}
/**
 * Packs files into a zip as a stream, reading each file once: the same pass takes the file's
 * sha256 and size (what the manifest records), the CRC-32 and, at a level above 0, deflates.
 * Entries carry data descriptors, so nothing is buffered beyond a read chunk; sizes past 4 GiB
 * and more than 65,535 entries get zip64 records. Any unzip tool reads the result.
 */
export declare class ZipPacker {
    private readonly sources;
    private readonly options;
    readonly entries: PackedEntry[];
    private offset;
    /** The files' bytes of the entries written out whole. */
    private bytesOfWritten;
    /** The entry being written out. */
    private writing;
    private readonly central;
    private readonly needles;
    constructor(sources: PackSource[], options: PackOptions);
    private refuseSecret;
    /**
     * The files' bytes that reached the zip's stream so far, for a progress report: files read
     * ahead of their turn count only once their bytes are passed on.
     */
    get bytesPacked(): number;
    /**
     * The zip's bytes. Iterate once; `entries` is complete when it ends. Entries are written in
     * the sources' order, but packed ahead of their turn (see {@link EntryJobs}).
     */
    bytes(): AsyncGenerator<Buffer>;
    /** Writes a packed entry where the zip has got to: local header, data, descriptor. */
    private write;
    /** A small file, read whole, packed in one piece without streams (deflated on zlib's pool). */
    private wholeEntry;
    /** How an entry starts; zip64 from the start when it may pass 4 GiB. */
    private head;
    /** Records a packed entry (central directory, `entries`) and returns its data descriptor. */
    private finish;
    private emit;
    /**
     * A file too large to read whole, streamed through in read chunks: read, hashed and deflated
     * up to {@link AHEAD_BYTES} ahead of the writer.
     */
    private streamedEntry;
    private centralDirectory;
}
/** CRC-32 (zlib's, where this Node has it). */
export declare function crc32(bytes: Uint8Array, previous?: number): number;
