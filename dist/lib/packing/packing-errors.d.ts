import { CheckpointError } from '../checkpoint/errors.js';
/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
export declare class ArchiveIntegrityError extends CheckpointError {
    readonly archive: string;
    readonly reason: string;
    constructor(archive: string, reason: string);
}
/** A zip the streaming reader does not take; the caller falls back to reading it whole. */
export declare class UnstreamableZipError extends Error {
}
/** The refusal of one entry of `archive`, named as the zip names it. */
export declare function entryRefusal(archive: string, name: string, reason: string): ArchiveIntegrityError;
