import { describe, expect, it } from '@jest/globals'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import { caseCollision, validateId } from '../../src/checkpoint/ids.js'

describe('validateId', () => {
  it.each(['fetch', 'build-2', 'a', 'Node_1', 'x'.repeat(64)])('accepts %s', id => {
    expect(validateId('node', id)).toBe(id)
  })

  it.each(['', '../x', 'a/b', 'a b', 'a.b', '-lead', '_lead', 'x'.repeat(65), 'é'])(
    'refuses %j naming the input, the value and the rule',
    id => {
      expect(() => validateId('node', id)).toThrow(InvalidInputError)
      expect(() => validateId('node', id)).toThrow(
        new RegExp(`^Input 'node' has an invalid value ".*": must be 1-64 characters`)
      )
    }
  )
})

describe('caseCollision', () => {
  it('finds an id equal but for case', () => {
    expect(caseCollision('build', ['fetch', 'Build'])).toBe('Build')
  })
  it('does not flag the same id', () => {
    expect(caseCollision('build', ['build', 'fetch'])).toBeUndefined()
  })
})
