import type { FileRecord } from '../checkpoint/document.js';
/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * A zip up to {@link ZIP_IN_MEMORY} is read whole and extracted from memory, its files written
 * several at once; one whose layout that reader does not follow is read entry by entry.
 * The caller has checked the zip's digest (its download's).
 * @param expected the manifest's records held by this archive (links excluded)
 * @throws ArchiveIntegrityError
 */
export declare function extractArchive(zipPath: string, archive: string, expected: FileRecord[], staging: string, superseded?: (name: string) => boolean): Promise<void>;
