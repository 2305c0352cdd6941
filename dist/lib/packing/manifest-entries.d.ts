import type { FileRecord } from '../checkpoint/document.js';
import { type EntrySource } from './entry-writer.js';
/** What extracting one archive keeps track of. */
export interface EntryContext {
    archive: string;
    remaining: Map<string, FileRecord>;
    staging: string;
    /** Names a later archive holds a newer version of: passed over, never written. */
    superseded: (name: string) => boolean;
    /** The folders of staging made so far (see makeStagedPath). */
    made: Set<string>;
}
/** The context of extracting `archive`, which holds the files `expected`, into `staging`. */
export declare function entryContext(archive: string, expected: FileRecord[], staging: string, superseded: (name: string) => boolean): EntryContext;
/** Fails when a file the manifest lists in this archive was not in it. */
export declare function missingFiles(context: EntryContext): void;
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
 * supersedes are passed over (undefined). Makes the staging folder an entry goes in.
 * @throws ArchiveIntegrityError for anything else
 */
export declare function admitEntry(context: EntryContext, entry: EntryHeader): AdmittedEntry | undefined;
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 * @param through what the bytes pass through first (an inflater)
 * @throws ArchiveIntegrityError
 */
export declare function stageEntry(archive: string, entry: AdmittedEntry, bytes: EntrySource, through?: NodeJS.ReadWriteStream[]): Promise<void>;
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link stageEntry}.
 * @throws ArchiveIntegrityError
 */
export declare function stageWholeEntry(archive: string, entry: AdmittedEntry, data: Buffer): Promise<void>;
