import { lstat, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sha256Digest } from '../checkpoint/canonical.js'
import type { CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import type { CheckpointError } from '../checkpoint/errors.js'
import { checkpointName } from '../checkpoint/naming.js'
import { unsafePathReason } from '../checkpoint/safe-paths.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { placeAll, type Placement } from '../packing/place.js'
import { NotFoundError, UsageError } from './offline-errors.js'
import { stageArchive } from './stage-source.js'
import { archivesOf, type CheckpointSource } from './source.js'
import { stagedPath } from '../packing/staged-path.js'

/** Where and how to restore. */
export interface RestoreOptions {
  /** The folder to restore into; created when missing. */
  to: string
  /** Where the state goes, relative to `to` (default `state.json`). */
  stateFile?: string
  /** Decrypts encrypted files: `CheckpointCodec.fileKey` (the CLI: CHECKPOINT_ENCRYPTION_KEY). */
  fileKey?: Buffer | undefined
  /**
   * Replaces what is already at the checkpoint's paths in `to` (the CLI: `--force`). Without it
   * such paths are refused, all of them named, before anything is extracted or written.
   */
  overwrite?: boolean
}

/** What a restore wrote. */
export interface RestoreResult {
  checkpoint: string
  to: string
  files: number
  links: number
  bytes: number
  stateFile: string
}

/**
 * Restores a checkpoint's files and state into a folder as the restore step does: every archive
 * is verified and extracted into a staging folder first, then the files are moved into place
 * with their modes and links are recreated; nothing lands outside `to`.
 * @throws NotFoundError when an archive the files need is not in the source;
 *   ArchiveIntegrityError or PathEscapeError when something is refused; UsageError, also when
 *   `to` is a file, or holds paths the restore would replace and `overwrite` is not set
 */
export async function restoreCheckpoint(
  source: CheckpointSource,
  document: CheckpointDocument,
  options: RestoreOptions
): Promise<RestoreResult> {
  const to = resolve(options.to)
  const stateFile = stateFileOf(document, options.stateFile ?? 'state.json')
  const cannot = cannotRestore(source, document, options.fileKey)
  if (cannot) throw cannot
  await checkTarget(to, [...document.files.map(file => file.path), stateFile], options.overwrite)
  const staging = await mkdtemp(join(tmpdir(), 'checkpoint-restore-'))
  try {
    const folders = new Map<string, string>()
    for (const [index, name] of archivesOf(document).entries()) {
      const folder = join(staging, String(index))
      await stageArchive(source, name, folder, options.fileKey)
      folders.set(name, folder)
    }
    const state = await stageState(document, stateFile, join(staging, 'state'))
    await mkdir(to, { recursive: true })
    const placements: Placement[] = [...folders].flatMap(([name, folder]) =>
      filesIn(document, name).map(file => ({ file, from: stagedPath(folder, file.path) }))
    )
    for (const file of document.files) if (file.link !== undefined) placements.push({ file })
    placements.push({ file: state, from: join(staging, 'state', state.path) })
    await placeAll(placements, to)
    return summary(document, to, join(to, stateFile))
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/**
 * Why a checkpoint's files cannot be restored from a source: an archive they are in was not
 * downloaded, or is encrypted and there is no key. Undefined when they can.
 */
export function cannotRestore(
  source: CheckpointSource,
  document: CheckpointDocument,
  fileKey: Buffer | undefined
): CheckpointError | undefined {
  const missing = source.missingArchives(document)
  if (missing.length > 0) {
    const where = missing.map(name => describeMissing(source, name))
    return new NotFoundError(
      `${checkpointName(document)} needs ${where.join(', ')}, not in ${source.location}: download it from the run page`
    )
  }
  const sealed = archivesOf(document).filter(
    name => source.archiveRecord(name)?.packing === 'zip-encrypted'
  )
  if (sealed.length > 0 && !fileKey) {
    return new UsageError(
      `The files of ${checkpointName(document)} are encrypted (${sealed.join(', ')}): set CHECKPOINT_ENCRYPTION_KEY to the action's encryption-key`
    )
  }
  return undefined
}

/** At most this many paths are named when a restore would replace files. */
const NAMED_PATHS = 20

/**
 * The target is a folder (or not there yet), and, unless `overwrite`, none of `paths` exists in
 * it: a restore into a working copy never replaces local work unasked.
 */
async function checkTarget(to: string, paths: string[], overwrite = false): Promise<void> {
  const target = await stat(to).catch(() => undefined)
  if (target && !target.isDirectory()) {
    throw new UsageError(
      `--to ${to} is a file: name a folder to restore into (one that is missing is created)`
    )
  }
  if (!target || overwrite) return
  const taken: string[] = []
  for (const path of paths) if (await occupied(join(to, path))) taken.push(path)
  if (taken.length === 0) return
  const named = taken.slice(0, NAMED_PATHS).join(', ')
  const more = taken.length > NAMED_PATHS ? ` and ${taken.length - NAMED_PATHS} more` : ''
  throw new UsageError(
    `${to} already has ${taken.length} of the paths this restore writes, which it would replace: ${named}${more}. Pass --force to replace them, or restore into another folder`
  )
}

/** Something is at the path, or a file stands where one of its folders should be. */
async function occupied(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR'
  }
}

/**
 * An archive the source lacks, with the pack artifact that holds it (the one to download) and
 * why a copy the source does hold was refused.
 */
function describeMissing(source: CheckpointSource, name: string): string {
  const pack = source.packOf(name)
  const refused = source.problems.find(
    ({ error }) => error instanceof ArchiveIntegrityError && error.archive === name
  )
  const held = pack === undefined ? '' : ` (in pack ${pack})`
  return `${name}${held}${refused ? ` (${refused.error.message})` : ''}`
}

function summary(document: CheckpointDocument, to: string, stateFile: string): RestoreResult {
  const regular = document.files.filter(file => file.link === undefined)
  return {
    checkpoint: checkpointName(document),
    to,
    files: regular.length,
    links: document.files.length - regular.length,
    bytes: regular.reduce((total, file) => total + file.size, 0),
    stateFile
  }
}

function filesIn(document: CheckpointDocument, archive: string): FileRecord[] {
  return document.files.filter(file => file.link === undefined && file.archive === archive)
}

function stateFileOf(document: CheckpointDocument, path: string): string {
  const unsafe = unsafePathReason(path, process.platform)
  if (unsafe) throw new UsageError(`--state-file ${JSON.stringify(path)} ${unsafe}`)
  if (document.files.some(file => file.path === path)) {
    throw new UsageError(
      `${checkpointName(document)} has a file at ${path}: pass --state-file to put the state elsewhere`
    )
  }
  return path
}

/** The state as a file in staging, placed like the others (so its folder is checked too). */
async function stageState(
  document: CheckpointDocument,
  path: string,
  staging: string
): Promise<FileRecord> {
  const text = `${JSON.stringify(document.state, null, 2)}\n`
  await mkdir(join(staging, path, '..'), { recursive: true })
  await writeFile(join(staging, path), text)
  return { path, size: Buffer.byteLength(text), sha256: sha256Digest(text), mode: 0o644 }
}
