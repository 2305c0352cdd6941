import path from 'node:path';
import { InvalidInputError } from '../checkpoint/errors.js';
/**
 * The path functions of the OS the step runs on: Windows' (drive letters, backslashes, names
 * compared ignoring case) or POSIX's. Every function here takes the platform, defaulting to this
 * process's, so that each OS's rules are tested on any machine.
 */
export function pathsOf(platform = process.platform) {
    return platform === 'win32' ? path.win32 : path.posix;
}
/** True when `target` is `root` or below it (both absolute and resolved). */
export function isInside(root, target, platform = process.platform) {
    const paths = pathsOf(platform);
    const fromRoot = paths.relative(root, target);
    return (fromRoot === '' ||
        (!fromRoot.startsWith(`..${paths.sep}`) && fromRoot !== '..' && !paths.isAbsolute(fromRoot)));
}
/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it: `..`,
 * another absolute path, another drive, a UNC share.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
export function resolveInside(workspace, given, input, platform = process.platform) {
    const absolute = pathsOf(platform).resolve(workspace, given);
    if (!isInside(workspace, absolute, platform)) {
        throw new InvalidInputError(input, given, `must be inside the workspace ${workspace}`);
    }
    return absolute;
}
/** The workspace-relative form of an absolute path inside it, as checkpoints store it: `/`. */
export function toRelative(workspace, absolute, platform = process.platform) {
    const fromWorkspace = pathsOf(platform).relative(workspace, absolute);
    return fromWorkspace.split(pathsOf(platform).sep).join('/');
}
/** A link's target as checkpoints store it: with `/` (Windows writes `\`). */
export function portableLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\\/g, '/') : target;
}
/** A stored link target as the OS writes it: Windows' links need `\` to resolve. */
export function nativeLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\//g, '\\') : target;
}
