import { createReadStream } from 'node:fs'
import { lstat, readlink, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, resolve } from 'node:path'
import * as glob from '@actions/glob'
import { ConfigurationError, InvalidInputError } from '../checkpoint/errors.js'
import { isInside, resolveInside, toRelative } from './paths.js'

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
  input = 'paths',
  secrets: string[] = []
): Promise<CollectedFile[]> {
  if (patterns.length === 0) return []
  const root = await realpath(workspace)
  const absolutePatterns = patterns.map(pattern => absolutePattern(root, pattern, input))
  const globber = await glob.create(absolutePatterns.join('\n'), {
    followSymbolicLinks: false,
    implicitDescendants: true,
    matchDirectories: false
  })
  const files: CollectedFile[] = []
  for (const absolute of (await globber.glob()).sort()) {
    files.push(await describeFile(root, absolute, input, secrets))
  }
  return files
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
  input: string,
  secrets: string[]
): Promise<CollectedFile> {
  const path = toRelative(root, absolute)
  if (!isInside(root, await realpath(dirname(absolute)))) {
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
  if (await holdsSecret(absolute, secrets)) {
    throw new ConfigurationError(
      `File ${path} contains the job's token or a checkpoint key: it is not saved, since checkpoints can be downloaded by anyone who can read the run.`
    )
  }
  return { path, absolute, size: stats.size, mode, mtime: stats.mtime }
}

/**
 * Looks for exact secrets in a file, streamed, before anything is uploaded. Its sha256 is taken
 * later, in the one pass that packs it (see ZipPacker).
 */
async function holdsSecret(file: string, secrets: string[]): Promise<boolean> {
  const needles = secrets.filter(secret => secret.length >= 8).map(secret => Buffer.from(secret))
  if (needles.length === 0) return false
  const longest = Math.max(...needles.map(needle => needle.length))
  let tail = Buffer.alloc(0)
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const window = tail.length === 0 ? (chunk as Buffer) : Buffer.concat([tail, chunk as Buffer])
    if (needles.some(needle => window.includes(needle))) return true
    tail = Buffer.from(window.subarray(Math.max(0, window.length - longest + 1)))
  }
  return false
}
