import * as http from 'node:http'
import type { ClientRequest, IncomingMessage } from 'node:http'
import * as https from 'node:https'
import packageJson from '../../package.json' with { type: 'json' }
import { CONNECT_TIMEOUT_MS } from './config.js'
import { HttpStatusError, TransferInterruptedError } from './service-errors.js'

// The transport's one HTTP client, on node:http: its streams hand the socket's Buffers over as
// they are, where fetch copies every chunk into and out of web streams. It uses the global
// agents, so the runner's proxy settings apply as they did to fetch (on Node 24 with
// NODE_USE_ENV_PROXY=1, HTTP_PROXY/HTTPS_PROXY/NO_PROXY; without it, none).

/**
 * The action's version, sent in every request's User-Agent and printed by `checkpoint-action
 * --version`: package.json's, copied into each bundle when it is built (the bundles do not ship
 * package.json where they could read it).
 */
export const ACTION_VERSION: string = packageJson.version

/** Names the action and its version to every service it calls (the official client sends its own). */
export const USER_AGENT = `checkpoint-action/${ACTION_VERSION}`

/**
 * The `code` of the error a connection not accepted within CONNECT_TIMEOUT_MS fails with: the
 * request never reached the service, so any call may be sent again.
 */
export const CONNECT_TIMEOUT_CODE = 'CONNECT_TIMEOUT'

/** What {@link request} sends, and how long it waits. */
export interface HttpRequest {
  /** GET when left out. */
  method?: string
  headers?: Record<string, string>
  /**
   * The body, sent with its Content-Length: one Buffer, or a list of them written as they are
   * (a block's chunks reach the socket without being copied into one Buffer first).
   */
  body?: Buffer | readonly Buffer[]
  /** The whole exchange, from connecting to the answer's last byte, is given up after this long. */
  timeoutMs?: number
  /** What the error says then; "no answer within <timeoutMs> ms" when left out. */
  silence?: string
  /** Given up when the connection carries nothing for this long (a download's idle timeout). */
  idleMs?: number
  /** The statuses that are answers (any 2xx when left out); any other is thrown. */
  accept?: readonly number[]
  /**
   * Follows one redirect of a GET, telling this callback the location first (it masks a signed
   * URL before anything can log it). The headers go along to the same origin only: the blob host
   * a REST artifact download redirects to gets no token, its signed URL is its own authorization.
   */
  redirected?: (location: string) => void
}

/**
 * One request with the action's User-Agent. Resolves once the answer's headers have come; its
 * body is a stream the caller reads ({@link readBody} reads it whole), and the timers stay armed
 * while it is read.
 * @throws HttpStatusError for a status `accept` does not list, its body read for the message
 * @throws TransferInterruptedError when the time or the idle timeout runs out
 * @throws the socket's own errors (ECONNREFUSED, ECONNRESET...), and {@link CONNECT_TIMEOUT_CODE}
 */
export async function request(url: string, options: HttpRequest = {}): Promise<IncomingMessage> {
  const target = new URL(url)
  let response = await exchange(target, options)
  const location = response.headers.location
  const get = (options.method ?? 'GET') === 'GET'
  if (options.redirected && get && isRedirect(response.statusCode) && location !== undefined) {
    response.resume()
    const next = new URL(location, target)
    options.redirected(next.href)
    const headers = next.origin === target.origin ? options.headers : {}
    response = await exchange(next, { ...options, headers })
  }
  const status = response.statusCode ?? 0
  if (!(options.accept?.includes(status) ?? (status >= 200 && status < 300))) {
    throw await statusError(response)
  }
  return response
}

function isRedirect(status: number | undefined): boolean {
  return [301, 302, 303, 307, 308].includes(status ?? 0)
}

/** Sends one request and waits for the answer's headers. */
function exchange(target: URL, options: HttpRequest): Promise<IncomingMessage> {
  const body =
    options.body === undefined ? [] : Buffer.isBuffer(options.body) ? [options.body] : options.body
  const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...options.headers }
  if (options.body !== undefined) {
    headers['Content-Length'] = String(body.reduce((sum, chunk) => sum + chunk.length, 0))
  }
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : http
    const outgoing = client.request(target, { method: options.method ?? 'GET', headers })
    outgoing.on('error', reject)
    outgoing.on('response', resolve)
    armTimers(outgoing, options)
    for (const chunk of body) outgoing.write(chunk)
    outgoing.end()
  })
}

