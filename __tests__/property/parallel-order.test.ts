import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mergeFiles, restrictTo } from '../../src/checkpoint/contribution.js'
import type { CheckpointDocument } from '../../src/checkpoint/document.js'
import { ParallelSaves, type ParallelNode } from '../../__fixtures__/parallel-saves.js'

/**
 * Parallel steps of one job save in the order they take the scope's lock. Whatever that order,
 * the checkpoint must be the one saving them one after the other in id order would give: same
 * state, same files, and each node's own part recoverable.
 */

const RUNS = { numRuns: 300 }
const KEYS = ['k1', 'k2', 'k3']
// Paths that clash as file and folder, so a file may displace a folder of another node.
const PATHS = ['x', 'x/y', 'x/z', 'w', 'w/v']

const saves = new ParallelSaves()
const tick = (): number => saves.tick()
const save = (base: CheckpointDocument | undefined, node: Node, startedAt?: number) =>
  saves.save(base, node, startedAt)
type Node = ParallelNode

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
