import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import {
  FORBIDDEN_KEY_RULE,
  FORBIDDEN_KEYS,
  isJsonObject,
  mergeStates,
  parseStateText,
  type JsonValue,
  type PipelineState
} from '../../src/checkpoint/state.js'
import { withoutForbiddenKeys } from '../../__fixtures__/json.js'

/** Property tests of the state parser and merge: what users type and what restore hands back. */

const RUNS = { numRuns: 400 }

/** Names that reach prototypes when code assigns instead of defining. */
const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf'
]

/** Any object key, dangerous ones often. */
const anyKey = fc.oneof(
  fc.constantFrom(...DANGEROUS_KEYS),
  fc.string(),
  fc.string({ unit: 'binary' })
)

/** Keys key=value lines allow (`[A-Za-z_][A-Za-z0-9_.-]*`), dangerous ones often. */
const lineKey = fc.oneof(
  fc.constantFrom(...DANGEROUS_KEYS),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,24}$/)
)

/** A JSON object as JSON.parse builds it: `__proto__` an own key like any other. */
const jsonObject = fc
  .dictionary(anyKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 })
  .map(value => JSON.parse(JSON.stringify(value)) as PipelineState)

/** A JSON object a save accepts: no key refused, at any depth; `toString` and such kept. */
const saveableObject = jsonObject.map(value => withoutForbiddenKeys(value))

const forbiddenKey = fc.constantFrom(...FORBIDDEN_KEYS)

/** Where a key can sit in state: under an object key first, then keys and array indexes. */
const placeInState = fc.tuple(
  fc.stringMatching(/^[a-z]{1,6}$/),
  fc.array(fc.oneof(fc.stringMatching(/^[a-z]{1,6}$/), fc.nat({ max: 3 })), { maxLength: 5 })
)

/** What a user can type into `state`: JSON, almost-JSON, key=value lines, garbage. */
const stateText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  jsonObject.map(value => JSON.stringify(value)),
  fc.tuple(fc.constantFrom('{', '[', ' {', '\n['), fc.string()).map(([head, tail]) => head + tail),
  fc
    .array(
      fc.tuple(fc.oneof(lineKey, fc.string()), fc.constantFrom('=', ' = ', ':', ''), fc.string())
    )
    .map(lines => lines.map(([key, equals, value]) => `${key}${equals}${value}`).join('\n'))
)

function prototypeFingerprint(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].map(prototype =>
    Object.getOwnPropertyNames(prototype)
      .sort()
      .map(name => {
        const descriptor = Object.getOwnPropertyDescriptor(prototype, name)
        return `${name}:${typeof descriptor?.value}:${String(descriptor?.writable)}`
      })
      .join(',')
  )
}

