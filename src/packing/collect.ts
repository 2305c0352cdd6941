import { lstatSync, readdirSync } from 'node:fs'
import { readlink, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path'
import { InvalidInputError } from '../checkpoint/errors.js'
import { unsafePathReason } from '../checkpoint/safe-paths.js'
import { FILE_CONCURRENCY, mapLimit } from './limit.js'
import {
  isInside,
  pathsOf,
  portableLinkTarget,
  resolveInside,
  toRelative
} from './workspace-paths.js'

/** A file found by `paths`, with what the manifest records of it. */
export interface CollectedFile {
  /** Workspace-relative, forward slashes. */
  path: string
  absolute: string
  /** As collected; the save records the bytes it actually packs. */
  size: number
  mode: number
  mtime: Date
  /** For a symbolic link: its target, relative to the link's folder. */
  link?: string
}

/**
 * Finds the files that `paths` globs name (`!` excludes), inside the workspace only. Links are
 * kept as links when they point inside the workspace and refused when they point out of it.
 * @param input the input's name, for error messages
 * @throws InvalidInputError for a pattern or a link that leaves the workspace
 */
export async function collectFiles(
  workspace: string,
  patterns: string[],
  input = 'paths'
): Promise<CollectedFile[]> {
  if (patterns.length === 0) return []
  const root = await realpath(workspace)
  const absolutePatterns = patterns.map(pattern => absolutePattern(root, pattern, input))
  const folders = new Map<string, Promise<string>>()
  const realFolder = (folder: string): Promise<string> => {
    let real = folders.get(folder)
    if (!real) {
      real = realpath(folder)
      folders.set(folder, real)
    }
    return real
  }
  const found = (await findPaths(absolutePatterns)).sort()
  return mapLimit(found, FILE_CONCURRENCY, absolute =>
    describeFile(root, absolute, { input, realFolder })
  )
}

/**
 * What the absolute patterns name, as `@actions/glob` finds it (implicit descendants, links not
 * followed, no folders): paths without a wildcard are walked here, since the glob awaits one
 * call per item (1,000 files: 45-65 ms, against 4 ms for one listing of the tree).
 */
export async function findPaths(absolutePatterns: string[]): Promise<string[]> {
  if (process.platform !== 'win32' && absolutePatterns.every(isPlainPath)) {
    return walkPaths(absolutePatterns)
  }
  // Loaded only for wildcards: it brings @actions/core and its HTTP client with it.
  const glob = await import('@actions/glob')
  const globber = await glob.create(absolutePatterns.join('\n'), {
    followSymbolicLinks: false,
    implicitDescendants: true,
    matchDirectories: false
  })
  return globber.glob()
}

/** A pattern that names one path: no wildcard, escape, exclusion or `.`/`..` segment. */
function isPlainPath(pattern: string): boolean {
  return !/[*?[\\]/.test(pattern) && !pattern.startsWith('!') && !/(^|\/)\.\.?(\/|$)/.test(pattern)
}

/**
 * Each path that is not a folder, and everything not a folder beneath each folder, links not
 * followed; a path ending in `/` names a folder only; a missing path names nothing.
 */
function walkPaths(paths: string[]): string[] {
  const found = new Set<string>()
  for (const pattern of paths) {
    const path = normalize(pattern).replace(/(.)\/+$/, '$1')
    // Nothing there names nothing; any other failure (ENOTDIR, EACCES) is thrown, as the glob does.
    const stats = lstatSync(path, { throwIfNoEntry: false })
    if (!stats) continue
    if (!stats.isDirectory()) {
      if (!pattern.endsWith('/')) found.add(path)
      continue
    }
    for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
      if (!entry.isDirectory()) found.add(join(entry.parentPath, entry.name))
    }
  }
  return [...found]
}

/**
 * A `paths` pattern made absolute under the workspace, refused when the part before its first
 * wildcard leaves it (`..`, another absolute path, drive or share).
 */
export function absolutePattern(
  root: string,
  pattern: string,
  input: string,
  platform: NodeJS.Platform = process.platform
): string {
  const negated = pattern.startsWith('!')
  const body = negated ? pattern.slice(1) : pattern
  // Only the part before the first wildcard decides where the glob looks.
  const fixed = body.split(/[*?[{]/, 1)[0] ?? ''
  resolveInside(root, fixed === '' ? '.' : fixed, input, platform)
  const paths = pathsOf(platform)
  // The glob takes `/` and, on Windows, `\` between folders.
  const absolute = paths.isAbsolute(body) ? body : `${root}${paths.sep}${body}`
  return negated ? `!${absolute}` : absolute
}

/**
 * The path a checkpoint stores for a file the glob found: workspace-relative with `/`; one no
 * checkpoint could hold (a POSIX name with a backslash, say) is refused here, not on restore.
 */
export function storedPath(
  root: string,
  absolute: string,
  input: string,
  platform: NodeJS.Platform = process.platform
): string {
  const path = toRelative(root, absolute, platform)
  const unsafe = unsafePathReason(path)
  if (unsafe) {
    throw new InvalidInputError(
      input,
      path,
      `names a file whose path ${unsafe}: checkpoints store workspace paths with / between folders, the same on every OS`
    )
  }
  return path
}

async function describeFile(
  root: string,
  absolute: string,
  options: { input: string; realFolder: (folder: string) => Promise<string> }
): Promise<CollectedFile> {
  const { input } = options
  const path = storedPath(root, absolute, input)
  if (!isInside(root, await options.realFolder(dirname(absolute)))) {
    throw new InvalidInputError(input, path, 'lies under a link that leads outside the workspace')
  }
  // At once: one call per file, for thousands of files (small-io.ts says why).
  const stats = lstatSync(absolute)
  const mode = stats.mode & 0o777
  if (stats.isSymbolicLink()) {
    const target = await readlink(absolute)
    if (isAbsolute(target) || !isInside(root, resolve(dirname(absolute), target))) {
      throw new InvalidInputError(
        input,
        path,
        `is a link to ${target}, outside the workspace: links must stay inside it`
      )
    }
    const link = portableLinkTarget(target)
    if (link.includes('\\')) {
      throw new InvalidInputError(
        input,
        path,
        `is a link to ${target}, whose backslash no checkpoint can store`
      )
    }
    return { path, absolute, size: 0, mode, mtime: stats.mtime, link }
  }
  return { path, absolute, size: stats.size, mode, mtime: stats.mtime }
}
