// The artifact store against a small fake of the artifact service and blob storage: what it
// sends (User-Agent, blocks in flight) and what it checks in the answers (ok, artifact ids,
// signed URLs masked before use).
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { stepLog } from '../../src/action/step-log.js'
import { ArtifactStore, artifactLimitError } from '../../src/transport/artifact-store.js'
import { uploadStream } from '../../src/transport/blob-transfer.js'
import { ServiceError } from '../../src/transport/service-errors.js'
import { USER_AGENT } from '../../src/transport/http.js'

const SIG = 'S3cr3t+sig/='
const saved = { ...process.env }

/** One request the fake saw. */
interface Seen {
  method: string
  path: string
  userAgent: string | undefined
}

/** The fake service: Twirp answers per method, blob PUTs answered 201, all requests logged. */
class FakeService {
  server!: Server
  seen: Seen[] = []
  answers: Record<string, object> = {}
  /** Bodies answered (with 200) before `answers`, first one first, per method. */
  broken: Record<string, string[]> = {}
  /** Called for each blob PUT before it is answered; returns when it may be answered. */
  onPut: (req: IncomingMessage) => Promise<void> = () => Promise.resolve()
  events: string[] = []

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req, res)
    })
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? ''
    this.seen.push({ method: req.method ?? '', path, userAgent: req.headers['user-agent'] })
    await discard(req)
    if (req.method === 'PUT') {
      this.events.push(`PUT ${req.url ?? ''}`)
      await this.onPut(req)
      res.writeHead(201).end()
      return
    }
    const method = path.split('/').pop() ?? ''
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(this.broken[method]?.shift() ?? JSON.stringify(this.answers[method] ?? {}))
  }

  /** What CreateArtifact answers by default: a signed URL with a `sig`. */
  signedUploadUrl(): string {
    return `${this.url}/blob/artifact?sv=2024&sr=b&sp=cw&sig=${encodeURIComponent(SIG)}`
  }
}

const fake = new FakeService()

async function discard(req: IncomingMessage): Promise<void> {
  req.resume()
  await once(req, 'end')
}

beforeAll(async () => {
  await fake.start()
})

afterAll(async () => {
  fake.server.closeAllConnections()
  await new Promise(resolve => fake.server.close(resolve))
})

afterEach(() => {
  process.env = { ...saved }
  fake.seen = []
  fake.events = []
  fake.broken = {}
  fake.onPut = () => Promise.resolve()
  jest.restoreAllMocks()
})

function store(): ArtifactStore {
  const scp = Buffer.from(JSON.stringify({ scp: 'Actions.Results:run-1:job-1' })).toString(
    'base64url'
  )
  process.env.ACTIONS_RUNTIME_TOKEN = `e30.${scp}.sig`
  process.env.ACTIONS_RESULTS_URL = `${fake.url}/`
  process.env.GITHUB_SERVER_URL = 'https://github.com'
  const context = {
    workspace: '/tmp',
    runnerTemp: '/tmp',
    run: { runId: '1', attempt: 1 },
    repository: undefined
  }
  return new ArtifactStore(context, '', stepLog)
}

/**
 * Records what the step prints (where ::add-mask:: goes) in the fake's event list, with the
 * escapes of workflow commands undone as the runner undoes them.
 */
function watchStdout(): void {
  jest.spyOn(process.stdout, 'write').mockImplementation(text => {
    const line = String(text).trim().replace(/%0D/g, '\r').replace(/%0A/g, '\n')
    fake.events.push(`stdout ${line.replace(/%25/g, '%')}`)
    return true
  })
}

describe('what the store sends', () => {
  it('every request, to the service and to blob storage, names the action and its version', async () => {
    fake.answers = {
      CreateArtifact: { ok: true, signed_upload_url: fake.signedUploadUrl() },
      FinalizeArtifact: { ok: true, artifact_id: '42' }
    }
    watchStdout()
    const uploaded = await store().uploadDocument('doc.json', '{}', { retentionDays: undefined })
    expect(uploaded.id).toBe(42)
    expect(fake.seen.map(request => request.path)).toEqual([
      '/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact',
      '/blob/artifact',
      '/twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact'
    ])
    expect(fake.seen.map(request => request.userAgent)).toEqual(Array(3).fill(USER_AGENT))
  })

  it("masks a signed URL's sig, raw and URL-encoded, before the URL is used", async () => {
    fake.answers = {
      CreateArtifact: { ok: true, signed_upload_url: fake.signedUploadUrl() },
      FinalizeArtifact: { ok: true, artifact_id: '42' }
    }
    watchStdout()
    await store().uploadDocument('doc.json', '{}', { retentionDays: undefined })
    const masks = [`stdout ::add-mask::${SIG}`, `stdout ::add-mask::${encodeURIComponent(SIG)}`]
    const put = fake.events.findIndex(event => event.startsWith('PUT '))
    expect(fake.events.slice(0, put)).toEqual(expect.arrayContaining(masks))
    const printed = fake.events.filter(e => e.startsWith('stdout') && !masks.includes(e))
    expect(printed.filter(line => line.includes(SIG) || line.includes('sig='))).toEqual([])
  })

  it('keeps ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY blocks in flight, no more', async () => {
    process.env.ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY = '3'
    const blocks = 7
    const held: (() => void)[] = []
    let arrived = 0
    let pulled = 0
    /** Chunks the upload had read from its source each time three blocks were held. */
    const pulledWhenFull: [number, number][] = []
    // A block is answered once three are waiting (the oldest first), or once all have come.
    // While three wait, the upload must not read a fourth block from its source.
    fake.onPut = req =>
      new Promise(resolve => {
        if (!(req.url ?? '').includes('comp=block&')) {
          resolve()
          return
        }
        held.push(resolve)
        arrived++
        if (held.length === 3) pulledWhenFull.push([arrived, pulled])
        if (arrived === blocks) {
          for (const release of held.splice(0)) release()
        } else if (held.length === 3) held.shift()?.()
      })
    function* source(): Generator<Buffer> {
      for (let index = 0; index < blocks; index++) {
        pulled++
        yield Buffer.alloc(10, index)
      }
    }
    const url = `${fake.url}/blob/big?sig=x`
    const result = await uploadStream(() => Promise.resolve(url), source(), {
      contentType: 'application/zip',
      what: 'Upload of big',
      blockBytes: 10
    })
    expect(result.size).toBe(70)
    expect(arrived).toBe(blocks)
    expect(pulledWhenFull).toEqual([
      [3, 3],
      [4, 4],
      [5, 5],
      [6, 6],
      [7, 7]
    ])
  })
})

