import type { FileRecord } from '../checkpoint/document.js';
import { CheckpointError } from '../checkpoint/errors.js';
/** A restore that would write outside the workspace (through a link or a link target). */
export declare class PathEscapeError extends CheckpointError {
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths, with
 * their recorded modes, and recreates links. Every parent folder is checked after it exists, so
 * a link already in the workspace cannot redirect a write outside it.
 */
export declare function placeFiles(staging: string, files: FileRecord[], workspace: string): Promise<void>;
