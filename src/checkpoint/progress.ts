import { sealCheckpoint, SCHEMA_VERSION, CHECKPOINT_KIND } from './document.js'
import type {
  ArchiveRecord,
  CheckpointDocument,
  FileRecord,
  NodeRecord,
  RunInfo
} from './document.js'
import { checkpointName } from './naming.js'
import { mergeStates, type PipelineState } from './state.js'

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
  fingerprint?: string
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
  const files = mergeFiles(base?.files ?? [], result.files ?? [])
  const archives = [...(base?.archives ?? []), ...(result.archive ? [result.archive] : [])]
  const used = new Set(files.map(file => file.archive))
  return sealCheckpoint({
    kind: CHECKPOINT_KIND,
    schema: SCHEMA_VERSION,
    scope: result.scope,
    node: result.node,
    sequence,
    attempt: result.run.attempt,
    run: result.run,
    createdAt: now,
    ...(base ? { parent: checkpointName(base) } : {}),
    state: mergeStates(base?.state ?? {}, result.state),
    nodes: [...(base?.nodes ?? []).filter(node => node.id !== result.node), record],
    files,
    archives: archives.filter(archive => used.has(archive.name))
  })
}

/** Later files replace earlier ones at the same path; order stays stable and sorted. */
function mergeFiles(earlier: FileRecord[], later: FileRecord[]): FileRecord[] {
  const byPath = new Map(earlier.map(file => [file.path, file]))
  for (const file of later) byPath.set(file.path, file)
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Ids of the nodes a checkpoint records as done, in the order they were done. */
export function completedNodes(document: CheckpointDocument | undefined): string[] {
  return (document?.nodes ?? []).map(node => node.id)
}
