import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  stat,
  symlink,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Run } from '../../local/index.js'
import type { JobRunner } from '../../local/runner.js'
import { downloadLikeABrowser } from '../../__fixtures__/cli/browser.js'
import { writeDownloads } from '../../__fixtures__/cli/downloads.js'
import { e2eWorld, runCli as cli } from '../../__fixtures__/e2e.js'

const payload = randomBytes(300 * 1024)

const world = e2eWorld({ runs: ['restore', 'save', 'cli'] })
let scratch: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'checkpoint-cli-e2e-'))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

async function folder(name: string): Promise<string> {
  const dir = join(scratch, name)
  await mkdir(dir, { recursive: true })
  return dir
}

/** A pipeline run: attempt 1 saves fetch and build, attempt 2 restores and saves test. */
async function pipelineRun(): Promise<{ run: Run; token: string }> {
  const { run, job } = await world.newRun()
  await saveAttemptOne(job)
  const retry = await world.job(run, 2)
  expect((await retry.uses('.')).outputs.resumed).toBe('true')
  expect((await retry.uses('save', { node: 'test', state: 'passed=true' })).code).toBe(0)
  await retry.complete()
  return { run, token: job.meta.token }
}

async function saveAttemptOne(job: JobRunner): Promise<void> {
  const ws = job.options.workspace
  await mkdir(join(ws, 'data'), { recursive: true })
  await writeFile(join(ws, 'data/rows.csv'), 'id,name\n1,a\n')
  await writeFile(join(ws, 'data/fetch.sh'), '#!/bin/sh\necho fetch\n', { mode: 0o755 })
  await symlink('rows.csv', join(ws, 'data/latest.csv'))
  await mkdir(join(ws, 'build'), { recursive: true })
  await writeFile(join(ws, 'build/model.bin'), payload)
  const fetch = await job.uses('save', { node: 'fetch', paths: 'data/', state: 'rows=1200' })
  expect(fetch.code).toBe(0)
  const build = await job.uses('save', {
    node: 'build',
    paths: 'build/**',
    state: '{"built": true}'
  })
  expect(build.code).toBe(0)
  await job.complete()
}

describe('checkpoints downloaded from a run page', () => {
  let run: Run
  let token: string
  let downloads: string

  beforeAll(async () => {
    ;({ run, token } = await pipelineRun())
    downloads = await folder('downloads')
    expect(await downloadLikeABrowser(world, run, token, downloads)).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.files.zip',
      'checkpoint.pipeline.a1.s001.fetch.json',
      'checkpoint.pipeline.a1.s002.build.files.zip',
      'checkpoint.pipeline.a1.s002.build.json',
      'checkpoint.pipeline.a2.s003.test.json'
    ])
  })

  it('list shows each checkpoint with its status, as a table and as JSON', async () => {
    const table = await cli(['list'], downloads)
    expect(table).toMatchObject({ code: 0, stderr: '' })
    expect(table.stdout).toMatch(/pipeline\s+build\s+2\s+1\s+\S+ \S+Z\s+4\s+300\.0 KiB\s+valid/)
    const json = JSON.parse((await cli(['list', downloads, '--json'], scratch)).stdout) as {
      checkpoints: { node: string; attempt: number; status: string }[]
    }
    expect(json.checkpoints.map(item => [item.node, item.attempt, item.status])).toEqual([
      ['fetch', 1, 'valid'],
      ['build', 1, 'valid'],
      ['test', 2, 'valid']
    ])
  })

  it('show, diff and verify read what the save entry uploaded', async () => {
    const shown = JSON.parse((await cli(['show', 'test', '--json'], downloads)).stdout) as {
      checkpoint: { state: unknown; nodes: { id: string }[] }
    }
    expect(shown.checkpoint.state).toEqual({ rows: '1200', built: true, passed: 'true' })
    expect(shown.checkpoint.nodes.map(node => node.id)).toEqual(['fetch', 'build', 'test'])
    const diff = await cli(['diff', 'fetch', 'test'], downloads)
    expect(diff.stdout).toContain('  + passed: "true"')
    expect(diff.stdout).toMatch(/\+ build\/model\.bin {2}300\.0 KiB 644/)
    const verified = await cli(['verify'], downloads)
    expect(verified).toMatchObject({ code: 0 })
    expect(verified.stdout).toMatch(
      /archive\s+checkpoint\.pipeline\.a1\.s002\.build\.files\s+ok\s+1 file/
    )
  })

  it('restore puts the files back byte for byte, with modes, links and state.json', async () => {
    const target = await folder('replay')
    const ran = await cli(['restore', '--to', target], downloads)
    expect(ran).toMatchObject({ code: 0, stderr: '' })
    expect((await readFile(join(target, 'build/model.bin'))).equals(payload)).toBe(true)
    expect(await readFile(join(target, 'data/rows.csv'), 'utf8')).toBe('id,name\n1,a\n')
    expect((await stat(join(target, 'data/fetch.sh'))).mode & 0o777).toBe(0o755)
    expect(await readlink(join(target, 'data/latest.csv'))).toBe('rows.csv')
    expect(JSON.parse(await readFile(join(target, 'state.json'), 'utf8'))).toEqual({
      rows: '1200',
      built: true,
      passed: 'true'
    })
  })

  it('pull fetches the same bytes through the REST API, and one attempt on its own', async () => {
    const env = { GITHUB_TOKEN: token, GITHUB_API_URL: `${world.standIn.url}/api` }
    const pulled = await folder('pulled')
    const args = ['pull', '--repo', run.repository, '--run', String(run.runId), '--to', pulled]
    const ran = await cli(args, scratch, env)
    expect(ran).toMatchObject({ code: 0, stderr: '' })
    for (const name of await readdir(downloads)) {
      const [got, want] = await Promise.all(
        [pulled, downloads].map(dir => readFile(join(dir, name)))
      )
      expect(got?.equals(want ?? Buffer.alloc(0))).toBe(true)
    }
    expect((await cli(['verify', pulled], scratch)).code).toBe(0)
    const second = await folder('attempt-2')
    const attempt = await cli(
      [...args.slice(0, -1), second, '--attempt', '2', '--json'],
      scratch,
      env
    )
    expect(attempt.code).toBe(0)
    expect((await readdir(second)).sort()).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.files.zip',
      'checkpoint.pipeline.a1.s002.build.files.zip',
      'checkpoint.pipeline.a2.s003.test.json'
    ])
    const unknown = await cli(
      ['pull', '--repo', run.repository, '--run', '1', '--to', second],
      scratch,
      env
    )
    expect(unknown.code).toBe(1)
  })

  it('a checkpoint whose digest does not match: show and verify exit 3, list says corrupt', async () => {
    const copy = await folder('tampered')
    for (const name of await readdir(downloads)) {
      const text = await readFile(join(downloads, name))
      const edited = name.endsWith('build.json')
        ? text.toString().replace('"built":true', '"built":false')
        : text
      await writeFile(join(copy, name), edited)
    }
    expect((await cli(['show', 'build'], copy)).code).toBe(3)
    const verified = await cli(['verify', '--json'], copy)
    expect(verified.code).toBe(3)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false })
    expect((await cli(['list'], copy)).stdout).toMatch(/build\s+2\s+1\s+.*corrupt/)
  })

  it('a missing node exits 1, an empty folder exits 1', async () => {
    const missing = await cli(['show', 'deploy'], downloads)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("Node 'deploy' has no checkpoint")
    const empty = await cli(['list'], await folder('empty'))
    expect(empty).toMatchObject({ code: 1, stdout: '' })
  })
})

