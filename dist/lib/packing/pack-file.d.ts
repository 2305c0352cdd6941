/** One entry of a pack: its name and where its bytes lie in the pack. */
export interface PackEntry {
    name: string;
    /** Offset of the entry's first byte of data in the pack. */
    start: number;
    size: number;
}
/** A pack on disk, with its entries listed (packEntries), also by name. */
export interface OpenedPack {
    file: string;
    entries: PackEntry[];
    named: Map<string, PackEntry>;
    /** The whole pack, when it is small enough ({@link ZIP_IN_MEMORY}). */
    bytes?: Buffer;
}
/**
 * A pack on disk with its entries listed, each found by name at once however many it holds; a
 * small one is read whole, once.
 * @throws ArchiveIntegrityError when it is not a pack
 */
export declare function openPack(file: string): Promise<OpenedPack>;
/** A file that goes into a pack, under the name of the artifact it was. */
export interface PackMember {
    name: string;
    /** Where its bytes are on disk. */
    file: string;
}
/** The bytes of a pack of `members`, entries in the given order, all stored. */
export declare function packBytes(members: PackMember[]): AsyncGenerator<Buffer>;
/**
 * The entries of a pack, from its central directory, each with the byte range of its data.
 * @throws ArchiveIntegrityError when it is not a pack: not a zip, or an entry is compressed
 */
export declare function packEntries(packFile: string): Promise<PackEntry[]>;
/**
 * Copies one entry's bytes out of a pack into `target`, by its byte range, and checks them
 * against `digest` (`sha256:<hex>`, as the checkpoint recorded them) before anything uses them.
 * @throws ArchiveIntegrityError naming the entry when its bytes differ; `target` is removed
 */
export declare function copyPackEntry(packFile: string, entry: PackEntry, target: string, digest: string): Promise<void>;
/**
 * Copies the archive `archive` out of the pack `name` into `target`, checked against the digest
 * its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
export declare function copyArchiveOut(pack: OpenedPack, name: string, archive: {
    name: string;
    digest: string;
}, target: string): Promise<void>;
/**
 * The exact bytes of the archive `archive` in the pack `name`, read into memory (archives in a
 * pack are small) and checked against the digest its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
export declare function archiveBytesOut(pack: OpenedPack, name: string, archive: {
    name: string;
    digest: string;
}): Promise<Buffer>;
/**
 * One entry's bytes (the text of a retired checkpoint document, which its own digest verifies,
 * or an archive's bytes, which the caller checks).
 */
export declare function readPackEntry(packFile: string, entry: PackEntry): Promise<Buffer>;
