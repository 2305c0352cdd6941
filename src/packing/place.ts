import { chmod, copyFile, lstat, mkdir, realpath, rename, rm, symlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { FileRecord } from '../checkpoint/document.js'
import { CheckpointError } from '../checkpoint/errors.js'
import { isInside } from './paths.js'

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
    from: file.link === undefined ? join(staging, file.path) : undefined
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
  for (const placement of placements) await checkPlacement(root, placement.file)
  for (const { file, from } of placements) {
    if (file.link !== undefined || from === undefined) continue
    const target = join(root, file.path)
    await makeFolders(root, dirname(file.path))
    await rm(target, { force: true })
    await moveFile(from, target)
    await chmod(target, file.mode & 0o777)
  }
  const links = placements.filter(placement => placement.file.link !== undefined)
  for (const { file } of links) {
    const target = join(root, file.path)
    await makeFolders(root, dirname(file.path))
    await rm(target, { force: true })
    await symlink(file.link ?? '', target)
  }
  await checkLinks(
    root,
    links.map(placement => placement.file)
  )
}

async function checkPlacement(root: string, file: FileRecord): Promise<void> {
  const refuse = (reason: string): never => {
    throw new PathEscapeError(`Refused to restore ${file.path}: ${reason}`)
  }
  let folder = root
  for (const segment of dirname(file.path)
    .split('/')
    .filter(part => part !== '.')) {
    folder = join(folder, segment)
    const stats = await lstat(folder).catch(() => undefined)
    if (!stats) break
    if (stats.isSymbolicLink()) {
      const real = await realpath(folder).catch(() => '')
      if (!real || !isInside(root, real))
        refuse(`its folder ${segment} is a link that leads outside the workspace`)
    } else if (!stats.isDirectory()) {
      refuse(`a file is in the way of its folder ${segment}`)
    }
  }
  const existing = await lstat(join(root, file.path)).catch(() => undefined)
  if (existing?.isDirectory()) refuse('a folder of that name is in the way')
  if (
    file.link !== undefined &&
    !isInside(root, resolve(join(root, dirname(file.path)), file.link))
  ) {
    refuse(`it is a link to ${file.link}, which leads outside the workspace`)
  }
}

/** Creates the missing folders of `relative` one at a time, each under a checked real folder. */
async function makeFolders(root: string, relative: string): Promise<void> {
  let folder = root
  for (const segment of relative.split('/').filter(part => part !== '.' && part !== '')) {
    folder = join(folder, segment)
    try {
      await mkdir(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const real = await realpath(folder)
    if (!isInside(root, real))
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

/** Renames, or copies where staging and workspace are on different file systems. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await copyFile(from, to)
    await rm(from, { force: true })
  }
}
