import { canonicalJson } from '../checkpoint/canonical.js'
import type { CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { checkpointName } from '../checkpoint/naming.js'
import type { JsonValue } from '../checkpoint/state.js'

/** A state key that differs between two checkpoints. */
export interface StateChange {
  key: string
  change: 'added' | 'removed' | 'changed'
  /** The value in the first checkpoint (absent when added). */
  from?: JsonValue
  /** The value in the second checkpoint (absent when removed). */
  to?: JsonValue
}

/** A file that differs between two checkpoints: its content, size, mode or link target. */
export interface FileChange {
  path: string
  change: 'added' | 'removed' | 'changed'
  from?: FileRecord
  to?: FileRecord
}

/** What changed from one checkpoint to another. */
export interface CheckpointDiff {
  from: string
  to: string
  state: StateChange[]
  files: FileChange[]
  /** Nodes done in the second checkpoint and not in the first, and the other way round. */
  nodes: { added: string[]; removed: string[] }
}

/** Compares two checkpoints: state per key, files by path, nodes done. */
export function diffCheckpoints(a: CheckpointDocument, b: CheckpointDocument): CheckpointDiff {
  const nodesA = new Set(a.nodes.map(node => node.id))
  const nodesB = new Set(b.nodes.map(node => node.id))
  return {
    from: checkpointName(a),
    to: checkpointName(b),
    state: diffState(a.state, b.state),
    files: diffFiles(a.files, b.files),
    nodes: {
      added: [...nodesB].filter(id => !nodesA.has(id)),
      removed: [...nodesA].filter(id => !nodesB.has(id))
    }
  }
}

/** True when the diff found nothing. */
export function isEmptyDiff(diff: CheckpointDiff): boolean {
  return (
    diff.state.length + diff.files.length + diff.nodes.added.length + diff.nodes.removed.length ===
    0
  )
}

function diffState(a: Record<string, JsonValue>, b: Record<string, JsonValue>): StateChange[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  const changes: StateChange[] = []
  for (const key of keys) {
    const from = Object.hasOwn(a, key) ? a[key] : undefined
    const to = Object.hasOwn(b, key) ? b[key] : undefined
    if (from === undefined && to !== undefined) changes.push({ key, change: 'added', to })
    else if (to === undefined && from !== undefined) changes.push({ key, change: 'removed', from })
    else if (canonicalJson(from) !== canonicalJson(to)) {
      changes.push({
        key,
        change: 'changed',
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to })
      })
    }
  }
  return changes
}

function diffFiles(a: FileRecord[], b: FileRecord[]): FileChange[] {
  const before = new Map(a.map(file => [file.path, file]))
  const after = new Map(b.map(file => [file.path, file]))
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort()
  const changes: FileChange[] = []
  for (const path of paths) {
    const from = before.get(path)
    const to = after.get(path)
    if (!from && to) changes.push({ path, change: 'added', to })
    else if (from && !to) changes.push({ path, change: 'removed', from })
    else if (from && to && !sameContent(from, to))
      changes.push({ path, change: 'changed', from, to })
  }
  return changes
}

/** The archive a file lives in is not its content: a file saved again unchanged is the same. */
function sameContent(a: FileRecord, b: FileRecord): boolean {
  return a.sha256 === b.sha256 && a.size === b.size && a.mode === b.mode && a.link === b.link
}
