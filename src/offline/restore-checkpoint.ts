import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sha256Digest } from '../checkpoint/canonical.js'
import type { CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { checkpointName } from '../checkpoint/naming.js'
import { unsafePathReason } from '../checkpoint/safe-paths.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { placeAll, type Placement } from '../packing/place.js'
import { NotFoundError, UsageError } from './offline-errors.js'
import { stageArchive } from './stage-source.js'
import { archivesOf, type CheckpointSource } from './source.js'

/** Where and how to restore. */
export interface RestoreOptions {
  /** The folder to restore into; created when missing. */
  to: string
  /** Where the state goes, relative to `to` (default `state.json`). */
  stateFile?: string
  /** Decrypts encrypted files: `CheckpointCodec.fileKey` (the CLI: CHECKPOINT_ENCRYPTION_KEY). */
  fileKey?: Buffer | undefined
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
 *   ArchiveIntegrityError or PathEscapeError when something is refused; UsageError
 */
export async function restoreCheckpoint(
  source: CheckpointSource,
  document: CheckpointDocument,
  options: RestoreOptions
): Promise<RestoreResult> {
  const to = resolve(options.to)
  const stateFile = stateFileOf(document, options.stateFile ?? 'state.json')
  checkArchives(source, document, options.fileKey)
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
      filesIn(document, name).map(file => ({ file, from: join(folder, file.path) }))
    )
    for (const file of document.files) if (file.link !== undefined) placements.push({ file })
    placements.push({ file: state, from: join(staging, 'state', state.path) })
    await placeAll(placements, to)
    return summary(document, to, join(to, stateFile))
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Every archive the files need is there, and can be decrypted when it is encrypted. */
function checkArchives(
  source: CheckpointSource,
  document: CheckpointDocument,
  fileKey: Buffer | undefined
): void {
  const missing = source.missingArchives(document)
  if (missing.length > 0) {
    const where = missing.map(name => describeMissing(source, name))
    throw new NotFoundError(
      `${checkpointName(document)} needs ${where.join(', ')}, not in ${source.location}: download it from the run page`
    )
  }
  const sealed = archivesOf(document).filter(
    name => source.archiveRecord(name)?.packing === 'zip-encrypted'
  )
  if (sealed.length > 0 && !fileKey) {
    throw new UsageError(
      `The files of ${checkpointName(document)} are encrypted (${sealed.join(', ')}): set CHECKPOINT_ENCRYPTION_KEY to the action's encryption-key`
    )
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
