import { decryptBytes, deriveKey, encryptBytes, signDigest, signatureMatches } from './crypto.js';
import { parseCheckpointValue, parseDocumentJson, serializeCheckpoint } from './document.js';
import { CheckpointError } from './errors.js';
import { refOf } from './document.js';
import { isJsonObject } from './state.js';
/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
export const ENCRYPTED_KIND = 'checkpoint-action/encrypted';
/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
export class UntrustedCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason) {
        super(`Checkpoint ${file} is not trusted: ${reason}`);
        this.file = file;
        this.reason = reason;
    }
}
/**
 * Turns checkpoints into text and back under the user's keys: with a signing key every document
 * carries an HMAC over its digest and only signed ones are read; with an encryption key the
 * whole document is sealed with AES-256-GCM.
 */
export class CheckpointCodec {
    signing;
    encryption;
    constructor(keys = {}) {
        this.signing = keys.signingKey ? deriveKey(keys.signingKey, 'signing') : undefined;
        this.encryption = keys.encryptionKey ? deriveKey(keys.encryptionKey, 'encryption') : undefined;
    }
    /** The key files are encrypted with, when encryption is on. */
    get fileKey() {
        return this.encryption;
    }
    /** The text to store: signed and encrypted as the keys say. */
    encode(document) {
        const signed = this.signing
            ? { ...document, signature: signDigest(document.digest, this.signing) }
            : document;
        const text = serializeCheckpoint(signed);
        if (!this.encryption)
            return text;
        const envelope = {
            kind: ENCRYPTED_KIND,
            schema: 1,
            ...refOf(document),
            cipher: 'aes-256-gcm',
            data: encryptBytes(Buffer.from(text, 'utf8'), this.encryption).toString('base64')
        };
        return `${JSON.stringify(envelope, null, 2)}\n`;
    }
    /**
     * Reads stored text back into a verified checkpoint.
     * @throws CorruptCheckpointError, UnsupportedSchemaError or UntrustedCheckpointError
     */
    decode(text, source, expected) {
        let parsed = parseDocumentJson(text, source);
        if (isJsonObject(parsed.value) && parsed.value.kind === ENCRYPTED_KIND) {
            parsed = this.open(parsed.value, source);
        }
        const document = parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
        if (this.signing && !signatureMatches(document.digest, document.signature, this.signing)) {
            const reason = document.signature
                ? 'its signature does not match the signing key'
                : 'it is not signed';
            throw new UntrustedCheckpointError(source, reason);
        }
        return document;
    }
    open(envelope, source) {
        if (!this.encryption) {
            throw new UntrustedCheckpointError(source, 'it is encrypted: give the encryption key (input encryption-key, or CHECKPOINT_ENCRYPTION_KEY for the CLI)');
        }
        try {
            const plain = decryptBytes(Buffer.from(String(envelope.data), 'base64'), this.encryption);
            return parseDocumentJson(plain.toString('utf8'), source);
        }
        catch (error) {
            if (error instanceof CheckpointError)
                throw error;
            throw new UntrustedCheckpointError(source, 'it does not decrypt with the encryption key (wrong key, or changed bytes)');
        }
    }
}
