/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters, no NUL. Anything else could land outside the root.
 */
export declare function unsafePathReason(path: string): string | undefined;
/** True when `path` is a safe workspace-relative path (see {@link unsafePathReason}). */
export declare function isSafeRelativePath(path: string): boolean;
