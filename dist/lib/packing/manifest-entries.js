import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256Digest } from '../checkpoint/canonical.js';
import { describe } from '../checkpoint/errors.js';
import { isSafeRelativePath, unsafePathReason } from '../checkpoint/safe-paths.js';
import { writeEntry } from './entry-writer.js';
import { ArchiveIntegrityError, entryRefusal } from './packing-errors.js';
/** The context of extracting `archive`, which holds the files `expected`, into `staging`. */
export function entryContext(archive, expected, staging, superseded) {
    const remaining = new Map(expected.map(file => [file.path, file]));
    return { archive, remaining, staging, superseded, folders: new Set() };
}
/** Fails when a file the manifest lists in this archive was not in it. */
export function missingFiles(context) {
    const missing = [...context.remaining.keys()];
    if (missing.length > 0) {
        throw new ArchiveIntegrityError(context.archive, `${missing.length} listed file(s) missing, e.g. ${missing[0]}`);
    }
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
        throw entryRefusal(context.archive, name, reason);
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
        return refuse('is not in the checkpoint manifest (or appears twice)');
    context.remaining.delete(name);
    if (entry.size > record.size)
        refuse(`claims ${entry.size} bytes, the manifest ${record.size}`);
    const target = join(context.staging, name);
    await makeFolder(context, dirname(target), refuse);
    return { name, record, target };
}
/** Creates a staging folder once, however many entries it holds. */
async function makeFolder(context, folder, refuse) {
    if (context.folders.has(folder))
        return;
    await mkdir(folder, { recursive: true }).catch((error) => refuse(`cannot be staged (${error.message})`));
    context.folders.add(folder);
}
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 * @param through what the bytes pass through first (an inflater)
 * @throws ArchiveIntegrityError
 */
export async function stageEntry(archive, entry, bytes, through = []) {
    const size = entry.record.size;
    const written = await writeEntry({ archive, name: entry.name, bytes, limit: size }, entry.target, { overflow: `inflates past the ${size} bytes recorded`, failure: 'could not be extracted' }, through);
    matchRecord(archive, entry, written.bytes, written.digest);
}
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link stageEntry}.
 * @throws ArchiveIntegrityError
 */
export async function stageWholeEntry(archive, entry, data) {
    matchRecord(archive, entry, data.length, sha256Digest(data));
    // As stageEntry words it: a file another entry made a folder of (data/x and data/x/y) fails
    // here or there depending on which write comes first, and is the same refusal either way.
    await writeFile(entry.target, data, { mode: 0o600 }).catch((error) => {
        throw entryRefusal(archive, entry.name, `could not be extracted (${describe(error)})`);
    });
}
/** Fails an entry whose size or sha256 differs from its manifest record. */
function matchRecord(archive, entry, bytes, digest) {
    const expected = entry.record;
    if (bytes !== expected.size) {
        throw entryRefusal(archive, entry.name, `has ${bytes} bytes, the manifest ${expected.size}`);
    }
    if (digest !== expected.sha256) {
        throw entryRefusal(archive, entry.name, 'does not match its sha256 in the manifest');
    }
}
