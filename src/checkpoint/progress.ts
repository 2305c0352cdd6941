import {
  CHECKPOINT_KIND,
  SCHEMA_VERSION,
  sealCheckpoint,
  type ArchiveRecord,
  type CheckpointBody,
  type CheckpointDocument,
  type FileRecord,
  type NodeRecord,
  type PartialRecord,
  type RunInfo
} from './document.js'
import type { Fingerprint } from './fingerprint.js'
import { addPart, archivesUsed } from './contribution.js'
import { checkpointName } from './naming.js'
import type { PipelineState } from './state.js'

/** What one node adds to the pipeline. */
export interface NodeResult {
  scope: string
  node: string
  run: RunInfo
  /** The node's own state; merged over the cumulative state, this node's keys winning. */
  state: PipelineState
  /** Files the node produced, and the archive that holds them (absent when it has none). */
  files?: FileRecord[]
  archive?: ArchiveRecord
  durationMs?: number
  fingerprint?: Fingerprint
  /** Set when the node was stopped part-way: its progress is recorded, the node is not done. */
  partial?: boolean
  /**
   * When the step saving this node started. Nodes of the same attempt saved after it ran at the
   * same time as this one (parallel steps of one job), and merge with it in id order (addPart).
   */
  startedAt?: Date
  now?: Date
}

/**
 * The checkpoint after a node: the previous one (`base`) extended with the node's state, files
 * and record. The sequence follows the base's, so (attempt, sequence) orders checkpoints even
 * when attempts restore from different bases.
 */
export function nextCheckpoint(
  base: CheckpointDocument | undefined,
  result: NodeResult
): CheckpointDocument {
  const now = (result.now ?? new Date()).toISOString()
  const sequence = (base?.sequence ?? 0) + 1
  const record: NodeRecord = {
    id: result.node,
    sequence,
    attempt: result.run.attempt,
    runId: result.run.runId,
    savedAt: now,
    ...(result.durationMs === undefined ? {} : { durationMs: Math.round(result.durationMs) }),
    ...(result.fingerprint === undefined ? {} : { fingerprint: result.fingerprint })
  }
  const pipeline = addPart(
    { nodes: base?.nodes ?? [], state: base?.state ?? {}, files: base?.files ?? [] },
    { record, state: result.state, files: result.files ?? [] },
    result.partial === true,
    savedWhileRunning(base, result)
  )
  const archives = [...(base?.archives ?? []), ...(result.archive ? [result.archive] : [])]
  const partials = (base?.partials ?? []).filter(partial => partial.id !== result.node)
  const body: CheckpointBody = {
    kind: CHECKPOINT_KIND,
    schema: SCHEMA_VERSION,
    scope: result.scope,
    node: result.node,
    sequence,
    attempt: result.run.attempt,
    run: result.run,
    createdAt: now,
    ...(base ? { parent: checkpointName(base) } : {}),
    ...pipeline,
    archives: archivesUsed(archives, pipeline)
  }
  if (result.partial) partials.push({ ...partialOf(record), state: result.state })
  return sealCheckpoint(partials.length > 0 ? { ...body, partials } : body)
}

/** Ids of the nodes of the same attempt saved after `result`'s step started. */
function savedWhileRunning(
  base: CheckpointDocument | undefined,
  result: NodeResult
): ReadonlySet<string> {
  const { startedAt, run, node } = result
  if (startedAt === undefined || !base) return new Set()
  const since = base.nodes.filter(
    done =>
      done.runId === run.runId &&
      done.attempt === run.attempt &&
      Date.parse(done.savedAt) > startedAt.getTime() &&
      done.id !== node
  )
  return new Set(since.map(done => done.id))
}

function partialOf(record: NodeRecord): Omit<PartialRecord, 'state'> {
  const { id, sequence, attempt, runId, savedAt, fingerprint } = record
  return { id, sequence, attempt, runId, savedAt, ...(fingerprint ? { fingerprint } : {}) }
}

/**
 * The checkpoint as this attempt should build on it when some nodes must run again: those
 * nodes are no longer done (their files and the cumulative state stay).
 */
export function withoutNodes(document: CheckpointDocument, ids: string[]): CheckpointDocument {
  const drop = new Set(ids)
  return sealCheckpoint({ ...document, nodes: document.nodes.filter(node => !drop.has(node.id)) })
}

/** Ids of the nodes a checkpoint records as stopped part-way. */
export function partialNodes(document: CheckpointDocument | undefined): string[] {
  return (document?.partials ?? []).map(partial => partial.id)
}

/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
export function completedNodes(document: CheckpointDocument | undefined): string[] {
  return (document?.nodes ?? []).map(node => node.id)
}
