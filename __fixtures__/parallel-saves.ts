import type { CheckpointDocument, FileRecord } from '../src/checkpoint/document.js'
import { filesArchiveName } from '../src/checkpoint/naming.js'
import { nextCheckpoint } from '../src/checkpoint/progress.js'
import type { PipelineState } from '../src/checkpoint/state.js'

// Saves of one job's nodes as the domain sees them, on a clock the test drives: what the tests
// of the parallel merge order (unit and property) build their checkpoints with.

/** A node: its id, its state and the paths of its files (each file's sha256 names both). */
export interface ParallelNode {
  id: string
  state: PipelineState
  paths: string[]
}

/** Saves of scope `ci` in run 7, attempt 2; every save happens one tick after the previous. */
export class ParallelSaves {
  private clock = 0
  readonly run = { runId: '7', attempt: 2 }

  /** The next tick: a step's start, or (inside save) a node's savedAt. */
  tick(): number {
    return ++this.clock
  }

  /**
   * Saves `node` over `base` at the next tick, as a step that started at `startedAt` (none:
   * no step start is known, and nothing counts as parallel). A file's sha256 is
   * `sha256:<node>-<path>`, so the checkpoint shows who wrote it.
   */
  save(
    base: CheckpointDocument | undefined,
    node: ParallelNode,
    startedAt?: number
  ): CheckpointDocument {
    const sequence = (base?.sequence ?? 0) + 1
    const name = filesArchiveName({ scope: 'ci', attempt: 2, sequence, node: node.id })
    const files: FileRecord[] = node.paths.map(path => ({
      path,
      size: 1,
      sha256: `sha256:${node.id}-${path}`,
      mode: 0o644,
      archive: name
    }))
    const archive = {
      name,
      runId: this.run.runId,
      size: 1,
      digest: `sha256:${name}`,
      packing: 'zip-stored' as const
    }
    return nextCheckpoint(base, {
      scope: 'ci',
      node: node.id,
      run: this.run,
      state: node.state,
      files,
      ...(files.length > 0 ? { archive } : {}),
      now: new Date(this.tick()),
      ...(startedAt === undefined ? {} : { startedAt: new Date(startedAt) })
    })
  }
}
