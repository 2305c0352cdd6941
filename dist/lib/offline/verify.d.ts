import { type CheckpointSource } from './source.js';
/** One line of a verification: a checkpoint, an archive, or something unreadable. */
export interface VerifiedItem {
    /** A checkpoint's or an archive's name, or a file that could not be read. */
    name: string;
    origin: string;
    kind: 'checkpoint' | 'archive' | 'unreadable';
    /**
     * `ok`; `failed` (corrupt, a digest mismatch, a refused entry); `newer-schema` (written by a
     * newer version: upgrade to verify it); `unchecked` (an archive no checkpoint records).
     */
    result: 'ok' | 'failed' | 'newer-schema' | 'unchecked';
    /** Files checked, for an archive. */
    files?: number;
    bytes?: number;
    problem?: string;
    /** What was not checked, e.g. encrypted files without the key. */
    note?: string;
}
/** The outcome of {@link verifySource}. */
export interface VerifyReport {
    /** True when every checkpoint and every archive present verified. */
    ok: boolean;
    items: VerifiedItem[];
    /** Archives that valid checkpoints need and the source does not hold: not verified. */
    missing: string[];
}
/**
 * Verifies everything in a source: every checkpoint's digest, and every files archive that a
 * checkpoint records, extracted into a temporary folder through the manifest-checked extractor
 * (its bytes against the upload digest, each file against its size and sha256).
 */
export declare function verifySource(source: CheckpointSource, options?: {
    fileKey?: Buffer | undefined;
}): Promise<VerifyReport>;
