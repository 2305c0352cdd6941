import { open } from 'node:fs/promises';
import yauzl from 'yauzl';
import { describe } from '../checkpoint/errors.js';
import { writeEntry } from './entry-writer.js';
import { ArchiveIntegrityError, entryRefusal } from './packing-errors.js';
/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
export async function isZipFile(path) {
    const handle = await open(path, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        const magic = head.subarray(0, bytesRead).toString('hex');
        return magic === '504b0304' || magic === '504b0506';
    }
    finally {
        await handle.close();
    }
}
/**
 * Opens a zip for reading its entries one at a time ({@link zipEntries}); sizes are checked
 * against the headers as entries are read. Close it when done.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a file that is not a readable zip
 */
export async function openZip(path, label, names) {
    try {
        return await yauzl.openPromise(path, { ...names, autoClose: false, validateEntrySizes: true });
    }
    catch (error) {
        throw unreadableZip(label, describe(error));
    }
}
/**
 * The entries of an opened zip, one at a time from its central directory. yauzl's refusal of
 * an entry (a name that is absolute or holds `..`, sizes that do not add up) fails it.
 * @throws ArchiveIntegrityError naming the zip, with yauzl's reason
 */
export async function* zipEntries(zip, label) {
    const entries = zip.eachEntry();
    try {
        for (;;) {
            const next = await entries.next().catch((error) => {
                throw new ArchiveIntegrityError(label, describe(error));
            });
            if (next.done === true)
                return;
            yield next.value;
        }
    }
    finally {
        // Stops listening for entries when the caller stops early.
        await entries.return?.();
    }
}
/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
export async function listZip(path, label) {
    const zip = await openZip(path, label, { strictFileNames: false });
    try {
        const entries = [];
        for await (const entry of zipEntries(zip, label))
            entries.push(entry);
        return { zip, entries };
    }
    catch (error) {
        zip.close();
        throw unreadableZip(label, error.reason);
    }
}
function unreadableZip(label, reason) {
    return new ArchiveIntegrityError(label, `not a readable zip (${reason})`);
}
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
export async function readEntry(listed, entry, limit, label) {
    const chunks = [];
    await unzipEntry(listed, entry, chunks, limit, label);
    return Buffer.concat(chunks);
}
/**
 * Writes one entry into the file `target` (or onto a list of chunks), refusing more than
 * `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
export async function unzipEntry(listed, entry, target, limit, label) {
    const overflow = `is over ${limit} bytes`;
    if (entry.uncompressedSize > limit)
        throw entryRefusal(label, entry.fileName, overflow);
    const bytes = () => listed.zip.openReadStreamPromise(entry);
    return writeEntry({ archive: label, name: entry.fileName, bytes, limit }, target, {
        overflow,
        failure: 'could not be read'
    });
}
