import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CreateRunOptions } from '../../local/index.js'
import type { JobRunner, StepResult } from '../../local/runner.js'
import { annotations } from '../../__fixtures__/checkpoints.js'
import { guardedCacheKey } from '../../src/checkpoint/reuse.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'

// Nodes kept in the Actions cache under a key of scope, node and fingerprint, through
// @actions/cache against the stand-in's cache services (v2 on github.com, v1 on GHES).

const world = e2eWorld({ runs: ['restore', 'save', 'run'] })

const GHES = {
  GITHUB_SERVER_URL: 'https://ghes.example.com',
  ACTIONS_CACHE_SERVICE_V2: '',
  ACTIONS_RESULTS_URL: ''
}

function json(result: StepResult, output: string): unknown {
  return JSON.parse(result.outputs[output] ?? 'null')
}

/** Saves `build` (key kb) with a file and state, keeping it in the cache. */
async function saveBuild(
  job: JobRunner,
  content: string,
  extra: Record<string, string> = {},
  key = 'kb'
) {
  await mkdir(join(job.options.workspace, 'build'), { recursive: true })
  await writeFile(join(job.options.workspace, 'build/app'), content)
  return job.uses('save', {
    node: 'build',
    key,
    paths: 'build/',
    state: `built=${content}`,
    cache: 'true',
    ...extra
  })
}

async function newJob(options: Partial<CreateRunOptions>, env?: Record<string, string>) {
  return world.job(world.createRun(options), 1, env ? { env } : {})
}

describe('the cache across branches', () => {
  const repository = 'octo/cached'

  it("lets a fresh branch reuse the default branch's entry, and a second save is a no-op", async () => {
    const main = await newJob({ repository })
    const saved = await saveBuild(main, 'from main')
    expect(saved.outputs.saved).toBe('true')
    expect(saved.stdout).toMatch(
      /Node 'build' is kept in the Actions cache under checkpoint\.pipeline\.build\.[0-9a-f]{64}/
    )
    // The staging folder in the workspace is gone.
    expect(existsSync(join(main.options.workspace, '.checkpoint-cache'))).toBe(false)
    const entries = world.standIn
      .listCacheEntries()
      .filter(e => e.key.startsWith('checkpoint.pipeline.build.'))
    expect(entries).toHaveLength(1)
    expect(entries[0]?.scope).toBe('refs/heads/main')

    const again = await saveBuild(await newJob({ repository }), 'from main, again')
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('is in the Actions cache already')
    expect(annotations(again, 'warning')).toEqual([])
    expect(world.standIn.listCacheEntries().filter(e => e.key === entries[0]?.key)).toHaveLength(1)

    const branch = await newJob({ repository, ref: 'refs/heads/fresh' })
    const restore = await branch.uses('.', { from: 'cache', keys: 'build=kb\nlint=kl' })
    expect(restore.code).toBe(0)
    expect(restore.outputs).toMatchObject({ resumed: 'true', completed: '["build"]' })
    expect(json(restore, 'sources')).toEqual({ build: 'cache' })
    expect(json(restore, 'reasons')).toEqual({ build: 'done', lint: 'not-found' })
    expect(json(restore, 'state')).toEqual({ built: 'from main' })
    expect(await readFile(join(branch.options.workspace, 'build/app'), 'utf8')).toBe('from main')
    const changed = await branch.uses('.', { from: 'cache', keys: 'build=kb2' })
    expect(changed.outputs).toMatchObject({ resumed: 'false' })
    expect(json(changed, 'reasons')).toEqual({ build: 'not-found' })
  })

  it('lets a re-run restore a node taken from the cache, its files fetched from there', async () => {
    const kept = await newJob({ repository })
    await saveBuild(kept, 'kept for re-runs', {}, 'kr')
    const run = world.createRun({ repository, ref: 'refs/heads/rerun' })
    const first = await world.job(run, 1)
    const taken = await first.uses('.', { from: 'cache', keys: 'build=kr' })
    expect(json(taken, 'sources')).toEqual({ build: 'cache' })
    const test = await first.uses('save', { node: 'test', state: 'passed=no' })
    expect(test.outputs.checkpoint).toBe('checkpoint.pipeline.a1.s002.test.json')
    const second = await world.job(run, 2)
    const restore = await second.uses('.')
    expect(restore.outputs).toMatchObject({ completed: '["build","test"]' })
    expect(json(restore, 'sources')).toEqual({ build: 'attempt 1', test: 'attempt 1' })
    expect(await readFile(join(second.options.workspace, 'build/app'), 'utf8')).toBe(
      'kept for re-runs'
    )
  })

  it('lets a run step take its node from the cache by its own fingerprint', async () => {
    const script = 'mkdir -p out && echo "$RANDOM" > out/model'
    const inputs = { node: 'train', run: script, paths: 'out/', key: 'kt', cache: 'true' }
    const first = await newJob({ repository })
    expect((await first.uses('run', inputs)).outputs).toMatchObject({ skipped: 'false' })
    const model = await readFile(join(first.options.workspace, 'out/model'), 'utf8')
    const later = await newJob({ repository, ref: 'refs/heads/other' })
    const taken = await later.uses('run', inputs)
    expect(taken.outputs).toMatchObject({ skipped: 'true', reason: 'done' })
    expect(await readFile(join(later.options.workspace, 'out/model'), 'utf8')).toBe(model)
    const other = await later.uses('run', { ...inputs, run: `${script} # changed` })
    expect(other.outputs).toMatchObject({ skipped: 'false', reason: 'not-done' })
  })

  it('falls back to the next source when an entry is corrupt', async () => {
    const repo = 'octo/corrupt-cache'
    const run = world.createRun({ repository: repo })
    const job = await world.job(run, 1)
    await saveBuild(job, 'in the run', {}, 'kc')
    world.standIn.completeRun(run, 'failure')
    const key = guardedCacheKey('pipeline', 'build', 'kc') ?? ''

    await world.standIn.corruptCacheEntry(key)
    const garbage = await newJob({ repository: repo })
    const fell = await garbage.uses('.', { from: 'cache, runs', keys: 'build=kc' })
    expect(json(fell, 'sources')).toEqual({ build: `run ${String(run.runId)}` })

    // A well-formed entry of the node, but saved under another key, is refused by the check.
    const other = await newJob({ repository: repo })
    await saveBuild(other, 'planted', {}, 'kx')
    await world.standIn.corruptCacheEntry(key, { like: guardedCacheKey('pipeline', 'build', 'kx') })
    const planted = await newJob({ repository: repo })
    const refused = await planted.uses('.', { from: 'cache, runs', keys: 'build=kc' })
    expect(annotations(refused, 'warning').join('\n')).toMatch(
      /Node 'build' is not taken from the cache: .*it is not node 'build' with this key/
    )
    expect(json(refused, 'sources')).toEqual({ build: `run ${String(run.runId)}` })
    expect(json(refused, 'state')).toEqual({ built: 'in the run' })
  })

  it('respects ACTIONS_CACHE_MODE, and says so once', async () => {
    const job = await newJob({ repository: 'octo/read-only' }, { ACTIONS_CACHE_MODE: 'read' })
    const saved = await saveBuild(job, 'read only')
    expect(saved.outputs.saved).toBe('true')
    const notices = annotations(saved, 'notice').filter(text => text.includes('ACTIONS_CACHE_MODE'))
    expect(notices).toEqual([
      "ACTIONS_CACHE_MODE is 'read': checkpoints in the Actions cache are only read from in this job."
    ])
    expect(saved.stdout).toContain('ACTIONS_CACHE_MODE forbids writes')
  })
})

