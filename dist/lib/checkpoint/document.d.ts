import type { Fingerprint } from './fingerprint.js';
import { type CheckpointRef } from './naming.js';
import { type PipelineState } from './state.js';
/** The schema version this code writes and the newest it reads. */
export declare const SCHEMA_VERSION = 1;
/** Marks a JSON document as a checkpoint, for tools that find one in a folder of downloads. */
export declare const CHECKPOINT_KIND = "checkpoint-action/checkpoint";
/** Where and when a checkpoint was written. */
export interface RunInfo {
    runId: string;
    attempt: number;
    repository?: string;
    workflow?: string;
    job?: string;
    sha?: string;
    ref?: string;
}
/** One node done, as the pipeline remembers it. */
export interface NodeRecord {
    id: string;
    sequence: number;
    attempt: number;
    runId: string;
    savedAt: string;
    /** How long the node took, when known; the summary adds these up as time saved. */
    durationMs?: number;
    /** What the node's result depends on; decides staleness in the steps that know it. */
    fingerprint?: Fingerprint;
    /**
     * What the node added to the pipeline, so its part can be taken into another run without the
     * other nodes' parts. Absent in checkpoints written before it was recorded.
     */
    added?: NodeAdditions;
    /** The node's state values and files that later nodes replaced, as they were. */
    replaced?: ReplacedByLater;
}
/** What one node added: its regular files are the ones in its own archive. */
export interface NodeAdditions {
    /** The state keys it set. */
    state: string[];
    /** Paths of the links it saved, which live in no archive. */
    links?: string[];
}
/** A node's own values and files, kept when a later node replaced them in the pipeline. */
export interface ReplacedByLater {
    state?: PipelineState;
    files?: FileRecord[];
}
/**
 * Progress of a node that was cancelled before it finished: never counted as done, handed back
 * to the node's command on the next attempt.
 */
export interface PartialRecord {
    id: string;
    sequence: number;
    attempt: number;
    runId: string;
    savedAt: string;
    /** What the command had written to its state file when it was stopped. */
    state: PipelineState;
    /** The node's fingerprint when it was stopped: progress crosses runs only when it matches. */
    fingerprint?: Fingerprint;
}
/** One file of the pipeline's output, where it lives and what it must hash to. */
export interface FileRecord {
    /** Workspace-relative, forward slashes. */
    path: string;
    size: number;
    /** `sha256:<hex>` of the content (of the link target text for links). */
    sha256: string;
    /** Permission bits, e.g. 0o755 for an executable. */
    mode: number;
    /** Set for a symbolic link: its target, relative and inside the workspace. */
    link?: string;
    /** Name of the archive (artifact) that holds the bytes; absent for links, which have none. */
    archive?: string;
    /** For an encrypted file: its opaque name in the archive and the encrypted bytes' size and hash. */
    entry?: {
        name: string;
        size: number;
        sha256: string;
    };
}
/** An archive (artifact) holding some of the files. */
export interface ArchiveRecord {
    name: string;
    runId: string;
    size: number;
    /** `sha256:<hex>` of the archive's bytes as the artifact service recorded them. */
    digest: string;
    /** How the files were packed: a zip whose entries are stored or deflated. */
    packing: 'zip-stored' | 'zip-deflate' | 'zip-encrypted';
    /** The Actions cache key of the entry that holds it, when it is kept there, not in the run. */
    cache?: string;
    /**
     * The pack artifact (of run `runId`) holding the archive's exact bytes as an entry named by
     * the archive; absent when the archive is its own artifact (or in the cache).
     */
    pack?: string;
}
/** The body of a checkpoint: everything but its digest. */
export interface CheckpointBody extends CheckpointRef {
    kind: typeof CHECKPOINT_KIND;
    schema: number;
    run: RunInfo;
    createdAt: string;
    /** The checkpoint this one extends, if any. */
    parent?: string;
    /** The pipeline's cumulative state after this node. */
    state: PipelineState;
    /** Every node done so far, in the order they were first done. */
    nodes: NodeRecord[];
    /** Nodes stopped part-way, with the progress they recorded; absent when none. */
    partials?: PartialRecord[];
    files: FileRecord[];
    archives: ArchiveRecord[];
}
/** A sealed checkpoint: the body and a digest over it. */
export interface CheckpointDocument extends CheckpointBody {
    digest: string;
    /** `hmac-sha256:<hex>` over the digest, when written with a signing key. */
    signature?: string;
}
/** How deep state may nest: deeper documents are refused before anything recurses over them. */
export declare const MAX_DEPTH = 200;
/** Computes the digest of a body: sha256 of its canonical JSON. */
export declare function digestOf(body: CheckpointBody): string;
/** Seals a body with its digest. */
export declare function sealCheckpoint(body: CheckpointBody): CheckpointDocument;
/**
 * The document as written to disk and uploaded: the envelope indented, so it opens well in an
 * editor, and the state compact and last, so a large state costs its own size, not twice it.
 */
export declare function serializeCheckpoint(document: CheckpointDocument): string;
/**
 * Parses and verifies a checkpoint: JSON, schema version, shape, digest, and (when `expected` is
 * given) that it is the checkpoint its name says, so a renamed or replayed file is refused.
 * @param source names the file or artifact in error messages
 * @throws CorruptCheckpointError or UnsupportedSchemaError
 */
export declare function parseCheckpoint(text: string, source: string, expected?: CheckpointRef): CheckpointDocument;
/** A document's text parsed; `stateText` is the state's own text when it was read apart. */
export interface ParsedDocument {
    value: unknown;
    stateText?: string | undefined;
}
/**
 * JSON.parse of a document, in two parts when it is laid out as {@link serializeCheckpoint}
 * writes it: the envelope, then the state's text on its own, which is kept so that a digest
 * over it needs no serializing and the state file and job context can be written from it.
 * Otherwise (or when a part does not parse) the whole text, as any JSON. Both give the same
 * value: when the envelope without its last member parses as an object and the state's text as
 * a value, the whole text is that object with the member `"state"` set to that value.
 */
export declare function parseDocumentJson(text: string, source: string): ParsedDocument;
/** JSON.parse with the failure reported as a corrupt checkpoint. */
export declare function parseJson(text: string, source: string): unknown;
/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export declare function decodeUtf8(bytes: Uint8Array, source: string): string;
/** {@link parseCheckpoint} over an already parsed JSON value. */
export declare function parseCheckpointValue(value: unknown, source: string, expected?: CheckpointRef, stateText?: string): CheckpointDocument;
/** The ref a document carries. */
export declare function refOf(document: CheckpointRef): CheckpointRef;