describe('what the store checks in the answers', () => {
  it('CreateArtifact answering ok: false is an error naming the call, and nothing is uploaded', async () => {
    fake.answers = { CreateArtifact: { ok: false } }
    watchStdout()
    const upload = store().uploadDocument('doc.json', '{}', { retentionDays: undefined })
    await expect(upload).rejects.toThrow(ServiceError)
    await expect(upload).rejects.toThrow(
      'Artifact service CreateArtifact answered ok: false for doc.json'
    )
    expect(fake.seen.map(request => request.method)).toEqual(['POST'])
  })

  it('FinalizeArtifact answering ok: false, or no artifact id, is an error, not an id of NaN', async () => {
    watchStdout()
    fake.answers = {
      CreateArtifact: { ok: true, signed_upload_url: fake.signedUploadUrl() },
      FinalizeArtifact: {}
    }
    await expect(
      store().uploadDocument('doc.json', '{}', { retentionDays: undefined })
    ).rejects.toThrow('Artifact service FinalizeArtifact answered ok: false for doc.json')
    fake.answers.FinalizeArtifact = { ok: true }
    await expect(
      store().uploadDocument('doc.json', '{}', { retentionDays: undefined })
    ).rejects.toThrow('Artifact service FinalizeArtifact gave no artifact id for doc.json')
  })

  it('an answer that is not JSON is asked again when the call is safe to repeat, never shown', async () => {
    process.env.CHECKPOINT_RETRY_SCALE = '0.01'
    const half = `{"ok":true,"signed_upload_url":"${fake.signedUploadUrl().slice(0, 60)}`
    fake.broken = { ListArtifacts: [half] }
    fake.answers = { ListArtifacts: { artifacts: [] } }
    watchStdout()
    await expect(store().list()).resolves.toEqual([])
    expect(fake.seen.map(request => request.path.split('/').pop())).toEqual([
      'ListArtifacts',
      'ListArtifacts'
    ])

    fake.broken = { CreateArtifact: [half] }
    const upload = store().uploadDocument('doc.json', '{}', { retentionDays: undefined })
    await expect(upload).rejects.toThrow(
      `Artifact service CreateArtifact failed: answered 200 with ${half.length} characters that are not JSON; not retried (1 attempt)`
    )
    expect(fake.events.filter(event => event.includes('signed_upload_url'))).toEqual([])
  })
})

describe('deleting and the artifact limit', () => {
  it('deletes an artifact of this job by name, with the run and job ids', async () => {
    fake.answers = { DeleteArtifact: { ok: true, artifact_id: '7' } }
    await store().delete('checkpoint.p.a1.s001.n.files')
    expect(fake.seen.map(request => request.path)).toEqual([
      '/twirp/github.actions.results.api.v1.ArtifactService/DeleteArtifact'
    ])
  })

  it("names the service's artifacts-per-job limit when CreateArtifact is refused for it", () => {
    const refusal = new ServiceError(
      'Artifact service CreateArtifact answered 400 (a job may upload at most 20 artifacts; this job already has 20)',
      400
    )
    expect(artifactLimitError(refusal, 'x.json')?.message).toMatch(
      /^the artifact service allows at most 20 artifacts per job.*x\.json was not uploaded/
    )
    expect(artifactLimitError(new ServiceError('answered 503'), 'x.json')).toBeUndefined()
  })

  it('says 500, the limit on github.com, when the refusal gives no number', () => {
    const refusal = new ServiceError('CreateArtifact answered 400 (artifact limit reached)', 400)
    expect(artifactLimitError(refusal, 'x.json')?.message).toMatch(/at most 500 artifacts per job/)
  })
})
