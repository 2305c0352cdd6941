import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
export const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes encryption adds to each object: its nonce and its authentication tag. */
export const ENCRYPTION_OVERHEAD = NONCE_BYTES + TAG_BYTES;
/**
 * Derives a 32-byte key from any string with HKDF-SHA256: users pass a passphrase-like secret,
 * and signing and encryption never share a key.
 */
export function deriveKey(secret, purpose) {
    return Buffer.from(hkdfSync('sha256', secret, 'checkpoint-action/v1', purpose, 32));
}
/** `hmac-sha256:<hex>` over a checkpoint's digest. */
export function signDigest(digest, key) {
    return `hmac-sha256:${createHmac('sha256', key).update(digest).digest('hex')}`;
}
/** True when `signature` is the HMAC of `digest` under `key` (compared in constant time). */
export function signatureMatches(digest, signature, key) {
    if (signature === undefined)
        return false;
    const expected = Buffer.from(signDigest(digest, key));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
}
/** AES-256-GCM with a fresh nonce: `nonce || ciphertext || tag`. */
export function encryptBytes(plain, key) {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
/** Reverses {@link encryptBytes}; throws when the bytes or the key are wrong. */
export function decryptBytes(sealed, key) {
    const bytes = Buffer.from(sealed);
    if (bytes.length < ENCRYPTION_OVERHEAD)
        throw new Error('too short to be encrypted data');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
        decipher.final()
    ]);
}
/**
 * Encrypts a stream of bytes in the layout of {@link encryptBytes}: the nonce (fresh each time),
 * the ciphertext as the plain bytes arrive, the tag last.
 */
export async function* encryptChunks(plain, key) {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    yield nonce;
    for await (const bytes of plain) {
        const out = cipher.update(bytes);
        if (out.length > 0)
            yield out;
    }
    const last = cipher.final();
    if (last.length > 0)
        yield last;
    yield cipher.getAuthTag();
}
/**
 * Encrypts a file into another, streamed, in the layout of {@link encryptChunks}.
 * @returns the size and `sha256:<hex>` of the encrypted file
 */
export async function encryptFile(from, to, key) {
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* () {
        for await (const bytes of encryptChunks(createReadStream(from), key)) {
            hash.update(bytes);
            size += bytes.length;
            yield bytes;
        }
    };
    await pipeline(counted(), createWriteStream(to, { mode: 0o600 }));
    return { size, sha256: `sha256:${hash.digest('hex')}` };
}
/** Decrypts a file written by {@link encryptFile}; throws when it was changed or the key is wrong. */
export async function decryptFile(from, to, key) {
    const handle = await open(from, 'r');
    let nonce;
    let tag;
    let size;
    try {
        size = (await handle.stat()).size;
        if (size < ENCRYPTION_OVERHEAD)
            throw new Error('too short to be encrypted data');
        nonce = Buffer.alloc(NONCE_BYTES);
        tag = Buffer.alloc(TAG_BYTES);
        await handle.read(nonce, 0, NONCE_BYTES, 0);
        await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    }
    finally {
        await handle.close();
    }
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    const body = size === ENCRYPTION_OVERHEAD
        ? Readable.from([])
        : createReadStream(from, { start: NONCE_BYTES, end: size - TAG_BYTES - 1 });
    await pipeline(body, decipher, createWriteStream(to, { mode: 0o600 }));
}
