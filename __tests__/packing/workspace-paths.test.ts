import { describe, expect, it } from '@jest/globals'
import { unsafePathReason } from '../../src/checkpoint/safe-paths.js'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import { absolutePattern, storedPath } from '../../src/packing/collect.js'
import {
  isInside,
  nativeLinkTarget,
  portableLinkTarget,
  resolveInside,
  toRelative
} from '../../src/packing/workspace-paths.js'

/**
 * Workspace paths on each runner OS, tested here on Linux: the platform is a parameter. A
 * checkpoint stores workspace-relative paths with `/`; what a user gives and what the file system
 * returns is read by the rules of the OS the step runs on.
 */

const LINUX = '/home/runner/work/repo/repo'
const MACOS = '/Users/runner/work/repo/repo'
const WINDOWS = 'D:\\a\\repo\\repo'

describe('isInside and resolveInside', () => {
  const posixRunners: ['linux' | 'darwin', string][] = [
    ['linux', LINUX],
    ['darwin', MACOS]
  ]
  it.each(posixRunners)('on %s: below the workspace only', (platform, root) => {
    expect(resolveInside(root, 'data/out', 'paths', platform)).toBe(`${root}/data/out`)
    expect(resolveInside(root, `${root}/data`, 'paths', platform)).toBe(`${root}/data`)
    expect(resolveInside(root, '.', 'paths', platform)).toBe(root)
    expect(isInside(root, `${root}-other/x`, platform)).toBe(false)
    for (const outside of ['..', '../x', 'a/../../x', '/etc', '//server/share']) {
      expect(() => resolveInside(root, outside, 'paths', platform)).toThrow(
        new InvalidInputError('paths', outside, `must be inside the workspace ${root}`)
      )
    }
    // A backslash is a character in a POSIX name, not a folder: `a\..\..` stays inside.
    expect(resolveInside(root, 'a\\..\\..', 'paths', platform)).toBe(`${root}/a\\..\\..`)
  })

  it('on win32: drive letters, either slash, names compared ignoring case', () => {
    expect(resolveInside(WINDOWS, 'data/out', 'paths', 'win32')).toBe(`${WINDOWS}\\data\\out`)
    expect(resolveInside(WINDOWS, 'data\\out', 'paths', 'win32')).toBe(`${WINDOWS}\\data\\out`)
    expect(resolveInside(WINDOWS, 'd:\\A\\repo\\REPO\\x', 'paths', 'win32')).toBe(
      'd:\\A\\repo\\REPO\\x'
    )
    expect(isInside(WINDOWS, 'd:\\a\\REPO\\repo\\x', 'win32')).toBe(true)
    for (const outside of [
      '..\\x',
      '../x',
      'a\\..\\..\\x',
      'C:\\Windows',
      'C:x',
      'D:\\a\\repo\\repo-other',
      '\\\\server\\share\\x',
      '//server/share/x',
      '\\x',
      '/x'
    ]) {
      expect(() => resolveInside(WINDOWS, outside, 'paths', 'win32')).toThrow(
        `Input 'paths' has an invalid value ${JSON.stringify(outside)}: must be inside the workspace`
      )
    }
  })
})

describe('toRelative and storedPath: what a checkpoint stores', () => {
  it('uses / on every OS', () => {
    expect(toRelative(LINUX, `${LINUX}/data/a.txt`, 'linux')).toBe('data/a.txt')
    expect(toRelative(MACOS, `${MACOS}/data/a.txt`, 'darwin')).toBe('data/a.txt')
    expect(toRelative(WINDOWS, `${WINDOWS}\\data\\sub\\a.txt`, 'win32')).toBe('data/sub/a.txt')
    expect(storedPath(WINDOWS, `${WINDOWS}\\data\\a.txt`, 'paths', 'win32')).toBe('data/a.txt')
  })

  it('refuses a POSIX file name that no checkpoint can store, naming it', () => {
    expect(() => storedPath(LINUX, `${LINUX}/data/a\\b.txt`, 'paths', 'linux')).toThrow(
      new InvalidInputError(
        'paths',
        'data/a\\b.txt',
        'names a file whose path contains a backslash: checkpoints store workspace paths with / between folders, the same on every OS'
      )
    )
    expect(() => storedPath(LINUX, `${LINUX}/C:x`, 'paths', 'linux')).toThrow(
      'whose path starts with a drive letter'
    )
  })
})

