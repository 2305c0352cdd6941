import { createHash } from 'node:crypto'
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  realpath,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * A watched tree around a restore target: sentinel files at every level above it and beside
 * it, and a folder `outside` that hostile absolute paths and links point to. Whatever a restore
 * writes outside the target changes the tree's snapshot.
 *
 * ```
 * tree/sentinel.txt
 * tree/outside/keep.txt          hostile absolute paths and links point here
 * tree/a/sentinel.txt
 * tree/a/b/sentinel.txt
 * tree/a/b/c/sentinel.txt        `..` from the target lands here
 * tree/a/b/c/<target>/           the workspace, or the CLI's DIR
 * ```
 */
export interface SentinelTree {
  tree: string
  outside: string
  /** The folder `..` of the target is. */
  parent: string
  target: string
}

export async function sentinelTree(targetName = 'workspace'): Promise<SentinelTree> {
  const tree = await mkdtemp(join(tmpdir(), 'checkpoint-hostile-'))
  const parent = join(tree, 'a', 'b', 'c')
  const outside = join(tree, 'outside')
  await mkdir(parent, { recursive: true })
  await mkdir(outside)
  await writeFile(join(outside, 'keep.txt'), 'keep\n')
  for (const level of [tree, join(tree, 'a'), join(tree, 'a', 'b'), parent]) {
    await writeFile(join(level, 'sentinel.txt'), `sentinel of ${level}\n`)
  }
  const target = join(parent, targetName)
  return { tree, outside, parent, target }
}

/**
 * Every entry under `root`, links not followed: its type, permission bits, and its content's
 * sha256 or its link's target. Paths under `exclude` are left out.
 */
export async function snapshot(root: string, exclude: string[] = []): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  if (!(await exists(root))) return found
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true })
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (exclude.some(excluded => path === excluded)) continue
      const stats = await lstat(path)
      const mode = (stats.mode & 0o7777).toString(8)
      const key = relative(root, path).split(sep).join('/')
      if (stats.isSymbolicLink()) found.set(key, `link -> ${await readlink(path)}`)
      else if (stats.isDirectory()) {
        found.set(key, `dir ${mode}`)
        await walk(path)
      } else if (stats.isFile()) {
        const digest = createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
        found.set(key, `file ${mode} ${stats.size} ${digest}`)
      } else found.set(key, `other ${mode}`)
    }
  }
  await walk(root)
  return new Map([...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** The differences between two snapshots, one line each: `+ path`, `- path`, `~ path`. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = []
  for (const [path, was] of before) {
    const now = after.get(path)
    if (now === undefined) lines.push(`- ${path} (${was})`)
    else if (now !== was) lines.push(`~ ${path} (${was} => ${now})`)
  }
  for (const [path, now] of after) if (!before.has(path)) lines.push(`+ ${path} (${now})`)
  return lines
}

/**
 * Links under `root` that lead out of it: by their real target when it exists, else by the
 * target's text resolved from the link's folder. Links themselves are never followed.
 */
export async function linksLeadingOut(root: string): Promise<string[]> {
  if (!(await exists(root))) return []
  const base = await realpath(root)
  const out: string[] = []
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) await walk(path)
      if (!entry.isSymbolicLink()) continue
      const text = await readlink(path)
      const real = await realpath(path).catch(() => resolve(dirname(path), text))
      if (!inside(base, real)) out.push(`${relative(root, path)} -> ${text} (${real})`)
    }
  }
  await walk(root)
  return out
}

function inside(root: string, path: string): boolean {
  const from = relative(root, path)
  return from === '' || (!from.startsWith(`..${sep}`) && from !== '..' && !isAbsolute(from))
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined
}
