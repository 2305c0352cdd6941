// One node:http server for the Twirp services and the REST API, with a request log and the
// faults of faults.js applied to every request.
import { createServer } from 'node:http'
import {
  beginExchange,
  failureAnswer,
  isOpen,
  resetDuringRequest,
  responseCut,
  sendBody
} from './exchange.js'
import { resetPhase } from './faults.js'
import { RestError, TwirpError, discardBody, parseJson, readBody } from './http.js'
import { CACHE_V1_PREFIX } from './cache-v1.js'
import { API_PREFIX } from './rest.js'
import { credentialFrom } from './token.js'

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.'
const SERVICE_NAMES = { ArtifactService: 'artifact', CacheService: 'cache' }

/**
 * @typedef {{status: number, headers: Record<string, string>, body: Buffer | undefined}} Answer
 */

/**
 * @param {object} deps
 * @param {Record<string, Record<string, (body: any, caller: any) => Promise<object>>>} deps.services
 *   Twirp methods by service name ('ArtifactService', 'CacheService').
 * @param {{handle: (method: string, url: URL, token: string | undefined) => Promise<{status: number, body: unknown, headers: Record<string, string>}>}} deps.rest
 * @param {{handle: (req: import('node:http').IncomingMessage, url: URL, caller: any) => Promise<{status: number, body: unknown}>}} deps.cacheV1
 *   the v1 REST cache service (GHES), under /_apis/artifactcache/
 * @param {(token: string | undefined) => any} deps.callerOf  job of a runtime token, or undefined
 * @param {object[]} deps.requests  the request log, appended to
 * @param {ReturnType<typeof import('./recorder.js').createRecorder>} deps.recorder
 * @param {ReturnType<typeof import('./faults.js').createFaultEngine>} deps.engine
 * @param {(line: string) => void} deps.log
 * @returns {Promise<import('node:http').Server>} listening on 127.0.0.1 with a random port
 */
export function startServer(deps) {
  // requestTimeout 0: a held request whose body waits unread must not be answered 408 after 5 min.
  const server = createServer({ requestTimeout: 0 }, (req, res) => {
    exchange(deps, req, res).catch(error => {
      deps.log(`[stand-in] failed to answer ${req.method} ${req.url}: ${error?.stack ?? error}`)
      res.destroy()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

async function exchange(deps, req, res) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const described = describe(req, url)
  const started = await beginExchange(deps, res, described)
  if (!started) return
  const { fault } = started
  deps.recorder.begin(started.info, req, res)
  if (fault?.kind === 'fail') {
    await discardBody(req)
    return deliver(res, failureAnswer(fault, described.service), undefined)
  }
  const phase = fault?.kind === 'reset' ? resetPhase(fault, req) : undefined
  if (fault?.kind === 'reset' && phase === 'request') {
    return resetDuringRequest(req, fault.afterBytes ?? 0)
  }
  const answer = await route(deps, req, url).catch(error => errorAnswer(deps, url, error))
  if (fault?.kind === 'delay' && fault.phase === 'response') {
    await deps.engine.sleep(fault.ms, res)
    if (!isOpen(res)) return
  }
  return deliver(res, answer, responseCut(fault, phase))
}

/** @returns {Omit<import('./faults.js').RequestInfo, 'seq'>} */
function describe(req, url) {
  const method = req.method ?? 'GET'
  const path = url.pathname
  if (path.startsWith(TWIRP_PREFIX)) {
    const [service, rpc] = path.slice(TWIRP_PREFIX.length).split('/')
    return { service: SERVICE_NAMES[service] ?? 'other', method, rpc, path }
  }
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
    return { service: 'rest', method, path }
  }
  if (path.startsWith(CACHE_V1_PREFIX)) {
    return { service: 'cache', method, rpc: path.slice(CACHE_V1_PREFIX.length).split('/')[0], path }
  }
  return { service: 'other', method, path }
}

/** @returns {Promise<Answer>} */
async function route(deps, req, url) {
  if (url.pathname.startsWith(TWIRP_PREFIX)) return twirp(deps, req, url)
  if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
    await discardBody(req)
    const token = credentialFrom(req.headers.authorization)
    const answer = await deps.rest.handle(req.method ?? 'GET', url, token)
    return restAnswer(answer)
  }
  if (url.pathname.startsWith(CACHE_V1_PREFIX)) {
    const caller = deps.callerOf(credentialFrom(req.headers.authorization))
    return restAnswer({ headers: {}, ...(await deps.cacheV1.handle(req, url, caller)) })
  }
  await discardBody(req)
  throw new TwirpError('bad_route', `no handler for ${req.method} ${url.pathname}`)
}

async function twirp(deps, req, url) {
  const [service, method] = url.pathname.slice(TWIRP_PREFIX.length).split('/')
  const handler = deps.services[service]?.[method]
  if (req.method !== 'POST' || !handler) {
    await discardBody(req)
    throw new TwirpError('bad_route', `no handler for ${req.method} ${url.pathname}`)
  }
  const body = parseJson(await readBody(req))
  const caller = deps.callerOf(credentialFrom(req.headers.authorization))
  deps.recorder.twirpBody(req, body, caller)
  if (!caller) throw new TwirpError('unauthenticated', 'missing or invalid runtime token')
  return jsonAnswer(200, await handler(body, caller))
}

function restAnswer({ status, body, headers }) {
  if (body === undefined) return { status, headers, body: undefined }
  return jsonAnswer(status, body, headers)
}

/** @returns {Answer} */
function jsonAnswer(status, body, headers = {}) {
  const payload = Buffer.from(JSON.stringify(body))
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(payload.length),
      ...headers
    },
    body: payload
  }
}

/** @returns {Answer} */
function errorAnswer(deps, url, error) {
  const isRest = url.pathname.startsWith(API_PREFIX) || url.pathname.startsWith(CACHE_V1_PREFIX)
  if (error instanceof RestError || (isRest && error instanceof TwirpError)) {
    const message = error.message
    return jsonAnswer(error.status, { message, documentation_url: 'https://docs.github.com/rest' })
  }
  if (error instanceof TwirpError) {
    return jsonAnswer(error.status, { code: error.code, msg: error.message })
  }
  // A stand-in bug. Answer 400, not 500: the toolkit retries 5xx for ~30 s, which would
  // hide the failure behind a slow test instead of failing fast.
  deps.log(`[stand-in] internal error on ${url.pathname}: ${error?.stack ?? error}`)
  const msg = `local stand-in internal error: ${error?.message ?? error}`
  return jsonAnswer(400, isRest ? { message: msg } : { code: 'internal', msg })
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {Answer} answer
 * @param {{bytes: number, mode: 'truncate' | 'reset'} | undefined} cut
 */
async function deliver(res, { status, headers, body }, cut) {
  if (!isOpen(res)) return
  if (!cut) {
    res.writeHead(status, headers)
    res.end(body)
    return
  }
  const kept = { ...headers }
  if (cut.mode === 'truncate') delete kept['content-length']
  res.writeHead(status, kept)
  await sendBody(res, body ? [body] : [], cut)
}
