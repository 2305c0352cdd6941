import { describe, expect, it } from '@jest/globals'
import { Prefetch } from '../../src/packing/prefetch.js'

/** A source of `count` chunks of `size` bytes that records how far it was pulled and closed. */
function source(count: number, size: number, failAt?: number) {
  const seen = { pulled: 0, closed: false }
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      for (let index = 0; index < count; index++) {
        if (index === failAt) throw new Error(`chunk ${index} unreadable`)
        await Promise.resolve()
        seen.pulled++
        yield Buffer.alloc(size, index)
      }
    } finally {
      seen.closed = true
    }
  }
  return { iterator: chunks(), seen }
}

/** Lets the producer run as far as it will. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise(resolve => setImmediate(resolve))
}

describe('Prefetch', () => {
  it('hands over every chunk in order, the same Buffers the source made', async () => {
    const { iterator } = source(10, 3)
    const got: Buffer[] = []
    for await (const chunk of new Prefetch(iterator, 1024).chunks()) got.push(chunk)
    expect(got.map(chunk => chunk[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it("says how far the chunks taken go, by the mark each had when queued, not the source's", async () => {
    const { iterator, seen } = source(100, 10)
    const ahead = new Prefetch(iterator, 30, () => seen.pulled * 10)
    const reader = ahead.chunks()
    expect(ahead.taken).toBe(0)
    await reader.next()
    await reader.next()
    await settle()
    expect(seen.pulled).toBe(5)
    expect(ahead.taken).toBe(20)
    await reader.return(undefined)
  })

  it('pulls no further ahead than its limit until the reader takes chunks', async () => {
    const { iterator, seen } = source(100, 10)
    const ahead = new Prefetch(iterator, 30)
    await settle()
    expect(seen.pulled).toBe(3)
    const reader = ahead.chunks()
    await reader.next()
    await settle()
    expect(seen.pulled).toBe(4)
    await reader.return(undefined)
  })

  it("throws the source's failure after the chunks that came before it", async () => {
    const { iterator } = source(5, 1, 2)
    const got: number[] = []
    const read = async (): Promise<void> => {
      for await (const chunk of new Prefetch(iterator, 1024).chunks()) got.push(chunk[0] ?? -1)
    }
    await expect(read()).rejects.toThrow('chunk 2 unreadable')
    expect(got).toEqual([0, 1])
  })

  it('closes the source when stopped before the reader came', async () => {
    const { iterator, seen } = source(100, 10)
    const ahead = new Prefetch(iterator, 20)
    await settle()
    ahead.stop()
    await settle()
    expect(seen.closed).toBe(true)
    expect(seen.pulled).toBeLessThan(100)
  })

  it('closes the source when the reader stops early', async () => {
    const { iterator, seen } = source(100, 10)
    for await (const chunk of new Prefetch(iterator, 20).chunks()) if (chunk[0] === 1) break
    await settle()
    expect(seen.closed).toBe(true)
  })
})
