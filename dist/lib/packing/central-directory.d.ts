/** One entry of a zip's central directory. */
export interface CentralEntry {
    name: string;
    nameBytes: Buffer;
    flags: number;
    method: number;
    compressed: number;
    size: number;
    /** Where its local header starts. */
    offset: number;
    /** The upper half of the external attributes. */
    mode: number;
}
/** Where a zip's central directory is, from its end records. */
export interface DirectoryLocation {
    start: number;
    length: number;
    count: number;
}
/** How much of a zip's end is fetched first: its end records and, mostly, its directory. */
export declare const TAIL_BYTES: number;
/**
 * Finds the central directory from the last bytes of a zip (`tail` starts at `tailStart`).
 * @throws UnstreamableZipError when the end records are not in the tail or do not add up
 */
export declare function locateDirectory(tail: Buffer, tailStart: number, size: number): DirectoryLocation;
/**
 * Reads the central directory's entries, in the order their data lies in the zip.
 * @throws UnstreamableZipError for a directory that is not well formed or entries that overlap
 */
export declare function readDirectory(bytes: Buffer, location: DirectoryLocation): CentralEntry[];