describe('absolutePattern', () => {
  it('puts a pattern under the workspace with the separator of the OS', () => {
    expect(absolutePattern(LINUX, 'build/**', 'paths', 'linux')).toBe(`${LINUX}/build/**`)
    expect(absolutePattern(LINUX, '!build/**/*.tmp', 'paths', 'linux')).toBe(
      `!${LINUX}/build/**/*.tmp`
    )
    expect(absolutePattern(WINDOWS, 'build/**', 'paths', 'win32')).toBe(`${WINDOWS}\\build/**`)
    expect(absolutePattern(WINDOWS, 'build\\*.exe', 'paths', 'win32')).toBe(
      `${WINDOWS}\\build\\*.exe`
    )
    expect(absolutePattern(WINDOWS, `${WINDOWS}\\out\\**`, 'paths', 'win32')).toBe(
      `${WINDOWS}\\out\\**`
    )
  })

  it('refuses one whose fixed part leaves the workspace, on each OS', () => {
    expect(() => absolutePattern(LINUX, '../**', 'paths', 'linux')).toThrow(InvalidInputError)
    expect(() => absolutePattern(MACOS, '/etc/*', 'paths', 'darwin')).toThrow(InvalidInputError)
    for (const pattern of ['C:\\**', '..\\*.txt', '\\\\server\\share\\*', '!E:/x/**']) {
      expect(() => absolutePattern(WINDOWS, pattern, 'paths', 'win32')).toThrow(
        'must be inside the workspace'
      )
    }
  })
})

describe('link targets', () => {
  it('are stored with / and written with the separator of the OS', () => {
    expect(portableLinkTarget('..\\lib\\a.so', 'win32')).toBe('../lib/a.so')
    expect(nativeLinkTarget('../lib/a.so', 'win32')).toBe('..\\lib\\a.so')
    expect(portableLinkTarget('../lib/a.so', 'linux')).toBe('../lib/a.so')
    expect(nativeLinkTarget('../lib/a.so', 'darwin')).toBe('../lib/a.so')
  })
})

describe('unsafePathReason', () => {
  it.each(['linux', 'darwin', 'win32', undefined])(
    'refuses .., absolute, drive-letter and UNC paths on %s',
    platform => {
      const refused: [string, string][] = [
        ['../x', 'contains a ".." segment'],
        ['a/../../x', 'contains a ".." segment'],
        ['/etc/passwd', 'is absolute'],
        ['//server/share/x', 'is absolute'],
        ['\\\\server\\share\\x', 'contains a backslash'],
        ['C:/Windows/x', 'starts with a drive letter'],
        ['c:x', 'starts with a drive letter'],
        ['C:\\x', 'contains a backslash'],
        ['a\\..\\..\\x', 'contains a backslash'],
        ['a//b', 'is not normalized'],
        ['', 'is empty']
      ]
      for (const [path, reason] of refused) {
        expect({ path, reason: unsafePathReason(path, platform) }).toEqual({ path, reason })
      }
      expect(unsafePathReason('data/sub/a.txt', platform)).toBeUndefined()
    }
  )

  it('refuses, on Windows only, names Windows would write somewhere else', () => {
    const windowsOnly: [string, RegExp][] = [
      ['a/.. ', /ending in a dot or a space \(".. "\), which Windows drops/],
      ['a/b./c', /ending in a dot or a space \("b\."\)/],
      ['a/...', /ending in a dot or a space/],
      ['x ', /ending in a dot or a space/],
      ['file.txt:stream', /a character Windows does not allow \("file\.txt:stream"\)/],
      ['a/b?c', /a character Windows does not allow/],
      ['a/b\tc', /a character Windows does not allow/],
      ['CON', /a name Windows keeps for a device \("CON"\)/],
      ['logs/nul.txt', /a device/],
      ['com1', /a device/],
      ['LPT9.log', /a device/]
    ]
    for (const [path, reason] of windowsOnly) {
      expect({ path, reason: unsafePathReason(path, 'win32') }).toEqual({
        path,
        reason: expect.stringMatching(reason)
      })
      expect({ path, linux: unsafePathReason(path, 'linux') }).toEqual({ path, linux: undefined })
    }
    for (const fine of ['console.log', 'a.b/c', 'com10', 'nul_x', '.github/x', 'a b/c']) {
      expect({ fine, reason: unsafePathReason(fine, 'win32') }).toEqual({ fine, reason: undefined })
    }
  })
})
