import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
/** `sha256:<hex>` of a file, streamed. */
export async function hashFile(file) {
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    return `sha256:${hash.digest('hex')}`;
}
