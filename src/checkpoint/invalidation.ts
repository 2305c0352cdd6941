import type { CheckpointDocument } from './document.js'
import { withoutNodes } from './progress.js'

/** Which restored nodes must run again, as the restore step's inputs ask. */
export interface InvalidationRequest {
  /** Nodes to run again. */
  rerun: string[]
  /** A node to run again with every node first done after it. */
  rerunFrom?: string | undefined
}

/** The checkpoint to build on after invalidation, and what was asked that matched nothing. */
export interface Invalidation {
  document: CheckpointDocument
  /** Nodes no longer done because they were asked to run again, in pipeline order. */
  rerun: string[]
  /** Requested node ids the checkpoint does not know. */
  unknown: string[]
}

/**
 * Applies `rerun` and `rerun-from` to a restored checkpoint. Nodes are in the order they were
 * first done, so "every node after X" is the tail of the list from X on.
 */
export function invalidate(
  document: CheckpointDocument,
  request: InvalidationRequest
): Invalidation {
  const known = document.nodes.map(node => node.id)
  const drop = new Set(request.rerun.filter(id => known.includes(id)))
  const unknown = request.rerun.filter(id => !known.includes(id))
  if (request.rerunFrom !== undefined) {
    const start = known.indexOf(request.rerunFrom)
    if (start < 0) unknown.push(request.rerunFrom)
    else for (const id of known.slice(start)) drop.add(id)
  }
  const rerun = known.filter(id => drop.has(id))
  return { document: rerun.length > 0 ? withoutNodes(document, rerun) : document, rerun, unknown }
}
