import type { FileRecord } from '../checkpoint/document.js';
/** A file encrypted for upload, under an opaque name so the archive shows no paths. */
export interface SealedFile {
    /** The file's workspace-relative path. */
    path: string;
    entry: {
        name: string;
        size: number;
        sha256: string;
    };
    absolute: string;
}
/** Encrypts each file into `folder` as `f000001`, `f000002`, ... with a fresh nonce each. */
export declare function sealFiles(files: {
    path: string;
    absolute: string;
}[], folder: string, key: Buffer): Promise<SealedFile[]>;
/**
 * The record of an encrypted file as its archive stores it: the opaque entry name and the
 * encrypted bytes' size and hash, which the extractor checks like any other entry.
 * @throws ArchiveIntegrityError when the manifest records no valid entry for it
 */
export declare function sealedRecord(archive: string, file: FileRecord): FileRecord;
/**
 * Decrypts extracted entries from `sealed` into `staging` at their real paths and checks each
 * against its manifest record (size and sha256 of the plain bytes).
 * @throws ArchiveIntegrityError for a wrong key, changed bytes or a mismatch
 */
export declare function openFiles(archive: string, files: FileRecord[], sealed: string, staging: string, key: Buffer): Promise<void>;