/** Arms a request's timeouts: the whole exchange's, the idle one, the connection's. */
function armTimers(outgoing: ClientRequest, options: HttpRequest): void {
  const timers = new RequestTimers(outgoing)
  if (options.timeoutMs !== undefined) {
    const ms = Math.max(1, Math.round(options.timeoutMs))
    const silence = options.silence ?? `no answer within ${ms} ms`
    timers.after(ms, () => new TransferInterruptedError(silence))
  }
  const idleMs = options.idleMs
  if (idleMs !== undefined) {
    outgoing.setTimeout(idleMs, () => {
      timers.fail(new TransferInterruptedError(`got no data for ${idleMs / 1000} s`))
    })
  }
  outgoing.on('socket', socket => {
    // A socket the agent kept alive is connected already.
    if (!socket.connecting) return
    const timer = timers.after(CONNECT_TIMEOUT_MS, connectTimeout)
    socket.once('connect', () => {
      clearTimeout(timer)
    })
  })
}

/**
 * The timers of one request: one that runs out destroys the request, and its answer once there
 * is one, with an error that says which ran out. All of them stop when the answer closes.
 */
class RequestTimers {
  private answer: IncomingMessage | undefined
  private readonly timers: NodeJS.Timeout[] = []

  constructor(private readonly outgoing: ClientRequest) {
    outgoing.on('response', response => {
      this.answer = response
      response.once('close', () => {
        this.stop()
      })
    })
    outgoing.once('close', () => {
      if (this.answer === undefined) this.stop()
    })
  }

  /** Fails the request with `error()` after `ms`, unless stopped first. */
  after(ms: number, error: () => Error): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.fail(error())
    }, ms)
    this.timers.push(timer)
    return timer
  }

  fail(error: Error): void {
    this.answer?.destroy(error)
    this.outgoing.destroy(error)
  }

  private stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
  }
}

function connectTimeout(): Error {
  return Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`), {
    code: CONNECT_TIMEOUT_CODE
  })
}

/**
 * The chunks of an answer's body as they arrive; one that ends before its last byte is an error.
 * The answer is destroyed when the reader stops early, so its connection is not reused half read.
 */
export async function* bodyChunks(response: IncomingMessage): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of response) yield chunk as Buffer
    if (!response.complete) {
      throw new TransferInterruptedError('the answer ended before its last byte')
    }
  } finally {
    response.destroy()
  }
}

/** An answer's whole body. */
export async function readBody(response: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of bodyChunks(response)) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** An error answer as a {@link HttpStatusError}: its status, what its body says, its Retry-After. */
async function statusError(response: IncomingMessage): Promise<HttpStatusError> {
  const body = await readBody(response).catch(() => Buffer.alloc(0))
  return new HttpStatusError(
    response.statusCode ?? 0,
    detailOf(body.toString('utf8')) || (response.statusMessage ?? ''),
    retryAfterMs(response.headers['retry-after'])
  )
}

/** What an error body says, short: a Twirp `msg`, a REST `message`, Azure's `<Message>`. */
function detailOf(text: string): string {
  let detail = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? text
  try {
    const body = JSON.parse(text) as { msg?: unknown; message?: unknown }
    const said = body.msg ?? body.message
    if (typeof said === 'string') detail = said
  } catch {
    // Not JSON: the text itself.
  }
  detail = detail.replace(/\s+/g, ' ').trim()
  return detail.length > 200 ? `${detail.slice(0, 197)}...` : detail
}

/**
 * How long a `Retry-After` header asks to wait, in ms: a number of seconds or an HTTP date
 * (a date in the past asks for no wait). Undefined when absent or unreadable.
 */
export function retryAfterMs(
  header: string | null | undefined,
  now = Date.now()
): number | undefined {
  const text = (header ?? '').trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  // An HTTP date names its day and month ("Tue, 24 Nov 2026 10:00:30 GMT"); Date.parse would
  // read "-5" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * What of a signed URL must be masked in the log: its `sig` value, raw and URL-encoded, as the
 * official client masks them. The rest of the URL (account, path, expiry) is not secret.
 */
export function signatureSecrets(url: string): string[] {
  let signature: string | null
  try {
    signature = new URL(url).searchParams.get('sig')
  } catch {
    return []
  }
  return signature ? [...new Set([signature, encodeURIComponent(signature)])] : []
}
