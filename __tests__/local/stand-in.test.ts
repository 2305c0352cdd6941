// Drives the local stand-in with the real toolkit clients, in-process.
import { describe, expect, jest, test } from '@jest/globals'
import { BlockBlobClient } from '@azure/storage-blob'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ZipPacker } from '../../src/packing/zip-writer.js'
import { uploadStream } from '../../src/transport/blob-transfer.js'
import type { Job } from '../../local/index.js'
import { inProcessToolkit, sha256 } from '../../__fixtures__/in-process.js'

type Json = Record<string, unknown>

jest.setTimeout(60_000)

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
const toolkit = inProcessToolkit('octo/pipeline')
const { output, freshDir, newRunJob, useJob } = toolkit

async function twirp(
  method: string,
  body: Json,
  token?: string
): Promise<{ status: number; body: Json }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${toolkit.standIn.url}/twirp/${ARTIFACT_SERVICE}/${method}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body)
  })
  return { status: res.status, body: (await res.json()) as Json }
}

async function rest(job: Job, route: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${toolkit.standIn.url}/api${route}`, {
    redirect: 'manual',
    ...init,
    headers: { authorization: `token ${job.token}`, accept: 'application/vnd.github+json' }
  })
}

/** Uploads one zipped file as `name` with the real client; returns the id and the bytes. */
async function uploadZip(name: string): Promise<{ id: number; bytes: Buffer }> {
  const dir = await freshDir('up')
  const bytes = randomBytes(4096)
  await writeFile(path.join(dir, 'data.bin'), bytes)
  const { id } = await toolkit.client.uploadArtifact(name, [path.join(dir, 'data.bin')], dir)
  if (id === undefined) throw new Error('upload returned no id')
  return { id, bytes }
}

describe('artifact service with @actions/artifact', () => {
  test('zip and skipArchive uploads list and download byte-identical', async () => {
    const { run, job } = newRunJob()
    const dir = await freshDir('src')
    const a = randomBytes(100_000)
    const b = Buffer.from('{"step":3}\n')
    await mkdir(path.join(dir, 'sub'))
    await writeFile(path.join(dir, 'sub', 'a.bin'), a)
    await writeFile(path.join(dir, 'state.json'), b)

    const zipped = await toolkit.client.uploadArtifact(
      'ckpt-1',
      [path.join(dir, 'sub', 'a.bin')],
      dir
    )
    // skipArchive names the artifact after the file, whatever name is passed.
    const raw = await toolkit.client.uploadArtifact(
      'ignored',
      [path.join(dir, 'state.json')],
      dir,
      {
        skipArchive: true
      }
    )

    const { artifacts } = await toolkit.client.listArtifacts()
    expect(artifacts.map(x => x.name).sort()).toEqual(['ckpt-1', 'state.json'])
    const listedZip = artifacts.find(x => x.name === 'ckpt-1')
    const listedRaw = artifacts.find(x => x.name === 'state.json')
    expect(listedZip?.id).toBe(zipped.id)
    expect(listedZip?.digest).toBe(`sha256:${String(zipped.digest)}`)
    expect(listedRaw?.digest).toBe(`sha256:${sha256(b)}`)
    expect(listedRaw?.size).toBe(b.length)

    const stored = toolkit.standIn.listArtifacts(run)
    expect(stored.map(x => [x.name, x.mimeType, x.attempt, x.jobBackendId]).sort()).toEqual([
      ['ckpt-1', 'application/zip', 1, job.jobBackendId],
      ['state.json', 'application/json', 1, job.jobBackendId]
    ])

    const unzipped = await freshDir('dl')
    await toolkit.client.downloadArtifact(Number(zipped.id), { path: unzipped })
    expect(await readFile(path.join(unzipped, 'sub', 'a.bin'))).toEqual(a)

    // skipDecompress keeps the zip, named after Content-Disposition: <name>.zip.
    const kept = await freshDir('dl')
    await toolkit.client.downloadArtifact(Number(zipped.id), { path: kept, skipDecompress: true })
    expect(await readdir(kept)).toEqual(['ckpt-1.zip'])
    expect(sha256(await readFile(path.join(kept, 'ckpt-1.zip')))).toBe(zipped.digest)

    for (const skipDecompress of [false, true]) {
      const out = await freshDir('dl')
      await toolkit.client.downloadArtifact(Number(raw.id), { path: out, skipDecompress })
      expect(await readdir(out)).toEqual(['state.json'])
      expect(await readFile(path.join(out, 'state.json'))).toEqual(b)
    }
  })

  test('a re-run keeps the run ids, gets a new job id, sees earlier artifacts, and a reused name is 409', async () => {
    const { run, job } = newRunJob()
    await uploadZip('dup')
    const rerun = toolkit.standIn.startJob(run, { attempt: 2, job: 'pipeline' })
    expect(rerun.runId).toBe(job.runId)
    expect(rerun.runBackendId).toBe(job.runBackendId)
    expect(rerun.jobBackendId).not.toBe(job.jobBackendId)
    expect(rerun.env.GITHUB_RUN_ATTEMPT).toBe('2')
    useJob(rerun)

    const { artifacts } = await toolkit.client.listArtifacts()
    expect(artifacts.map(x => x.name)).toEqual(['dup'])
    await expect(uploadZip('dup')).rejects.toThrow(
      /\(409\) Conflict: an artifact with this name already exists on the workflow run/
    )
  })

  test('the service refuses bad names, wrong versions, bad tokens and other runs', async () => {
    const { job } = newRunJob()
    const ids = {
      workflow_run_backend_id: job.runBackendId,
      workflow_job_run_backend_id: job.jobBackendId
    }
    const create = { ...ids, version: 7, mime_type: 'application/zip' }
    for (const name of [
      '',
      'a/b',
      'a\\b',
      'a:b',
      'a?b',
      'a*b',
      'a|b',
      'a<b',
      'a>b',
      'a"b',
      'a\nb'
    ]) {
      const res = await twirp('CreateArtifact', { ...create, name }, job.runtimeToken)
      expect([name, res.status, res.body.code]).toEqual([name, 400, 'invalid_argument'])
    }
    const old = await twirp(
      'CreateArtifact',
      { ...create, name: 'x', version: 4 },
      job.runtimeToken
    )
    expect(old.status).toBe(400)

    expect((await twirp('ListArtifacts', ids)).status).toBe(401)
    expect((await twirp('ListArtifacts', ids, 'not.a.jwt')).status).toBe(401)
    const other = toolkit.standIn.startJob(
      toolkit.standIn.createRun({ repository: 'octo/other' }),
      { attempt: 1 }
    )
    const foreign = await twirp('ListArtifacts', ids, other.runtimeToken)
    expect(foreign).toEqual({
      status: 401,
      body: { code: 'unauthenticated', msg: expect.stringContaining('workflow_run_backend_id') }
    })
  })

  test('at most 500 artifacts per job', async () => {
    const { job } = newRunJob()
    const create = (name: string) =>
      twirp(
        'CreateArtifact',
        {
          workflow_run_backend_id: job.runBackendId,
          workflow_job_run_backend_id: job.jobBackendId,
          name,
          version: 7
        },
        job.runtimeToken
      )
    for (let i = 0; i < 500; i++) expect((await create(`a-${String(i)}`)).status).toBe(200)
    const refused = await create('a-500')
    expect(refused.status).toBe(400)
    expect(refused.body.msg).toMatch(/at most 500 artifacts/)
  })

  test('finalize refuses a digest or size that does not match the uploaded bytes', async () => {
    const { run, job } = newRunJob()
    const ids = {
      workflow_run_backend_id: job.runBackendId,
      workflow_job_run_backend_id: job.jobBackendId
    }
    const created = await twirp(
      'CreateArtifact',
      { ...ids, name: 'checked', version: 7, mime_type: 'application/octet-stream' },
      job.runtimeToken
    )
    expect(created.status).toBe(200)
    const bytes = randomBytes(1000)
    await new BlockBlobClient(String(created.body.signed_upload_url)).uploadData(bytes)

    const finalize = (size: number, hash: string) =>
      twirp(
        'FinalizeArtifact',
        { ...ids, name: 'checked', size: String(size), hash },
        job.runtimeToken
      )
    const wrongHash = await finalize(bytes.length, `sha256:${sha256(Buffer.from('other'))}`)
    expect(wrongHash).toEqual({
      status: 400,
      body: { code: 'invalid_argument', msg: expect.stringContaining('digest mismatch') }
    })
    expect((await finalize(999, `sha256:${sha256(bytes)}`)).status).toBe(400)
    expect(toolkit.standIn.listArtifacts(run)).toEqual([])

    const ok = await finalize(bytes.length, `sha256:${sha256(bytes)}`)
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ ok: true, artifact_id: expect.stringMatching(/^\d+$/) })
    expect(toolkit.standIn.listArtifacts(run)).toMatchObject([
      { name: 'checked', size: 1000, digest: `sha256:${sha256(bytes)}` }
    ])
  })

  test('signed-URL 404 for earlier attempts; the REST findBy path still downloads', async () => {
    const { run } = newRunJob()
    const first = await uploadZip('ckpt-attempt-1')
    const rerun = toolkit.standIn.startJob(run, { attempt: 2, job: 'pipeline' })
    useJob(rerun)
    toolkit.standIn.faults.signedUrl404ForEarlierAttempts = true
    try {
      const own = await uploadZip('ckpt-attempt-2')
      await expect(
        toolkit.client.downloadArtifact(first.id, { path: await freshDir('dl') })
      ).rejects.toThrow(
        'Failed to GetSignedArtifactURL: Received non-retryable error: Failed request: (404) Not Found: workflow run not found'
      )
      const ownDir = await freshDir('dl')
      await toolkit.client.downloadArtifact(own.id, { path: ownDir })
      expect(await readFile(path.join(ownDir, 'data.bin'))).toEqual(own.bytes)

      const findBy = {
        token: rerun.token,
        workflowRunId: run.runId,
        repositoryOwner: 'octo',
        repositoryName: 'pipeline'
      }
      const found = await toolkit.client.getArtifact('ckpt-attempt-1', { findBy })
      expect(found.artifact.id).toBe(first.id)
      const out = await freshDir('dl')
      await toolkit.client.downloadArtifact(first.id, { path: out, findBy })
      expect(await readFile(path.join(out, 'data.bin'))).toEqual(first.bytes)
    } finally {
      toolkit.standIn.faults.signedUrl404ForEarlierAttempts = false
    }
  })

  test.each(['flip', 'truncate'] as const)(
    'corruptArtifact (%s) changes the bytes, not the digest',
    async mode => {
      const { run } = newRunJob()
      const { id } = await uploadZip(`fragile-${mode}`)
      const [listed] = toolkit.standIn.listArtifacts(run)
      await toolkit.standIn.corruptArtifact(run, `fragile-${mode}`, { mode })
      expect(toolkit.standIn.listArtifacts(run)[0]?.digest).toBe(listed?.digest)

      const out = await freshDir('dl')
      const result = await toolkit.client.downloadArtifact(id, {
        path: out,
        skipDecompress: true,
        expectedHash: listed?.digest
      })
      expect(result.digestMismatch).toBe(true)
      const bytes = await readFile(path.join(out, `fragile-${mode}.zip`))
      expect(`sha256:${sha256(bytes)}`).not.toBe(listed?.digest)
    }
  )
})

describe("the action's own zip writer and uploader, read by @actions/artifact", () => {
  // What download-artifact does with a checkpoint's files archive: the toolkit downloads it
  // and unzips it as a stream (unzip-stream), entries with data descriptors included.
  test.each([
    ['stored, one Put Blob', { level: 0 }, 2 * 1024 * 1024],
    ['deflated, one Put Blob', { level: 1 }, 2 * 1024 * 1024],
    ['stored in 8 MiB blocks, zip64 records', { level: 0, forceZip64: true }, 18 * 1024 * 1024]
  ])('%s: downloadArtifact unzips every file byte-identical', async (_, options, large) => {
    const { job } = newRunJob()
    const dir = await freshDir('packed')
    const files: Record<string, Buffer> = {
      'big/large.bin': randomBytes(large),
      'notes.txt': Buffer.from('text that deflates\n'.repeat(5000)),
      'deep/er/small.bin': randomBytes(3000),
      'empty.txt': Buffer.alloc(0)
    }
    const sources = []
    for (const [name, bytes] of Object.entries(files)) {
      const absolute = path.join(dir, name)
      await mkdir(path.dirname(absolute), { recursive: true })
      await writeFile(absolute, bytes)
      sources.push({
        name,
        path: name,
        absolute,
        mode: 0o644,
        mtime: new Date(),
        size: bytes.length
      })
    }
    const ids = {
      workflow_run_backend_id: job.runBackendId,
      workflow_job_run_backend_id: job.jobBackendId
    }
    const name = path.basename(dir)
    const created = await twirp(
      'CreateArtifact',
      { ...ids, name, version: 7, mime_type: 'application/zip' },
      job.runtimeToken
    )
    const packer = new ZipPacker(sources, options)
    const uploaded = await uploadStream(
      () => Promise.resolve(String(created.body.signed_upload_url)),
      packer.bytes(),
      { contentType: 'application/zip', what: name }
    )
    const finalized = await twirp(
      'FinalizeArtifact',
      { ...ids, name, size: String(uploaded.size), hash: uploaded.digest },
      job.runtimeToken
    )
    expect(finalized.status).toBe(200)

    const out = await freshDir('unzipped')
    await toolkit.client.downloadArtifact(Number(finalized.body.artifact_id), { path: out })
    for (const [file, bytes] of Object.entries(files)) {
      expect(sha256(await readFile(path.join(out, file)))).toBe(sha256(bytes))
    }
  })
})

describe('REST endpoints', () => {
  test('lists run artifacts with paging and name filter, redirects zip downloads', async () => {
    const { run, job } = newRunJob()
    const uploaded = [await uploadZip('r-1'), await uploadZip('r-2')]
    const base = `/repos/octo/pipeline/actions/runs/${String(run.runId)}/artifacts`

    const page = await rest(job, `${base}?per_page=1&page=1`)
    expect(page.status).toBe(200)
    expect(page.headers.get('link')).toContain('rel="next"')
    const body = (await page.json()) as { total_count: number; artifacts: Json[] }
    expect(body.total_count).toBe(2)
    expect(body.artifacts).toHaveLength(1)

    const named = (await (await rest(job, `${base}?name=r-1`)).json()) as { artifacts: Json[] }
    expect(named.artifacts).toEqual([
      expect.objectContaining({
        id: uploaded[0]?.id,
        name: 'r-1',
        expired: false,
        digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        workflow_run: expect.objectContaining({
          id: run.runId,
          head_branch: 'main',
          head_sha: run.sha
        })
      })
    ])

    const zip = await rest(
      job,
      `/repos/octo/pipeline/actions/artifacts/${String(uploaded[0]?.id)}/zip`
    )
    expect(zip.status).toBe(302)
    const blob = await fetch(String(zip.headers.get('location')))
    expect(blob.headers.get('content-type')).toBe('application/zip')
    const bytes = Buffer.from(await blob.arrayBuffer())
    expect(`sha256:${sha256(bytes)}`).toBe(named.artifacts[0]?.digest)

    const single = await rest(
      job,
      `/repos/octo/pipeline/actions/artifacts/${String(uploaded[1]?.id)}`
    )
    expect(((await single.json()) as Json).name).toBe('r-2')
  })

  test('refuses missing tokens and answers 404 for unknown repos, runs and artifacts', async () => {
    const { run, job } = newRunJob()
    const anonymous = await fetch(
      `${toolkit.standIn.url}/api/repos/octo/pipeline/actions/runs/${String(run.runId)}/artifacts`
    )
    expect(anonymous.status).toBe(401)
    expect((await rest(job, '/repos/octo/nope/actions/runs/1/artifacts')).status).toBe(404)
    expect((await rest(job, '/repos/octo/pipeline/actions/runs/1/artifacts')).status).toBe(404)
    expect((await rest(job, '/repos/octo/pipeline/actions/artifacts/1/zip')).status).toBe(404)
  })

  test('lists workflow runs filtered by branch and status', async () => {
    const repository = 'octo/runs-list'
    const done = toolkit.standIn.createRun({ repository, workflow: 'build.yml' })
    toolkit.standIn.completeRun(done, 'failure')
    const feature = toolkit.standIn.createRun({
      repository,
      workflow: 'build.yml',
      ref: 'refs/heads/feat'
    })
    const job = toolkit.standIn.startJob(feature, { attempt: 1 })
    const list = async (query: string) => {
      const res = await rest(job, `/repos/${repository}/actions/workflows/build.yml/runs${query}`)
      const body = (await res.json()) as { workflow_runs: { id: number }[] }
      return body.workflow_runs.map(r => r.id)
    }
    expect(await list('')).toEqual([feature.runId, done.runId])
    expect(await list('?branch=main')).toEqual([done.runId])
    expect(await list('?status=failure')).toEqual([done.runId])
    expect(await list('?status=in_progress')).toEqual([feature.runId])
  })
})

describe('cache v2 service with @actions/cache', () => {
  test('save, immutable keys, restore by key and by restore-key prefix, branch scopes', async () => {
    newRunJob()
    const dir = await freshDir('cache')
    const target = path.join(dir, 'deps.txt')
    await writeFile(target, 'first')
    expect(await toolkit.cache.saveCache([dir], 'deps-linux-aaa')).toBeGreaterThan(0)
    output.length = 0
    expect(await toolkit.cache.saveCache([dir], 'deps-linux-aaa')).toBe(-1)
    expect(output.join('')).toContain('Unable to reserve cache with key deps-linux-aaa')
    await writeFile(target, 'second')
    expect(await toolkit.cache.saveCache([dir], 'deps-linux-bbb')).toBeGreaterThan(0)

    await rm(target)
    expect(await toolkit.cache.restoreCache([dir], 'deps-linux-aaa')).toBe('deps-linux-aaa')
    expect(await readFile(target, 'utf8')).toBe('first')
    expect(await toolkit.cache.restoreCache([dir], 'deps-linux-zzz', ['deps-linux-'])).toBe(
      'deps-linux-bbb'
    )
    expect(await readFile(target, 'utf8')).toBe('second')
    expect(await toolkit.cache.restoreCache([dir], 'deps-mac')).toBeUndefined()
    // Different paths make a different version: no hit.
    expect(await toolkit.cache.restoreCache([target], 'deps-linux-aaa')).toBeUndefined()

    // A feature branch reads the default branch's entries; main does not read the feature's.
    newRunJob({ ref: 'refs/heads/feature' })
    expect(await toolkit.cache.restoreCache([dir], 'deps-linux-aaa')).toBe('deps-linux-aaa')
    expect(await toolkit.cache.saveCache([dir], 'feature-only')).toBeGreaterThan(0)
    newRunJob()
    expect(await toolkit.cache.restoreCache([dir], 'feature-only')).toBeUndefined()
  })
})

describe('cache v1 service (GHES) with @actions/cache', () => {
  test('save in chunks, immutable keys, restore by exact key, branch scopes', async () => {
    const ghes = (options: { ref?: string } = {}): void => {
      newRunJob(options)
      // GHES: the client takes the v1 REST service at ACTIONS_CACHE_URL by itself.
      process.env.GITHUB_SERVER_URL = 'https://ghes.example.com'
      Reflect.deleteProperty(process.env, 'ACTIONS_CACHE_SERVICE_V2')
    }
    try {
      ghes()
      const dir = await freshDir('cache-v1')
      const target = path.join(dir, 'deps.txt')
      const bytes = randomBytes(300_000)
      await writeFile(target, bytes)
      toolkit.standIn.resetRequests()
      expect(
        await toolkit.cache.saveCache([dir], 'ghes-deps-1', { uploadChunkSize: 64 * 1024 })
      ).toBeGreaterThan(0)
      const paths = toolkit.standIn.requests
        .filter(r => r.service === 'cache')
        .map(r => `${r.method} ${r.rpc ?? ''}`)
      expect(paths[0]).toBe('POST caches')
      expect(paths.filter(p => p === 'PATCH caches').length).toBeGreaterThan(1)
      expect(paths.at(-1)).toBe('POST caches')
      output.length = 0
      expect(await toolkit.cache.saveCache([dir], 'ghes-deps-1')).toBe(-1)
      expect(output.join('')).toContain('Unable to reserve cache with key ghes-deps-1')

      await rm(target)
      expect(await toolkit.cache.restoreCache([dir], 'ghes-deps-1')).toBe('ghes-deps-1')
      expect((await readFile(target)).equals(bytes)).toBe(true)
      expect(await toolkit.cache.restoreCache([dir], 'ghes-deps-2')).toBeUndefined()
      ghes({ ref: 'refs/heads/feature' })
      expect(await toolkit.cache.restoreCache([dir], 'ghes-deps-1')).toBe('ghes-deps-1')
      expect(await toolkit.cache.saveCache([dir], 'ghes-feature')).toBeGreaterThan(0)
      ghes()
      expect(await toolkit.cache.restoreCache([dir], 'ghes-feature')).toBeUndefined()
    } finally {
      process.env.GITHUB_SERVER_URL = 'https://github.com'
    }
  })
})

describe('request log', () => {
  test('records arrival number, service, method, path without query, and status', async () => {
    const { run, job } = newRunJob()
    toolkit.standIn.resetRequests()
    const before = toolkit.standIn.requestCount
    await rest(job, `/repos/octo/pipeline/actions/runs/${String(run.runId)}/artifacts?per_page=5`)
    expect(toolkit.standIn.requests).toEqual([
      {
        seq: before + 1,
        service: 'rest',
        method: 'GET',
        path: `/api/repos/octo/pipeline/actions/runs/${String(run.runId)}/artifacts`,
        status: 200
      }
    ])
  })
})

describe('recordings', () => {
  test('keep headers, the query without signature values, and the bodies, until stopped', async () => {
    const { job } = newRunJob()
    const dir = await freshDir('rec')
    const document = '{"step":1}\n'
    await writeFile(path.join(dir, 'state.json'), document)
    const recording = toolkit.standIn.record()
    await toolkit.client.uploadArtifact('state.json', [path.join(dir, 'state.json')], dir, {
      skipArchive: true
    })
    recording.stop()
    await toolkit.client.listArtifacts()

    const requests = recording.requests()
    expect(requests.map(r => r.rpc ?? r.operation)).toEqual([
      'CreateArtifact',
      'PutBlock',
      'PutBlockList',
      'FinalizeArtifact'
    ])
    const [create, block, list] = requests
    expect(create).toMatchObject({
      service: 'artifact',
      method: 'POST',
      query: {},
      caller: { runBackendId: job.runBackendId, jobBackendId: job.jobBackendId },
      json: { name: 'state.json', version: 7, mime_type: 'application/json' },
      status: 200
    })
    expect(create?.headers).toMatchObject({
      authorization: 'Bearer <redacted>',
      'content-type': 'application/json'
    })
    expect(JSON.stringify(requests)).not.toContain(job.runtimeToken)
    expect(block).toMatchObject({
      service: 'blob',
      method: 'PUT',
      query: { sig: '<redacted>', sv: '<redacted>', comp: 'block' },
      bodySize: document.length,
      text: document,
      status: 201
    })
    expect(block?.query.blockid).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(list?.text).toContain(`<Latest>${String(block?.query.blockid)}</Latest>`)
    expect(list?.headers['x-ms-blob-content-type']).toBe('application/json')
  })

  test('each recording sees only the requests that arrive while it runs', async () => {
    newRunJob()
    const first = toolkit.standIn.record()
    await toolkit.client.listArtifacts()
    const second = toolkit.standIn.record()
    await toolkit.client.listArtifacts()
    first.stop()
    second.stop()
    expect(first.requests().map(r => r.rpc)).toEqual(['ListArtifacts', 'ListArtifacts'])
    expect(second.requests().map(r => r.rpc)).toEqual(['ListArtifacts'])
    expect(second.requests()[0]?.seq).toBe(first.requests()[1]?.seq)
  })
})
