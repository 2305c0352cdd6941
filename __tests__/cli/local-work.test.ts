// The CLI never destroys local work, and when it refuses or finds nothing it says what to do.
import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PIPELINE, writeDownloads } from '../../__fixtures__/cli/downloads.js'
import { runCliInProcess as cli } from '../../__fixtures__/cli/in-process.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

/** A folder holding PIPELINE's downloads (fetch s001, build s002), and the folder it is in. */
async function downloads(): Promise<{ root: string; dir: string }> {
  const root = await tempDir()
  const dir = join(root, 'downloads')
  await writeDownloads(dir, PIPELINE)
  return { root, dir }
}

describe('restore --to a folder that has files in it', () => {
  it('refuses to replace files or a state.json, naming each, and writes nothing', async () => {
    const { dir } = await downloads()
    await mkdir(join(dir, 'out/data'), { recursive: true })
    await writeFile(join(dir, 'out/data/rows.csv'), 'my edits\n')
    await writeFile(join(dir, 'out/state.json'), '{"mine":true}\n')
    const refused = await cli(['restore', '--to', 'out'], dir)
    expect(refused).toMatchObject({ code: 2, stdout: '' })
    expect(refused.stderr).toContain('already has 2 of the paths this restore writes')
    expect(refused.stderr).toContain('data/rows.csv, state.json')
    expect(refused.stderr).toContain('--force')
    expect(await readFile(join(dir, 'out/data/rows.csv'), 'utf8')).toBe('my edits\n')
    expect(await readFile(join(dir, 'out/state.json'), 'utf8')).toBe('{"mine":true}\n')
    expect(existsSync(join(dir, 'out/build'))).toBe(false)
    expect(existsSync(join(dir, 'out/data/fetch.sh'))).toBe(false)
  })

  it('replaces them with --force', async () => {
    const { dir } = await downloads()
    await mkdir(join(dir, 'out/data'), { recursive: true })
    await writeFile(join(dir, 'out/data/rows.csv'), 'my edits\n')
    const forced = await cli(['restore', '--to', 'out', '--force'], dir)
    expect(forced).toMatchObject({ code: 0, stderr: '' })
    expect(await readFile(join(dir, 'out/data/rows.csv'), 'utf8')).toBe('id,name\n1,a\n')
  })

  it('counts a file standing where a folder of the checkpoint goes', async () => {
    const { dir } = await downloads()
    await mkdir(join(dir, 'out'))
    await writeFile(join(dir, 'out/build'), 'a file, not a folder\n')
    const refused = await cli(['restore', '--to', 'out', '--node', 'build'], dir)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('build/model.bin')
    expect(await readFile(join(dir, 'out/build'), 'utf8')).toBe('a file, not a folder\n')
  })

  it('leaves files at other paths alone and restores beside them', async () => {
    const { dir } = await downloads()
    await mkdir(join(dir, 'out'))
    await writeFile(join(dir, 'out/notes.txt'), 'keep me\n')
    expect((await cli(['restore', '--to', 'out'], dir)).code).toBe(0)
    expect(await readFile(join(dir, 'out/notes.txt'), 'utf8')).toBe('keep me\n')
    expect(await readFile(join(dir, 'out/build/model.bin'))).toEqual(Buffer.alloc(4096, 7))
  })

  it('--to naming a file is a usage error with a plain message', async () => {
    const { dir } = await downloads()
    await writeFile(join(dir, 'notes.txt'), 'keep me\n')
    const ran = await cli(['restore', '--to', 'notes.txt', '--force'], dir)
    expect(ran).toMatchObject({ code: 2, stdout: '' })
    expect(ran.stderr).toMatch(/^checkpoint-action: --to \S+notes\.txt is a file: name a folder/)
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('keep me\n')
  })
})

describe('the corruption hint', () => {
  it('names the newest checkpoint that can be restored, not one whose files are missing', async () => {
    const { dir } = await downloads()
    const [, , test] = await writeDownloads(dir, [...PIPELINE, { node: 'test', state: {} }])
    const document = test?.json ?? ''
    await writeFile(document, (await readFile(document, 'utf8')).replace('"test"', '"tset"'))
    await rm(join(dir, 'checkpoint.pipeline.a1.s002.build.files.zip'))
    const ran = await cli(['restore', '--to', 'out'], dir)
    expect(ran.code).toBe(3)
    expect(ran.stderr).toContain('pass --node checkpoint.pipeline.a1.s001.fetch.json')
    expect(ran.stderr).not.toContain('s002')
    const hinted = await cli(
      ['restore', '--to', 'out', '--node', 'checkpoint.pipeline.a1.s001.fetch.json'],
      dir
    )
    expect(hinted.code).toBe(0)
  })

  it('names none when no checkpoint there can be restored', async () => {
    const { dir } = await downloads()
    await writeDownloads(dir, [...PIPELINE, { node: 'test', state: {} }])
    const document = join(dir, 'checkpoint.pipeline.a1.s003.test.json')
    await writeFile(document, (await readFile(document, 'utf8')).replace('"test"', '"tset"'))
    await rm(join(dir, 'checkpoint.pipeline.a1.s001.fetch.files.zip'))
    const ran = await cli(['restore', '--to', 'out'], dir)
    expect(ran.code).toBe(3)
    expect(ran.stderr).not.toContain('pass --node')
  })
})

describe('finding nothing, or the wrong thing', () => {
  it('list --scope with no such scope names the scopes present', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE, { scope: 'linux' })
    await writeDownloads(dir, PIPELINE, { scope: 'windows' })
    const ran = await cli(['list', '--scope', 'macos'], dir)
    expect(ran).toMatchObject({ code: 1, stdout: '' })
    expect(ran.stderr).toContain('No checkpoints of scope macos in')
    expect(ran.stderr).toContain('scopes there: linux, windows')
    expect((await cli(['list', '--scope', 'linux'], dir)).code).toBe(0)
  })

  it('verify of a lone document does not say "All verified" for archives it never saw', async () => {
    const { dir } = await downloads()
    const ran = await cli(['verify', 'checkpoint.pipeline.a1.s002.build.json'], dir)
    expect(ran.code).toBe(0)
    expect(ran.stdout).not.toContain('All verified')
    expect(ran.stdout).toContain(
      'not downloaded, not verified: checkpoint.pipeline.a1.s002.build.files'
    )
    expect(ran.stdout).toContain('2 archive(s) the checkpoints need were not downloaded')
    expect((await cli(['verify'], dir)).stdout).toContain('All verified.')
  })

  it('show <folder> says the folder is a source, not a node', async () => {
    const { root, dir } = await downloads()
    for (const target of ['downloads', './downloads', dir]) {
      const ran = await cli(['show', target], root)
      expect(ran).toMatchObject({ code: 2, stdout: '' })
      expect(ran.stderr).toContain(`${target} is a folder, which is a SOURCE, not a checkpoint`)
    }
    expect((await cli(['show', 'build', 'downloads'], root)).code).toBe(0)
    await mkdir(join(dir, 'build'))
    expect((await cli(['show', 'build'], dir)).code).toBe(0)
  })
})
