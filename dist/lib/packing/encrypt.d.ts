import type { FileRecord } from '../checkpoint/document.js';
/** The opaque entry name of the index-th encrypted file: the archive shows no paths. */
export declare function sealedEntryName(index: number): string;
/**
 * The record of an encrypted file as its archive stores it: the opaque entry name and the
 * encrypted bytes' size and hash, which the extractor checks like any other entry.
 * @throws ArchiveIntegrityError when the manifest records no valid entry for it
 */
export declare function sealedRecord(archive: string, file: FileRecord): FileRecord;
/**
 * Decrypts extracted entries from `sealed` into `staging` (both laid out by stagedPath),
 * checking each against its manifest record (size and sha256 of the plain bytes).
 * @throws ArchiveIntegrityError for a wrong key, changed bytes or a mismatch
 */
export declare function openFiles(archive: string, files: FileRecord[], sealed: string, staging: string, key: Buffer): Promise<void>;
