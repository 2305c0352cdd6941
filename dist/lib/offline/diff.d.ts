import type { CheckpointDocument, FileRecord } from '../checkpoint/document.js';
import type { JsonValue } from '../checkpoint/state.js';
/** A state key that differs between two checkpoints. */
export interface StateChange {
    key: string;
    change: 'added' | 'removed' | 'changed';
    /** The value in the first checkpoint (absent when added). */
    from?: JsonValue;
    /** The value in the second checkpoint (absent when removed). */
    to?: JsonValue;
}
/** A file that differs between two checkpoints: its content, size, mode or link target. */
export interface FileChange {
    path: string;
    change: 'added' | 'removed' | 'changed';
    from?: FileRecord;
    to?: FileRecord;
}
/** What changed from one checkpoint to another. */
export interface CheckpointDiff {
    from: string;
    to: string;
    state: StateChange[];
    files: FileChange[];
    /** Nodes done in the second checkpoint and not in the first, and the other way round. */
    nodes: {
        added: string[];
        removed: string[];
    };
}
/** Compares two checkpoints: state per key, files by path, nodes done. */
export declare function diffCheckpoints(a: CheckpointDocument, b: CheckpointDocument): CheckpointDiff;
/** True when the diff found nothing. */
export declare function isEmptyDiff(diff: CheckpointDiff): boolean;
