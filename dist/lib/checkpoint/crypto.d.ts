export declare const NONCE_BYTES = 12;
/** Bytes encryption adds to each object: its nonce and its authentication tag. */
export declare const ENCRYPTION_OVERHEAD: number;
/**
 * Derives a 32-byte key from any string with HKDF-SHA256: users pass a passphrase-like secret,
 * and signing and encryption never share a key.
 */
export declare function deriveKey(secret: string, purpose: 'signing' | 'encryption'): Buffer;
/** `hmac-sha256:<hex>` over a checkpoint's digest. */
export declare function signDigest(digest: string, key: Buffer): string;
/** True when `signature` is the HMAC of `digest` under `key` (compared in constant time). */
export declare function signatureMatches(digest: string, signature: string | undefined, key: Buffer): boolean;
/** AES-256-GCM with a fresh nonce: `nonce || ciphertext || tag`. */
export declare function encryptBytes(plain: Uint8Array, key: Buffer): Buffer;
/** Reverses {@link encryptBytes}; throws when the bytes or the key are wrong. */
export declare function decryptBytes(sealed: Uint8Array, key: Buffer): Buffer;
/**
 * Encrypts a stream of bytes in the layout of {@link encryptBytes}: the nonce (fresh each time),
 * the ciphertext as the plain bytes arrive, the tag last.
 */
export declare function encryptChunks(plain: AsyncIterable<Buffer>, key: Buffer): AsyncGenerator<Buffer>;
/**
 * Encrypts a file into another, streamed, in the layout of {@link encryptChunks}.
 * @returns the size and `sha256:<hex>` of the encrypted file
 */
export declare function encryptFile(from: string, to: string, key: Buffer): Promise<{
    size: number;
    sha256: string;
}>;
/** Decrypts a file written by {@link encryptFile}; throws when it was changed or the key is wrong. */
export declare function decryptFile(from: string, to: string, key: Buffer): Promise<void>;
