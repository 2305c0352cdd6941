import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointError, describe } from '../checkpoint/errors.js'
import { stageArchive } from './stage-source.js'
import { archivesOf, type CheckpointSource } from './source.js'

/** One line of a verification: a checkpoint, an archive, or something unreadable. */
export interface VerifiedItem {
  /** A checkpoint's or an archive's name, or a file that could not be read. */
  name: string
  origin: string
  kind: 'checkpoint' | 'archive' | 'unreadable'
  /**
   * `ok`; `failed` (corrupt, a digest mismatch, a refused entry); `newer-schema` (written by a
   * newer version: upgrade to verify it); `unchecked` (an archive no checkpoint records).
   */
  result: 'ok' | 'failed' | 'newer-schema' | 'unchecked'
  /** Files checked, for an archive. */
  files?: number
  bytes?: number
  problem?: string
  /** What was not checked, e.g. encrypted files without the key. */
  note?: string
}

/** The outcome of {@link verifySource}. */
export interface VerifyReport {
  /** True when every checkpoint and every archive present verified. */
  ok: boolean
  items: VerifiedItem[]
  /** Archives that valid checkpoints need and the source does not hold: not verified. */
  missing: string[]
}

/**
 * Verifies everything in a source: every checkpoint's digest, and every files archive that a
 * checkpoint records, extracted into a temporary folder through the manifest-checked extractor
 * (its bytes against the upload digest, each file against its size and sha256).
 */
export async function verifySource(
  source: CheckpointSource,
  options: { fileKey?: Buffer | undefined } = {}
): Promise<VerifyReport> {
  const items = checkpointItems(source)
  for (const archive of source.archives) {
    items.push(await verifyArchive(source, archive.name, options.fileKey))
  }
  const needed = new Set(source.valid.flatMap(document => archivesOf(document)))
  const missing = [...needed].filter(name => !source.archive(name)).sort()
  return {
    ok: items.every(item => item.result === 'ok' || item.result === 'unchecked'),
    items,
    missing
  }
}

/** The unreadable files and every checkpoint, as verified when the source was read. */
function checkpointItems(source: CheckpointSource): VerifiedItem[] {
  const items: VerifiedItem[] = source.problems.map(({ origin, error }) => ({
    name: origin,
    origin,
    kind: 'unreadable',
    result: 'failed',
    problem: error.message
  }))
  for (const found of source.checkpoints) {
    const result = found.document
      ? 'ok'
      : source.status(found) === 'newer-schema'
        ? 'newer-schema'
        : 'failed'
    const problem = found.error?.message
    items.push({
      name: found.name,
      origin: found.origin,
      kind: 'checkpoint',
      result,
      ...(problem ? { problem } : {})
    })
  }
  return items
}

async function verifyArchive(
  source: CheckpointSource,
  name: string,
  fileKey: Buffer | undefined
): Promise<VerifiedItem> {
  const origin = source.archive(name)?.origin ?? name
  if (source.manifest(name).length === 0) {
    return {
      name,
      origin,
      kind: 'archive',
      result: 'unchecked',
      problem: 'no checkpoint in the source records it'
    }
  }
  const staging = await mkdtemp(join(tmpdir(), 'checkpoint-verify-'))
  try {
    const staged = await stageArchive(source, name, staging, fileKey)
    const note = staged.decrypted
      ? undefined
      : 'encrypted: checked as stored; set CHECKPOINT_ENCRYPTION_KEY to check the files'
    const { files, bytes } = staged
    return { name, origin, kind: 'archive', result: 'ok', files, bytes, ...(note ? { note } : {}) }
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error
    return { name, origin, kind: 'archive', result: 'failed', problem: describe(error) }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