describe('parseStateText', () => {
  it('throws nothing but InvalidInputError, and returns only plain objects', () => {
    fc.assert(
      fc.property(stateText, text => {
        let parsed: PipelineState
        try {
          parsed = parseStateText('state', text)
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError)
          expect((error as InvalidInputError).input).toBe('state')
          return
        }
        expect(isJsonObject(parsed)).toBe(true)
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
      }),
      RUNS
    )
  })

  it('reads back any JSON object without a refused key, whatever the others and the white space', () => {
    fc.assert(
      fc.property(
        saveableObject,
        fc.constantFrom(undefined, 2, '\t'),
        fc.constantFrom('', ' ', '\n', '\r\n  '),
        (value, indent, around) => {
          const parsed = parseStateText(
            'state',
            `${around}${JSON.stringify(value, null, indent)}${around}`
          )
          expect(Object.keys(parsed)).toEqual(Object.keys(value))
          expect(JSON.stringify(parsed)).toBe(JSON.stringify(value))
          for (const key of Object.keys(value)) expect(Object.hasOwn(parsed, key)).toBe(true)
        }
      ),
      RUNS
    )
  })

  it('refuses __proto__, constructor and prototype at any depth, naming the key and its path', () => {
    fc.assert(
      fc.property(
        saveableObject,
        placeInState,
        forbiddenKey,
        fc.jsonValue({ maxDepth: 1 }),
        (around, [first, steps], key, value) => {
          // The forbidden key at the end of the path, as JSON.parse would read it from the text.
          let inner = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as JsonValue
          for (const step of [...steps].reverse()) {
            inner =
              typeof step === 'number'
                ? [...(Array(step).fill(null) as null[]), inner]
                : { [step]: inner }
          }
          const text = JSON.stringify({ ...around, [first]: inner })
          const path = [first, ...steps, key].reduce<string>(
            (shown, step, index) =>
              typeof step === 'number'
                ? `${shown}[${step}]`
                : index === 0
                  ? step
                  : `${shown}.${step}`,
            ''
          )
          expect(() => parseStateText('state', text)).toThrow(
            new InvalidInputError(
              'state',
              text,
              `holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`
            )
          )
        }
      ),
      RUNS
    )
  })

  it('reads back key=value lines as string values, trimmed, with any line endings', () => {
    const value = fc.string().filter(text => !text.includes('\n'))
    const saveableKey = lineKey.filter(key => !FORBIDDEN_KEYS.has(key))
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(saveableKey, value), {
          selector: ([key]) => key,
          minLength: 1,
          maxLength: 8
        }),
        fc.constantFrom('\n', '\r\n', '\n\n', '\n  \n'),
        fc.constantFrom('', ' ', '\t'),
        (pairs, newline, space) => {
          const text = pairs
            .map(([key, text]) => `${space}${key}${space}=${space}${text}`)
            .join(newline)
          const parsed = parseStateText('state', text)
          const expected = Object.fromEntries(pairs.map(([key, text]) => [key, text.trim()]))
          expect(Object.keys(parsed)).toEqual(Object.keys(expected))
          for (const [key, text] of Object.entries(expected)) {
            expect(Object.hasOwn(parsed, key)).toBe(true)
            expect(Object.getOwnPropertyDescriptor(parsed, key)?.value).toBe(text)
          }
          expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
        }
      ),
      RUNS
    )
  })
})

describe('parseStateText key=value lines', () => {
  it('refuses a line whose key is __proto__, constructor or prototype, naming the line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 4 }),
        forbiddenKey,
        fc.string().filter(text => !text.includes('\n')),
        (before, key, value) => {
          const lines = [...new Set(before)].map(name => `${name}=1`)
          const text = [...lines, `${key}=${value}`].join('\n')
          expect(() => parseStateText('state', text)).toThrow(
            `line ${lines.length + 1} has the key '${key}': ${FORBIDDEN_KEY_RULE}`
          )
        }
      ),
      RUNS
    )
  })
})

describe('mergeStates', () => {
  it('never touches a prototype, whatever the keys, and later states win key by key', () => {
    const states = fc.array(
      fc.oneof(
        jsonObject,
        fc.dictionary(anyKey, fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 6
        }) as fc.Arbitrary<PipelineState>
      ),
      { maxLength: 5 }
    )
    const before = prototypeFingerprint()
    fc.assert(
      fc.property(states, list => {
        const merged = mergeStates(...list)
        expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
        const expected = new Map<string, JsonValue>()
        for (const state of list) {
          for (const key of Object.keys(state)) {
            expected.set(key, Object.getOwnPropertyDescriptor(state, key)?.value as JsonValue)
          }
        }
        expect(new Set(Object.keys(merged))).toEqual(new Set(expected.keys()))
        for (const [key, value] of expected) {
          expect(Object.getOwnPropertyDescriptor(merged, key)?.value).toBe(value)
        }
        for (const key of expected.keys()) {
          if (!Object.hasOwn(Object.prototype, key)) expect(key in {}).toBe(false)
        }
        expect(prototypeFingerprint()).toEqual(before)
      }),
      RUNS
    )
  })
})
