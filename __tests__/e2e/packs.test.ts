// Packs: a job of tens of nodes, each with files, under a small artifacts-per-job limit, saves
// every node; later attempts restore all of them in a bounded number of requests, and a bad
// newest checkpoint falls back to earlier ones, those retired into packs included.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { Job, Run } from '../../local/index.js'
import type { JobRunner } from '../../local/runner.js'
import {
  annotations,
  digests,
  readTree,
  writeTree,
  type Tree
} from '../../__fixtures__/checkpoints.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'

const LIMIT = 20
const world = e2eWorld({ runs: ['restore', 'save'], artifactsPerJob: LIMIT })

/** Restore's budget from one source, whatever the number of nodes and attempts. */
const MAX_RESTORE_REQUESTS = 12

/** The files node `index` produces: two small files of its own. */
function nodeFiles(index: number): Tree {
  return {
    [`out/n${index}/data.bin`]: randomBytes(2048 + index),
    [`out/n${index}/note.txt`]: Buffer.from(`node ${index}\n`)
  }
}

/** Saves nodes `from`..`to` in `job`, each with its files; returns every file they wrote. */
async function saveNodes(job: JobRunner, from: number, to: number): Promise<Tree> {
  const written: Tree = {}
  for (let index = from; index <= to; index++) {
    const files = nodeFiles(index)
    await writeTree(job.options.workspace, files)
    const saved = await job.uses('save', { node: `n${index}`, paths: `out/n${index}/` })
    expect({ node: index, code: saved.code, warnings: annotations(saved, 'warning') }).toEqual({
      node: index,
      code: 0,
      warnings: []
    })
    Object.assign(written, files)
  }
  return written
}

/** A restore in a fresh job of `attempt`: its outputs, files and the requests it made. */
async function restoreIn(run: Run, attempt: number) {
  const job = await world.job(run, attempt)
  const before = world.standIn.requestCount
  const result = await job.uses('.')
  const requests = world.standIn.requestCount - before
  return { job, result, requests, tree: await readTree(job.options.workspace) }
}

function ownArtifacts(run: Run, attempt: number): string[] {
  return world.standIn
    .listArtifacts(run)
    .filter(artifact => artifact.attempt === attempt)
    .map(artifact => artifact.name)
}

describe(`a job of 30 nodes with files under a limit of ${LIMIT} artifacts per job`, () => {
  let run: Run
  let attemptOne: Tree
  let attemptTwo: Tree

  beforeAll(async () => {
    run = world.createRun()
    const job = await world.job(run, 1)
    expect((await job.uses('.')).code).toBe(0)
    attemptOne = await saveNodes(job, 1, 30)
    await job.complete()
  }, 600_000)

  it('saves every node within the limit, its newest checkpoints separate artifacts', () => {
    const names = ownArtifacts(run, 1)
    expect(names.length).toBeLessThanOrEqual(LIMIT)
    expect(names).toContain('checkpoint.pipeline.a1.s030.n30.json')
    expect(names).toContain('checkpoint.pipeline.a1.s029.n29.json')
    expect(names).toContain('checkpoint.pipeline.a1.s028.n28.json')
    expect(names.filter(name => name.endsWith('.pack')).length).toBeGreaterThan(0)
  })

  it(`attempt 2 resumes all 30 nodes byte for byte in at most ${MAX_RESTORE_REQUESTS} requests, then saves more`, async () => {
    const { job, result, requests, tree } = await restoreIn(run, 2)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.outputs.completed ?? '[]')).toHaveLength(30)
    expect(digests(tree)).toEqual(digests(attemptOne))
    expect(requests).toBeLessThanOrEqual(MAX_RESTORE_REQUESTS)
    attemptTwo = await saveNodes(job, 31, 40)
    await job.complete()
    expect(ownArtifacts(run, 2).length).toBeLessThanOrEqual(LIMIT)
  }, 600_000)

  it('attempt 3 restores the 40 nodes of both attempts within the same budget', async () => {
    const { result, requests, tree } = await restoreIn(run, 3)
    expect(JSON.parse(result.outputs.completed ?? '[]')).toHaveLength(40)
    expect(digests(tree)).toEqual(digests({ ...attemptOne, ...attemptTwo }))
    expect(requests).toBeLessThanOrEqual(MAX_RESTORE_REQUESTS)
  }, 300_000)

  it('falls back past corrupt newest checkpoints to one retired into a pack', async () => {
    const separate = ownArtifacts(run, 2).filter(name => name.endsWith('.json'))
    for (const name of separate) await world.standIn.corruptArtifact(run, name)
    const { result, tree } = await restoreIn(run, 4)
    expect(result.code).toBe(0)
    const restored = result.outputs.checkpoint ?? ''
    // The newest checkpoint that is not a separate artifact: one of attempt 2, in a pack.
    expect(restored).toMatch(/^checkpoint\.pipeline\.a2\.s03\d\.n3\d\.json$/)
    expect(world.standIn.listArtifacts(run).map(artifact => artifact.name)).not.toContain(restored)
    const completed = JSON.parse(result.outputs.completed ?? '[]') as string[]
    expect(completed.length).toBeGreaterThan(30)
    const expected = Object.fromEntries(
      Object.entries({ ...attemptOne, ...attemptTwo }).filter(([path]) =>
        completed.includes(path.split('/')[1] ?? '')
      )
    )
    expect(digests(tree)).toEqual(digests(expected))
    expect(annotations(result, 'warning').join('\n')).toMatch(/was not restored/)
  }, 300_000)
})

