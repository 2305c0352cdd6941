import type { CheckpointCodec } from '../checkpoint/codec.js';
import { type CheckpointExport } from '../checkpoint/manager.js';
import { type CheckpointRef } from '../checkpoint/naming.js';
import type { CheckpointSource, FoundCheckpoint } from './source.js';
/** An export, and the checkpoints of its scope left out of it because they did not verify. */
export interface ExportResult {
    data: CheckpointExport;
    skipped: FoundCheckpoint[];
}
/**
 * The seed's full state export of one scope of a source: every valid checkpoint (metadata,
 * state and file manifests, not file bytes) in one JSON document, through
 * `CheckpointManager.exportAll`.
 * @param scope needed only when the source holds several scopes
 */
export declare function exportScope(source: CheckpointSource, scope?: string, now?: Date): Promise<ExportResult>;
/** What an import wrote into a store folder, and what it left out. */
export interface ImportResult {
    to: string;
    written: CheckpointRef[];
    skipped: FoundCheckpoint[];
}
/** Options of {@link importSource}. */
export interface ImportOptions {
    /** Imports only this scope (default: every scope in the source). */
    scope?: string | undefined;
    /** Signs and encrypts what is written, as the action would with the same keys. */
    codec?: CheckpointCodec;
    now?: Date;
}
/**
 * Writes every valid checkpoint of a source (an export file, downloads) into a local store
 * folder through `CheckpointManager.importAll`: each verified again, one already there with the
 * same digest left alone, one that differs refused.
 * @throws CorruptCheckpointError when the folder holds a different checkpoint of the same name
 */
export declare function importSource(source: CheckpointSource, to: string, options?: ImportOptions): Promise<ImportResult>;
