// The transport's HTTP client against local node:http servers: what it sends, what it makes of
// the answers (status errors, redirects, bodies whole or streamed) and how it gives up.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { once } from 'node:events'
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  ACTION_VERSION,
  USER_AGENT,
  bodyChunks,
  readBody,
  request,
  retryAfterMs,
  signatureSecrets
} from '../../src/transport/http.js'
import { HttpStatusError, TransferInterruptedError } from '../../src/transport/service-errors.js'

describe('Retry-After', () => {
  const now = Date.parse('2026-11-24T10:00:00Z')

  it.each([
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    ['1.5', 1500],
    ['Tue, 24 Nov 2026 10:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 09:00:00 GMT', 0]
  ])('%j asks for %i ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms)
  })

  it.each([null, undefined, '', 'soon', '-5'])('%j asks for nothing', header => {
    expect(retryAfterMs(header, now)).toBeUndefined()
  })
})

/** What a server saw of one request, its body read whole. */
async function received(req: IncomingMessage): Promise<Seen> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return {
    method: req.method ?? '',
    url: req.url ?? '',
    headers: req.headers,
    body: Buffer.concat(chunks)
  }
}

type Seen = Pick<IncomingMessage, 'headers'> & { method: string; url: string; body: Buffer }

/** A local server that records every request and answers with `answer`, once its body is in. */
class LocalServer {
  readonly seen: Seen[] = []
  /** Answers held open (never finished) until the server stops. */
  readonly held: ServerResponse[] = []
  private server!: Server

  constructor(
    private readonly answer: (req: Seen, res: ServerResponse, server: LocalServer) => void
  ) {}

  async start(): Promise<void> {
    const listener: RequestListener = (req, res) => {
      void received(req).then(seen => {
        this.seen.push(seen)
        this.answer(seen, res, this)
      })
    }
    this.server = createServer(listener)
    this.server.listen(0, '127.0.0.1')
    await once(this.server, 'listening')
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise(resolve => this.server.close(resolve))
  }
}

/** Where the redirects lead: another origin, which must never see a token. */
const blobHost = new LocalServer((req, res) => {
  res.writeHead(200).end(`blob ${req.url}`)
})

const api = new LocalServer((req, res, server) => {
  const [path = '', query = ''] = req.url.split('?')
  const params = new URLSearchParams(query)
  switch (path) {
    case '/status': {
      const headers = params.has('retry-after')
        ? { 'retry-after': params.get('retry-after') ?? '' }
        : {}
      res.writeHead(Number(params.get('code')), headers).end(params.get('body') ?? '')
      return
    }
    case '/elsewhere':
      res.writeHead(302, { location: `${blobHost.url}/blob?sig=secret` }).end('moved')
      return
    case '/here':
      res.writeHead(301, { location: '/echo' }).end()
      return
    case '/silent':
      server.held.push(res)
      return
    case '/trickle':
      res.writeHead(200, { 'content-length': '100' })
      res.write(Buffer.alloc(10, 1))
      server.held.push(res)
      return
    case '/cut':
      res.writeHead(200, { 'content-length': '100' })
      res.write(Buffer.alloc(10, 1), () => res.destroy())
      return
    case '/chunks':
      res.writeHead(200)
      for (let index = 0; index < 5; index++) res.write(Buffer.alloc(1000, index))
      res.end()
      return
    default:
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ method: req.method, length: req.body.length, text: req.body.toString() })
      )
  }
})

beforeAll(async () => {
  await Promise.all([api.start(), blobHost.start()])
})

afterAll(async () => {
  await Promise.all([api.stop(), blobHost.stop()])
})

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('it did not fail')
}

describe('what the client sends', () => {
  it('a list of Buffers as one body with its Content-Length, not chunked, and the User-Agent', async () => {
    const body = [Buffer.from('block '), Buffer.from('of '), Buffer.from('chunks')]
    const response = await request(`${api.url}/echo`, { method: 'PUT', body })
    expect(JSON.parse((await readBody(response)).toString())).toEqual({
      method: 'PUT',
      length: 15,
      text: 'block of chunks'
    })
    const seen = api.seen.at(-1)
    expect(seen?.headers['content-length']).toBe('15')
    expect(seen?.headers['transfer-encoding']).toBeUndefined()
    expect(seen?.headers['user-agent']).toBe(USER_AGENT)
  })

  it('one Buffer, and the headers it is given', async () => {
    const body = Buffer.from('{"a":1}')
    const headers = { 'Content-Type': 'application/json', Authorization: 'Bearer t' }
    await readBody(await request(`${api.url}/echo`, { method: 'POST', headers, body }))
    expect(api.seen.at(-1)).toMatchObject({
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t',
        'content-length': '7'
      },
      body
    })
  })
})

