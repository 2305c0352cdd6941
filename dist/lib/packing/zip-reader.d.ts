import yauzl from 'yauzl';
import { type WrittenEntry } from './entry-writer.js';
/** How strictly entry names are read. */
export interface ZipNames {
    /** Refuse a name holding `\` (a Windows separator) rather than read it as `/`. */
    strictFileNames: boolean;
}
/** A zip opened for reading, with its entries listed from the central directory. */
export interface ListedZip {
    zip: yauzl.ZipFile;
    entries: yauzl.Entry[];
}
/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
export declare function isZipFile(path: string): Promise<boolean>;
/**
 * Opens a zip for reading its entries one at a time ({@link zipEntries}); sizes are checked
 * against the headers as entries are read. Close it when done.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a file that is not a readable zip
 */
export declare function openZip(path: string, label: string, names: ZipNames): Promise<yauzl.ZipFile>;
/**
 * The entries of an opened zip, one at a time from its central directory. yauzl's refusal of
 * an entry (a name that is absolute or holds `..`, sizes that do not add up) fails it.
 * @throws ArchiveIntegrityError naming the zip, with yauzl's reason
 */
export declare function zipEntries(zip: yauzl.ZipFile, label: string): AsyncGenerator<yauzl.Entry>;
/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
export declare function listZip(path: string, label: string): Promise<ListedZip>;
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
export declare function readEntry(listed: ListedZip, entry: yauzl.Entry, limit: number, label: string): Promise<Buffer>;
/**
 * Writes one entry into the file `target` (or onto a list of chunks), refusing more than
 * `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
export declare function unzipEntry(listed: ListedZip, entry: yauzl.Entry, target: string | Buffer[], limit: number, label: string): Promise<WrittenEntry>;
