import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CreateRunOptions, Run } from '../../local/index.js'
import type { JobRunner, StepResult } from '../../local/runner.js'
import { annotations, PARTIAL_SCRIPT } from '../../__fixtures__/checkpoints.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'

// A new run resumes from earlier runs of its workflow (restore's `from: runs`): nodes whose key
// matches are taken with their files and their own part of the state, the others run again,
// and runs that must not be trusted (a fork's, a pull request's for a push) are never used.

const world = e2eWorld({ runs: ['restore', 'save', 'run'] })

/** A run that saves `fetch` (key kf) and `build` (key kb) and then fails. */
async function failedRun(
  options: Partial<CreateRunOptions>,
  keys = { fetch: 'kf', build: 'kb' },
  tag = 'one'
): Promise<Run> {
  const run = world.createRun(options)
  const job = await world.job(run, 1)
  const ws = job.options.workspace
  await mkdir(join(ws, 'data'), { recursive: true })
  await writeFile(join(ws, 'data/rows.csv'), `rows of ${tag}\n`)
  const fetch = await job.uses('save', {
    node: 'fetch',
    key: keys.fetch,
    paths: 'data/',
    state: `rows=1\nsource=${tag}`
  })
  expect(fetch.outputs.saved).toBe('true')
  await mkdir(join(ws, 'build'), { recursive: true })
  await writeFile(join(ws, 'build/app'), `app of ${tag}\n`)
  const build = await job.uses('save', {
    node: 'build',
    key: keys.build,
    paths: 'build/',
    state: 'rows=2\nbuilt=yes'
  })
  expect(build.outputs.saved).toBe('true')
  await job.complete()
  world.standIn.completeRun(run, 'failure')
  return run
}

function restoreFromRuns(job: JobRunner, keys: string, more: Record<string, string> = {}) {
  return job.uses('.', { from: 'runs', keys, ...more })
}

function json(result: StepResult, output: string): unknown {
  return JSON.parse(result.outputs[output] ?? 'null')
}

describe('a new run on the same branch', () => {
  const repository = 'octo/resume'
  let first: Run

  beforeAll(async () => {
    first = await failedRun({ repository })
  })

  it('takes the nodes whose keys match and runs again the one whose key changed', async () => {
    const run = world.createRun({ repository })
    const job = await world.job(run, 1)
    const ws = job.options.workspace
    const restore = await restoreFromRuns(job, 'fetch=kf\nbuild=kb2\ntest=kt')
    expect(restore.code).toBe(0)
    expect(restore.outputs).toMatchObject({
      resumed: 'true',
      completed: '["fetch"]',
      'done-fetch': 'true',
      checkpoint: 'checkpoint.pipeline.a1.s002.build.json',
      'from-run-id': String(first.runId)
    })
    expect(restore.outputs['done-build']).toBeUndefined()
    expect(json(restore, 'sources')).toEqual({ fetch: `run ${String(first.runId)}` })
    expect(json(restore, 'reasons')).toEqual({
      fetch: 'done',
      build: 'stale:key',
      test: 'not-found'
    })
    // fetch's own state: build's keys (and its later value of rows) are not there.
    expect(json(restore, 'state')).toEqual({ rows: '1', source: 'one' })
    expect(await readFile(join(ws, 'data/rows.csv'), 'utf8')).toBe('rows of one\n')
    expect(existsSync(join(ws, 'build'))).toBe(false)

    // build runs again and is saved over what was taken.
    await mkdir(join(ws, 'build'), { recursive: true })
    await writeFile(join(ws, 'build/app'), 'app of two\n')
    const build = await job.uses('save', { node: 'build', key: 'kb2', paths: 'build/' })
    expect(build.outputs).toMatchObject({
      saved: 'true',
      checkpoint: 'checkpoint.pipeline.a1.s003.build.json'
    })
    const fetch = await job.uses('save', { node: 'fetch', key: 'kf', paths: 'data/' })
    expect(fetch.outputs.saved).toBe('false')
    const [post] = await job.complete()
    expect(job.summary()).toMatch(/\| fetch \| restored \| done before \| [^|]+ \| run \d+ \|/)
    expect(job.summary()).toContain('- `build`: its key changed since it was saved (`stale:key`)')
    expect(post?.annotations).toContainEqual({
      level: 'notice',
      message: expect.stringMatching(/^Resumed from run \d+: 1 node\(s\) skipped \(fetch\)/)
    })
    world.standIn.completeRun(run, 'failure')

    // A third run takes both: fetch's archive is still in the first run.
    const third = await world.job(world.createRun({ repository }), 1)
    const again = await restoreFromRuns(third, 'fetch=kf\nbuild=kb2')
    expect(again.outputs).toMatchObject({ completed: '["fetch","build"]' })
    expect(json(again, 'sources')).toEqual({
      fetch: `run ${String(run.runId)}`,
      build: `run ${String(run.runId)}`
    })
    expect(await readFile(join(third.options.workspace, 'data/rows.csv'), 'utf8')).toBe(
      'rows of one\n'
    )
    expect(await readFile(join(third.options.workspace, 'build/app'), 'utf8')).toBe('app of two\n')

    // A re-run of the second run restores its own attempt, fetch's files from the first run.
    const retry = await world.job(run, 2)
    const attempts = await retry.uses('.', { from: 'attempts' })
    expect(attempts.outputs).toMatchObject({ completed: '["fetch","build"]' })
    expect(await readFile(join(retry.options.workspace, 'data/rows.csv'), 'utf8')).toBe(
      'rows of one\n'
    )
  })
})

