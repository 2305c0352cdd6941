import { type CheckpointDocument } from './document.js';
import { CheckpointError } from './errors.js';
import type { CheckpointRef } from './naming.js';
/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
export declare const ENCRYPTED_KIND = "checkpoint-action/encrypted";
/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
export declare class UntrustedCheckpointError extends CheckpointError {
    readonly file: string;
    readonly reason: string;
    constructor(file: string, reason: string);
}
/** The keys a codec works with; empty or absent means off. */
export interface CodecKeys {
    signingKey?: string | undefined;
    encryptionKey?: string | undefined;
}
/**
 * Turns checkpoints into text and back under the user's keys: with a signing key every document
 * carries an HMAC over its digest and only signed ones are read; with an encryption key the
 * whole document is sealed with AES-256-GCM.
 */
export declare class CheckpointCodec {
    private readonly signing;
    private readonly encryption;
    constructor(keys?: CodecKeys);
    /** The key files are encrypted with, when encryption is on. */
    get fileKey(): Buffer | undefined;
    /** The text to store: signed and encrypted as the keys say. */
    encode(document: CheckpointDocument): string;
    /**
     * Reads stored text back into a verified checkpoint.
     * @throws CorruptCheckpointError, UnsupportedSchemaError or UntrustedCheckpointError
     */
    decode(text: string, source: string, expected?: CheckpointRef): CheckpointDocument;
    private open;
}
