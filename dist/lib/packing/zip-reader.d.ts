import yauzl from 'yauzl';
/** A zip opened for reading, with its entries listed from the central directory. */
export interface OpenZip {
    zip: yauzl.ZipFile;
    entries: yauzl.Entry[];
}
/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
export declare function isZipFile(path: string): Promise<boolean>;
/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
export declare function openZip(path: string, label: string): Promise<OpenZip>;
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
export declare function readEntry(opened: OpenZip, entry: yauzl.Entry, limit: number, label: string): Promise<Buffer>;
/**
 * Writes one entry to `target`, refusing more than `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
export declare function writeEntry(opened: OpenZip, entry: yauzl.Entry, target: string, limit: number, label: string): Promise<{
    bytes: number;
    digest: string;
}>;
