import type { CheckpointDocument } from '../checkpoint/document.js';
import type { CheckpointSource, FoundCheckpoint } from './source.js';
/**
 * The checkpoint a command line names in a source: a node id (its newest checkpoint), a
 * checkpoint name (with or without `.json`), or, with no target, the newest checkpoint.
 * @param scope narrows the search when the source holds several pipelines
 * @throws NotFoundError, or UsageError when the target is ambiguous
 */
export declare function selectCheckpoint(source: CheckpointSource, target: string | undefined, scope?: string): FoundCheckpoint;
/**
 * The verified document of a found checkpoint.
 * @throws the error that made it corrupt or unreadable
 */
export declare function documentOf(found: FoundCheckpoint): CheckpointDocument;
