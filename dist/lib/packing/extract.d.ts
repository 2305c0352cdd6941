import { CheckpointError } from '../checkpoint/errors.js';
import type { FileRecord } from '../checkpoint/document.js';
/** An archive inflating past this ratio beyond {@link BOMB_FLOOR} bytes is a zip bomb. */
export declare const BOMB_RATIO = 100;
/** Below this many inflated bytes no ratio is suspicious. */
export declare const BOMB_FLOOR: number;
/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
export declare class ArchiveIntegrityError extends CheckpointError {
    readonly archive: string;
    readonly reason: string;
    constructor(archive: string, reason: string);
}
/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * @param expected the manifest's records held by this archive (links excluded)
 */
export declare function extractArchive(zipPath: string, archive: string, expected: FileRecord[], staging: string, superseded?: (name: string) => boolean): Promise<void>;
