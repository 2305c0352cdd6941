import { beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { lstat, mkdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Run } from '../../local/index.js'
import type { JobRunner } from '../../local/runner.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'

const world = e2eWorld({ runs: ['restore', 'save'] })

const payload = randomBytes(256 * 1024)

async function attemptOne(job: JobRunner): Promise<void> {
  const ws = job.options.workspace
  expect((await job.uses('.')).outputs).toMatchObject({
    resumed: 'false',
    completed: '[]',
    state: '{}'
  })
  await mkdir(join(ws, 'data'), { recursive: true })
  await writeFile(join(ws, 'data/rows.csv'), 'id,name\n1,a\n')
  await writeFile(join(ws, 'data/fetch.sh'), '#!/bin/sh\necho fetch\n', { mode: 0o755 })
  await symlink('rows.csv', join(ws, 'data/latest.csv'))
  const fetch = await job.uses('save', {
    node: 'fetch',
    paths: 'data/',
    state: 'rows=1200\nsource=api'
  })
  expect(fetch.code).toBe(0)
  expect(fetch.outputs).toMatchObject({
    saved: 'true',
    checkpoint: 'checkpoint.pipeline.a1.s001.fetch.json'
  })
  await mkdir(join(ws, 'build'), { recursive: true })
  await writeFile(join(ws, 'build/model.bin'), payload)
  const build = await job.uses('save', {
    node: 'build',
    paths: 'build/**',
    state: '{"built": true, "rows": "1201"}'
  })
  expect(build.outputs).toMatchObject({
    saved: 'true',
    checkpoint: 'checkpoint.pipeline.a1.s002.build.json'
  })
  // The details in a group, then one line: what was saved, files, bytes, time.
  expect(build.stdout).toContain("::group::Save node 'build'")
  expect(build.stdout.trimEnd().split('\n').slice(-2)).toEqual([
    '::endgroup::',
    expect.stringMatching(
      /^Saved node 'build' as checkpoint\.pipeline\.a1\.s002\.build\.json: 1 file\(s\), 256\.0 KiB, in .+\.$/
    )
  ])
  await job.complete()
  // The job "failed" after build, in a step the action does not see: the summary says where.
  expect(job.summary()).toContain(
    'If this job failed, it stopped after node `build`, the last one checkpointed'
  )
  expect(job.summary()).toContain('**Re-run failed jobs**')
}

describe('a job that fails, is re-run and resumes', () => {
  let run: Run

  beforeAll(async () => {
    run = world.createRun()
    await attemptOne(await world.job(run, 1))
  })

  it('attempt 2 restores into an empty workspace, skips what is done and saves what is new', async () => {
    const job = await world.job(run, 2)
    const ws = job.options.workspace
    const restore = await job.uses('.')
    expect(restore.code).toBe(0)
    expect(restore.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^Restored scope 'pipeline' from checkpoint\.pipeline\.a1\.s002\.build\.json \(attempt 1\): 2 node\(s\) done \[fetch, build\], 4 file\(s\), 256\.0 KiB, in .+\.$/
    )
    expect(restore.outputs).toMatchObject({
      resumed: 'true',
      completed: '["fetch","build"]',
      'done-fetch': 'true',
      'done-build': 'true',
      checkpoint: 'checkpoint.pipeline.a1.s002.build.json',
      'from-attempt': '1',
      'from-run-id': String(run.runId),
      sources: '{"fetch":"attempt 1","build":"attempt 1"}',
      reasons: '{"fetch":"done","build":"done"}'
    })
    expect(JSON.parse(restore.outputs.state ?? '')).toEqual({
      rows: '1201',
      source: 'api',
      built: true
    })
    expect(JSON.parse(await readFile(restore.outputs['state-file'] ?? '', 'utf8'))).toEqual({
      rows: '1201',
      source: 'api',
      built: true
    })
    expect((await readFile(join(ws, 'build/model.bin'))).equals(payload)).toBe(true)
    expect(await readFile(join(ws, 'data/rows.csv'), 'utf8')).toBe('id,name\n1,a\n')
    expect((await stat(join(ws, 'data/fetch.sh'))).mode & 0o777).toBe(0o755)
    expect((await lstat(join(ws, 'data/latest.csv'))).isSymbolicLink()).toBe(true)
    expect(await readlink(join(ws, 'data/latest.csv'))).toBe('rows.csv')

    const again = await job.uses('save', { node: 'fetch', paths: 'data/', state: 'rows=0' })
    expect(again.outputs).toMatchObject({
      saved: 'false',
      checkpoint: 'checkpoint.pipeline.a1.s002.build.json'
    })
    expect(again.stdout).toContain("Node 'fetch' was restored as done")

    const test = await job.uses('save', { node: 'test', state: 'passed=true' })
    expect(test.outputs).toMatchObject({
      saved: 'true',
      checkpoint: 'checkpoint.pipeline.a2.s003.test.json'
    })
    const [post] = await job.complete()
    expect(post?.code).toBe(0)
    const summary = job.summary()
    expect(summary).toContain(
      'Resumed from `checkpoint.pipeline.a1.s002.build.json` (attempt 1 of run'
    )
    expect(summary).toContain('2 node(s) skipped')
    expect(summary).toMatch(
      /\| fetch \| restored \| done before \| [^|]+ \| attempt 1, checkpoint\.pipeline\.a1\.s002\.build\.json \|/
    )
    expect(summary).toMatch(/\| build \| restored \| done before \| [^|]+ \| attempt 1, /)
    expect(summary).toMatch(
      /\| test \| ran \| not done before \| [^|]+ \| checkpoint\.pipeline\.a2\.s003\.test\.json \|/
    )
    expect(summary).toContain('n1["build<br/>restored"]:::restored')
    expect(post?.annotations).toContainEqual({
      level: 'notice',
      message: expect.stringMatching(
        /^Resumed from attempt 1: 2 node\(s\) skipped \(fetch, build\), about .+ of work not repeated \(an estimate: the time since the previous checkpoint step, which may include setup steps that run again anyway\)\.$/
      )
    })
    // One figure: the notice and the summary give the same time saved.
    const notice = post?.annotations.find(annotation => annotation.level === 'notice')
    const figure = /(about .+ of work not repeated)/.exec(notice?.message ?? '')?.[1]
    expect(figure).toBeDefined()
    expect(summary).toContain(`2 node(s) skipped, ${figure ?? ''}`)
  })

  it('attempt 3 restores attempt 2 through the REST API when the internal download answers 404', async () => {
    world.standIn.faults.signedUrl404ForEarlierAttempts = true
    try {
      const job = await world.job(run, 3)
      const restore = await job.uses('.')
      expect(restore.outputs).toMatchObject({
        resumed: 'true',
        completed: '["fetch","build","test"]',
        'from-attempt': '2'
      })
      expect(restore.stdout).toContain('trying the REST API')
      expect(JSON.parse(restore.outputs.state ?? '')).toMatchObject({ passed: 'true', built: true })
      expect((await readFile(join(job.options.workspace, 'build/model.bin'))).equals(payload)).toBe(
        true
      )
    } finally {
      world.standIn.faults.signedUrl404ForEarlierAttempts = false
    }
  })
})

describe('integrity and isolation', () => {
  it('reports a corrupted latest checkpoint and restores the previous valid one', async () => {
    const run = world.createRun()
    await attemptOne(await world.job(run, 1))
    await world.standIn.corruptArtifact(run, 'checkpoint.pipeline.a1.s002.build.files')
    const job = await world.job(run, 2)
    const restore = await job.uses('.')
    expect(restore.code).toBe(0)
    expect(restore.outputs).toMatchObject({
      resumed: 'true',
      completed: '["fetch"]',
      checkpoint: 'checkpoint.pipeline.a1.s001.fetch.json'
    })
    expect(restore.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(
        /checkpoint\.pipeline\.a1\.s002\.build\.json was not restored: .*digest/
      )
    })
    expect(existsSync(join(job.options.workspace, 'build/model.bin'))).toBe(false)
    expect(await readFile(join(job.options.workspace, 'data/rows.csv'), 'utf8')).toBe(
      'id,name\n1,a\n'
    )
  })

  it('restores a file a later node saved again at its newest version', async () => {
    const { run, job } = await world.newRun()
    const ws = job.options.workspace
    await mkdir(join(ws, 'data'), { recursive: true })
    await writeFile(join(ws, 'data/a.txt'), 'a v1')
    await writeFile(join(ws, 'data/b.txt'), 'b v1')
    await job.uses('save', { node: 'fetch', paths: 'data/' })
    await writeFile(join(ws, 'data/a.txt'), 'a v2')
    await job.uses('save', { node: 'clean', paths: 'data/a.txt' })
    const retry = await world.job(run, 2)
    const restore = await retry.uses('.')
    expect(restore.outputs).toMatchObject({ completed: '["fetch","clean"]' })
    expect(await readFile(join(retry.options.workspace, 'data/a.txt'), 'utf8')).toBe('a v2')
    expect(await readFile(join(retry.options.workspace, 'data/b.txt'), 'utf8')).toBe('b v1')
  })

  it('keeps two scopes of one run apart', async () => {
    const { run, job } = await world.newRun()
    await job.uses('save', { node: 'fetch', scope: 'linux', state: 'os=linux' })
    await job.uses('save', { node: 'fetch', scope: 'macos', state: 'os=macos' })
    await job.uses('save', { node: 'build', scope: 'macos', state: 'built=yes' })
    const retry = await world.job(run, 2)
    const linux = await retry.uses('.', { scope: 'linux' })
    const macos = await retry.uses('.', { scope: 'macos' })
    expect(linux.outputs).toMatchObject({ completed: '["fetch"]', state: '{"os":"linux"}' })
    expect(macos.outputs).toMatchObject({
      completed: '["fetch","build"]',
      state: '{"os":"macos","built":"yes"}'
    })
  })

  it('fails a save whose scope another job of the attempt already wrote, telling to set scope', async () => {
    const { run, job: first } = await world.newRun({ job: 'matrix' })
    const second = await world.job(run, 1, { job: 'matrix' })
    expect((await first.uses('save', { node: 'fetch', state: 'os=linux' })).code).toBe(0)
    const clash = await second.uses('save', { node: 'fetch', state: 'os=macos' })
    expect(clash.code).toBe(1)
    expect(clash.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining("set the 'scope' input")
    })
    const retry = await world.job(run, 2, { job: 'matrix' })
    expect((await retry.uses('.')).outputs).toMatchObject({ state: '{"os":"linux"}' })
  })

  it('works in a job with no restore step: save finds the latest checkpoint itself', async () => {
    const { run, job } = await world.newRun()
    await job.uses('save', { node: 'fetch', state: 'a=1' })
    const retry = await world.job(run, 2)
    const build = await retry.uses('save', { node: 'build', state: 'b=2' })
    expect(build.outputs).toMatchObject({
      saved: 'true',
      checkpoint: 'checkpoint.pipeline.a2.s002.build.json'
    })
    const third = await world.job(run, 3)
    expect((await third.uses('.')).outputs).toMatchObject({
      completed: '["fetch","build"]',
      state: '{"a":"1","b":"2"}'
    })
  })
})
