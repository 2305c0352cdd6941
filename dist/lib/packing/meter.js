import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
/**
 * Counts and hashes the bytes that pass, and fails the stream with `onOverflow`'s error once
 * more than `limit` bytes went by: a size recorded in a manifest bounds what is ever written.
 */
export class ByteMeter extends Transform {
    limit;
    onOverflow;
    onBytes;
    bytes = 0;
    hash = createHash('sha256');
    constructor(limit = Number.POSITIVE_INFINITY, onOverflow = () => new Error(`more than ${limit} bytes`), onBytes) {
        super();
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onBytes = onBytes;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) {
            callback(this.onOverflow());
            return;
        }
        this.hash.update(chunk);
        this.onBytes?.(this.bytes);
        callback(null, chunk);
    }
    /** `sha256:<hex>` of everything that passed; call once, at the end. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
}
/** The size and `sha256:<hex>` of a file, streamed. */
export async function hashFile(path) {
    const meter = new ByteMeter();
    await pipeline(createReadStream(path), meter, discard());
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A sink for streams whose bytes only a meter needs. */
function discard() {
    return new Writable({
        write(_chunk, _encoding, callback) {
            callback();
        }
    });
}
