import * as core from '../action/light-toolkit.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec } from '../checkpoint/codec.js'
import { restrictTo } from '../checkpoint/contribution.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { describe } from '../checkpoint/errors.js'
import { filesArchiveName } from '../checkpoint/naming.js'
import { cacheKey } from '../checkpoint/reuse.js'
import type { JobContext } from '../action/job-context.js'
import type { RunContext } from '../transport/run-context.js'
import { isGhes } from '../transport/config.js'
import { saveEntry, type CacheSave } from '../transport/cache-store.js'
import { checkpointNode } from './checkpoint-node.js'
import type { NodeSave } from './save-node.js'

/**
 * Whether a save also keeps its node in the Actions cache: asked with `cache: true` (the default
 * on GHES), or by a restore step that reads the cache (`from` lists cache).
 */
export function cacheWanted(input: boolean, job: JobContext): boolean {
  return input || job.reuse?.from.includes('cache') === true
}

/** A node's checkpoint as saved, and whether it is kept anywhere a later step can find it. */
export type KeptCheckpoint = Awaited<ReturnType<typeof checkpointNode>> & { kept: boolean }

/**
 * Saves a node as {@link checkpointNode} does, then, when wanted and the node has a key, keeps
 * its part (its document and files archive) in the Actions cache under the key of its scope,
 * node and fingerprint. The cache is best effort: a failure there is a warning.
 */
export async function checkpointWithCache(
  save: NodeSave,
  paths: string[],
  context: RunContext,
  job: JobContext,
  wanted: boolean,
  durationMs?: number
): Promise<KeptCheckpoint> {
  const key = wanted ? cacheKey(save.scope, save.node, save.fingerprint) : undefined
  if (!key) {
    if (isGhes()) warnNotKept(save, wanted)
    return { ...(await checkpointNode(save, paths, context, job, durationMs)), kept: !isGhes() }
  }
  const keep = await mkdtemp(join(context.runnerTemp, 'checkpoint-cache-save-'))
  try {
    const archive = join(keep, 'files.zip')
    const saved = await checkpointNode(
      { ...save, keepArchive: archive },
      paths,
      context,
      job,
      durationMs
    )
    const cached = await cacheCheckpoint(saved.document, save, key, archive, context.workspace)
    return { ...saved, kept: cached || !isGhes() }
  } finally {
    await rm(keep, { recursive: true, force: true })
  }
}

function warnNotKept(save: NodeSave, wanted: boolean): void {
  const why = wanted ? 'it has no key' : 'cache is false'
  core.warning(
    `Node '${save.node}' is not kept anywhere: GitHub Enterprise Server has no artifacts, and the Actions cache keeps only nodes with a key (${why}).`
  )
}

async function cacheCheckpoint(
  document: CheckpointDocument,
  save: NodeSave,
  key: string,
  archiveFile: string,
  workspace: string
): Promise<boolean> {
  try {
    const part = restrictTo(document, [save.node])
    // The entry holds the archive this save wrote; files of an earlier save stay out of it.
    if (part.archives.some(archive => archive.name !== filesArchiveName(document))) {
      core.info(
        `Node '${save.node}' is not kept in the cache: some of its files are in an archive of an earlier save.`
      )
      return false
    }
    const text = new CheckpointCodec(save.protection).encode(part)
    const [archive] = part.archives
    const entry = { key, scope: save.scope, node: save.node, document: text }
    const result = await saveEntry(
      entry,
      archive && { name: archive.name, file: archiveFile },
      workspace,
      core.notice
    )
    core.info(cacheResult(result, save.node, key))
    return result === 'saved' || result === 'exists'
  } catch (error) {
    core.warning(`Node '${save.node}' could not be kept in the Actions cache: ${describe(error)}`)
    return false
  }
}

function cacheResult(result: CacheSave, node: string, key: string): string {
  switch (result) {
    case 'saved':
      return `Node '${node}' is kept in the Actions cache under ${key}.`
    case 'exists':
      return `Node '${node}' is in the Actions cache already under ${key}: keys never change, nothing to save.`
    case 'not-saved':
      return `Node '${node}' was not saved to the Actions cache under ${key} (see above).`
    case 'not-allowed':
      return `Node '${node}' is not saved to the Actions cache: ACTIONS_CACHE_MODE forbids writes.`
  }
}
