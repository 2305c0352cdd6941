/** Identifies one checkpoint: enough to order it and to find it, without reading it. */
export interface CheckpointRef {
    scope: string;
    attempt: number;
    sequence: number;
    node: string;
}
/** Every name this project gives an artifact or a file starts with this. */
export declare const NAME_PREFIX = "checkpoint";
/**
 * The name of a checkpoint document, as artifact and as file: `checkpoint.<scope>.a<attempt>.
 * s<sequence>.<node>.json`. Dots cannot occur in ids, so the name parses back unambiguously, and
 * the attempt in it means a re-run never reuses a name (a 409 from the artifact service).
 */
export declare function checkpointName(ref: CheckpointRef): string;
/** The name of the archive holding the files a node added: `<stem>.files`. */
export declare function filesArchiveName(ref: CheckpointRef): string;
/**
 * The name of a pack written by the save of `ref`: `<stem>.pack`, a zip of stored entries holding
 * small archives merged together and checkpoint documents retired from their own artifacts.
 */
export declare function packName(ref: CheckpointRef): string;
/** What an artifact name of this project holds: a document, a files archive, or a pack. */
export type ArtifactKind = 'json' | 'files' | 'pack';
/** Reads a checkpoint document's name back into its ref; undefined for any other name. */
export declare function parseCheckpointName(name: string): CheckpointRef | undefined;
/** Reads a document's or a files archive's name back; undefined for others (packs too). */
export declare function parseArtifactName(name: string): {
    ref: CheckpointRef;
    kind: 'json' | 'files';
} | undefined;
/** Reads a pack's name back into the ref of the save that wrote it; undefined for others. */
export declare function parsePackName(name: string): CheckpointRef | undefined;
/** Reads any name this project gives (document, files archive, pack); undefined for others. */
export declare function parseAnyArtifactName(name: string): {
    ref: CheckpointRef;
    kind: ArtifactKind;
} | undefined;
/**
 * Orders checkpoints oldest first: by attempt, then by sequence. Never by artifact id (not
 * monotonic across attempts) and never by time stamps (second resolution, clock skew).
 */
export declare function compareRefs(a: CheckpointRef, b: CheckpointRef): number;
/**
 * Orders texts by UTF-16 code units: the same order on every machine, whatever its locale, and
 * without the tens of milliseconds a first `localeCompare` takes to load the collation data.
 */
export declare function compareText(a: string, b: string): number;
/** True when both refs name the same checkpoint. */
export declare function sameRef(a: CheckpointRef, b: CheckpointRef): boolean;
