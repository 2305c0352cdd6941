/** True when `path` is `root` or below it (both absolute and resolved). */
export declare function isInside(root: string, path: string): boolean;
/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
export declare function resolveInside(workspace: string, path: string, input: string): string;
/** The workspace-relative form of an absolute path inside it, with forward slashes. */
export declare function toRelative(workspace: string, absolute: string): string;
