// The run's checkpoint documents as artifacts, against the local stand-in.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStandIn, type StandIn } from '../../local/index.js'
import { readRunContext } from '../../src/transport/run-context.js'
import { stepLog } from '../../src/action/step-log.js'
import { ArtifactStore, RunCheckpointStore } from '../../src/transport/artifact-store.js'

const savedEnv = { ...process.env }
let standIn: StandIn
let scratch: string

beforeAll(async () => {
  standIn = await startStandIn()
  scratch = await mkdtemp(join(tmpdir(), 'artifacts-test-'))
})

afterAll(async () => {
  await standIn.stop()
  await rm(scratch, { recursive: true, force: true })
  for (const name of Object.keys(process.env)) {
    if (!(name in savedEnv)) Reflect.deleteProperty(process.env, name)
  }
  Object.assign(process.env, savedEnv)
})

describe('RunCheckpointStore', () => {
  test("reads back a document it wrote, asking for its URL with the run's and job's ids", async () => {
    const run = standIn.createRun({ repository: 'octo/pipeline' })
    const job = standIn.startJob(run, { attempt: 1 })
    Object.assign(process.env, job.env)
    const artifacts = new ArtifactStore(readRunContext(), '', stepLog)
    const store = new RunCheckpointStore(artifacts, await artifacts.list(), {
      scratch,
      runId: String(run.runId)
    })
    const recording = standIn.record()
    await store.writeText('checkpoint.pipeline.a1.s001.fetch.json', '{"node":"fetch"}\n')
    const text = await store.readText('checkpoint.pipeline.a1.s001.fetch.json')
    recording.stop()

    expect(text).toBe('{"node":"fetch"}\n')
    const signed = recording.requests().find(request => request.rpc === 'GetSignedArtifactURL')
    expect(signed?.json).toEqual({
      workflow_run_backend_id: job.runBackendId,
      workflow_job_run_backend_id: job.jobBackendId,
      name: 'checkpoint.pipeline.a1.s001.fetch.json'
    })
  })
})
