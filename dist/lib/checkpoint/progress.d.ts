import { type ArchiveRecord, type CheckpointDocument, type FileRecord, type RunInfo } from './document.js';
import type { Fingerprint } from './fingerprint.js';
import type { PipelineState } from './state.js';
/** What one node adds to the pipeline. */
export interface NodeResult {
    scope: string;
    node: string;
    run: RunInfo;
    /** The node's own state; merged over the cumulative state, this node's keys winning. */
    state: PipelineState;
    /** Files the node produced, and the archive that holds them (absent when it has none). */
    files?: FileRecord[];
    archive?: ArchiveRecord;
    durationMs?: number;
    fingerprint?: Fingerprint;
    /** Set when the node was stopped part-way: its progress is recorded, the node is not done. */
    partial?: boolean;
    /**
     * When the step saving this node started. Nodes of the same attempt saved after it ran at the
     * same time as this one (parallel steps of one job), and merge with it in id order (addPart).
     */
    startedAt?: Date;
    now?: Date;
}
/**
 * The checkpoint after a node: the previous one (`base`) extended with the node's state, files
 * and record. The sequence follows the base's, so (attempt, sequence) orders checkpoints even
 * when attempts restore from different bases.
 */
export declare function nextCheckpoint(base: CheckpointDocument | undefined, result: NodeResult): CheckpointDocument;
/**
 * The checkpoint as this attempt should build on it when some nodes must run again: those
 * nodes are no longer done (their files and the cumulative state stay).
 */
export declare function withoutNodes(document: CheckpointDocument, ids: string[]): CheckpointDocument;
/** Ids of the nodes a checkpoint records as stopped part-way. */
export declare function partialNodes(document: CheckpointDocument | undefined): string[];
/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
export declare function completedNodes(document: CheckpointDocument | undefined): string[];
