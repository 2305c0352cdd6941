/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters, no NUL. Anything else could land outside the root.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path.length === 0) return 'is empty'
  if (path.includes('\0')) return 'contains a NUL byte'
  if (path.includes('\\')) return 'contains a backslash'
  if (path.startsWith('/')) return 'is absolute'
  if (/^[A-Za-z]:/.test(path)) return 'starts with a drive letter'
  const segments = path.split('/')
  if (segments.some(segment => segment === '..')) return 'contains a ".." segment'
  if (segments.some(segment => segment === '.' || segment === '')) return 'is not normalized'
  return undefined
}

/** True when `path` is a safe workspace-relative path (see {@link unsafePathReason}). */
export function isSafeRelativePath(path: string): boolean {
  return unsafePathReason(path) === undefined
}
