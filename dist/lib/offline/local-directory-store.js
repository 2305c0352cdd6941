import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CheckpointNotFoundError, CheckpointWriteError } from '../checkpoint/errors.js';
import { decodeUtf8 } from '../checkpoint/document.js';
/**
 * Checkpoints as files in one directory. Writes go to a temporary file that is flushed to disk
 * and renamed over the target, then the directory is flushed: a crash leaves the old file or the
 * new one, never half of one.
 */
export class LocalDirectoryStore {
    location;
    constructor(location) {
        this.location = location;
    }
    async listNames() {
        try {
            return (await readdir(this.location)).filter(name => !name.startsWith('.'));
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        }
    }
    async readText(name) {
        const file = join(this.location, name);
        try {
            return decodeUtf8(await readFile(file), file);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                throw new CheckpointNotFoundError(file);
            throw error;
        }
    }
    async writeText(name, text) {
        const file = join(this.location, name);
        const temporary = join(this.location, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
        try {
            await mkdir(this.location, { recursive: true });
            await writeDurably(temporary, text);
            await rename(temporary, file);
            await syncDirectory(this.location);
        }
        catch (error) {
            await rm(temporary, { force: true }).catch(() => undefined);
            throw new CheckpointWriteError(file, error);
        }
    }
}
async function writeDurably(file, text) {
    const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
/** Flushes a directory entry (the rename); not every platform allows it, which is harmless. */
async function syncDirectory(directory) {
    try {
        const handle = await open(directory, constants.O_RDONLY);
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        // Windows cannot open a directory for syncing; the rename itself is still atomic.
    }
}
