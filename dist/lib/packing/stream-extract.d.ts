import type { FileRecord } from '../checkpoint/document.js';
import { type DirectoryLocation } from './central-directory.js';
/** A files archive as the checkpoint recorded it, with its directory fetched beforehand. */
export interface StreamedZip {
    archive: string;
    size: number;
    /** `sha256:<hex>` recorded at upload. */
    digest: string;
    /** The central directory's bytes (from the zip's end, fetched first). */
    directory: Buffer;
}
/**
 * Extracts a zip while it downloads, entry by entry in the order of the data, each checked as
 * {@link extractArchive} checks it (manifest, path, size, sha256); files superseded by a later
 * archive are passed over. The bytes are hashed on the way; the digest and the directory read
 * beforehand are compared with what streamed once the last byte is in.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
export declare function extractStream(source: AsyncIterable<Buffer>, zip: StreamedZip, location: DirectoryLocation, expected: FileRecord[], staging: string, superseded?: (name: string) => boolean): Promise<void>;
/**
 * Extracts a zip held whole in memory (an archive read out of a pack), with the checks of
 * {@link extractStream}: its directory is read from its end, its bytes hashed against `digest`.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
export declare function extractBytes(bytes: Buffer, zip: {
    archive: string;
    digest: string;
}, expected: FileRecord[], staging: string, superseded?: (name: string) => boolean): Promise<void>;
