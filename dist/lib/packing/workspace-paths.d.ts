import path from 'node:path';
/**
 * The path functions of the OS the step runs on: Windows' (drive letters, backslashes, names
 * compared ignoring case) or POSIX's. Every function here takes the platform, defaulting to this
 * process's, so that each OS's rules are tested on any machine.
 */
export declare function pathsOf(platform?: NodeJS.Platform): path.PlatformPath;
/** True when `target` is `root` or below it (both absolute and resolved). */
export declare function isInside(root: string, target: string, platform?: NodeJS.Platform): boolean;
/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it: `..`,
 * another absolute path, another drive, a UNC share.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
export declare function resolveInside(workspace: string, given: string, input: string, platform?: NodeJS.Platform): string;
/** The workspace-relative form of an absolute path inside it, as checkpoints store it: `/`. */
export declare function toRelative(workspace: string, absolute: string, platform?: NodeJS.Platform): string;
/** A link's target as checkpoints store it: with `/` (Windows writes `\`). */
export declare function portableLinkTarget(target: string, platform?: NodeJS.Platform): string;
/** A stored link target as the OS writes it: Windows' links need `\` to resolve. */
export declare function nativeLinkTarget(target: string, platform?: NodeJS.Platform): string;
