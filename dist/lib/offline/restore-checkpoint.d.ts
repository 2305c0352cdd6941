import type { CheckpointDocument } from '../checkpoint/document.js';
import type { CheckpointError } from '../checkpoint/errors.js';
import { type CheckpointSource } from './source.js';
/** Where and how to restore. */
export interface RestoreOptions {
    /** The folder to restore into; created when missing. */
    to: string;
    /** Where the state goes, relative to `to` (default `state.json`). */
    stateFile?: string;
    /** Decrypts encrypted files: `CheckpointCodec.fileKey` (the CLI: CHECKPOINT_ENCRYPTION_KEY). */
    fileKey?: Buffer | undefined;
    /**
     * Replaces what is already at the checkpoint's paths in `to` (the CLI: `--force`). Without it
     * such paths are refused, all of them named, before anything is extracted or written.
     */
    overwrite?: boolean;
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
 *   ArchiveIntegrityError or PathEscapeError when something is refused; UsageError, also when
 *   `to` is a file, or holds paths the restore would replace and `overwrite` is not set
 */
export declare function restoreCheckpoint(source: CheckpointSource, document: CheckpointDocument, options: RestoreOptions): Promise<RestoreResult>;
/**
 * Why a checkpoint's files cannot be restored from a source: an archive they are in was not
 * downloaded, or is encrypted and there is no key. Undefined when they can.
 */
export declare function cannotRestore(source: CheckpointSource, document: CheckpointDocument, fileKey: Buffer | undefined): CheckpointError | undefined;