describe('status errors', () => {
  const status = (code: number, body = '', retryAfter?: string): string => {
    const query = new URLSearchParams({ code: String(code), body })
    if (retryAfter !== undefined) query.set('retry-after', retryAfter)
    return `${api.url}/status?${query.toString()}`
  }

  it('says what a Twirp error says, and reads Retry-After', async () => {
    const body = JSON.stringify({ code: 'unavailable', msg: 'try later' })
    const error = await failure(request(status(429, body, '7')))
    expect(error).toBeInstanceOf(HttpStatusError)
    expect(error).toMatchObject({
      message: 'answered 429, rate limited (try later)',
      status: 429,
      retryAfterMs: 7000
    })
  })

  it("says what Azure's XML and REST's JSON say, and the status text when the body is empty", async () => {
    const xml =
      '<?xml version="1.0"?><Error><Code>ServerBusy</Code><Message>Busy now</Message></Error>'
    expect((await failure(request(status(503, xml)))).message).toBe('answered 503 (Busy now)')
    const rest = JSON.stringify({ message: 'Not Found', documentation_url: 'x' })
    expect((await failure(request(status(404, rest)))).message).toBe('answered 404 (Not Found)')
    expect((await failure(request(status(502)))).message).toBe('answered 502 (Bad Gateway)')
  })

  it('takes the statuses it is told as answers, and only those', async () => {
    const partial = await request(status(206, 'part'), { accept: [200, 206] })
    expect((await readBody(partial)).toString()).toBe('part')
    expect((await failure(request(status(200, 'whole'), { accept: [206] }))).message).toBe(
      'answered 200 (whole)'
    )
  })

  it('a connection refused fails with its code, for the retry helper to read', async () => {
    const closed = new LocalServer(() => undefined)
    await closed.start()
    const url = closed.url
    await closed.stop()
    expect(await failure(request(url))).toMatchObject({ code: 'ECONNREFUSED' })
  })
})

describe('redirects', () => {
  it("follows one to another origin without the request's headers, telling the location first", async () => {
    const told: string[] = []
    const response = await request(`${api.url}/elsewhere`, {
      headers: { Authorization: 'Bearer token' },
      redirected: location => told.push(location)
    })
    expect((await readBody(response)).toString()).toBe('blob /blob?sig=secret')
    expect(told).toEqual([`${blobHost.url}/blob?sig=secret`])
    const seen = blobHost.seen.at(-1)
    expect(seen?.headers.authorization).toBeUndefined()
    expect(seen?.headers['user-agent']).toBe(USER_AGENT)
  })

  it('keeps the headers on the same origin', async () => {
    const response = await request(`${api.url}/here`, {
      headers: { Authorization: 'Bearer token' },
      redirected: () => undefined
    })
    expect(JSON.parse((await readBody(response)).toString())).toMatchObject({ method: 'GET' })
    expect(api.seen.at(-1)).toMatchObject({
      url: '/echo',
      headers: { authorization: 'Bearer token' }
    })
  })

  it('is an error where no redirect is expected', async () => {
    const error = await failure(request(`${api.url}/elsewhere`))
    expect(error).toMatchObject({ status: 302, message: 'answered 302 (moved)' })
  })
})

describe('bodies', () => {
  it('streams the chunks as they come, or reads them whole', async () => {
    const chunks: Buffer[] = []
    for await (const chunk of bodyChunks(await request(`${api.url}/chunks`))) chunks.push(chunk)
    const streamed = Buffer.concat(chunks)
    expect(streamed).toHaveLength(5000)
    expect(streamed.subarray(4000).every(byte => byte === 4)).toBe(true)
    expect(await readBody(await request(`${api.url}/chunks`))).toEqual(streamed)
  })

  it('a body cut short is an error, not a short body', async () => {
    const error = await failure(readBody(await request(`${api.url}/cut`)))
    expect(error).toMatchObject({ code: 'ECONNRESET' })
  })
})

describe('timeouts', () => {
  it('gives up when no answer comes in time, saying so', async () => {
    const error = await failure(request(`${api.url}/silent`, { timeoutMs: 50 }))
    expect(error).toBeInstanceOf(TransferInterruptedError)
    expect(error.message).toBe('no answer within 50 ms')
    const said = await failure(
      request(`${api.url}/silent`, { timeoutMs: 20, silence: 'no answer (upload stalled)' })
    )
    expect(said.message).toBe('no answer (upload stalled)')
  })

  it('keeps the time running while the body is read', async () => {
    const response = await request(`${api.url}/trickle`, { timeoutMs: 200 })
    const error = await failure(readBody(response))
    expect(error).toBeInstanceOf(TransferInterruptedError)
    expect(error.message).toBe('no answer within 200 ms')
  })

  it('gives up a body that stops, after the idle timeout', async () => {
    const response = await request(`${api.url}/trickle`, { idleMs: 50 })
    const error = await failure(readBody(response))
    expect(error).toBeInstanceOf(TransferInterruptedError)
    expect(error.message).toBe('got no data for 0.05 s')
  })
})

describe('signed URLs', () => {
  it("masks a signed URL's sig, raw and URL-encoded, and nothing else", () => {
    const url =
      'https://acct.blob.core.windows.net/c/b?sv=2024&se=2026-11-24&sr=b&sp=r&sig=ab%2Bcd%3D'
    expect(signatureSecrets(url)).toEqual(['ab+cd=', 'ab%2Bcd%3D'])
    expect(signatureSecrets('https://example.com/x?sv=1')).toEqual([])
    expect(signatureSecrets('not a url')).toEqual([])
  })
})

describe('User-Agent', () => {
  it("names the action and package.json's version", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
    expect(USER_AGENT).toBe(`checkpoint-action/${pkg.version}`)
  })
})
