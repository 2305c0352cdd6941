import { CheckpointError } from './errors.js';
import { CheckpointCodec } from './codec.js';
import { type CheckpointDocument, type RunInfo } from './document.js';
import { type CheckpointRef } from './naming.js';
import { type NodeResult } from './progress.js';
import { type PipelineState } from './state.js';
import type { CheckpointStore } from './store.js';
/** Marks a document holding every checkpoint of a scope (the seed's full state export). */
export declare const EXPORT_KIND = "checkpoint-action/export";
/** The seed's "full state export": every checkpoint of a scope in one JSON document. */
export interface CheckpointExport {
    kind: typeof EXPORT_KIND;
    schema: 1;
    scope: string;
    exportedAt: string;
    checkpoints: CheckpointDocument[];
}
/** The export document of a scope's checkpoints, stamped with when it was made. */
export declare function exportDocument(scope: string, checkpoints: CheckpointDocument[], exportedAt: Date): CheckpointExport;
/** A checkpoint passed over while looking for a valid one, and why. */
export interface SkippedCheckpoint {
    ref: CheckpointRef;
    error: CheckpointError;
}
/** Options of {@link CheckpointManager}. */
export interface ManagerOptions {
    /** Which pipeline: checkpoints of other scopes in the same store are not seen. */
    scope?: string;
    /** The run that new checkpoints record; locally, a run of its own. */
    run?: RunInfo;
    /** Signs and encrypts what is written, verifies and decrypts what is read. */
    codec?: CheckpointCodec;
}
/**
 * Checkpoints of one scope in one store: the seed's CheckpointManager without its defects.
 * "Latest" is decided from names by (attempt, sequence), so finding it reads no file; loading
 * verifies the digest; writes are atomic in the store.
 */
export declare class CheckpointManager {
    readonly store: CheckpointStore;
    readonly scope: string;
    private readonly run;
    private readonly codec;
    constructor(store: CheckpointStore, options?: ManagerOptions);
    /** This scope's checkpoints, oldest first. */
    list(): Promise<CheckpointRef[]>;
    /** The newest checkpoint, or the newest of one node; reads no file. */
    latest(node?: string): Promise<CheckpointRef | undefined>;
    /**
     * Loads and verifies one checkpoint.
     * @throws CheckpointNotFoundError, CorruptCheckpointError or UnsupportedSchemaError
     */
    load(target: CheckpointRef | string): Promise<CheckpointDocument>;
    /**
     * The newest checkpoint that loads and verifies, newest first, passing over bad ones (each
     * reported to `onSkip`): a corrupt latest checkpoint falls back to the previous good one.
     */
    latestValid(options?: {
        node?: string;
        onSkip?: (skipped: SkippedCheckpoint) => void;
    }): Promise<CheckpointDocument | undefined>;
    /**
     * Records `node` as done with its state, extending the latest valid checkpoint, and writes it.
     * @returns the new checkpoint
     * @throws InvalidInputError for a bad node id, or a state nested too deep or holding a key
     *   named `__proto__`, `constructor` or `prototype` (no checkpoint could be read back)
     */
    create(node: string, state: PipelineState, extra?: Partial<Pick<NodeResult, 'durationMs' | 'fingerprint'>>): Promise<CheckpointDocument>;
    /** Every valid checkpoint of the scope in one document; bad ones are left out. */
    exportAll(now?: Date): Promise<CheckpointExport>;
    /**
     * Writes every checkpoint of an export into the store, each verified first; one that is
     * already there with the same digest is left alone, one that differs is refused.
     * @returns the refs written
     */
    importAll(data: unknown, source?: string): Promise<CheckpointRef[]>;
}