describe('trust', () => {
  const repository = 'octo/trust'
  const feature = { repository, ref: 'refs/heads/feature', headBranch: 'feature' }
  let fromPullRequest: Run

  beforeAll(async () => {
    // Planted as the only candidates of a push to `feature`, both newer than nothing else.
    await failedRun(
      {
        ...feature,
        ref: 'refs/pull/7/merge',
        event: 'pull_request',
        pullRequest: 7,
        headRepository: 'mallory/trust'
      },
      undefined,
      'the fork'
    )
    fromPullRequest = await failedRun(
      { ...feature, ref: 'refs/pull/8/merge', event: 'pull_request', pullRequest: 8 },
      undefined,
      'pull request 8'
    )
  })

  it("never takes a fork's run or a pull request's run for a push, keys matching or not", async () => {
    const job = await world.job(world.createRun(feature), 1)
    const restore = await restoreFromRuns(job, 'fetch=kf\nbuild=kb')
    expect(restore.code).toBe(0)
    expect(restore.outputs).toMatchObject({ resumed: 'false', completed: '[]', state: '{}' })
    expect(json(restore, 'reasons')).toEqual({ fetch: 'not-found', build: 'not-found' })
    expect(restore.stdout).toMatch(
      /Run \d+ is passed over: it ran on the commit of another repository \(mallory\/trust\), a fork/
    )
    expect(restore.stdout).toMatch(
      /Run \d+ is passed over: it was triggered by a pull request \(pull_request\), and serves only later runs of the same pull request/
    )
    expect(existsSync(join(job.options.workspace, 'data'))).toBe(false)
  })

  it("serves a later run of the same pull request, never another pull request's", async () => {
    const later = { ...feature, ref: 'refs/pull/8/merge', event: 'pull_request', pullRequest: 8 }
    const same = await world.job(world.createRun(later), 1)
    const restore = await restoreFromRuns(same, 'fetch=kf\nbuild=kb')
    expect(json(restore, 'sources')).toEqual({
      fetch: `run ${String(fromPullRequest.runId)}`,
      build: `run ${String(fromPullRequest.runId)}`
    })
    expect(await readFile(join(same.options.workspace, 'data/rows.csv'), 'utf8')).toBe(
      'rows of pull request 8\n'
    )
    const other = await world.job(
      world.createRun({ ...later, ref: 'refs/pull/9/merge', pullRequest: 9 }),
      1
    )
    const refused = await restoreFromRuns(other, 'fetch=kf\nbuild=kb')
    expect(refused.outputs).toMatchObject({ resumed: 'false' })
    expect(refused.stdout).toMatch(/it is of another pull request than #9/)
  })

  it('refuses unsigned checkpoints of other runs when given a signing key', async () => {
    const job = await world.job(
      world.createRun({
        ...feature,
        ref: 'refs/pull/8/merge',
        event: 'pull_request',
        pullRequest: 8
      }),
      1
    )
    const restore = await restoreFromRuns(job, 'fetch=kf\nbuild=kb', { 'signing-key': 'sekrit' })
    expect(restore.outputs).toMatchObject({ resumed: 'false' })
    expect(json(restore, 'reasons')).toMatchObject({ build: 'untrusted' })
    expect(annotations(restore, 'warning').join('\n')).toMatch(/is not used: .*not signed/)
  })
})

describe('when a source cannot be used', () => {
  it('warns once, naming the permission, without actions: read, and tries the next source', async () => {
    const repository = 'octo/no-permission'
    await failedRun({ repository })
    const cached = await world.job(world.createRun({ repository }), 1)
    const kept = await cached.uses('save', {
      node: 'fetch',
      key: 'kf-no-permission',
      state: 'from=cache',
      cache: 'true'
    })
    expect(kept.stdout).toContain("Node 'fetch' is kept in the Actions cache")
    const job = await world.job(world.createRun({ repository }), 1, { actionsRead: false })
    const restore = await job.uses('.', { from: 'runs, cache', keys: 'fetch=kf-no-permission' })
    expect(restore.code).toBe(0)
    expect(restore.outputs).toMatchObject({ resumed: 'true', state: '{"from":"cache"}' })
    expect(json(restore, 'sources')).toEqual({ fetch: 'cache' })
    const warnings = annotations(restore, 'warning')
    expect(warnings.filter(text => text.includes('actions: read'))).toHaveLength(1)
    expect(warnings.join('\n')).toContain('Trying the next source')
  })

  it("falls back to an older run when the newest one's files do not verify", async () => {
    const repository = 'octo/corrupt'
    const older = await failedRun({ repository }, undefined, 'older')
    const newer = await failedRun({ repository }, undefined, 'newer')
    await world.standIn.corruptArtifact(newer, 'checkpoint.pipeline.a1.s001.fetch.files')
    const job = await world.job(world.createRun({ repository }), 1)
    const restore = await restoreFromRuns(job, 'fetch=kf\nbuild=kb')
    expect(json(restore, 'sources')).toEqual({
      fetch: `run ${String(older.runId)}`,
      build: `run ${String(newer.runId)}`
    })
    expect(json(restore, 'reasons')).toEqual({ fetch: 'done', build: 'done' })
    expect(annotations(restore, 'warning').join('\n')).toMatch(
      /Node 'fetch' is not taken from run \d+: .*digest/
    )
    expect(await readFile(join(job.options.workspace, 'data/rows.csv'), 'utf8')).toBe(
      'rows of older\n'
    )
    expect(await readFile(join(job.options.workspace, 'build/app'), 'utf8')).toBe('app of newer\n')
  })

  it('caps the runs looked at with max-runs', async () => {
    const repository = 'octo/capped'
    await failedRun({ repository }, { fetch: 'old', build: 'old' })
    await failedRun({ repository }, { fetch: 'x', build: 'x' })
    await failedRun({ repository }, { fetch: 'y', build: 'y' })
    const job = await world.job(world.createRun({ repository }), 1)
    const capped = await restoreFromRuns(job, 'fetch=old', { 'max-runs': '2' })
    expect(capped.outputs).toMatchObject({ resumed: 'false' })
    expect(json(capped, 'reasons')).toMatchObject({ fetch: 'stale:key' })
    expect(capped.stdout).toContain('Looked at 2 earlier run(s)')
    const wide = await restoreFromRuns(job, 'fetch=old', { 'max-runs': '3' })
    expect(json(wide, 'reasons')).toMatchObject({ fetch: 'done' })
  })
})

describe('bad input', () => {
  it('fails the restore step naming the input, the value and the rule', async () => {
    const job = await world.job(world.createRun({ repository: 'octo/bad' }), 1)
    const restore = await job.uses('.', { from: 'attempts, artifacts' })
    expect(restore.code).toBe(1)
    expect(annotations(restore, 'error')).toEqual([
      expect.stringContaining(
        `Input 'from' has an invalid value "attempts, artifacts": 'artifacts' is not a source`
      )
    ])
    const keys = await job.uses('.', { keys: 'build' })
    expect(annotations(keys, 'error')).toEqual([
      expect.stringContaining(`Input 'keys' has an invalid value "build": line 1`)
    ])
  })
})

describe('match: sha', () => {
  it('reuses nodes saved without a key from a run of the same commit only', async () => {
    const repository = 'octo/sha'
    const sha = 'a'.repeat(40)
    const run = world.createRun({ repository, sha })
    const job = await world.job(run, 1)
    await job.uses('save', { node: 'fetch', state: 'rows=5' })
    world.standIn.completeRun(run, 'failure')
    await failedRun({ repository }, undefined, 'another commit')

    const same = await world.job(world.createRun({ repository, sha }), 1)
    const bySha = await same.uses('.', { from: 'runs', match: 'sha' })
    expect(bySha.outputs).toMatchObject({ completed: '["fetch"]', state: '{"rows":"5"}' })
    const byRef = await same.uses('.', { from: 'runs' })
    expect(json(byRef, 'reasons')).toEqual({ fetch: 'no-key', build: 'no-key' })
  })
})

describe('run nodes from another run', () => {
  it('are taken by their run step when the whole fingerprint matches', async () => {
    const repository = 'octo/run-nodes'
    const script =
      'mkdir -p out && echo "$RANDOM" > out/model && echo \'{"trained": true}\' > "$CHECKPOINT_STATE_FILE"'
    const run = world.createRun({ repository })
    const job = await world.job(run, 1)
    await job.uses('.', { from: 'runs' })
    const trained = await job.uses('run', { node: 'train', run: script, paths: 'out/', key: 'kt' })
    expect(trained.outputs).toMatchObject({ skipped: 'false', reason: 'not-done' })
    const model = await readFile(join(job.options.workspace, 'out/model'), 'utf8')
    await job.complete()
    world.standIn.completeRun(run, 'failure')

    const next = await world.job(world.createRun({ repository }), 1)
    const restore = await next.uses('.', { from: 'runs' })
    expect(restore.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
    expect(json(restore, 'reasons')).toEqual({ train: 'offered' })
    const skipped = await next.uses('run', { node: 'train', run: script, paths: 'out/', key: 'kt' })
    expect(skipped.outputs).toMatchObject({ skipped: 'true', reason: 'done' })
    expect(JSON.parse(skipped.outputs.state ?? '')).toEqual({ trained: true })
    expect(await readFile(join(next.options.workspace, 'out/model'), 'utf8')).toBe(model)
    await next.complete()
    expect(next.summary()).toMatch(/\| train \| restored \| done before \| [^|]+ \| run \d+ \|/)

    const changed = await world.job(world.createRun({ repository }), 1)
    await changed.uses('.', { from: 'runs' })
    const ran = await changed.uses('run', {
      node: 'train',
      run: `${script} # v2`,
      paths: 'out/',
      key: 'kt'
    })
    expect(ran.outputs).toMatchObject({ skipped: 'false', reason: 'stale:command' })
  })
})

describe('rerun, rerun-from and reset act on nodes from any source', () => {
  const repository = 'octo/invalidate'

  beforeAll(async () => {
    await failedRun({ repository })
  })

  it('leaves out the nodes asked to run again, and every node after rerun-from', async () => {
    const job = await world.job(world.createRun({ repository }), 1)
    const keys = 'fetch=kf\nbuild=kb'
    const rerun = await restoreFromRuns(job, keys, { rerun: 'build' })
    expect(rerun.outputs).toMatchObject({ completed: '["fetch"]' })
    expect(json(rerun, 'reasons')).toEqual({ fetch: 'done', build: 'rerun-requested' })
    expect(json(rerun, 'state')).toEqual({ rows: '1', source: 'one' })
    const from = await restoreFromRuns(job, keys, { 'rerun-from': 'fetch' })
    expect(from.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
    expect(json(from, 'reasons')).toEqual({ fetch: 'rerun-requested', build: 'rerun-requested' })
    const reset = await restoreFromRuns(job, keys, { reset: 'true' })
    expect(reset.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
    expect(reset.stdout).toContain("Input 'reset' is true: checkpoints of scope 'pipeline' (runs)")
    expect(annotations(reset, 'warning')).toEqual([])
  })

  it('warns when there is nothing to act on, as on a first attempt from attempts only', async () => {
    const job = await world.job(world.createRun({ repository }), 1)
    const rerun = await job.uses('.', { rerun: 'build' })
    expect(annotations(rerun, 'warning')).toEqual([
      expect.stringContaining(
        "Asked to re-run 'build', but there is nothing to act on: this is the first attempt of the run and 'from' lists only attempts"
      )
    ])
    const reset = await job.uses('.', { reset: 'true' })
    expect(annotations(reset, 'warning')).toEqual([
      expect.stringContaining("Input 'reset' is true, but there is nothing to ignore")
    ])
  })

  it('keeps run steps from taking a node asked to run again from the cache', async () => {
    const inputs = { node: 'train', run: 'echo trained', key: 'kt', cache: 'true' }
    const first = await world.job(world.createRun({ repository }), 1)
    await first.uses('run', inputs)
    const job = await world.job(world.createRun({ repository }), 1)
    await job.uses('.', { from: 'runs, cache', rerun: 'train' })
    const ran = await job.uses('run', inputs)
    expect(ran.outputs).toMatchObject({ skipped: 'false', reason: 'rerun-requested' })
  })
})

describe('progress of a node stopped part-way', () => {
  it('crosses runs as a done node does: resumed by its run step when the fingerprint matches', async () => {
    const repository = 'octo/partial'
    const script = PARTIAL_SCRIPT
    const inputs = { node: 'crawl', run: script, paths: 'out/', key: 'kc' }
    const run = world.createRun({ repository })
    const first = await world.job(run, 1)
    await first.uses('.', { from: 'runs' })
    const step = first.start('run', inputs)
    await step.waitForOutput('READY')
    step.kill('SIGTERM')
    await step.result
    await first.complete()
    world.standIn.completeRun(run, 'cancelled')

    const next = await world.job(world.createRun({ repository }), 1)
    const restore = await next.uses('.', { from: 'runs' })
    expect(restore.outputs).toMatchObject({ resumed: 'false', partial: '[]' })
    expect(json(restore, 'reasons')).toEqual({ crawl: 'offered' })
    const resumed = await next.uses('run', inputs)
    expect(resumed.outputs).toMatchObject({ reason: 'partial', skipped: 'false', 'exit-code': '0' })
    expect(resumed.stdout).toContain('resumed from {"processed":3}')
    expect(await readFile(join(next.options.workspace, 'out/part1.txt'), 'utf8')).toBe('part\n')
    expect(JSON.parse(resumed.outputs.state ?? '')).toEqual({ processed: 10 })

    const changed = await world.job(world.createRun({ repository }), 1)
    await changed.uses('.', { from: 'runs' })
    // Another key: the command starts over (and is stopped again once it shows it did).
    const fresh = changed.start('run', { ...inputs, key: 'kc2' })
    await fresh.waitForOutput('READY')
    fresh.kill('SIGTERM')
    const stopped = await fresh.result
    expect(stopped.outputs).toMatchObject({ reason: 'stale:key' })
    expect(stopped.stdout).not.toContain('resumed from')
  })
})
