import { describe, expect, it } from '@jest/globals'
import { restrictTo } from '../../src/checkpoint/contribution.js'
import type { CheckpointDocument } from '../../src/checkpoint/document.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import { ParallelSaves, type ParallelNode } from '../../__fixtures__/parallel-saves.js'

// Parallel steps of one job save in whatever order they take the scope's lock: the checkpoint
// they leave must not depend on it. Between nodes saved while another ran, the id that sorts
// last wins a state key or a file both wrote.

const saves = new ParallelSaves()
const tick = (): number => saves.tick()
const save = (base: CheckpointDocument | undefined, node: Node, startedAt?: number) =>
  saves.save(base, node, startedAt)
type Node = ParallelNode

/** The node before the parallel ones: saved by the same job, before they started. */
const setup: Node = {
  id: 'setup',
  state: { shared: 'setup', env: 'ci' },
  paths: ['out/shared.txt']
}
const a: Node = {
  id: 'a',
  state: { shared: 'a', onlyA: 1 },
  paths: ['out/shared.txt', 'out/a.txt']
}
const b: Node = { id: 'b', state: { shared: 'b', onlyB: 2 }, paths: ['out/shared.txt'] }
const c: Node = { id: 'c', state: { onlyC: 3 }, paths: ['out'] }

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map(rest => [item, ...rest])
  )
}

/** Saves `setup`, then the parallel nodes in `order`, all started once setup was saved. */
function inOrder(order: Node[]): CheckpointDocument {
  const first = save(undefined, setup, tick())
  const started = tick()
  return order.reduce<CheckpointDocument>((base, node) => save(base, node, started), first)
}

/** Where each file of the checkpoint comes from: path to the writing node. */
function writers(document: CheckpointDocument): Record<string, string> {
  return Object.fromEntries(document.files.map(file => [file.path, file.sha256.slice(7)]))
}

describe('parallel nodes of one job merge in id order, whatever order they were saved in', () => {
  it('gives the same state in all six orders of a, b and a non-conflicting c', () => {
    const results = permutations([a, b]).map(order => inOrder(order))
    for (const result of results) {
      expect(result.state).toEqual({ shared: 'b', env: 'ci', onlyA: 1, onlyB: 2 })
    }
    const all = permutations([a, b, c]).map(order => inOrder(order).state)
    expect(new Set(all.map(state => JSON.stringify(state, Object.keys(state).sort()))).size).toBe(1)
  })

  it('keeps the file of the node whose id sorts last, and the loser replaced in its record', () => {
    for (const order of permutations([a, b])) {
      const result = inOrder(order)
      expect(writers(result)).toEqual({
        'out/shared.txt': 'b-out/shared.txt',
        'out/a.txt': 'a-out/a.txt'
      })
      const recordOfA = result.nodes.find(node => node.id === 'a')
      expect(recordOfA?.replaced?.state).toEqual({ shared: 'a' })
      expect(recordOfA?.replaced?.files?.map(file => file.sha256)).toEqual([
        'sha256:a-out/shared.txt'
      ])
    }
  })

  it("takes each node's own part out of the merged checkpoint, in every order", () => {
    for (const order of permutations([a, b])) {
      const onlyA = restrictTo(inOrder(order), ['setup', 'a'])
      expect(onlyA.state).toEqual({ shared: 'a', env: 'ci', onlyA: 1 })
      expect(writers(onlyA)['out/shared.txt']).toBe('a-out/shared.txt')
    }
  })

  it('lets a file of a later id give way to a folder of an earlier one, in id order too', () => {
    const outFolder: Node = { id: 'z', state: {}, paths: ['out/a.txt'] }
    const outFile: Node = { id: 'y', state: {}, paths: ['out'] }
    const results = permutations([outFile, outFolder]).map(order => writers(inOrder(order)))
    expect(results[0]).toEqual(results[1])
    expect(results[0]).toEqual({ 'out/a.txt': 'z-out/a.txt' })
  })

  it('lets a node that started after another was saved win, whatever the ids', () => {
    const first = save(undefined, setup, tick())
    const afterB = save(first, b, tick())
    // `a` started once b was saved: not parallel, so the later node wins as for any two steps.
    const result = save(afterB, a, tick())
    expect(result.state['shared']).toBe('a')
    expect(writers(result)['out/shared.txt']).toBe('a-out/shared.txt')
  })

  it('never lets a node of an earlier attempt or the node itself count as parallel', () => {
    const earlier = nextCheckpoint(undefined, {
      scope: 'ci',
      node: 'zz',
      run: { runId: '7', attempt: 1 },
      state: { shared: 'earlier attempt' },
      now: new Date(tick())
    })
    const result = save(earlier, a, 0)
    expect(result.state['shared']).toBe('a')
    const again = save(result, { ...a, state: { shared: 'a again' } }, 0)
    expect(again.state['shared']).toBe('a again')
  })
})
