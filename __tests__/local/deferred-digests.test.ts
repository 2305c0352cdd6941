import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { BlockBlobClient } from '@azure/storage-blob'
import { createHash, randomBytes } from 'node:crypto'
import { startStandIn, type StandIn } from '../../local/index.js'

// The bench's stand-in: FinalizeArtifact takes the declared digest at once and hashes the blob
// afterwards, so the stand-in's own hashing is not timed as part of the step that uploads. A
// wrong digest must still be caught: settleDigests() names it.

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
let standIn: StandIn

beforeAll(async () => {
  standIn = await startStandIn({ deferDigests: true })
}, 120_000)
afterAll(() => standIn.stop())

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

async function twirp(method: string, body: object, token: string): Promise<Response> {
  return fetch(`${standIn.url}/twirp/${ARTIFACT_SERVICE}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body)
  })
}

/** Uploads `bytes` as artifact `name` and finalizes it declaring `hash`; the finalize status. */
async function upload(name: string, bytes: Buffer, hash: string): Promise<number> {
  const run = standIn.createRun({ repository: 'octo/bench', workflow: 'ci.yml' })
  const job = standIn.startJob(run, { attempt: 1, job: 'bench' })
  const ids = {
    workflow_run_backend_id: job.runBackendId,
    workflow_job_run_backend_id: job.jobBackendId
  }
  const create = { ...ids, name, version: 7, mime_type: 'application/octet-stream' }
  const created = (await (await twirp('CreateArtifact', create, job.runtimeToken)).json()) as {
    signed_upload_url: string
  }
  await new BlockBlobClient(created.signed_upload_url).uploadData(bytes)
  const finalize = { ...ids, name, size: String(bytes.length), hash: `sha256:${hash}` }
  return (await twirp('FinalizeArtifact', finalize, job.runtimeToken)).status
}

describe('a stand-in that checks digests after finalize', () => {
  test('accepts at once, and settleDigests names an upload whose bytes differ', async () => {
    const good = randomBytes(4096)
    const bad = randomBytes(4096)
    expect(await upload('good', good, sha256(good))).toBe(200)
    expect(await upload('bad', bad, sha256(Buffer.from('other bytes')))).toBe(200)
    const mismatches = await standIn.settleDigests()
    expect(mismatches).toEqual([expect.stringMatching(/^bad: declared [0-9a-f]{64}, uploaded /)])
    expect(await standIn.settleDigests()).toEqual([])
  }, 60_000)
})
