import { lstat, readlink, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import * as glob from '@actions/glob'
import { InvalidInputError } from '../checkpoint/errors.js'
import { FILE_CONCURRENCY, mapLimit } from './limit.js'
import { isInside, resolveInside, toRelative } from './workspace-paths.js'

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
  const globber = await glob.create(absolutePatterns.join('\n'), {
    followSymbolicLinks: false,
    implicitDescendants: true,
    matchDirectories: false
  })
  const folders = new Map<string, Promise<string>>()
  const realFolder = (folder: string): Promise<string> => {
    let real = folders.get(folder)
    if (!real) {
      real = realpath(folder)
      folders.set(folder, real)
    }
    return real
  }
  const found = (await globber.glob()).sort()
  return mapLimit(found, FILE_CONCURRENCY, absolute =>
    describeFile(root, absolute, { input, realFolder })
  )
}

function absolutePattern(root: string, pattern: string, input: string): string {
  const negated = pattern.startsWith('!')
  const body = negated ? pattern.slice(1) : pattern
  // Only the part before the first wildcard decides where the glob looks.
  const fixed = body.split(/[*?[{]/, 1)[0] ?? ''
  resolveInside(root, fixed === '' ? '.' : fixed, input)
  const absolute = isAbsolute(body) ? body : `${root}/${body}`
  return negated ? `!${absolute}` : absolute
}

async function describeFile(
  root: string,
  absolute: string,
  options: { input: string; realFolder: (folder: string) => Promise<string> }
): Promise<CollectedFile> {
  const { input } = options
  const path = toRelative(root, absolute)
  if (!isInside(root, await options.realFolder(dirname(absolute)))) {
    throw new InvalidInputError(input, path, 'lies under a link that leads outside the workspace')
  }
  const stats = await lstat(absolute)
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
    return { path, absolute, size: 0, mode, mtime: stats.mtime, link: target }
  }
  return { path, absolute, size: stats.size, mode, mtime: stats.mtime }
}
