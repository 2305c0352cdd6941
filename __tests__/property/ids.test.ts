import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import { ID_PATTERN, ID_RULE, validateId } from '../../src/checkpoint/ids.js'
import {
  checkpointName,
  filesArchiveName,
  parseArtifactName,
  parseCheckpointName
} from '../../src/checkpoint/naming.js'

/** Property tests of node ids and the artifact names built from them. */

const RUNS = { numRuns: 500 }

/** The id rule, written out without a regular expression, to check the pattern against. */
function isIdBySpec(value: string): boolean {
  if (value.length < 1 || value.length > 64) return false
  const letterOrDigit = (char: string): boolean =>
    (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9')
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index)
    if (!letterOrDigit(char) && !(index > 0 && (char === '_' || char === '-'))) return false
  }
  return true
}

const validId = fc.stringMatching(ID_PATTERN)

/** Strings near the rule's edges: valid ids with something added, removed or swapped. */
const nearId = fc.oneof(
  validId,
  validId.map(id => `${id}\n`),
  validId.map(id => `\n${id}`),
  validId.map(id => `${id} `),
  validId.map(id => `-${id}`),
  validId.map(id => `_${id}`),
  validId.map(id => `${id}.`),
  validId.map(id => `${id}/x`),
  validId.map(id => id.toUpperCase().replace(/[A-Z]/, 'İ')),
  fc.integer({ min: 60, max: 70 }).map(length => 'a'.repeat(length)),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '.', '..', '../x', 'a.b', 'a b', 'é', 'a\u0000', 'ａ', '٣')
)

const ref = fc.record({
  scope: validId,
  attempt: fc.integer({ min: 1, max: 999_999_999 }),
  sequence: fc.integer({ min: 1, max: 999_999_999 }),
  node: validId
})

/** Name parts as a hostile uploader could choose them. */
const anyPart = fc.oneof(
  validId,
  nearId,
  fc.constantFrom('..', '.', '', '/', 'a/b', '%2e%2e', 'a\\b', 'x'.repeat(65))
)
const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 999_999_999 }).map(String),
  fc.constantFrom('001', '0', '01', '0001', '1e3', '-1', '', '1234567890', '１')
)

/** Names shaped like this project's artifact names, each part chosen freely. */
const shapedName = fc
  .tuple(anyPart, anyNumber, anyNumber, anyPart, fc.constantFrom('json', 'files', 'zip', 'JSON'))
  .map(([scope, attempt, sequence, node, kind]) =>
    ['checkpoint', scope, `a${attempt}`, `s${sequence}`, node, kind].join('.')
  )

describe('validateId', () => {
  it('accepts exactly the ids the rule describes, and ID_PATTERN says the same', () => {
    fc.assert(
      fc.property(nearId, value => {
        const valid = isIdBySpec(value)
        expect(ID_PATTERN.test(value)).toBe(valid)
        if (valid) {
          expect(validateId('node', value)).toBe(value)
          return
        }
        expect(() => validateId('node', value)).toThrow(InvalidInputError)
        expect(() => validateId('node', value)).toThrow(ID_RULE)
      }),
      RUNS
    )
  })
})

describe('artifact names', () => {
  it('built from valid refs parse back to the same ref and kind', () => {
    fc.assert(
      fc.property(ref, value => {
        expect(parseArtifactName(checkpointName(value))).toEqual({ ref: value, kind: 'json' })
        expect(parseArtifactName(filesArchiveName(value))).toEqual({ ref: value, kind: 'files' })
        expect(parseCheckpointName(checkpointName(value))).toEqual(value)
        expect(parseCheckpointName(filesArchiveName(value))).toBeUndefined()
      }),
      RUNS
    )
  })

  it('are never accepted when a part is not a valid id or number', () => {
    fc.assert(
      fc.property(fc.oneof(shapedName, fc.string(), fc.string({ unit: 'binary' })), name => {
        const parsed = parseArtifactName(name)
        if (!parsed) return
        const { scope, node, attempt, sequence } = parsed.ref
        expect(isIdBySpec(scope)).toBe(true)
        expect(isIdBySpec(node)).toBe(true)
        expect(Number.isSafeInteger(attempt) && attempt >= 0).toBe(true)
        expect(Number.isSafeInteger(sequence) && sequence >= 0).toBe(true)
        expect(name.startsWith('checkpoint.')).toBe(true)
      }),
      RUNS
    )
  })

  it('parse only in the one spelling their ref is written in, so two names never mean one checkpoint', () => {
    fc.assert(
      fc.property(shapedName, name => {
        const parsed = parseArtifactName(name)
        if (!parsed) return
        const written: string =
          parsed.kind === 'json' ? checkpointName(parsed.ref) : filesArchiveName(parsed.ref)
        expect(written).toBe(name)
      }),
      RUNS
    )
  })
})
