import { describe, expect, it } from '@jest/globals'
import {
  mergeStates,
  nestingDepth,
  overlayStates,
  parseStateText,
  stateJson
} from '../../src/checkpoint/state.js'

describe('parseStateText', () => {
  it('reads a JSON object', () => {
    expect(parseStateText('state', '{"rows": 1200, "ok": true}')).toEqual({ rows: 1200, ok: true })
  })

  it('reads key=value lines as strings, values may hold "="', () => {
    expect(parseStateText('state', 'rows=1200\n\nurl = https://x?a=b\n')).toEqual({
      rows: '1200',
      url: 'https://x?a=b'
    })
  })

  it('treats empty input as no state', () => {
    expect(parseStateText('state', '  \n')).toEqual({})
  })

  it.each([
    ['[1,2]', /^Input 'state' has an invalid value "\[1,2\]": must be a JSON object/],
    ['"text"', /line 1/],
    ['{"a": }', /must be a JSON object.*JSON/],
    ['just words', /line 1 "just words"/],
    ['=value', /line 1/],
    ['a=1\na=2', /line 2 repeats the key 'a'/]
  ])('refuses %j with a message naming the input', (text, rule) => {
    expect(() => parseStateText('state', text)).toThrow(/^Input 'state' has an invalid value/)
    expect(() => parseStateText('state', text)).toThrow(rule)
  })
})

describe('mergeStates', () => {
  it('merges shallowly, later winning', () => {
    expect(mergeStates({ a: 1, b: { x: 1 } }, { b: { y: 2 }, c: 3 })).toEqual({
      a: 1,
      b: { y: 2 },
      c: 3
    })
  })

  it('keeps __proto__ as data and never pollutes Object.prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, never>
    const merged = mergeStates({}, hostile)
    expect(Object.keys(merged)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
  })
})

describe('nestingDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(nestingDepth(1, 200)).toBe(0)
    expect(nestingDepth({}, 200)).toBe(1)
    expect(nestingDepth({ a: [1, { b: 'x' }], c: null }, 200)).toBe(3)
  })

  it('stops just above its limit, however deep the value (no stack overflow)', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown
    expect(nestingDepth(deep, 200)).toBe(201)
    expect(nestingDepth({ __proto__: [[]] }, 200)).toBe(1)
    expect(nestingDepth(JSON.parse('{"__proto__": [[]]}') as unknown, 200)).toBe(3)
  })
})

describe('overlayStates and stateJson', () => {
  it('merges like mergeStates, and gives back a lone non-empty state as it is', () => {
    const state = { a: 1 }
    expect(overlayStates({}, state)).toBe(state)
    expect(overlayStates(state, {})).toBe(state)
    expect(overlayStates({ a: 1, b: 2 }, { b: 3 })).toEqual(mergeStates({ a: 1, b: 2 }, { b: 3 }))
    expect(overlayStates({}, {})).toEqual({})
  })

  it('is JSON.stringify of the state, computed once per state object', () => {
    const state = { rows: [1, 2], name: 'x' }
    const text = stateJson(state)
    expect(text).toBe(JSON.stringify(state))
    expect(stateJson(state)).toBe(text)
    expect(stateJson({ ...state })).toBe(text)
  })
})
