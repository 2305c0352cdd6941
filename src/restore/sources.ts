import * as core from '@actions/core'
import type { CodecKeys } from '../checkpoint/codec.js'
import { mergeInto, restrictTo } from '../checkpoint/contribution.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import type { InvalidationRequest } from '../checkpoint/invalidation.js'
import type { ReuseContext } from '../checkpoint/reuse.js'
import type { RunContext } from '../github/run-context.js'
import { isGhes } from '../transport/cache-config.js'
import { restoreLatest } from './restore-latest.js'
import type { SourceInputs } from './restore-inputs.js'

/** What the restore step looks for, and where. */
export interface SourceRequest {
  scope: string
  token: string
  context: RunContext
  keys: CodecKeys
  sources: SourceInputs
  /** `rerun` and `rerun-from`: nodes no other run and no cache entry may supply. */
  invalidation: InvalidationRequest
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
 * Tries each source of `from` in order; a node comes from the first source that has a verified
 * hit for it, and its files are in the workspace when this returns.
 */
export async function restoreFromSources(request: SourceRequest): Promise<Found> {
  const found: Found = {
    document: undefined,
    newest: undefined,
    known: new Set(),
    reuse: {
      from: request.sources.from,
      reset: false,
      rerun: [],
      sources: {},
      reasons: {},
      offers: {}
    }
  }
  for (const source of request.sources.from) {
    if (source === 'attempts') await fromAttempts(request, found)
  }
  return found
}

async function fromAttempts(request: SourceRequest, found: Found): Promise<void> {
  if (isGhes()) {
    core.notice(
      'GitHub Enterprise Server has no artifact service: checkpoints are saved to and restored from the Actions cache only (nodes with a key).'
    )
    return
  }
  const { scope, token, context, keys } = request
  const document = await restoreLatest(scope, token, context, keys)
  if (!document) return
  const thisRun = context.run.runId
  take(found, document, node =>
    node.runId === thisRun ? `attempt ${node.attempt}` : `attempt ${document.attempt}`
  )
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
