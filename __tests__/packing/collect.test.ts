import { describe, expect, it } from '@jest/globals'
import { mkdir, stat, symlink, writeFile, readlink, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import * as glob from '@actions/glob'
import { collectFiles, findPaths } from '../../src/packing/collect.js'
import { placeFiles } from '../../src/packing/place.js'
import { choosePacking } from '../../src/packing/choose.js'
import { randomBytes } from 'node:crypto'
import { useTempDirs } from '../../__fixtures__/temp.js'
import { makeStagedPath } from '../../src/packing/staged-path.js'

const tempDir = useTempDirs()

async function workspace(): Promise<string> {
  const ws = await tempDir()
  await mkdir(join(ws, 'data/sub'), { recursive: true })
  await writeFile(join(ws, 'data/a.csv'), 'a,b\n')
  await writeFile(join(ws, 'data/sub/b.csv'), 'c,d\n')
  await writeFile(join(ws, 'data/skip.tmp'), 'tmp')
  await writeFile(join(ws, 'run.sh'), '#!/bin/sh\n', { mode: 0o755 })
  return ws
}

describe('collectFiles', () => {
  it('expands folders and globs, honours excludes, records modes and sizes', async () => {
    const ws = await workspace()
    const files = await collectFiles(ws, ['data/', '!**/*.tmp', 'run.sh'])
    expect(files.map(file => file.path)).toEqual(['data/a.csv', 'data/sub/b.csv', 'run.sh'])
    expect(files.find(file => file.path === 'run.sh')?.mode).toBe(0o755)
    expect(files[0]?.size).toBe(4)
  })

  it('returns nothing for patterns that match nothing', async () => {
    expect(await collectFiles(await workspace(), ['nothing/**'])).toEqual([])
  })

  it.each(['../outside', '/etc/passwd', 'data/../../x'])(
    'refuses %s outside the workspace',
    async pattern => {
      const ws = await workspace()
      await expect(collectFiles(ws, [pattern])).rejects.toThrow(InvalidInputError)
      await expect(collectFiles(ws, [pattern])).rejects.toThrow(
        /Input 'paths' has an invalid value .*: must be inside the workspace/
      )
    }
  )

  it('keeps links inside the workspace as links and refuses links out of it', async () => {
    const ws = await workspace()
    await symlink('a.csv', join(ws, 'data/link.csv'))
    const files = await collectFiles(ws, ['data/link.csv'])
    expect(files).toEqual([expect.objectContaining({ path: 'data/link.csv', link: 'a.csv' })])
    await symlink('/etc/passwd', join(ws, 'data/escape'))
    await expect(collectFiles(ws, ['data/'])).rejects.toThrow(/data\/escape.*outside the workspace/)
  })

  it('refuses a file or link a checkpoint could not store portably, naming it', async () => {
    const ws = await workspace()
    // Legal names on Linux, unreadable as paths on Windows: a save refuses them, not a restore.
    await writeFile(join(ws, 'data/a\\b.csv'), 'x')
    await expect(collectFiles(ws, ['data/'])).rejects.toThrow(
      `Input 'paths' has an invalid value "data/a\\\\b.csv": names a file whose path contains a backslash`
    )
    const other = await workspace()
    await symlink('sub\\b.csv', join(other, 'data/link'))
    await writeFile(join(other, 'data/sub\\b.csv'), 'x')
    await expect(collectFiles(other, ['data/link'])).rejects.toThrow(
      /"data\/link": is a link to sub\\b\.csv, whose backslash no checkpoint can store/
    )
  })
})

describe('findPaths', () => {
  /** What @actions/glob itself finds, with the options collectFiles gives it. */
  async function globbed(patterns: string[]): Promise<string[]> {
    const globber = await glob.create(patterns.join('\n'), {
      followSymbolicLinks: false,
      implicitDescendants: true,
      matchDirectories: false
    })
    return (await globber.glob()).sort()
  }

  it.each([
    [['data']],
    [['data/']],
    [['run.sh']],
    [['run.sh/']],
    [['missing', 'missing/deeper']],
    [['data', 'data/sub']],
    [['data/sub', 'run.sh', 'data/sub/b.csv']],
    [['data/link-dir']],
    [['data/link-dir/']],
    [['data/link-dir/b.csv']],
    [['data//sub///']],
    [['data/empty']],
    [['data/broken']],
    [['data/*.csv']],
    [['data', '!data/sub']]
  ])('finds what @actions/glob finds for %j', async (...patterns) => {
    const ws = await workspace()
    await writeFile(join(ws, 'data/.hidden'), 'h')
    await mkdir(join(ws, 'data/sub/deeper'))
    await writeFile(join(ws, 'data/sub/deeper/c.txt'), 'c')
    await mkdir(join(ws, 'data/empty'))
    await symlink('a.csv', join(ws, 'data/link-file'))
    await symlink('sub', join(ws, 'data/link-dir'))
    await symlink('missing', join(ws, 'data/broken'))
    // Made absolute as written (no normalizing), an exclusion keeping its `!` in front.
    const absolute = patterns
      .flat()
      .map(pattern => (pattern.startsWith('!') ? `!${ws}/${pattern.slice(1)}` : `${ws}/${pattern}`))
    const found = (await findPaths(absolute)).sort()
    expect(found).toEqual(await globbed(absolute))
  })

  it('walks every file of a folder, links and hidden files included', async () => {
    const ws = await workspace()
    await writeFile(join(ws, 'data/.hidden'), 'h')
    await symlink('sub', join(ws, 'data/link-dir'))
    const found = (await findPaths([join(ws, 'data')])).map(path => path.slice(ws.length + 1))
    expect(found.sort()).toEqual([
      'data/.hidden',
      'data/a.csv',
      'data/link-dir',
      'data/skip.tmp',
      'data/sub/b.csv'
    ])
  })
})

/** Stages `text` as the file at `path`, as an extractor would (see makeStagedPath). */
async function writeStaged(staging: string, path: string, text: string): Promise<void> {
  await writeFile(makeStagedPath(staging, path, new Set()), text)
}

describe('placeFiles', () => {
  it('moves staged files into place with their modes, replacing existing files, and recreates links', async () => {
    const staging = await tempDir()
    const ws = await tempDir()
    await writeStaged(staging, 'bin/tool', 'new')
    await mkdir(join(ws, 'bin'))
    await writeFile(join(ws, 'bin/tool'), 'old')
    await placeFiles(
      staging,
      [
        { path: 'bin/tool', size: 3, sha256: 'sha256:x', mode: 0o755, archive: 'z' },
        { path: 'bin/alias', size: 0, sha256: 'sha256:y', mode: 0o777, link: 'tool' }
      ],
      ws
    )
    expect(await readFile(join(ws, 'bin/tool'), 'utf8')).toBe('new')
    expect((await stat(join(ws, 'bin/tool'))).mode & 0o777).toBe(0o755)
    expect(await readlink(join(ws, 'bin/alias'))).toBe('tool')
  })

  it('refuses to write through a link in the workspace that leads outside it', async () => {
    const staging = await tempDir()
    const ws = await tempDir()
    const outside = await tempDir()
    await writeStaged(staging, 'out/x', 'x')
    await symlink(outside, join(ws, 'out'))
    await expect(
      placeFiles(
        staging,
        [{ path: 'out/x', size: 1, sha256: 'sha256:x', mode: 0o644, archive: 'z' }],
        ws
      )
    ).rejects.toThrow(/leads outside the workspace/)
    await expect(stat(join(outside, 'x'))).rejects.toThrow(/ENOENT/)
  })
})

describe('choosePacking', () => {
  it('stores bytes that do not shrink and deflates bytes that do', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'random.bin'), randomBytes(200_000))
    await writeFile(
      join(dir, 'text.json'),
      JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `row ${i}` })))
    )
    expect(
      (await choosePacking([{ absolute: join(dir, 'random.bin'), size: 200_000 }])).level
    ).toBe(0)
    expect((await choosePacking([{ absolute: join(dir, 'text.json'), size: 1 }])).level).toBe(1)
  })
})

describe('choosePacking of bytes that compress past 100:1', () => {
  it('deflates them: restore bounds inflation by the recorded sizes, not by a ratio', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'zeros.img'), Buffer.alloc(200_000))
    const packing = await choosePacking([{ absolute: join(dir, 'zeros.img'), size: 200_000 }])
    expect(packing).toEqual({ level: 1, reason: 'a sample deflates to 0%: fast deflate' })
  })
})
