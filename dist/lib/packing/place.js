import { chmod, copyFile, lstat, mkdir, realpath, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FILE_CONCURRENCY, mapLimit } from './limit.js';
import { CheckpointError } from '../checkpoint/errors.js';
import { unsafePathReason } from '../checkpoint/safe-paths.js';
import { isInside, nativeLinkTarget } from './workspace-paths.js';
/** A restore that would write outside the workspace (through a link or a link target). */
export class PathEscapeError extends CheckpointError {
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths,
 * with their recorded modes, and recreates links. See {@link placeAll}.
 */
export async function placeFiles(staging, files, workspace) {
    const placements = files.map(file => ({
        file,
        from: file.link === undefined ? join(staging, file.path) : undefined
    }));
    await placeAll(placements, workspace);
}
/**
 * Puts files in place under `workspace`. Everything is checked before anything is written:
 * every folder on the way is a real folder inside the workspace (a link already there cannot
 * lead a write outside), nothing is in the way, and every link target stays inside. Regular
 * files go first and links last, so no file is written through a link this restore makes;
 * links are then resolved for real, and all of them are removed again if one leads out.
 */
export async function placeAll(placements, workspace) {
    const root = await realpath(workspace);
    const folders = new FolderWalk(root);
    await mapLimit(placements, FILE_CONCURRENCY, placement => checkPlacement(root, placement.file, folders));
    const regular = placements.filter(({ file, from }) => file.link === undefined && from);
    await mapLimit(regular, FILE_CONCURRENCY, async ({ file, from }) => {
        const target = join(root, file.path);
        await folders.make(dirname(file.path));
        // The staged file gets its mode first: it appears at its path complete, in one rename.
        await chmod(from ?? '', file.mode & 0o777);
        await moveFile(from ?? '', target);
    });
    const links = placements.filter(placement => placement.file.link !== undefined);
    for (const { file } of links) {
        const target = join(root, file.path);
        await folders.make(dirname(file.path));
        await rm(target, { force: true });
        await symlink(nativeLinkTarget(file.link ?? ''), target);
    }
    await checkLinks(root, links.map(placement => placement.file));
}
async function checkPlacement(root, file, folders) {
    const refuse = (reason) => {
        throw new PathEscapeError(`Refused to restore ${file.path}: ${reason}`);
    };
    // Checked for this OS too: a name Windows would write elsewhere (`a.`, `a:b`, `con`).
    const unsafe = unsafePathReason(file.path, process.platform);
    if (unsafe)
        refuse(`its path ${unsafe}`);
    const problem = await folders.check(dirname(file.path));
    if (problem)
        refuse(problem);
    const existing = await lstat(join(root, file.path)).catch(() => undefined);
    if (existing?.isDirectory())
        refuse('a folder of that name is in the way');
    if (file.link !== undefined &&
        !isInside(root, resolve(join(root, dirname(file.path)), nativeLinkTarget(file.link)))) {
        refuse(`it is a link to ${file.link}, which leads outside the workspace`);
    }
}
/**
 * The folders on the way to the files, each looked at once however many files lie under it:
 * `check` before anything is written (a link already there cannot lead a write outside), and
 * `make` to create the missing ones one at a time, each under a checked real folder.
 */
class FolderWalk {
    root;
    checked = new Map();
    made = new Map();
    constructor(root) {
        this.root = root;
    }
    /** Why files cannot go under `relative`, or undefined when they can. */
    check(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve(undefined);
        let result = this.checked.get(relative);
        if (!result) {
            result = this.check(dirname(relative)).then(async (problem) => {
                if (problem)
                    return problem;
                return this.checkOne(relative);
            });
            this.checked.set(relative, result);
        }
        return result;
    }
    async checkOne(relative) {
        const folder = join(this.root, relative);
        const segment = basename(relative);
        const stats = await lstat(folder).catch(() => undefined);
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink()) {
            const real = await realpath(folder).catch(() => '');
            if (!real || !isInside(this.root, real))
                return `its folder ${segment} is a link that leads outside the workspace`;
        }
        else if (!stats.isDirectory()) {
            return `a file is in the way of its folder ${segment}`;
        }
        return undefined;
    }
    make(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve();
        let made = this.made.get(relative);
        if (!made) {
            made = this.make(dirname(relative)).then(() => this.makeOne(relative));
            this.made.set(relative, made);
        }
        return made;
    }
    async makeOne(relative) {
        const folder = join(this.root, relative);
        try {
            await mkdir(folder);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const real = await realpath(folder);
        if (!isInside(this.root, real))
            throw new PathEscapeError(`Refused to write under ${relative}: it leads outside the workspace`);
    }
}
/** Links resolved for real (chains included) must stay inside; else none of them stays. */
async function checkLinks(root, links) {
    for (const link of links) {
        const real = await realpath(join(root, link.path)).catch(() => undefined);
        if (real === undefined || isInside(root, real))
            continue;
        await Promise.all(links.map(item => rm(join(root, item.path), { force: true })));
        throw new PathEscapeError(`Refused to restore link ${link.path}: through other links it leads outside the workspace`);
    }
}
/**
 * Renames over whatever file or link is at `to`, or copies where staging and workspace are on
 * different file systems (after removing what is there: a copy would follow a link).
 */
async function moveFile(from, to) {
    try {
        await rename(from, to);
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
        await rm(to, { force: true });
        await copyFile(from, to);
        await rm(from, { force: true });
    }
}
