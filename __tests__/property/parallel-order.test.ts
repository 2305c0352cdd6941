import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mergeFiles, restrictTo } from '../../src/checkpoint/contribution.js'
import type { CheckpointDocument, FileRecord } from '../../src/checkpoint/document.js'
import { filesArchiveName } from '../../src/checkpoint/naming.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import type { PipelineState } from '../../src/checkpoint/state.js'

/**
 * Parallel steps of one job save in the order they take the scope's lock. Whatever that order,
 * the checkpoint must be the one saving them one after the other in id order would give: same
 * state, same files, and each node's own part recoverable.
 */

const RUNS = { numRuns: 300 }
const run = { runId: '9', attempt: 3 }
const KEYS = ['k1', 'k2', 'k3']
// Paths that clash as file and folder, so a file may displace a folder of another node.
const PATHS = ['x', 'x/y', 'x/z', 'w', 'w/v']

interface Node {
  id: string
  state: PipelineState
  paths: string[]
}

let clock = 0
const tick = (): number => ++clock

/** Saves `node` over `base` at the next tick; `startedAt` when its step started. */
function save(base: CheckpointDocument | undefined, node: Node, startedAt?: number) {
  const sequence = (base?.sequence ?? 0) + 1
  const name = filesArchiveName({ scope: 'p', attempt: run.attempt, sequence, node: node.id })
  const files: FileRecord[] = node.paths.map(path => ({
    path,
    size: 1,
    sha256: `sha256:${node.id}:${path}`,
    mode: 0o644,
    archive: name
  }))
  return nextCheckpoint(base, {
    scope: 'p',
    node: node.id,
    run,
    state: node.state,
    files,
    ...(files.length > 0
      ? { archive: { name, runId: '9', size: 1, digest: `sha256:${name}`, packing: 'zip-stored' } }
      : {}),
    now: new Date(tick()),
    ...(startedAt === undefined ? {} : { startedAt: new Date(startedAt) })
  })
}

/** A node's paths never clash among themselves, as a workspace's files cannot. */
function ownPaths(paths: string[]): string[] {
  return mergeFiles(
    [],
    paths.map(path => ({ path, size: 1, sha256: '', mode: 0 }))
  ).files.map(file => file.path)
}

const node = (id: string): fc.Arbitrary<Node> =>
  fc.record({
    id: fc.constant(id),
    state: fc.dictionary(fc.constantFrom(...KEYS), fc.constant(id), { maxKeys: 3 }),
    paths: fc.subarray(PATHS).map(ownPaths)
  })

const scenario = fc.tuple(node('setup'), fc.integer({ min: 2, max: 4 })).chain(([setup, count]) =>
  fc.record({
    setup: fc.constant(setup),
    parallel: fc.tuple(...['a', 'b', 'c', 'd'].slice(0, count).map(node)),
    order: fc.shuffledSubarray([0, 1, 2, 3].slice(0, count), {
      minLength: count,
      maxLength: count
    })
  })
)

function view(document: CheckpointDocument): unknown {
  const state = Object.fromEntries(Object.entries(document.state).sort())
  return { state, files: document.files.map(file => file.sha256) }
}

describe('parallel nodes of one job (property)', () => {
  it('leave the checkpoint that saving them in id order would, in any order they are saved', () => {
    fc.assert(
      fc.property(scenario, ({ setup, parallel, order }) => {
        const first = save(undefined, setup, tick())
        const started = tick()
        const raced = order
          .map(index => parallel[index] as Node)
          .reduce((base, next) => save(base, next, started), first)
        const sequential = parallel.reduce((base, next) => save(base, next), first)
        expect(view(raced)).toEqual(view(sequential))
        for (const own of parallel) {
          const ids = ['setup', own.id]
          expect(view(restrictTo(raced, ids))).toEqual(view(restrictTo(sequential, ids)))
        }
      }),
      RUNS
    )
  })
})
