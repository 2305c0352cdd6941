import { chmod, copyFile, lstat, mkdir, realpath, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CheckpointError } from '../checkpoint/errors.js';
import { isInside } from './paths.js';
/** A restore that would write outside the workspace (through a link or a link target). */
export class PathEscapeError extends CheckpointError {
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths, with
 * their recorded modes, and recreates links. Every parent folder is checked after it exists, so
 * a link already in the workspace cannot redirect a write outside it.
 */
export async function placeFiles(staging, files, workspace) {
    const root = await realpath(workspace);
    for (const file of files) {
        const target = join(root, file.path);
        const parent = dirname(target);
        await mkdir(parent, { recursive: true });
        if (!isInside(root, await realpath(parent))) {
            throw new PathEscapeError(`Refused to restore ${file.path}: its folder leads outside the workspace`);
        }
        await removeExisting(target, file.path);
        if (file.link !== undefined) {
            if (!isInside(root, resolve(parent, file.link))) {
                throw new PathEscapeError(`Refused to restore link ${file.path}: ${file.link} leads outside the workspace`);
            }
            await symlink(file.link, target);
            continue;
        }
        await moveFile(join(staging, file.path), target);
        await chmod(target, file.mode);
    }
}
async function removeExisting(target, path) {
    const existing = await lstat(target).catch(() => undefined);
    if (existing?.isDirectory()) {
        throw new PathEscapeError(`Cannot restore ${path}: a folder of that name is in the way`);
    }
    if (existing)
        await rm(target, { force: true });
}
/** Renames, or copies where staging and workspace are on different file systems. */
async function moveFile(from, to) {
    try {
        await rename(from, to);
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
        await copyFile(from, to);
        await rm(from, { force: true });
    }
}
