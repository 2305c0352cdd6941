import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { describe } from '../checkpoint/errors.js';
import { ArchiveIntegrityError } from './extract.js';
import { ByteMeter } from './meter.js';
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
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
export async function openZip(path, label) {
    let zip;
    try {
        zip = await yauzl.openPromise(path, { autoClose: false, validateEntrySizes: true });
        const entries = [];
        for await (const entry of zip.eachEntry())
            entries.push(entry);
        return { zip, entries };
    }
    catch (error) {
        zip?.close();
        throw new ArchiveIntegrityError(label, `not a readable zip (${describe(error)})`);
    }
}
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
export async function readEntry(opened, entry, limit, label) {
    const chunks = [];
    const meter = boundedMeter(entry, limit, label);
    await copyFrom(opened, entry, meter, label, async (source) => {
        for await (const chunk of source)
            chunks.push(chunk);
    });
    return Buffer.concat(chunks);
}
/**
 * Writes one entry to `target`, refusing more than `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
export async function writeEntry(opened, entry, target, limit, label) {
    const meter = boundedMeter(entry, limit, label);
    await copyFrom(opened, entry, meter, label, createWriteStream(target, { mode: 0o600 }));
    return { bytes: meter.bytes, digest: meter.digest() };
}
function boundedMeter(entry, limit, label) {
    const tooLarge = () => new ArchiveIntegrityError(label, `entry ${JSON.stringify(entry.fileName)} is over ${limit} bytes`);
    if (entry.uncompressedSize > limit)
        throw tooLarge();
    return new ByteMeter(limit, tooLarge);
}
async function copyFrom(opened, entry, meter, label, sink) {
    try {
        await pipeline(await opened.zip.openReadStreamPromise(entry), meter, sink);
    }
    catch (error) {
        if (error instanceof ArchiveIntegrityError)
            throw error;
        throw new ArchiveIntegrityError(label, `entry ${JSON.stringify(entry.fileName)} could not be read (${describe(error)})`);
    }
}