describe('GitHub Enterprise Server', () => {
  it('resumes a re-run through the v1 cache, with one notice', async () => {
    const run = world.createRun({ repository: 'octo/enterprise' })
    const first = await world.job(run, 1, { env: GHES })
    const restore = await first.uses('.', { keys: 'build=kb' })
    expect(restore.code).toBe(0)
    expect(annotations(restore, 'notice')).toEqual([
      expect.stringContaining(
        'has no artifact service: checkpoints are saved to and restored from the Actions cache only'
      )
    ])
    world.standIn.resetRequests()
    const saved = await saveBuild(first, 'on ghes', { cache: '' })
    expect(saved.outputs.saved).toBe('true')
    const script = 'mkdir -p out && echo "$RANDOM" > out/model'
    const train = await first.uses('run', { node: 'train', run: script, paths: 'out/', key: 'kt' })
    expect(train.outputs).toMatchObject({ skipped: 'false' })
    const model = await readFile(join(first.options.workspace, 'out/model'), 'utf8')
    await first.complete()
    const services = new Set(world.standIn.requests.map(r => r.service))
    expect(services.has('artifact')).toBe(false)
    expect(world.standIn.requests.some(r => r.service === 'cache' && r.method === 'PATCH')).toBe(
      true
    )

    const second = await world.job(run, 2, { env: GHES })
    const resumed = await second.uses('.', { keys: 'build=kb' })
    expect(resumed.outputs).toMatchObject({ resumed: 'true', completed: '["build"]' })
    expect(json(resumed, 'sources')).toEqual({ build: 'cache' })
    expect(await readFile(join(second.options.workspace, 'build/app'), 'utf8')).toBe('on ghes')
    const skipped = await second.uses('run', {
      node: 'train',
      run: script,
      paths: 'out/',
      key: 'kt'
    })
    expect(skipped.outputs).toMatchObject({ skipped: 'true', reason: 'done' })
    expect(await readFile(join(second.options.workspace, 'out/model'), 'utf8')).toBe(model)
  })
})
