import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { sha256Digest } from '../../src/checkpoint/canonical.js'

/** The digest of a string's UTF-8 as Node encodes the string whole. */
const whole = (text: string): string =>
  `sha256:${createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')}`

describe('sha256Digest', () => {
  // Long strings are hashed a chunk (256 Ki units) at a time: the digest must be the one of the
  // whole string's UTF-8, whatever falls on a chunk's edge.
  const CHUNK = 256 * 1024
  const filler = (length: number): string => 'x'.repeat(length)

  it.each([
    ['ASCII just past one chunk', filler(CHUNK + 1)],
    ['a surrogate pair across the edge', `${filler(CHUNK - 1)}😀${filler(10)}`],
    ['a pair ending right at the edge', `${filler(CHUNK - 2)}😀${filler(10)}`],
    ['a lone high surrogate at the edge', `${filler(CHUNK - 1)}\ud83d${filler(10)}`],
    ['a lone high surrogate at the very end', `${filler(CHUNK + 5)}\ud83d`],
    ['a lone low surrogate after the edge', `${filler(CHUNK)}\ude00${filler(10)}`],
    ['three-byte characters across chunks', '€'.repeat(3 * CHUNK + 7)],
    ['mixed text over several chunks', `{"ключ":"${'значение 😀 '.repeat(80_000)}"}`]
  ])('equals the digest of the whole UTF-8: %s', (_, text) => {
    expect(sha256Digest(text)).toBe(whole(text))
  })

  it('hashes short strings and bytes as they are', () => {
    expect(sha256Digest('abc')).toBe(
      'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
    expect(sha256Digest(Buffer.from('abc'))).toBe(sha256Digest('abc'))
  })
})
