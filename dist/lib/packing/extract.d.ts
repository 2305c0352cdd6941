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
/** Fails when a file the manifest lists in this archive was not in it. */
export declare function missingFiles(context: EntryContext): void;
/** What extracting one archive keeps track of. */
export interface EntryContext {
    archive: string;
    remaining: Map<string, FileRecord>;
    staging: string;
    /** Names a later archive holds a newer version of: passed over, never written. */
    superseded: (name: string) => boolean;
    /** Staging folders already created. */
    folders?: Set<string>;
}
/** An entry as the zip's central directory describes it. */
export interface EntryHeader {
    name: string;
    /** The upper half of the external attributes: Unix type and mode bits. */
    mode: number;
    /** The uncompressed size the zip claims. */
    size: number;
}
/** An entry let in: its manifest record and where its bytes go. */
export interface AdmittedEntry {
    name: string;
    record: FileRecord;
    target: string;
}
/**
 * Lets an entry in only as what the manifest expects: a safe relative name, a regular file,
 * listed and not seen before, no larger than recorded. Folder entries and files a later archive
 * supersedes are passed over (undefined). Creates the entry's folder in staging.
 * @throws ArchiveIntegrityError for anything else
 */
export declare function admitEntry(context: EntryContext, entry: EntryHeader): Promise<AdmittedEntry | undefined>;
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 */
export declare function writeEntry(archive: string, entry: AdmittedEntry, bytes: NodeJS.ReadableStream | AsyncIterable<Buffer>, ...through: NodeJS.ReadWriteStream[]): Promise<void>;
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link writeEntry}.
 */
export declare function writeWholeEntry(archive: string, entry: AdmittedEntry, data: Buffer): Promise<void>;
