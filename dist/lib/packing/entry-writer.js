import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe } from '../checkpoint/errors.js';
import { ByteMeter } from './meter.js';
import { ArchiveIntegrityError, entryRefusal } from './packing-errors.js';
/**
 * Writes an entry's bytes into a file (`target`, mode 0600) or onto a list of chunks, through
 * `through` (an inflater) and a meter that counts and hashes them and stops them past the limit:
 * the one way an entry's bytes leave a zip, whichever reader found it.
 * @throws ArchiveIntegrityError past the limit, or when the bytes cannot be read or written
 */
export async function writeEntry(entry, target, wording, through = []) {
    const meter = new ByteMeter(entry.limit, () => entryRefusal(entry.archive, entry.name, wording.overflow));
    try {
        const bytes = typeof entry.bytes === 'function' ? await entry.bytes() : entry.bytes;
        await pipeline([bytes, ...through, meter, sinkOf(target)]);
    }
    catch (error) {
        if (error instanceof ArchiveIntegrityError)
            throw error;
        throw entryRefusal(entry.archive, entry.name, `${wording.failure} (${describe(error)})`);
    }
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A file written afresh (owner-only until placed), or a list the chunks are kept on. */
function sinkOf(target) {
    if (typeof target === 'string')
        return createWriteStream(target, { mode: 0o600 });
    return new Writable({
        write(chunk, _encoding, callback) {
            target.push(chunk);
            callback();
        }
    });
}
