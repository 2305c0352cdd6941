import { describe, expect, it } from '@jest/globals'
import { findSecrets } from '../../src/checkpoint/secrets.js'

const token = `ghp_${'a1B2'.repeat(6)}`

describe('findSecrets', () => {
  it('finds token shapes wherever JSON escapes what comes before them', () => {
    for (const value of [token, `line\n${token}`, `quote"${token}`, `tab\t${token}`]) {
      expect(findSecrets({ nested: { list: ['ok', value] } }, [])).toEqual({
        key: 'nested.list[1]',
        kind: 'a GitHub token'
      })
    }
  })

  it('finds known secrets that JSON escapes, and never reports keys or near misses', () => {
    const secret = 'pa"ss\\wo\nrd'
    expect(findSecrets({ a: { b: `x${secret}y` } }, [secret], true)).toEqual({
      key: 'a.b',
      kind: "the job's token or a checkpoint key"
    })
    expect(findSecrets({ [token]: 'fine', other: secret.slice(1) }, [secret])).toBeUndefined()
    expect(findSecrets({ a: token }, [], true)).toBeUndefined()
  })

  it('finds a known secret made of surrogate pairs', () => {
    const secret = 'key-\u{1F511}\u{1F511}-key'
    expect(findSecrets({ note: `the ${secret} here` }, [secret], true)).toEqual({
      key: 'note',
      kind: "the job's token or a checkpoint key"
    })
  })

  it('passes a large state without secrets', () => {
    const rows = Array.from({ length: 20_000 }, (_, id) => ({ id, tags: ['a', 'b'], note: 'ok' }))
    expect(findSecrets({ rows }, ['not-in-there'])).toBeUndefined()
  })
})
