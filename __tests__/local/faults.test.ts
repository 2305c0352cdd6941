// Fault injection in the local stand-in, at the HTTP level and with the real toolkit clients.
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { createFaultEngine } from '../../local/faults.js'
import { startStandIn } from '../../local/index.js'
import type { Job } from '../../local/index.js'
import { inProcessToolkit, sha256 } from '../../__fixtures__/in-process.js'

type Json = Record<string, unknown>
interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

jest.setTimeout(120_000)

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
const toolkit = inProcessToolkit('octo/faults')
const { output, freshDir, newRunJob } = toolkit

/**
 * One HTTP exchange with node:http and no connection reuse; rejects with the socket error
 * (its `code` tells ECONNRESET from ECONNREFUSED) if the connection breaks.
 */
function send(
  method: string,
  url: string,
  options: { body?: Buffer | string; headers?: Record<string, string>; signal?: AbortSignal } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: options.headers, agent: false, signal: options.signal },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks)
          })
        })
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function twirp(job: Job, method: string, body: Json = {}): Promise<Reply> {
  return send('POST', `${toolkit.standIn.url}/twirp/${ARTIFACT_SERVICE}/${method}`, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${job.runtimeToken}` },
    body: JSON.stringify({
      workflow_run_backend_id: job.runBackendId,
      workflow_job_run_backend_id: job.jobBackendId,
      ...body
    })
  })
}

const json = (reply: Reply): Json => JSON.parse(reply.body.toString('utf8')) as Json

/** Creates an artifact record over Twirp and returns its signed upload URL. */
async function createArtifact(job: Job, name: string): Promise<string> {
  const created = await twirp(job, 'CreateArtifact', {
    name,
    version: 7,
    mime_type: 'application/octet-stream'
  })
  expect(created.status).toBe(200)
  return String(json(created).signed_upload_url)
}

/** Uploads `bytes` as a raw (skipArchive) artifact with the real client. */
async function uploadRaw(name: string, bytes: Buffer): Promise<{ id: number; digest: string }> {
  const dir = await freshDir('raw')
  await writeFile(path.join(dir, name), bytes)
  const { id, digest } = await toolkit.client.uploadArtifact(name, [path.join(dir, name)], dir, {
    skipArchive: true
  })
  if (id === undefined || digest === undefined) throw new Error('upload returned no id')
  return { id, digest: `sha256:${digest}` }
}

/** A signed read URL of a finalized artifact, via the REST zip redirect. */
async function readUrl(job: Job, id: number): Promise<string> {
  const zip = await send(
    'GET',
    `${toolkit.standIn.url}/api/repos/octo/faults/actions/artifacts/${String(id)}/zip`,
    {
      headers: { authorization: `token ${job.token}` }
    }
  )
  expect(zip.status).toBe(302)
  return String(zip.headers.location)
}

/** A new job uploads `size` random bytes as raw artifact `name`; they, and a signed read URL. */
async function rawArtifactToRead(
  name: string,
  size: number
): Promise<{ job: Job; bytes: Buffer; url: string }> {
  const { job } = newRunJob()
  const bytes = randomBytes(size)
  const { id } = await uploadRaw(name, bytes)
  return { job, bytes, url: await readUrl(job, id) }
}

afterEach(async () => {
  await toolkit.standIn.faults.reset()
})

describe('blob proxy', () => {
  test('signed URLs point to the proxy, stay valid there, and blob traffic is logged', async () => {
    const { job } = newRunJob()
    const uploadUrl = new URL(await createArtifact(job, 'via-proxy'))
    expect(uploadUrl.origin).toBe(toolkit.standIn.blobUrl)
    expect(uploadUrl.port).not.toBe(String(toolkit.standIn.azuritePort))

    toolkit.standIn.resetRequests()
    const before = toolkit.standIn.requestCount
    const bytes = randomBytes(50_000)
    const { id, digest } = await uploadRaw('proxied.bin', bytes)
    expect(digest).toBe(`sha256:${sha256(bytes)}`)
    const out = await freshDir('dl')
    await toolkit.client.downloadArtifact(id, { path: out })
    expect(await readFile(path.join(out, 'proxied.bin'))).toEqual(bytes)

    const calls = toolkit.standIn.requests.map(r => [
      r.seq - before,
      r.service,
      r.rpc ?? r.operation,
      r.status
    ])
    expect(calls).toEqual([
      [1, 'artifact', 'CreateArtifact', 200],
      [2, 'blob', 'PutBlock', 201],
      [3, 'blob', 'PutBlockList', 201],
      [4, 'artifact', 'FinalizeArtifact', 200],
      [5, 'artifact', 'ListArtifacts', 200],
      [6, 'artifact', 'GetSignedArtifactURL', 200],
      [7, 'blob', 'GetBlob', 200]
    ])
    expect(toolkit.standIn.requestCount).toBe(before + 7)
  })
})

describe('failNext', () => {
  test('answers each service in its own error format, for exactly `count` requests', async () => {
    const { run, job } = newRunJob()
    toolkit.standIn.resetRequests()
    toolkit.standIn.faults.failNext(
      { service: 'artifact', method: 'ListArtifacts' },
      { status: 503, count: 2 }
    )
    toolkit.standIn.faults.failNext({ service: 'rest' }, { status: 500 })

    const failed = [await twirp(job, 'ListArtifacts'), await twirp(job, 'ListArtifacts')]
    expect(failed.map(r => [r.status, json(r)])).toEqual([
      [503, { code: 'unavailable', msg: 'injected fault: HTTP 503' }],
      [503, { code: 'unavailable', msg: 'injected fault: HTTP 503' }]
    ])
    expect((await twirp(job, 'ListArtifacts')).status).toBe(200)

    const runs = `${toolkit.standIn.url}/api/repos/octo/faults/actions/runs/${String(run.runId)}/artifacts`
    const auth = { authorization: `token ${job.token}` }
    const restFailed = await send('GET', runs, { headers: auth })
    expect(restFailed.status).toBe(500)
    expect(json(restFailed)).toMatchObject({ message: 'injected fault: HTTP 500' })
    expect((await send('GET', runs, { headers: auth })).status).toBe(200)

    toolkit.standIn.faults.failNext(
      { service: 'blob', method: 'PUT' },
      { status: 429, retryAfter: 7 }
    )
    const blob = await send('PUT', await createArtifact(job, 'throttled'), {
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'abc'
    })
    expect(blob.status).toBe(429)
    expect(blob.headers['retry-after']).toBe('7')
    expect(blob.headers['x-ms-error-code']).toBe('TooManyRequests')
    expect(blob.body.toString()).toContain('<Code>TooManyRequests</Code>')

    const faulted = toolkit.standIn.requests.filter(r => r.fault === 'fail')
    expect(faulted.map(r => [r.service, r.rpc ?? r.operation ?? r.method, r.status])).toEqual([
      ['artifact', 'ListArtifacts', 503],
      ['artifact', 'ListArtifacts', 503],
      ['rest', 'GET', 500],
      ['blob', 'PutBlob', 429]
    ])
  })

  test('a custom body and headers; reset() drops rules not used up', async () => {
    const { job } = newRunJob()
    toolkit.standIn.faults.failNext(
      { service: 'artifact', match: r => r.rpc === 'ListArtifacts' },
      { status: 502, body: 'upstream connect error', headers: { 'X-Edge': 'lb-1' }, count: 3 }
    )
    const bad = await twirp(job, 'ListArtifacts')
    expect([bad.status, bad.body.toString(), bad.headers['x-edge']]).toEqual([
      502,
      'upstream connect error',
      'lb-1'
    ])
    await toolkit.standIn.faults.reset()
    expect((await twirp(job, 'ListArtifacts')).status).toBe(200)
  })

  test('@actions/artifact retries a 503 burst of 2 on ListArtifacts and then succeeds', async () => {
    newRunJob()
    await uploadRaw('listed.bin', randomBytes(100))
    toolkit.standIn.resetRequests()
    output.length = 0
    toolkit.standIn.faults.failNext(
      { service: 'artifact', method: 'ListArtifacts' },
      { status: 503, count: 2 }
    )

    const { artifacts } = await toolkit.client.listArtifacts()

    expect(artifacts.map(a => a.name)).toEqual(['listed.bin'])
    expect(toolkit.standIn.requests.map(r => [r.rpc, r.status, r.fault])).toEqual([
      ['ListArtifacts', 503, 'fail'],
      ['ListArtifacts', 503, 'fail'],
      ['ListArtifacts', 200, undefined]
    ])
    expect(output.join('')).toContain(
      'Attempt 2 of 5 failed with error: Failed request: (503) Service Unavailable: injected fault: HTTP 503'
    )
  })

  test('validates its arguments', () => {
    const { faults } = toolkit.standIn
    expect(() => {
      faults.failNext({ service: 'blob' }, { status: 5000 })
    }).toThrow(TypeError)
    expect(() => {
      faults.failNext({ service: 'blob' }, { status: 503, count: 0 })
    }).toThrow(/count/)
    expect(() => {
      faults.delay({ service: 'nope' as 'blob' }, { ms: 1 })
    }).toThrow(/service/)
    expect(() => {
      faults.resetConnection({}, { afterBytes: -1 })
    }).toThrow(/afterBytes/)
    expect(() => faults.holdRequest(0)).toThrow(/n must be/)
  })
})

describe('failFor', () => {
  test('fails every matching request for its time from the first one, on the clock it is given', () => {
    let now = 1000
    const engine = createFaultEngine({ log: () => undefined, now: () => now })
    engine.faults.failFor({ service: 'artifact' }, { status: 503, ms: 15_000, retryAfter: 2 })
    now = 5000
    const admit = (): unknown =>
      engine.admit({ service: 'artifact', method: 'POST', rpc: 'ListArtifacts', path: '/x' }).fault
    expect([admit(), admit()]).toEqual([
      { kind: 'fail', status: 503, body: undefined, headers: { 'retry-after': '2' } },
      { kind: 'fail', status: 503, body: undefined, headers: { 'retry-after': '2' } }
    ])
    expect(engine.admit({ service: 'blob', method: 'GET', path: '/b' }).fault).toBeUndefined()
    now = 19_999
    expect(admit()).toMatchObject({ status: 503 })
    now = 20_000
    expect(admit()).toBeUndefined()
  })

  test('reset() ends it; its arguments are checked', async () => {
    const { job } = newRunJob()
    toolkit.standIn.faults.failFor({ service: 'artifact' }, { status: 503, ms: 600_000 })
    expect((await twirp(job, 'ListArtifacts')).status).toBe(503)
    await toolkit.standIn.faults.reset()
    expect((await twirp(job, 'ListArtifacts')).status).toBe(200)
    expect(() => {
      toolkit.standIn.faults.failFor({}, { status: 503, ms: -1 })
    }).toThrow(/ms/)
    expect(() => {
      toolkit.standIn.faults.failFor({}, { status: 1, ms: 10 })
    }).toThrow(/status/)
  })

  test('@actions/artifact outlasts an artifact service answering 503 for 15 s', async () => {
    newRunJob()
    await uploadRaw('outlasted.bin', randomBytes(100))
    toolkit.standIn.resetRequests()
    toolkit.standIn.faults.failFor({ service: 'artifact' }, { status: 503, ms: 15_000 })

    const { artifacts } = await toolkit.client.listArtifacts()

    expect(artifacts.map(a => a.name)).toEqual(['outlasted.bin'])
    const statuses = toolkit.standIn.requests.map(r => r.status)
    expect(statuses.at(-1)).toBe(200)
    expect(statuses.slice(0, -1).every(status => status === 503)).toBe(true)
    expect(statuses.length).toBeGreaterThanOrEqual(4)
  })
})

describe('resetConnection', () => {
  test('mid blob download: the client reads afterBytes bytes, then the connection breaks', async () => {
    const { bytes, url } = await rawArtifactToRead('cut.bin', 300_000)
    toolkit.standIn.resetRequests()
    toolkit.standIn.faults.resetConnection(
      { service: 'blob', method: 'GET' },
      { afterBytes: 100_000 }
    )

    let received = 0
    let length: string | undefined
    const broken = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      request(url, { agent: false }, res => {
        length = res.headers['content-length']
        res.on('data', (chunk: Buffer) => (received += chunk.length))
        res.on('error', resolve)
        res.on('end', () => {
          reject(new Error('the body ended'))
        })
      }).end()
    })
    expect([length, broken.code, received]).toEqual([String(bytes.length), 'ECONNRESET', 100_000])

    expect(sha256((await send('GET', url)).body)).toBe(sha256(bytes))
    expect(toolkit.standIn.requests.filter(r => r.fault).map(r => [r.operation, r.fault])).toEqual([
      ['GetBlob', 'reset']
    ])
  })

  test('during a Twirp request the service never sees it; during its response it does', async () => {
    const { run, job } = newRunJob()
    toolkit.standIn.faults.resetConnection({ method: 'CreateArtifact' }, { afterBytes: 10 })
    await expect(createArtifact(job, 'lost-request')).rejects.toMatchObject({
      code: expect.stringMatching(/^(ECONNRESET|EPIPE)$/)
    })
    // Nothing was created: the same name is still free.
    await createArtifact(job, 'lost-request')

    toolkit.standIn.faults.resetConnection(
      { method: 'CreateArtifact' },
      { afterBytes: 5, phase: 'response' }
    )
    await expect(createArtifact(job, 'lost-answer')).rejects.toMatchObject({ code: 'ECONNRESET' })
    // The service created it before the answer was lost: a retry conflicts.
    expect((await twirp(job, 'CreateArtifact', { name: 'lost-answer', version: 7 })).status).toBe(
      409
    )
    expect(toolkit.standIn.listArtifacts(run)).toEqual([])
  })

  test('the blob SDK retries a Put Block cut mid-upload and the upload succeeds', async () => {
    const { run } = newRunJob()
    toolkit.standIn.resetRequests()
    toolkit.standIn.faults.resetConnection(
      { service: 'blob', operation: 'PutBlock' },
      { afterBytes: 1000 }
    )
    const bytes = randomBytes(20_000)

    const { digest } = await uploadRaw('retried.bin', bytes)

    expect(digest).toBe(`sha256:${sha256(bytes)}`)
    expect(toolkit.standIn.listArtifacts(run)).toMatchObject([{ name: 'retried.bin', digest }])
    const blocks = toolkit.standIn.requests.filter(r => r.operation === 'PutBlock')
    expect(blocks.map(r => [r.status, r.fault])).toEqual([
      [0, 'reset'],
      [201, undefined]
    ])
  })

  test('@actions/cache gives up a restore whose download breaks (a miss with a warning)', async () => {
    newRunJob()
    const dir = await freshDir('cache')
    const bytes = randomBytes(200_000)
    await writeFile(path.join(dir, 'data.bin'), bytes)
    expect(await toolkit.cache.saveCache([dir], 'reset-restore')).toBeGreaterThan(0)
    await rm(path.join(dir, 'data.bin'))
    output.length = 0
    toolkit.standIn.faults.resetConnection({ service: 'blob', method: 'GET' }, { afterBytes: 1000 })

    expect(await toolkit.cache.restoreCache([dir], 'reset-restore')).toBeUndefined()
    expect(output.join('')).toContain('::warning::Failed to restore: aborted')

    expect(await toolkit.cache.restoreCache([dir], 'reset-restore')).toBe('reset-restore')
    expect(await readFile(path.join(dir, 'data.bin'))).toEqual(bytes)
  })
})

describe('delay', () => {
  test('a client that gives up on a request delayed before the service leaves no trace', async () => {
    const { job } = newRunJob()
    toolkit.standIn.faults.delay({ method: 'CreateArtifact' }, { ms: 600_000 })
    const hold = toolkit.standIn.faults.holdRequest(1)
    const deadline = new AbortController()
    const gaveUp = send('POST', `${toolkit.standIn.url}/twirp/${ARTIFACT_SERVICE}/CreateArtifact`, {
      headers: { authorization: `Bearer ${job.runtimeToken}` },
      body: JSON.stringify({
        workflow_run_backend_id: job.runBackendId,
        workflow_job_run_backend_id: job.jobBackendId,
        name: 'too-late',
        version: 7
      }),
      signal: deadline.signal
    })
    await hold.reached
    hold.release()
    // The client's deadline passes while the request waits out its 10-minute delay.
    deadline.abort()
    await expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' })
    // The rule is used up and the abandoned request never reached the service: the name is free.
    expect((await twirp(job, 'CreateArtifact', { name: 'too-late', version: 7 })).status).toBe(200)
  })

  test('reset() ends a delay at once, and the request goes on', async () => {
    const { job } = newRunJob()
    toolkit.standIn.resetRequests()
    toolkit.standIn.faults.delay({ method: 'ListArtifacts' }, { ms: 600_000, phase: 'response' })
    const hold = toolkit.standIn.faults.holdRequest(1)
    const listed = twirp(job, 'ListArtifacts')
    await hold.reached
    hold.release()
    // Released: the request runs on into its 10-minute delay (microtasks run before this).
    await new Promise(resolve => setImmediate(resolve))
    await toolkit.standIn.faults.reset()
    expect((await listed).status).toBe(200)
    expect(toolkit.standIn.requests).toMatchObject([
      { rpc: 'ListArtifacts', fault: 'delay', held: true }
    ])
  })

  test('@actions/artifact reports a stalled upload when a Put Block outlasts its timeout', async () => {
    const { run } = newRunJob()
    process.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS = '1000'
    try {
      toolkit.standIn.faults.delay({ service: 'blob', operation: 'PutBlock' }, { ms: 600_000 })
      await expect(uploadRaw('stalled.bin', randomBytes(1000))).rejects.toThrow(
        'Upload progress stalled.'
      )
    } finally {
      delete process.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS
    }
    expect(toolkit.standIn.listArtifacts(run)).toEqual([])
  })

  test('stop() does not wait for a delayed or held request', async () => {
    const other = await startStandIn()
    const job = other.startJob(other.createRun({ repository: 'octo/stop' }), { attempt: 1 })
    other.faults.delay({ service: 'artifact' }, { ms: 600_000 })
    const hold = other.faults.holdRequest(1)
    const pending = send('POST', `${other.url}/twirp/${ARTIFACT_SERVICE}/ListArtifacts`, {
      headers: { authorization: `Bearer ${job.runtimeToken}` },
      body: '{}'
    })
    expect(await hold.reached).toMatchObject({ seq: 1, service: 'artifact', rpc: 'ListArtifacts' })
    hold.release()
    // Released: the request now waits in its 10-minute delay (microtasks run before this).
    await new Promise(resolve => setImmediate(resolve))
    const waiting = other.faults.holdRequest(5)

    const broken = expect(pending).rejects.toMatchObject({ code: 'ECONNRESET' })

    await other.stop()

    await broken
    await expect(waiting.reached).rejects.toThrow(/stopped/)
  })
})

describe('truncateDownload', () => {
  test('serves a complete-looking shorter body, without Content-Length', async () => {
    const { bytes, url } = await rawArtifactToRead('short.bin', 10_000)
    toolkit.standIn.faults.truncateDownload({ service: 'blob', method: 'GET' }, { bytes: 4096 })

    const short = await send('GET', url)
    expect([short.status, short.headers['content-length'], short.body.length]).toEqual([
      200,
      undefined,
      4096
    ])
    expect(short.body).toEqual(bytes.subarray(0, 4096))
    expect((await send('GET', url)).body).toEqual(bytes)
  })

  test('@actions/artifact downloads the truncated bytes and reports a digest mismatch', async () => {
    newRunJob()
    const bytes = randomBytes(50_000)
    const { id, digest } = await uploadRaw('truncated.bin', bytes)
    toolkit.standIn.faults.truncateDownload(
      { service: 'blob', operation: 'GetBlob' },
      { bytes: 1000 }
    )

    const out = await freshDir('dl')
    const result = await toolkit.client.downloadArtifact(id, { path: out, expectedHash: digest })

    expect(result.digestMismatch).toBe(true)
    const downloaded = await readFile(path.join(out, 'truncated.bin'))
    expect(downloaded.length).toBe(1000)
    expect(`sha256:${sha256(downloaded)}`).not.toBe(digest)
  })
})

describe('blobStoreDown', () => {
  test('refuses blob connections while the control plane answers; back on the same URLs', async () => {
    const { job, bytes, url } = await rawArtifactToRead('outage.bin', 1000)

    await toolkit.standIn.faults.blobStoreDown(true)
    const counted = toolkit.standIn.requestCount
    await expect(send('GET', url)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(toolkit.standIn.requestCount).toBe(counted)
    expect((await twirp(job, 'ListArtifacts')).status).toBe(200)

    await toolkit.standIn.faults.blobStoreDown(false)
    expect((await send('GET', url)).body).toEqual(bytes)
  })

  test('@actions/artifact fails an upload with ECONNREFUSED after the SDK retries', async () => {
    const { run } = newRunJob()
    await toolkit.standIn.faults.blobStoreDown(true)
    await expect(uploadRaw('refused.bin', randomBytes(1000))).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'ECONNREFUSED'
    })
    expect(toolkit.standIn.listArtifacts(run)).toEqual([])
  })
})

describe('holdRequest', () => {
  test('holds the Nth request of an upload until released', async () => {
    const { run } = newRunJob()
    const before = toolkit.standIn.requestCount
    await uploadRaw('counted.bin', randomBytes(1000))
    expect(toolkit.standIn.requestCount - before).toBe(4)

    const hold = toolkit.standIn.faults.holdRequest(3)
    const upload = uploadRaw('held.bin', randomBytes(1000))
    const reached = await hold.reached
    expect(reached).toMatchObject({ service: 'blob', method: 'PUT', operation: 'PutBlockList' })
    expect(toolkit.standIn.listArtifacts(run).map(a => a.name)).toEqual(['counted.bin'])

    hold.release()
    await upload
    expect(toolkit.standIn.listArtifacts(run).map(a => a.name)).toEqual(['counted.bin', 'held.bin'])
    expect(toolkit.standIn.requests.find(r => r.seq === reached.seq)).toMatchObject({
      held: true,
      status: 201
    })
  })

  test('counts only matching requests; release() before arrival and reset() cancel', async () => {
    newRunJob()
    const finalize = toolkit.standIn.faults.holdRequest(1, { method: 'FinalizeArtifact' })
    const cancelled = toolkit.standIn.faults.holdRequest(1000)
    const upload = uploadRaw('target.bin', randomBytes(10))
    expect(await finalize.reached).toMatchObject({ rpc: 'FinalizeArtifact' })
    finalize.release()
    await upload

    cancelled.release()
    await expect(cancelled.reached).rejects.toThrow(/before the request arrived/)
    const dropped = toolkit.standIn.faults.holdRequest(1000)
    await toolkit.standIn.faults.reset()
    await expect(dropped.reached).rejects.toThrow(/reset/)
  })

  test('a child process killed at its held request leaves no finalized artifact', async () => {
    const { run, job } = newRunJob()
    const dir = await freshDir('child')
    await writeFile(path.join(dir, 'state.json'), '{"step":1}')
    const script = [
      "import { DefaultArtifactClient } from '@actions/artifact'",
      'const dir = process.env.CHILD_DIR',
      "await new DefaultArtifactClient().uploadArtifact('ckpt', [dir + '/state.json'], dir)"
    ].join('\n')

    const hold = toolkit.standIn.faults.holdRequest(3)
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, ...job.env, CHILD_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = once(child, 'exit')

    const reached = await Promise.race([
      hold.reached,
      exited.then(() =>
        Promise.reject(new Error(`the child exited before its 3rd request:\n${stderr}`))
      )
    ])
    expect(reached).toMatchObject({ service: 'blob', operation: 'PutBlockList' })
    child.kill('SIGKILL')
    expect(await exited).toEqual([null, 'SIGKILL'])
    hold.release()

    expect(toolkit.standIn.listArtifacts(run)).toEqual([])
  })
})
