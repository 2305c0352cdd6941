/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters (nor UNC paths, which start with a slash), no NUL.
 * Anything else could land outside the root, on some OS. With `platform` 'win32', a path about
 * to be written on Windows must also be one that Windows writes where it says: no name that
 * Windows trims (a trailing dot or space), no character it refuses or reads as a stream
 * (`a:b`), no device name (`CON`, `nul.txt`).
 */
export declare function unsafePathReason(path: string, platform?: string): string | undefined;
/** True when `path` is a safe workspace-relative path (see {@link unsafePathReason}). */
export declare function isSafeRelativePath(path: string, platform?: string): boolean;
