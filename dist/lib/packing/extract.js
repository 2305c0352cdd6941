import { admitEntry, entryContext, missingFiles, stageEntry } from './manifest-entries.js';
import { openZip, zipEntries } from './zip-reader.js';
/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * @param expected the manifest's records held by this archive (links excluded)
 * @throws ArchiveIntegrityError
 */
export async function extractArchive(zipPath, archive, expected, staging, superseded = () => false) {
    const context = entryContext(archive, expected, staging, superseded);
    const zip = await openZip(zipPath, archive, { strictFileNames: true });
    try {
        for await (const entry of zipEntries(zip, archive))
            await extractEntry(zip, entry, context);
    }
    finally {
        zip.close();
    }
    missingFiles(context);
}
async function extractEntry(zip, entry, context) {
    const admitted = await admitEntry(context, {
        name: entry.fileName,
        mode: entry.externalFileAttributes >>> 16,
        size: entry.uncompressedSize
    });
    if (!admitted)
        return;
    await stageEntry(context.archive, admitted, await zip.openReadStreamPromise(entry));
}
