import type { NodeRecord, PartialRecord } from './document.js'
import { changedPart, type Fingerprint } from './fingerprint.js'

/** Why a node runs or is skipped, as the `reason` output says it. */
export type Reason = 'done' | 'not-done' | `stale:${string}` | 'rerun-requested' | 'partial'

/** What the restore step handed this job about the pipeline's nodes. */
export interface RestoredNodes {
  nodes: NodeRecord[]
  rerun: string[]
  partials: PartialRecord[]
}

/** Whether to skip a node, why, and what was recorded of it. */
export interface Decision {
  skip: boolean
  reason: Reason
  /** The node as the checkpoint records it done. */
  record?: NodeRecord
  /** Progress of the node when it was stopped part-way. */
  partial?: PartialRecord
}

/**
 * Decides a node from what was restored and what its step knows now: done with a matching
 * fingerprint is skipped; everything else runs, and the reason says why.
 */
export function decideNode(
  restored: RestoredNodes | undefined,
  node: string,
  fingerprint: Fingerprint
): Decision {
  if (restored?.rerun.includes(node)) return { skip: false, reason: 'rerun-requested' }
  const record = restored?.nodes.find(done => done.id === node)
  if (record) {
    const changed = changedPart(record.fingerprint, fingerprint)
    return changed
      ? { skip: false, reason: `stale:${changed}`, record }
      : { skip: true, reason: 'done', record }
  }
  const partial = restored?.partials.find(item => item.id === node)
  if (partial) return { skip: false, reason: 'partial', partial }
  return { skip: false, reason: 'not-done' }
}
