import * as core from '../action/light-toolkit.js'
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec, UntrustedCheckpointError } from '../checkpoint/codec.js'
import { restrictTo } from '../checkpoint/contribution.js'
import {
  decodeUtf8,
  sealCheckpoint,
  type ArchiveRecord,
  type CheckpointDocument
} from '../checkpoint/document.js'
import { CheckpointError, CorruptCheckpointError, describe } from '../checkpoint/errors.js'
import { parseArtifactName } from '../checkpoint/naming.js'
import { cacheKey, guardedCacheKey, judgeNode } from '../checkpoint/reuse.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { hashFile } from '../packing/meter.js'
import { ENTRY_DOCUMENT, restoreEntry } from '../transport/cache-store.js'
import { placeParts, setReason, take, type Found, type SourceRequest } from './found.js'
import type { ArchiveSource } from './stage-archive.js'

/** A node's entry read back from the cache and verified, not yet placed. */
export interface CacheHit {
  /** Its checkpoint restricted to the node; its archives record the cache key. */
  document: CheckpointDocument
  /** Its archives, checked against the digests the checkpoint recorded. */
  archives: ArchiveSource
  /** Removes what the entry left under RUNNER_TEMP. */
  dispose: () => Promise<void>
}

/**
 * Restores the entry of `key` into RUNNER_TEMP and verifies its checkpoint as an artifact's
 * (digest, shape, signature), and that it is the checkpoint of this scope and node under this
 * very key; undefined on a miss.
 * @throws CheckpointError when the entry does not verify
 */
export async function fetchCacheHit(
  entry: { key: string; scope: string; node: string },
  runnerTemp: string,
  codec: CheckpointCodec
): Promise<CacheHit | undefined> {
  const restored = await restoreEntry(entry, runnerTemp, core.notice)
  if (!restored) return undefined
  const dispose = () => rm(restored.scratch, { recursive: true, force: true })
  try {
    const source = `cache entry ${entry.key}`
    const bytes = await readFile(join(restored.folder, ENTRY_DOCUMENT)).catch(() => {
      throw new CorruptCheckpointError(source, `it holds no checkpoint of node '${entry.node}'`)
    })
    const text = decodeUtf8(bytes, source)
    const document = codec.decode(text, source)
    const record = document.nodes.find(node => node.id === entry.node)
    if (
      document.scope !== entry.scope ||
      cacheKey(entry.scope, entry.node, record?.fingerprint) !== entry.key
    ) {
      throw new CorruptCheckpointError(source, `it is not node '${entry.node}' with this key`)
    }
    const part = keptInCache(restrictTo(document, [entry.node]), entry.key)
    return { document: part, archives: entryArchives(restored.folder), dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

/** The part of a node taken from the cache, its archives marked as kept there. */
function keptInCache(document: CheckpointDocument, key: string): CheckpointDocument {
  const archives = document.archives.map(archive => ({ ...archive, cache: key }))
  return sealCheckpoint({ ...document, archives })
}

/** The archives of a restored entry: files beside its document, each checked before use. */
function entryArchives(folder: string): ArchiveSource {
  return record => ({
    download: async () => {
      const file = join(folder, record.name)
      await checkArchive(file, record)
      return file
    }
  })
}

async function checkArchive(file: string, record: ArchiveRecord): Promise<void> {
  const found = await hashFile(file).catch(() => undefined)
  if (!found) throw new ArchiveIntegrityError(record.name, 'is missing from its cache entry')
  if (found.bytes !== record.size || found.digest !== record.digest) {
    throw new ArchiveIntegrityError(
      record.name,
      'its bytes do not match the digest recorded at upload'
    )
  }
}

/**
 * Archives kept in the cache, fetched by the key their record names, for later attempts of a run
 * that took a node from the cache: copied into `downloads`, checked against their digest.
 */
export function cacheArchives(
  runnerTemp: string
): (record: ArchiveRecord, downloads: string) => Promise<string> {
  return async (record, downloads) => {
    const ref = parseArtifactName(record.name)?.ref
    if (!ref || record.cache === undefined) {
      throw new ArchiveIntegrityError(record.name, 'names no cache entry of a node')
    }
    const restored = await restoreEntry(
      { key: record.cache, scope: ref.scope, node: ref.node },
      runnerTemp,
      core.notice
    )
    if (!restored)
      throw new ArchiveIntegrityError(record.name, `its cache entry ${record.cache} is gone`)
    try {
      const file = join(await mkdtemp(join(downloads, 'cache-')), record.name)
      await copyFile(join(restored.folder, record.name), file)
      await checkArchive(file, record)
      return file
    } finally {
      await rm(restored.scratch, { recursive: true, force: true })
    }
  }
}

/**
 * The `cache` source of restore: each node named in `keys` that no earlier source supplied is
 * looked up under the key of its scope, node and current key; a verified entry is placed.
 */
export async function fromCache(request: SourceRequest, found: Found): Promise<void> {
  const codec = new CheckpointCodec(request.keys)
  const scratch = await mkdtemp(join(request.context.runnerTemp, 'checkpoint-cached-'))
  try {
    for (const [node, given] of request.sources.keys) {
      if (found.reuse.sources[node] !== undefined) continue
      if (asked(request, node)) {
        setReason(found, node, 'rerun-requested')
        continue
      }
      const key = guardedCacheKey(request.scope, node, given)
      if (!key) {
        setReason(found, node, 'no-key')
        continue
      }
      await lookUp(request, found, { key, node }, codec, scratch)
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

function asked(request: SourceRequest, node: string): boolean {
  return request.invalidation.rerun.includes(node) || request.invalidation.rerunFrom === node
}

async function lookUp(
  request: SourceRequest,
  found: Found,
  entry: { key: string; node: string },
  codec: CheckpointCodec,
  scratch: string
): Promise<void> {
  let hit: CacheHit | undefined
  try {
    hit = await fetchCacheHit({ ...entry, scope: request.scope }, request.context.runnerTemp, codec)
    if (!hit) return
    const record = hit.document.nodes.find(node => node.id === entry.node)
    const verdict = record && judgeNode(record, { keys: request.sources.keys, sameCommit: false })
    if (verdict?.take !== 'now') {
      setReason(found, entry.node, verdict?.reason ?? 'corrupt')
      return
    }
    const { document, archives } = hit
    const placed = await placeParts(
      document,
      [entry.node],
      archives,
      request,
      found,
      scratch,
      'the cache'
    )
    if (placed.length > 0) take(found, document, () => 'cache')
  } catch (error) {
    refused(request, found, entry.node, error)
  } finally {
    await hit?.dispose()
  }
}

/** An entry that does not verify is a reason; a cache that cannot be read, a warning. */
function refused(request: SourceRequest, found: Found, node: string, error: unknown): void {
  if (!(error instanceof CheckpointError)) {
    if (request.failOnError) throw error
    core.warning(
      `The Actions cache could not be read (${describe(error)}): node '${node}' is not taken from it.`
    )
    return
  }
  setReason(found, node, error instanceof UntrustedCheckpointError ? 'untrusted' : 'corrupt')
  core.warning(`Node '${node}' is not taken from the cache: ${describe(error)}`)
}
