import type { FileRecord } from '../checkpoint/document.js';
import { CheckpointError } from '../checkpoint/errors.js';
/** A restore that would write outside the workspace (through a link or a link target). */
export declare class PathEscapeError extends CheckpointError {
}
/** One file to put in place: its record, and where its verified bytes are staged. */
export interface Placement {
    file: FileRecord;
    /** The staged file; absent for a link, which has no bytes. */
    from?: string | undefined;
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths,
 * with their recorded modes, and recreates links. See {@link placeAll}.
 */
export declare function placeFiles(staging: string, files: FileRecord[], workspace: string): Promise<void>;
/**
 * Puts files in place under `workspace`. Everything is checked before anything is written:
 * every folder on the way is a real folder inside the workspace (a link already there cannot
 * lead a write outside), nothing is in the way, and every link target stays inside. Regular
 * files go first and links last, so no file is written through a link this restore makes;
 * links are then resolved for real, and all of them are removed again if one leads out.
 */
export declare function placeAll(placements: Placement[], workspace: string): Promise<void>;
