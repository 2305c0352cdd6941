import { chmodSync, realpathSync, renameSync } from 'node:fs'
import { copyFile, mkdir, realpath, rm, symlink } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { FILE_CONCURRENCY, mapLimit } from './limit.js'
import type { FileRecord } from '../checkpoint/document.js'
import { CheckpointError } from '../checkpoint/errors.js'
import { unsafePathReason } from '../checkpoint/safe-paths.js'
import { isInside, nativeLinkTarget } from './workspace-paths.js'
import { realFolder, statIfAny } from './small-io.js'
import { stagedPath } from './staged-path.js'

/** A restore that would write outside the workspace (through a link or a link target). */
export class PathEscapeError extends CheckpointError {}

/** One file to put in place: its record, and where its verified bytes are staged. */
export interface Placement {
  file: FileRecord
  /** The staged file; absent for a link, which has no bytes. */
  from?: string | undefined
}

/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths,
 * with their recorded modes, and recreates links. See {@link placeAll}.
 */
export async function placeFiles(
  staging: string,
  files: FileRecord[],
  workspace: string
): Promise<void> {
  const placements = files.map(file => ({
    file,
    from: file.link === undefined ? stagedPath(staging, file.path) : undefined
  }))
  await placeAll(placements, workspace)
}

/**
 * Puts files in place under `workspace`. Everything is checked before anything is written:
 * every folder on the way is a real folder inside the workspace (a link already there cannot
 * lead a write outside), nothing is in the way, and every link target stays inside. Regular
 * files go first and links last, so no file is written through a link this restore makes;
 * links are then resolved for real, and all of them are removed again if one leads out.
 */
export async function placeAll(placements: Placement[], workspace: string): Promise<void> {
  const root = await realpath(workspace)
  const folders = new FolderWalk(root)
  await mapLimit(placements, FILE_CONCURRENCY, placement =>
    checkPlacement(root, placement.file, folders)
  )
  const regular = placements.filter(({ file, from }) => file.link === undefined && from)
  await mapLimit(regular, FILE_CONCURRENCY, async ({ file, from }) => {
    const target = join(root, file.path)
    await folders.make(dirname(file.path))
    await moveFile(from ?? '', target, file.mode & 0o777)
  })
  const links = placements.filter(placement => placement.file.link !== undefined)
  for (const { file } of links) {
    const target = join(root, file.path)
    await folders.make(dirname(file.path))
    await rm(target, { force: true })
    await symlink(nativeLinkTarget(file.link ?? ''), target)
  }
  await checkLinks(
    root,
    links.map(placement => placement.file)
  )
}

async function checkPlacement(root: string, file: FileRecord, folders: FolderWalk): Promise<void> {
  const refuse = (reason: string): never => {
    throw new PathEscapeError(`Refused to restore ${file.path}: ${reason}`)
  }
  // Checked for this OS too: a name Windows would write elsewhere (`a.`, `a:b`, `con`).
  const unsafe = unsafePathReason(file.path, process.platform)
  if (unsafe) refuse(`its path ${unsafe}`)
  const problem = await folders.check(dirname(file.path))
  if (problem) refuse(problem)
  const existing = statIfAny(join(root, file.path))
  if (existing?.isDirectory()) refuse('a folder of that name is in the way')
  if (
    file.link !== undefined &&
    !isInside(root, resolve(join(root, dirname(file.path)), nativeLinkTarget(file.link)))
  ) {
    refuse(`it is a link to ${file.link}, which leads outside the workspace`)
  }
}

/**
 * The folders on the way to the files, each looked at once however many files lie under it:
 * `check` before anything is written (a link already there cannot lead a write outside), and
 * `make` to create the missing ones one at a time, each under a checked real folder.
 */
class FolderWalk {
  private readonly checked = new Map<string, Promise<string | undefined>>()
  private readonly made = new Map<string, Promise<void>>()

  constructor(private readonly root: string) {}

  /** Why files cannot go under `relative`, or undefined when they can. */
  check(relative: string): Promise<string | undefined> {
    if (relative === '.' || relative === '') return Promise.resolve(undefined)
    let result = this.checked.get(relative)
    if (!result) {
      result = this.check(dirname(relative)).then(problem => {
        if (problem) return problem
        return this.checkOne(relative)
      })
      this.checked.set(relative, result)
    }
    return result
  }

  private checkOne(relative: string): string | undefined {
    const folder = join(this.root, relative)
    const segment = basename(relative)
    const stats = statIfAny(folder)
    if (!stats) return undefined
    if (stats.isSymbolicLink()) {
      const real = realFolder(folder)
      if (real === undefined || !isInside(this.root, real))
        return `its folder ${segment} is a link that leads outside the workspace`
    } else if (!stats.isDirectory()) {
      return `a file is in the way of its folder ${segment}`
    }
    return undefined
  }

  make(relative: string): Promise<void> {
    if (relative === '.' || relative === '') return Promise.resolve()
    let made = this.made.get(relative)
    if (!made) {
      made = this.make(dirname(relative)).then(() => this.makeOne(relative))
      this.made.set(relative, made)
    }
    return made
  }

  private async makeOne(relative: string): Promise<void> {
    const folder = join(this.root, relative)
    try {
      await mkdir(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const real = realpathSync.native(folder)
    if (!isInside(this.root, real))
      throw new PathEscapeError(
        `Refused to write under ${relative}: it leads outside the workspace`
      )
  }
}

/** Links resolved for real (chains included) must stay inside; else none of them stays. */
async function checkLinks(root: string, links: FileRecord[]): Promise<void> {
  for (const link of links) {
    const real = await realpath(join(root, link.path)).catch(() => undefined)
    if (real === undefined || isInside(root, real)) continue
    await Promise.all(links.map(item => rm(join(root, item.path), { force: true })))
    throw new PathEscapeError(
      `Refused to restore link ${link.path}: through other links it leads outside the workspace`
    )
  }
}

/**
 * Gives a staged file its `mode`, then renames it over whatever file or link is at `to` (it
 * appears there complete, in one rename), or copies it where staging and workspace are on
 * different file systems (after removing what is there: a copy would follow a link). The
 * calls that only touch names are made at once (small-io.ts says why).
 */
async function moveFile(from: string, to: string, mode: number): Promise<void> {
  chmodSync(from, mode)
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await rm(to, { force: true })
    await copyFile(from, to)
    await rm(from, { force: true })
  }
}
