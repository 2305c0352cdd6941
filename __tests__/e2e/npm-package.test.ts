// The npm package as a user gets it (`npx checkpoint-action`): packed by scripts/pack.mjs from
// the bundles in dist/, installed from its tarball into an empty folder with the registry out of
// reach (offline, an empty cache, a registry address nothing listens on), and run from there.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PIPELINE, writeDownloads } from '../../__fixtures__/cli/downloads.js'
import { runProcess, type Ran } from '../../__fixtures__/e2e.js'
import { ROOT } from '../../__fixtures__/root.js'

/** What npm pack reports of the tarball, and where scripts/pack.mjs wrote it. */
interface Packed {
  version: string
  tarball: string
  files: { path: string }[]
}

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Packed).version
let scratch: string
let app: string
let downloads: string
let packed: Packed
/** npm with the registry out of reach: offline, an empty cache, no user config. */
let offlineNpm: Record<string, string>

/** Runs a program to its end with this process's environment and `env`. */
function run(command: string, args: string[], cwd: string, env: object = {}): Promise<Ran> {
  return runProcess(command, args, cwd, { ...process.env, ...env })
}

/** The installed `checkpoint-action` bin, as npx runs it. */
function installedCli(args: string[]): Promise<Ran> {
  return run(join(app, 'node_modules', '.bin', 'checkpoint-action'), args, app)
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'checkpoint-npm-package-'))
  const pack = await run(process.execPath, ['scripts/pack.mjs', join(scratch, 'pack')], ROOT)
  expect(pack).toMatchObject({ code: 0 })
  packed = JSON.parse(pack.stdout) as Packed
  app = join(scratch, 'app')
  await mkdir(app)
  offlineNpm = {
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_userconfig: join(scratch, 'no-npmrc')
  }
  const flags = ['--offline', '--no-audit', '--no-fund']
  const install = await run('npm', ['install', ...flags, packed.tarball], app, offlineNpm)
  expect(install).toMatchObject({ code: 0 })
  downloads = join(scratch, 'downloads')
  await writeDownloads(downloads, PIPELINE)
}, 300_000)

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('the npm package', () => {
  it("holds the CLI and library bundles and the documents, at package.json's version", () => {
    expect(packed.version).toBe(version)
    const paths = packed.files.map(file => file.path).sort()
    expect(paths).toEqual(
      expect.arrayContaining(['dist/cli/index.js', 'dist/lib/index.js', 'dist/lib/index.d.ts'])
    )
    expect(paths).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md']))
    const stray = paths.filter(
      path => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/(cli|lib)\/.+)$/.test(path)
    )
    expect(stray).toEqual([])
  })

  it('installs alone: no dependencies, no toolkit, no Azurite, no Node binary', async () => {
    const installed = (await readdir(join(app, 'node_modules'))).filter(
      name => !name.startsWith('.')
    )
    expect(installed).toEqual(['checkpoint-action'])
    const manifest = JSON.parse(
      await readFile(join(app, 'node_modules/checkpoint-action/package.json'), 'utf8')
    ) as Record<string, unknown>
    for (const field of ['dependencies', 'optionalDependencies', 'devDependencies', 'scripts']) {
      expect(manifest[field]).toBeUndefined()
    }
  })

  it("its CLI prints package.json's version", async () => {
    expect(await installedCli(['--version'])).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: ''
    })
  })

  it('its CLI lists (through npx), verifies and restores downloaded checkpoints', async () => {
    const npx = ['--offline', `checkpoint-action@${version}`, 'list', downloads]
    const listed = await run('npx', npx, app, offlineNpm)
    expect(listed).toMatchObject({ code: 0, stderr: '' })
    expect(listed.stdout).toMatch(/pipeline\s+fetch\s+1\s+1\s.*valid/)
    expect(listed.stdout).toMatch(/pipeline\s+build\s+2\s+1\s.*valid/)
    expect((await installedCli(['verify', downloads])).stdout).toContain('All verified.')
    const replay = join(scratch, 'replay')
    expect(await installedCli(['restore', downloads, '--to', replay])).toMatchObject({ code: 0 })
    expect(await readFile(join(replay, 'build/model.bin'))).toEqual(Buffer.alloc(4096, 7))
  })

  it('its library imports from the installed package and reads the same checkpoints', async () => {
    const script = [
      "import { readCheckpointSource, verifySource } from 'checkpoint-action'",
      `const source = await readCheckpointSource(${JSON.stringify(downloads)})`,
      'const names = source.checkpoints.map(found => found.name)',
      'console.log(JSON.stringify({ names, ok: (await verifySource(source)).ok }))',
      'await source.close()'
    ].join('\n')
    const ran = await run(process.execPath, ['--input-type=module', '-e', script], app)
    expect(ran).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(ran.stdout)).toEqual({
      names: ['checkpoint.pipeline.a1.s001.fetch.json', 'checkpoint.pipeline.a1.s002.build.json'],
      ok: true
    })
  })
})