describe('a new run resuming from an earlier run whose archives are in packs', () => {
  it('takes every keyed node with its files, read out of the packs', async () => {
    const repository = 'octo/packed'
    const first = world.createRun({ repository })
    const job = await world.job(first, 1)
    const written: Tree = {}
    for (let index = 1; index <= 6; index++) {
      const files = nodeFiles(index)
      await writeTree(job.options.workspace, files)
      const saved = await job.uses('save', {
        node: `n${String(index)}`,
        key: `k${String(index)}`,
        paths: `out/n${String(index)}/`
      })
      expect(saved.code).toBe(0)
      Object.assign(written, files)
    }
    await job.complete()
    world.standIn.completeRun(first, 'failure')
    expect(ownArtifacts(first, 1).filter(name => name.endsWith('.pack')).length).toBeGreaterThan(0)
    const next = await world.job(world.createRun({ repository }), 1)
    const keys = [1, 2, 3, 4, 5, 6].map(index => `n${String(index)}=k${String(index)}`)
    const restore = await next.uses('.', { from: 'runs', keys: keys.join('\n') })
    expect(restore.code).toBe(0)
    expect(JSON.parse(restore.outputs.completed ?? '[]')).toHaveLength(6)
    expect(digests(await readTree(next.options.workspace))).toEqual(digests(written))
  }, 300_000)
})

describe('a save refused for the artifacts-per-job limit', () => {
  it('is a warning naming the limit, and the earlier checkpoint stays restorable', async () => {
    const run = world.createRun()
    const job = await world.job(run, 1)
    await saveNodes(job, 1, 1)
    // Other uploads of the job fill it up to the limit.
    const held = ownArtifacts(run, 1).length
    for (let index = held; index < LIMIT; index++) {
      const created = await createArtifact(job.meta, `other-${String(index)}`)
      expect(created).toBe(200)
    }
    await writeTree(job.options.workspace, nodeFiles(2))
    const refused = await job.uses('save', { node: 'n2', paths: 'out/n2/' })
    expect(refused.code).toBe(0)
    expect(annotations(refused, 'warning').join('\n')).toMatch(
      new RegExp(`the artifact service allows at most ${String(LIMIT)} artifacts per job`)
    )
    await job.complete()
    const { result } = await restoreIn(run, 2)
    expect(result.outputs.completed).toBe('["n1"]')
  }, 300_000)
})

/** Creates an artifact in `job` as another upload step would; the status of the answer. */
async function createArtifact(job: Job, name: string): Promise<number> {
  const url = `${world.standIn.url}/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${job.runtimeToken}` },
    body: JSON.stringify({
      workflow_run_backend_id: job.runBackendId,
      workflow_job_run_backend_id: job.jobBackendId,
      name,
      version: 7
    })
  })
  await response.arrayBuffer()
  return response.status
}
