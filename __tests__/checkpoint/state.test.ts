import { describe, expect, it } from '@jest/globals'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import {
  FORBIDDEN_KEY_RULE,
  mergeStates,
  nestingDepth,
  overlayStates,
  parseStateText,
  scanJson,
  stateFromEntries,
  stateJson,
  stateProblem
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

describe('keys named __proto__, constructor and prototype', () => {
  const refusal = (text: string): InvalidInputError => {
    try {
      parseStateText('state', text)
    } catch (error) {
      if (error instanceof InvalidInputError) return error
      throw error
    }
    throw new Error(`accepted ${text}`)
  }

  it.each([
    ['{"__proto__": {"polluted": true}}', '__proto__', '__proto__'],
    ['{"rows": 1, "constructor": {"prototype": {}}}', 'constructor', 'constructor'],
    ['{"a": {"b": {"prototype": 1}}}', 'prototype', 'a.b.prototype'],
    ['{"list": [1, {"x": [{"constructor": null}]}]}', 'constructor', 'list[1].x[0].constructor'],
    // Escaped in the text, the same key once parsed.
    ['{"cfg": {"\\u005f_proto__": {}}}', '__proto__', 'cfg.__proto__']
  ])('are refused in a JSON state: %s', (text, key, path) => {
    const error = refusal(text)
    expect(error.input).toBe('state')
    expect(error.rule).toBe(`holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`)
    expect(error.message).toMatch(/^Input 'state' has an invalid value "\{/)
  })

  it.each([
    ['__proto__=x', 1, '__proto__'],
    ['rows=1\nconstructor=Object', 2, 'constructor'],
    ['rows=1\n\nprototype = y', 3, 'prototype']
  ])('are refused as key=value lines: %j', (text, line, key) => {
    expect(refusal(text).rule).toBe(`line ${line} has the key '${key}': ${FORBIDDEN_KEY_RULE}`)
  })

  it('are refused in a state-file as in the state input, naming that input', () => {
    expect(() => parseStateText('state-file', '{"a": {"__proto__": 1}}')).toThrow(
      /^Input 'state-file' has an invalid value .*holds the key '__proto__' at a\.__proto__/
    )
  })

  it('are only keys: the same words as values or in longer keys are data', () => {
    const state = parseStateText(
      'state',
      '{"kind": "constructor", "__proto__x": 1, "my.prototype": [2]}'
    )
    expect(state).toEqual({ kind: 'constructor', __proto__x: 1, 'my.prototype': [2] })
    expect(parseStateText('state', 'name=__proto__')).toEqual({ name: '__proto__' })
    expect(stateProblem(state)).toBeUndefined()
  })

  it('are found by one walk that also measures the depth, the first one met reported', () => {
    const value = JSON.parse('{"a": [[{"prototype": 1}]], "b": {"__proto__": {}}}') as unknown
    expect(scanJson(value, 200)).toEqual({
      depth: 4,
      forbidden: { key: 'prototype', path: 'a[0][0].prototype' }
    })
    expect(scanJson({ a: [[]] }, 200)).toEqual({ depth: 3, forbidden: undefined })
    expect(scanJson('text', 200)).toEqual({ depth: 0 })
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

describe('stateFromEntries', () => {
  it('defines every key in order, a key named __proto__ as data', () => {
    const state = stateFromEntries([
      ['b', 1],
      ['__proto__', { polluted: true }],
      ['a', null]
    ])
    expect(Object.keys(state)).toEqual(['b', '__proto__', 'a'])
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(state, '__proto__')?.value).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
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
