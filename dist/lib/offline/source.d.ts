import { type CheckpointError } from '../checkpoint/errors.js';
import type { ArchiveRecord, CheckpointDocument, FileRecord } from '../checkpoint/document.js';
import { type CheckpointRef } from '../checkpoint/naming.js';
/** What `list` says of a checkpoint. */
export type CheckpointStatus = 'valid' | 'corrupt' | 'newer-schema' | 'untrusted' | 'files-missing';
/** A checkpoint document found in a source, good or not. */
export interface FoundCheckpoint {
    /** Its name, `checkpoint.<scope>.a<attempt>.s<sequence>.<node>.json`, or the file's name. */
    name: string;
    /** Read from its name, or from its content; undefined when neither tells. */
    ref: CheckpointRef | undefined;
    /** Where it was found: a file, `<zip>!<entry>`, or `<export>#<index>`. */
    origin: string;
    /** The verified document; undefined when it did not parse or verify. */
    document: CheckpointDocument | undefined;
    /**
     * Why it did not: CorruptCheckpointError, UnsupportedSchemaError, or UntrustedCheckpointError
     * (encrypted and no key given, or not signed with the signing key given).
     */
    error: CheckpointError | undefined;
    /** When it was written, as far as its content tells, even for a corrupt one. */
    createdAt: string | undefined;
}
/** A files archive found in a source: the zip as downloaded, or a folder it was unzipped into. */
export interface FoundArchive {
    /** The artifact's name, `checkpoint.<scope>.a<attempt>.s<sequence>.<node>.files`. */
    name: string;
    origin: string;
    form: 'zip' | 'folder';
    /** The zip file or the folder. */
    path: string;
}
/** Something in the source that could not be read at all (a truncated zip, say). */
export interface SourceProblem {
    origin: string;
    error: CheckpointError;
}
/**
 * Checkpoints as downloaded from a run page: documents, files archives and the problems met
 * reading them, with the questions every command asks of them.
 */
export declare class CheckpointSource {
    /** The path the source was read from. */
    readonly location: string;
    private readonly archivesByName;
    readonly problems: readonly SourceProblem[];
    private readonly temporary;
    /** Every checkpoint found: by scope, then oldest first by (attempt, sequence). */
    readonly checkpoints: readonly FoundCheckpoint[];
    constructor(
    /** The path the source was read from. */
    location: string, checkpoints: FoundCheckpoint[], archivesByName: ReadonlyMap<string, FoundArchive>, problems: readonly SourceProblem[], temporary?: string[]);
    /** The files archives found, by name. */
    get archives(): FoundArchive[];
    /** The documents that verified, oldest first. */
    get valid(): CheckpointDocument[];
    /** A files archive by its artifact name. */
    archive(name: string): FoundArchive | undefined;
    /** Names of the archives a document's files live in that the source does not hold. */
    missingArchives(document: CheckpointDocument): string[];
    /** What `list` says of a checkpoint. */
    status(found: FoundCheckpoint): CheckpointStatus;
    /**
     * Every file an archive holds, as recorded: the archive's own checkpoint lists all of them
     * (later checkpoints drop the paths a later node replaced), else the newest records wins.
     */
    manifest(archive: string): FileRecord[];
    /** What the checkpoints recorded of an archive at upload (size, digest), if any did. */
    archiveRecord(archive: string): ArchiveRecord | undefined;
    /**
     * The pack artifact a checkpoint recorded an archive in (`ArchiveRecord.pack`), if any did:
     * what to download when the archive is missing. Documents written before it was packed do
     * not say, so every document is asked.
     */
    packOf(archive: string): string | undefined;
    /** Removes what reading the source extracted to temporary folders. */
    close(): Promise<void>;
    /** The archive's own checkpoint first, then the others newest first. */
    private documentsRecording;
}
/** The archives a document's files live in, in manifest order, each once. */
export declare function archivesOf(document: CheckpointDocument): string[];
