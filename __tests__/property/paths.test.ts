import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { posix, win32 } from 'node:path'
import { unsafePathReason } from '../../src/checkpoint/safe-paths.js'
import { isInside } from '../../src/packing/workspace-paths.js'

/**
 * Property tests of the path rule every manifest path and zip entry goes through: a path it
 * accepts never resolves outside the root, by POSIX rules or by Windows rules, and is already
 * in normal form; a path that would leave the root is always refused.
 */

const RUNS = { numRuns: 500 }

const POSIX_ROOT = '/work/space'
const WINDOWS_ROOT = 'D:\\a\\work\\space'

/** Segments that attack a path: dots, separators, drives, devices, NUL, look-alikes. */
const hostileSegment = fc.constantFrom(
  '..',
  '.',
  '',
  '...',
  '..a',
  'a..',
  '. .',
  '.. ',
  ' ..',
  'C:',
  'c:..',
  'a:b',
  '\\',
  '..\\..',
  '\0',
  '%2e%2e',
  '\u2024\u2024',
  '\uff0e\uff0e',
  '~',
  'CON',
  'a'
)

const segment = fc.oneof(
  hostileSegment,
  fc.stringMatching(/^[A-Za-z0-9_. -]{1,8}$/),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 })
)

const path = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 6 }).map(parts => parts.join('/')),
  fc
    .tuple(fc.constantFrom('/', '//', 'C:/', 'C:', '\\\\server\\share\\', '\\'), fc.array(segment))
    .map(([head, parts]) => head + parts.join('/')),
  fc.string(),
  fc.string({ unit: 'binary' })
)

describe('unsafePathReason', () => {
  it('accepts only paths that resolve inside the root, by POSIX and by Windows rules', () => {
    fc.assert(
      fc.property(path, candidate => {
        const reason = unsafePathReason(candidate)
        const posixTarget = posix.resolve(POSIX_ROOT, candidate)
        const windowsTarget = win32.resolve(WINDOWS_ROOT, candidate)
        const posixInside = posixTarget.startsWith(`${POSIX_ROOT}/`)
        const windowsInside = windowsTarget
          .toLowerCase()
          .startsWith(`${WINDOWS_ROOT.toLowerCase()}\\`)
        if (reason === undefined) {
          expect({ candidate, posixTarget, windowsTarget }).toEqual({
            candidate,
            posixTarget: posix.join(POSIX_ROOT, candidate),
            windowsTarget: win32.join(WINDOWS_ROOT, candidate)
          })
          expect(posixInside && windowsInside).toBe(true)
          expect(isInside(POSIX_ROOT, posixTarget)).toBe(true)
          expect(posix.normalize(candidate)).toBe(candidate)
        } else {
          expect(typeof reason).toBe('string')
          expect(reason.length).toBeGreaterThan(0)
        }
        if (!posixInside || !windowsInside) expect(reason).toBeDefined()
      }),
      RUNS
    )
  })

  it('refuses every path with a .. segment, however it is written', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        fc.array(segment, { maxLength: 3 }),
        (before, after) => {
          const candidate = [...before, '..', ...after].join('/')
          expect(unsafePathReason(candidate)).toBeDefined()
        }
      ),
      RUNS
    )
  })
})
