import { describe, expect, it } from '@jest/globals'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { keepCopy } from '../../src/packing/zip-file.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

/** Chunks of the given sizes, the first all 'a', the next all 'b', and so on. */
function chunks(...sizes: number[]): AsyncIterable<Buffer> {
  return Readable.from(sizes.map((size, index) => Buffer.alloc(size, 0x61 + index)))
}

/** Every chunk `keepCopy` passes on, joined, and the copy it left (undefined when none). */
async function passThrough(
  bytes: AsyncIterable<Buffer>,
  file: string,
  limit?: number
): Promise<{ passed: Buffer; copy: Buffer | undefined }> {
  const passed: Buffer[] = []
  for await (const chunk of keepCopy(bytes, file, limit)) passed.push(chunk)
  const copy = await readFile(file).catch(() => undefined)
  return { passed: Buffer.concat(passed), copy }
}

describe('keepCopy', () => {
  it('passes every byte on and keeps a whole copy when no limit is given', async () => {
    const file = join(await tempDir(), 'copy')
    const { passed, copy } = await passThrough(chunks(3, 5, 7), file)
    expect(passed).toEqual(Buffer.from('aaabbbbbccccccc'))
    expect(copy).toEqual(passed)
  })

  it('keeps the copy of bytes that stay under the limit', async () => {
    const file = join(await tempDir(), 'copy')
    const { passed, copy } = await passThrough(chunks(3, 5, 7), file, 16)
    expect(passed).toHaveLength(15)
    expect(copy).toEqual(passed)
  })

  it('gives the copy up once it reaches the limit, and still passes every byte on', async () => {
    const file = join(await tempDir(), 'copy')
    const { passed, copy } = await passThrough(chunks(3, 5, 7, 9), file, 15)
    expect(passed).toHaveLength(24)
    expect(passed.subarray(15)).toEqual(Buffer.alloc(9, 0x64))
    expect(copy).toBeUndefined()
    await expect(stat(file)).rejects.toThrow('ENOENT')
  })

  it('gives the copy up when the very first chunk reaches the limit', async () => {
    const file = join(await tempDir(), 'copy')
    const { passed, copy } = await passThrough(chunks(8), file, 8)
    expect(passed).toEqual(Buffer.alloc(8, 0x61))
    expect(copy).toBeUndefined()
  })

  it('passes the bytes on alone when no file is asked for', async () => {
    const passed: Buffer[] = []
    for await (const chunk of keepCopy(chunks(2, 2), undefined, 1)) passed.push(chunk)
    expect(Buffer.concat(passed)).toEqual(Buffer.from('aabb'))
  })
})
