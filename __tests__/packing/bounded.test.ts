import { describe, expect, it } from '@jest/globals'
import { forEachBounded } from '../../src/packing/limit.js'

/** Lets every task that can run take its next step. */
const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('forEachBounded', () => {
  it('runs at most `limit` tasks at once, asking for an item only when a task is free', async () => {
    let pulled = 0
    let running = 0
    let finished = 0
    const atStart: { running: number; ahead: number }[] = []
    function* items(): Generator<number> {
      for (let index = 0; index < 7; index++) {
        pulled++
        yield index
      }
    }
    const done: number[] = []
    await forEachBounded(items(), 3, async item => {
      running++
      atStart.push({ running, ahead: pulled - finished })
      await turn()
      running--
      finished++
      done.push(item)
    })
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(Math.max(...atStart.map(start => start.running))).toBe(3)
    expect(atStart.every(start => start.running <= 3 && start.ahead <= 3)).toBe(true)
  })

  it('throws the first failure once the tasks already started have settled, and starts no more', async () => {
    let release = (): void => undefined
    const gate = new Promise<void>(resolve => (release = resolve))
    const settled: number[] = []
    const all = forEachBounded([0, 1, 2, 3, 4], 3, async item => {
      if (item === 1) throw new Error('task 1 failed')
      await gate
      settled.push(item)
    })
    let over = false
    const outcome = all.catch((error: unknown) => {
      over = true
      return error
    })
    await turn()
    expect(over).toBe(false)
    release()
    expect(await outcome).toEqual(new Error('task 1 failed'))
    expect(settled.sort()).toEqual([0, 2])
  })

  it("throws the source's failure, and closes a source that a task's failure left open", async () => {
    function* breaks(): Generator<number> {
      yield 1
      throw new Error('source failed')
    }
    await expect(forEachBounded(breaks(), 2, () => Promise.resolve())).rejects.toThrow(
      'source failed'
    )
    let closed = false
    function* open(): Generator<number> {
      try {
        yield 1
        yield 2
        yield 3
      } finally {
        closed = true
      }
    }
    const failing = forEachBounded(open(), 1, item =>
      item === 2 ? Promise.reject(new Error('task 2 failed')) : Promise.resolve()
    )
    await expect(failing).rejects.toThrow('task 2 failed')
    expect(closed).toBe(true)
  })
})