describe('checkpoints saved with signing-key and encryption-key', () => {
  it('list as untrusted without the keys; restore byte for byte with them', async () => {
    const { run, job } = await world.newRun()
    const ws = job.options.workspace
    await mkdir(join(ws, 'build'), { recursive: true })
    await writeFile(join(ws, 'build/model.bin'), payload)
    const keys = { 'signing-key': 'sign me', 'encryption-key': 'hide me' }
    const save = await job.uses('save', {
      node: 'build',
      paths: 'build/',
      state: 'secret=42',
      ...keys
    })
    expect(save.code).toBe(0)
    const downloads = await folder('encrypted')
    await downloadLikeABrowser(world, run, job.meta.token, downloads)
    const document = await readFile(
      join(downloads, 'checkpoint.pipeline.a1.s001.build.json'),
      'utf8'
    )
    expect(document).not.toContain('secret')
    expect((await cli(['list'], downloads)).stdout).toMatch(/build\s+1\s+1\s+.*untrusted/)
    const env = { CHECKPOINT_SIGNING_KEY: 'sign me', CHECKPOINT_ENCRYPTION_KEY: 'hide me' }
    expect((await cli(['verify'], downloads, env)).code).toBe(0)
    const target = await folder('encrypted-replay')
    expect((await cli(['restore', '--to', target], downloads, env)).code).toBe(0)
    expect((await readFile(join(target, 'build/model.bin'))).equals(payload)).toBe(true)
    expect(JSON.parse(await readFile(join(target, 'state.json'), 'utf8'))).toEqual({ secret: '42' })
  })
})

describe('integrity and safety', () => {
  it('a truncated files archive: verify and restore exit 3 and nothing is written', async () => {
    const { run, job } = await world.newRun()
    await saveAttemptOne(job)
    await world.standIn.corruptArtifact(run, 'checkpoint.pipeline.a1.s002.build.files', {
      mode: 'truncate'
    })
    const downloads = await folder('truncated')
    await downloadLikeABrowser(world, run, job.meta.token, downloads)
    const verified = await cli(['verify'], downloads)
    expect(verified.code).toBe(3)
    expect(verified.stdout).toMatch(/build\.files\s+failed\s+.*truncated/)
    const target = join(scratch, 'truncated-target')
    expect((await cli(['restore', '--to', target], downloads)).code).toBe(3)
    expect(existsSync(join(target, 'build'))).toBe(false)
    expect(existsSync(join(target, 'data'))).toBe(false)
  })

  it.each([
    ['../', [{ name: '../../escaped.txt', data: 'x' }]],
    ['an absolute path', [{ name: `${scratch}/escaped.txt`, data: 'x' }]]
  ])(
    'a zip whose entries contain %s is refused with exit 3, nothing written outside',
    async (_label, entries) => {
      const root = await mkdtemp(join(scratch, 'hostile-'))
      await writeDownloads(join(root, 'downloads'), [
        { node: 'evil', state: {}, files: [{ path: 'ok.txt', data: 'ok' }], zipEntries: entries }
      ])
      const target = join(root, 'nested', 'target')
      const restored = await cli(['restore', '--to', target], join(root, 'downloads'))
      expect(restored.code).toBe(3)
      expect(restored.stderr).toMatch(/refused/)
      expect((await cli(['verify'], join(root, 'downloads'))).code).toBe(3)
      expect(existsSync(join(root, 'escaped.txt'))).toBe(false)
      expect(existsSync(join(scratch, 'escaped.txt'))).toBe(false)
      expect(existsSync(join(target, 'ok.txt'))).toBe(false)
    }
  )
})
