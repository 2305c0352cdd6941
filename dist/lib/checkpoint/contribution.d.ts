import { type ArchiveRecord, type CheckpointDocument, type FileRecord, type NodeRecord } from './document.js';
import { type PipelineState } from './state.js';
/**
 * Each node's part of a pipeline. A checkpoint holds the cumulative state and files; to take
 * some of its nodes into another run without the others, every node record says what the node
 * added (its state keys; its files are those of its archive, and its links), and keeps its own
 * values and files that a later node replaced. Rebuilding a subset replays the parts of the
 * nodes kept, in the order they were written.
 */
/** What nodes add to: the nodes done, the cumulative state, the files. */
export interface Pipeline {
    nodes: NodeRecord[];
    state: PipelineState;
    files: FileRecord[];
}
/** What one node adds to a pipeline. */
export interface NodePart {
    record: NodeRecord;
    state: PipelineState;
    files: FileRecord[];
}
/**
 * Adds a node's part to a pipeline, its state keys and files winning. What it replaces of
 * another node's part is kept in that node's record. A partial part (a node stopped part-way)
 * adds its files only: its state is progress, not the node's result.
 *
 * `parallel` names the nodes saved while this one ran (parallel steps of one job). Between
 * those, the order they were saved in is chance, so it does not decide: a state key or a file
 * that several of them wrote keeps the value of the node whose id sorts last, and the others'
 * values are kept in their records as replaced, as if the nodes had been saved in id order.
 */
export declare function addPart(pipeline: Pipeline, part: NodePart, partial?: boolean, parallel?: ReadonlySet<string>): Pipeline;
/** A node saved again keeps its place: the list stays in the order nodes were first done. */
export declare function upsertNode(nodes: NodeRecord[], record: NodeRecord): NodeRecord[];
/**
 * Later files replace earlier ones at the same path, and earlier ones a later file shows were
 * replaced by a folder (or a folder replaced by a file): the newest node's view of the
 * workspace wins, so the manifest never lists a path as both. Sorted by path; `removed` are
 * the earlier records that gave way.
 */
export declare function mergeFiles(earlier: FileRecord[], later: FileRecord[]): {
    files: FileRecord[];
    removed: FileRecord[];
};
/**
 * The parts of the nodes `ids` as a checkpoint records them, in the order they were written.
 * Nodes that do not record what they added (checkpoints of older versions) have no part.
 */
export declare function partsOf(document: CheckpointDocument, ids: ReadonlySet<string>): NodePart[];
/**
 * The checkpoint with only the nodes `ids`: their state, files and archives, as if the other
 * nodes had never run. It keeps the checkpoint's name; partial progress is left out.
 */
export declare function restrictTo(document: CheckpointDocument, ids: Iterable<string>): CheckpointDocument;
/**
 * Adds the nodes of `part` (a checkpoint restricted to them, from another run or the cache) to
 * the job's checkpoint: their records, state and files win over what `base` has of them.
 */
export declare function mergeInto(base: CheckpointDocument | undefined, part: CheckpointDocument): CheckpointDocument;
/**
 * The progress a node recorded when it was stopped, alone: its partial record and the files of
 * its own archives, no node done and no state. Undefined when the checkpoint has none of it.
 */
export declare function partialPart(document: CheckpointDocument, id: string): CheckpointDocument | undefined;
/** The archives that files of the pipeline, replaced ones included, are in. */
export declare function archivesUsed(archives: ArchiveRecord[], pipeline: Pipeline): ArchiveRecord[];
