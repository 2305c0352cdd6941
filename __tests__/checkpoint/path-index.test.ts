import { describe, expect, it } from '@jest/globals'
import { PathIndex } from '../../src/checkpoint/path-index.js'

const at = (path: string, tag = ''): { path: string; tag: string } => ({ path, tag })
const pathsOf = (items: { path: string }[]): string[] => items.map(item => item.path)

/** The rule, spelled out one pair at a time. */
const clashes = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)

describe('PathIndex', () => {
  it('finds the same path, its folders and what lies under it, in the order they were added', () => {
    const index = new PathIndex([at('a/b/c.txt'), at('a'), at('a/bc'), at('a/b'), at('z/a/b')])
    expect(pathsOf(index.clashing('a/b'))).toEqual(['a/b/c.txt', 'a', 'a/b'])
    expect(pathsOf(index.clashing('a/b/c.txt/d'))).toEqual(['a/b/c.txt', 'a', 'a/b'])
    expect(pathsOf(index.clashing('a/bc/d'))).toEqual(['a', 'a/bc'])
    expect(pathsOf(index.clashing('b'))).toEqual([])
  })

  it('forgets a deleted path, also as something under its folders', () => {
    const index = new PathIndex([at('a/b/c'), at('a/b/d')])
    index.delete('a/b/c')
    index.delete('not/held')
    expect(pathsOf(index.clashing('a'))).toEqual(['a/b/d'])
    expect(pathsOf(index.items())).toEqual(['a/b/d'])
  })

  it('replaces what a path holds in its place; deleted and added again, it comes last', () => {
    const index = new PathIndex([at('x', 'old'), at('y')])
    index.set(at('x', 'new'))
    expect(index.items()).toEqual([at('x', 'new'), at('y')])
    index.delete('x')
    index.set(at('x', 'again'))
    expect(index.items()).toEqual([at('y'), at('x', 'again')])
  })

  it('agrees with the pairwise rule on many paths', () => {
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const path = (): string =>
      Array.from({ length: 1 + next(3) }, () => ['a', 'b', 'ab'][next(3)]).join('/')
    const held = Array.from({ length: 60 }, () => at(path()))
    const index = new PathIndex(held)
    const unique = [...new Map(held.map(item => [item.path, item])).values()]
    for (let probe = 0; probe < 200; probe++) {
      const wanted = path()
      const expected = unique.filter(item => clashes(item.path, wanted)).map(item => item.path)
      expect(pathsOf(index.clashing(wanted)).sort()).toEqual(expected.sort())
    }
  })
})
