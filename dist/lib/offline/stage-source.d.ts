import type { CheckpointSource } from './source.js';
/** What staging an archive checked. */
export interface StagedArchive {
    name: string;
    files: number;
    bytes: number;
    /** Its files are encrypted (the action's `encryption-key`). */
    encrypted: boolean;
    /** False for encrypted files staged without the key: only their stored bytes were checked. */
    decrypted: boolean;
}
/**
 * Verifies a files archive of the source and extracts it into `staging`: a zip's bytes are
 * checked against the digest recorded at upload, then every entry against the manifest by the
 * same extractor the restore step uses (nothing unlisted, larger than recorded, `..` or
 * absolute); a folder it was unzipped into is copied file by file, each checked alike.
 * Encrypted files are checked as stored, then decrypted with `fileKey` when it is given.
 * @throws NotFoundError when the source lacks the archive; ArchiveIntegrityError
 */
export declare function stageArchive(source: CheckpointSource, name: string, staging: string, fileKey?: Buffer): Promise<StagedArchive>;
