import * as core from '../action/light-toolkit.js'
import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec, type CodecKeys } from '../checkpoint/codec.js'
import { mergeInto, restrictTo } from '../checkpoint/contribution.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { CheckpointError, describe } from '../checkpoint/errors.js'
import type { InvalidationRequest } from '../checkpoint/invalidation.js'
import type { ReuseContext } from '../checkpoint/reuse.js'
import { GitHubApiError } from '../transport/service-errors.js'
import type { RunContext } from '../transport/run-context.js'
import { placeFiles } from '../packing/place.js'
import { stageFiles, type ArchiveSource } from './stage-archive.js'

/** Where checkpoints come from: this run's earlier attempts, earlier runs, the Actions cache. */
export const SOURCE_NAMES = ['attempts', 'runs', 'cache'] as const

/** One source of checkpoints. */
export type SourceName = (typeof SOURCE_NAMES)[number]

/** Which earlier runs count: of this branch then the default branch, or of this commit. */
export type RunMatch = 'ref' | 'sha'

/** Where restore looks for checkpoints, and what it compares there. */
export interface SourceInputs {
  /** Sources in the order they are tried: a node comes from the first that has it. */
  from: SourceName[]
  match: RunMatch
  /** How many earlier runs may be looked at, all listings together. */
  maxRuns: number
  /** The current key of each node guarded by hand, as its save step's `key` computes it. */
  keys: Map<string, string>
}

/** What the restore step looks for, and where. */
export interface SourceRequest {
  scope: string
  token: string
  context: RunContext
  keys: CodecKeys
  sources: SourceInputs
  /** `rerun` and `rerun-from`: nodes no other run and no cache entry may supply. */
  invalidation: InvalidationRequest
  /** A source that cannot be read fails the step instead of passing to the next one. */
  failOnError: boolean
}

/** What restore found in every source, nodes placed in the workspace. */
export interface Found {
  /** The job's checkpoint: the nodes taken from every source, merged. */
  document: CheckpointDocument | undefined
  /** The newest checkpoint a node was taken from, as the outputs describe it. */
  newest: CheckpointDocument | undefined
  reuse: ReuseContext
  /** Every node id any source knows, for the warning about re-run names nothing knows. */
  known: Set<string>
}

/**
 * Adds a verified checkpoint's nodes that no earlier source supplied to what was found. The
 * first checkpoint is taken whole, as restore always took it; later ones give only their part.
 */
export function take(
  found: Found,
  document: CheckpointDocument,
  sourceOf: (node: CheckpointDocument['nodes'][number]) => string
): void {
  const fresh = document.nodes.filter(node => found.reuse.sources[node.id] === undefined)
  if (found.document === undefined) {
    found.document = document
  } else {
    if (fresh.length === 0) return
    found.document = mergeInto(
      found.document,
      restrictTo(
        document,
        fresh.map(node => node.id)
      )
    )
  }
  for (const node of fresh) {
    found.reuse.sources[node.id] = sourceOf(node)
    found.reuse.reasons[node.id] = 'done'
    found.known.add(node.id)
  }
  if (!found.newest || isNewer(document, found.newest)) found.newest = document
}

/** Orders checkpoints of any runs: by run, then attempt, then sequence. */
function isNewer(a: CheckpointDocument, b: CheckpointDocument): boolean {
  const runs = Number(a.run.runId) - Number(b.run.runId)
  if (runs !== 0 && !Number.isNaN(runs)) return runs > 0
  return a.attempt - b.attempt > 0 || (a.attempt === b.attempt && a.sequence > b.sequence)
}

const BETTER = new Set(['done', 'offered'])
const RETRYABLE = new Set(['files-missing', 'corrupt', 'untrusted'])

/**
 * Records why a node was or was not taken: the newest source's word stands, unless an older
 * one takes it, or the newest could not even be read.
 */
export function setReason(found: Found, node: string, reason: string): void {
  const current = found.reuse.reasons[node]
  if (current === undefined || BETTER.has(reason) || RETRYABLE.has(current)) {
    found.reuse.reasons[node] = reason
  }
}

/**
 * Stages the part of each node of `ids` (its files fetched and checked against the manifest),
 * then places the ones that verified into the workspace, in the order the nodes wrote. A node
 * whose files do not verify is left out (`files-missing`), the others still taken.
 * @returns the nodes placed
 */
export async function placeParts(
  document: CheckpointDocument,
  ids: string[],
  source: ArchiveSource,
  request: SourceRequest,
  found: Found,
  scratch: string,
  label = `run ${document.run.runId}`
): Promise<string[]> {
  const fileKey = new CheckpointCodec(request.keys).fileKey
  const staged: { id: string; part: CheckpointDocument; staging: string }[] = []
  for (const id of ids) {
    const part = restrictTo(document, [id])
    const staging = await mkdtemp(join(scratch, 'staging-'))
    try {
      await stageFiles(part, source, { downloads: join(scratch, 'downloads'), staging }, fileKey)
      staged.push({ id, part, staging })
    } catch (error) {
      if (!(error instanceof CheckpointError) || isPermissionError(error)) throw error
      found.reuse.reasons[id] = 'files-missing'
      core.warning(`Node '${id}' is not taken from ${label}: ${describe(error)}`)
    }
  }
  for (const { part, staging } of staged) {
    await placeFiles(staging, part.files, request.context.workspace)
  }
  return staged.map(item => item.id)
}

function isPermissionError(error: unknown): boolean {
  return error instanceof GitHubApiError && error.status === 403
}
