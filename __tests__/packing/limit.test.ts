import { describe, expect, it } from '@jest/globals'
import { mapLimit } from '../../src/packing/limit.js'

describe('mapLimit', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0
    let most = 0
    const results = await mapLimit([5, 1, 4, 2, 3, 0, 6], 3, async (item, index) => {
      running++
      most = Math.max(most, running)
      // Later items finish first: the results must still follow the items.
      for (let turn = 0; turn < 7 - index; turn++) await Promise.resolve()
      running--
      return item * 10
    })
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60])
    expect(most).toBe(3)
  })

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = []
    const failed = mapLimit([0, 1, 2, 3, 4, 5], 2, async item => {
      started.push(item)
      await Promise.resolve()
      if (item === 1) throw new Error('item 1 failed')
      return item
    })
    await expect(failed).rejects.toThrow('item 1 failed')
    expect(started).toEqual([0, 1, 2])
  })

  it('handles no items', async () => {
    expect(await mapLimit([], 4, () => Promise.resolve(1))).toEqual([])
  })
})
