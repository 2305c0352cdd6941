import type { NodeRecord } from './document.js';
/** The work a node not run again stood for: its recorded duration, and how it was measured. */
export interface WorkNotRepeated {
    durationMs: number | undefined;
    /** The node's own command time (a `run` node), not an estimate (a `save` node). */
    measured: boolean;
}
/** The time saved, split by how it was measured. */
export interface TimeSaved {
    totalMs: number;
    /** Run nodes' own command time. */
    measuredMs: number;
    /** Saved nodes' time since the previous checkpoint step. */
    estimatedMs: number;
}
/**
 * How a node's recorded duration was measured: a `run` node records its command's own time (its
 * fingerprint holds the command); a `save` node records the time since the job's previous
 * checkpoint step ended, which may include steps that are not the node's work.
 */
export declare function workOf(node: Pick<NodeRecord, 'durationMs' | 'fingerprint'>): WorkNotRepeated;
/**
 * The time saved by not running `work` again: the one figure the notice, the job summary and the
 * demo give.
 */
export declare function timeSaved(work: WorkNotRepeated[]): TimeSaved;
/** The figure in words: `about 1 min 05 s of work not repeated (...how it was measured)`. */
export declare function describeTimeSaved(saved: TimeSaved): string;
