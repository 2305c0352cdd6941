import { describe, expect, it } from '@jest/globals'
import { formatBytes, formatDuration, formatRate } from '../../src/checkpoint/units.js'

describe('units', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [1536, '1.5 KiB'],
    [256 * 1024 * 1024, '256.0 MiB'],
    [3.4 * 1024 ** 3, '3.4 GiB']
  ])('writes %p bytes as %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })

  it.each([
    [undefined, '–'],
    [850, '850 ms'],
    [12_340, '12.3 s'],
    [245_000, '4 min 05 s']
  ])('writes %p ms as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it.each([
    [0, '0.0 MiB/s'],
    [-5, '0.0 MiB/s'],
    [52.3 * 1024 * 1024, '52.3 MiB/s']
  ])('writes %p bytes per second as %p', (rate, text) => {
    expect(formatRate(rate)).toBe(text)
  })
})
