import type { CheckpointDocument } from '../checkpoint/document.js';
import { type CheckpointSource } from './source.js';
/** Where and how to restore. */
export interface RestoreOptions {
    /** The folder to restore into; created when missing. */
    to: string;
    /** Where the state goes, relative to `to` (default `state.json`). */
    stateFile?: string;
    /** Decrypts encrypted files: `CheckpointCodec.fileKey` (the CLI: CHECKPOINT_ENCRYPTION_KEY). */
    fileKey?: Buffer | undefined;
}
/** What a restore wrote. */
export interface RestoreResult {
    checkpoint: string;
    to: string;
    files: number;
    links: number;
    bytes: number;
    stateFile: string;
}
/**
 * Restores a checkpoint's files and state into a folder as the restore step does: every archive
 * is verified and extracted into a staging folder first, then the files are moved into place
 * with their modes and links are recreated; nothing lands outside `to`.
 * @throws NotFoundError when an archive the files need is not in the source;
 *   ArchiveIntegrityError or PathEscapeError when something is refused; UsageError
 */
export declare function restoreCheckpoint(source: CheckpointSource, document: CheckpointDocument, options: RestoreOptions): Promise<RestoreResult>;
