import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { sha256Digest } from '../checkpoint/canonical.js';
import { CheckpointError } from '../checkpoint/errors.js';
import { isSafeRelativePath, unsafePathReason } from '../checkpoint/safe-paths.js';
/** An archive inflating past this ratio beyond {@link BOMB_FLOOR} bytes is a zip bomb. */
export const BOMB_RATIO = 100;
/** Below this many inflated bytes no ratio is suspicious. */
export const BOMB_FLOOR = 10 * 1024 * 1024;
/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
export class ArchiveIntegrityError extends CheckpointError {
    archive;
    reason;
    constructor(archive, reason) {
        super(`Archive ${archive} was refused: ${reason}`);
        this.archive = archive;
        this.reason = reason;
    }
}
/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * @param expected the manifest's records held by this archive (links excluded)
 */
export async function extractArchive(zipPath, archive, expected, staging, superseded = () => false) {
    const remaining = new Map(expected.map(file => [file.path, file]));
    const context = { archive, remaining, staging, superseded, folders: new Set() };
    let zip;
    try {
        zip = await yauzl.openPromise(zipPath, { strictFileNames: true, validateEntrySizes: true });
    }
    catch (error) {
        throw new ArchiveIntegrityError(archive, `not a readable zip (${error.message})`);
    }
    const archiveBytes = (await stat(zipPath)).size;
    let claimed = 0;
    try {
        for await (const entry of entries(zip, archive)) {
            claimed += entry.uncompressedSize;
            if (claimed > BOMB_FLOOR && claimed > BOMB_RATIO * archiveBytes) {
                throw new ArchiveIntegrityError(archive, `it inflates past ${BOMB_RATIO}:1 (${claimed} bytes from ${archiveBytes}): a zip bomb`);
            }
            await extractEntry(zip, entry, context);
        }
    }
    finally {
        zip.close();
    }
    missingFiles(context);
}
/** Fails when a file the manifest lists in this archive was not in it. */
export function missingFiles(context) {
    const missing = [...context.remaining.keys()];
    if (missing.length > 0) {
        throw new ArchiveIntegrityError(context.archive, `${missing.length} listed file(s) missing, e.g. ${missing[0]}`);
    }
}
async function extractEntry(zip, entry, context) {
    const admitted = await admitEntry(context, {
        name: entry.fileName,
        mode: entry.externalFileAttributes >>> 16,
        size: entry.uncompressedSize
    });
    if (!admitted)
        return;
    await writeEntry(context.archive, admitted, await zip.openReadStreamPromise(entry));
}
/**
 * Lets an entry in only as what the manifest expects: a safe relative name, a regular file,
 * listed and not seen before, no larger than recorded. Folder entries and files a later archive
 * supersedes are passed over (undefined). Creates the entry's folder in staging.
 * @throws ArchiveIntegrityError for anything else
 */
export async function admitEntry(context, entry) {
    const name = entry.name;
    const refuse = (reason) => {
        throw new ArchiveIntegrityError(context.archive, `entry ${JSON.stringify(name)} ${reason}`);
    };
    if (name.endsWith('/')) {
        if (!isSafeRelativePath(name.slice(0, -1)))
            refuse(unsafePathReason(name.slice(0, -1)) ?? '');
        return undefined;
    }
    // By this OS's rules too: on Windows, a name it would write elsewhere is never staged.
    const unsafe = unsafePathReason(name, process.platform);
    if (unsafe)
        refuse(unsafe);
    const type = entry.mode & 0o170000;
    if (type !== 0 && type !== 0o100000)
        refuse('is not a regular file (a link or a device): saves never write one');
    const record = context.remaining.get(name);
    if (!record && context.superseded(name))
        return undefined;
    if (!record)
        refuse('is not in the checkpoint manifest (or appears twice)');
    const expected = record;
    context.remaining.delete(name);
    if (entry.size > expected.size)
        refuse(`claims ${entry.size} bytes, the manifest ${expected.size}`);
    const target = join(context.staging, name);
    const folder = dirname(target);
    if (!context.folders?.has(folder)) {
        await mkdir(folder, { recursive: true }).catch((error) => refuse(`cannot be staged (${error.message})`));
        context.folders?.add(folder);
    }
    return { name, record: expected, target };
}
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 */
export async function writeEntry(archive, entry, bytes, ...through) {
    const refuse = (reason) => {
        throw new ArchiveIntegrityError(archive, `entry ${JSON.stringify(entry.name)} ${reason}`);
    };
    const expected = entry.record;
    const meter = new Meter(expected.size, () => refuse(`inflates past the ${expected.size} bytes recorded`));
    try {
        await pipeline([
            bytes,
            ...through,
            meter,
            createWriteStream(entry.target, { mode: 0o600 })
        ]);
    }
    catch (error) {
        if (error instanceof ArchiveIntegrityError)
            throw error;
        refuse(`could not be extracted (${error.message})`);
    }
    if (meter.bytes !== expected.size)
        refuse(`has ${meter.bytes} bytes, the manifest ${expected.size}`);
    if (meter.digest() !== expected.sha256)
        refuse('does not match its sha256 in the manifest');
}
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link writeEntry}.
 */
export async function writeWholeEntry(archive, entry, data) {
    const refuse = (reason) => {
        throw new ArchiveIntegrityError(archive, `entry ${JSON.stringify(entry.name)} ${reason}`);
    };
    const expected = entry.record;
    if (data.length !== expected.size)
        refuse(`has ${data.length} bytes, the manifest ${expected.size}`);
    if (sha256Digest(data) !== expected.sha256)
        refuse('does not match its sha256 in the manifest');
    await writeFile(entry.target, data, { mode: 0o600 });
}
/** Counts and hashes bytes as they pass, and stops the stream past a limit. */
class Meter extends Transform {
    limit;
    onOverflow;
    bytes = 0;
    hash = createHash('sha256');
    constructor(limit, onOverflow) {
        super();
        this.limit = limit;
        this.onOverflow = onOverflow;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) {
            try {
                this.onOverflow();
            }
            catch (error) {
                callback(error);
                return;
            }
        }
        this.hash.update(chunk);
        callback(null, chunk);
    }
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
}
/** The zip's entries one at a time, as yauzl's lazy mode hands them out. */
async function* entries(zip, archive) {
    for (;;) {
        const entry = await new Promise((resolve, reject) => {
            const onEntry = (item) => {
                cleanup();
                resolve(item);
            };
            const onEnd = () => {
                cleanup();
                resolve(undefined);
            };
            const onError = (error) => {
                cleanup();
                reject(new ArchiveIntegrityError(archive, error.message));
            };
            const cleanup = () => {
                zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
            };
            zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
            zip.readEntry();
        });
        if (!entry)
            return;
        yield entry;
    }
}
