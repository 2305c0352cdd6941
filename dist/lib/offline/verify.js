import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointError, describe } from '../checkpoint/errors.js';
import { stageArchive } from './stage-source.js';
import { archivesOf } from './source.js';
/**
 * Verifies everything in a source: every checkpoint's digest, and every files archive that a
 * checkpoint records, extracted into a temporary folder through the manifest-checked extractor
 * (its bytes against the upload digest, each file against its size and sha256).
 */
export async function verifySource(source, options = {}) {
    const items = checkpointItems(source);
    for (const archive of source.archives) {
        items.push(await verifyArchive(source, archive.name, options.fileKey));
    }
    const needed = new Set(source.valid.flatMap(document => archivesOf(document)));
    const missing = [...needed].filter(name => !source.archive(name)).sort();
    return {
        ok: items.every(item => item.result === 'ok' || item.result === 'unchecked'),
        items,
        missing
    };
}
/** The unreadable files and every checkpoint, as verified when the source was read. */
function checkpointItems(source) {
    const items = source.problems.map(({ origin, error }) => ({
        name: origin,
        origin,
        kind: 'unreadable',
        result: 'failed',
        problem: error.message
    }));
    for (const found of source.checkpoints) {
        const result = found.document
            ? 'ok'
            : source.status(found) === 'newer-schema'
                ? 'newer-schema'
                : 'failed';
        const problem = found.error?.message;
        items.push({
            name: found.name,
            origin: found.origin,
            kind: 'checkpoint',
            result,
            ...(problem ? { problem } : {})
        });
    }
    return items;
}
async function verifyArchive(source, name, fileKey) {
    const origin = source.archive(name)?.origin ?? name;
    if (source.manifest(name).length === 0) {
        return {
            name,
            origin,
            kind: 'archive',
            result: 'unchecked',
            problem: 'no checkpoint in the source records it'
        };
    }
    const staging = await mkdtemp(join(tmpdir(), 'checkpoint-verify-'));
    try {
        const staged = await stageArchive(source, name, staging, fileKey);
        const note = staged.decrypted
            ? undefined
            : 'encrypted: checked as stored; set CHECKPOINT_ENCRYPTION_KEY to check the files';
        const { files, bytes } = staged;
        return { name, origin, kind: 'archive', result: 'ok', files, bytes, ...(note ? { note } : {}) };
    }
    catch (error) {
        if (!(error instanceof CheckpointError))
            throw error;
        return { name, origin, kind: 'archive', result: 'failed', problem: describe(error) };
    }
    finally {
        await rm(staging, { recursive: true, force: true });
    }
}
