// One node:http server for the Twirp services and the REST API, with a request log.
import { createServer } from 'node:http'
import { RestError, TwirpError, discardBody, readJson, sendJson } from './http.js'
import { API_PREFIX } from './rest.js'
import { credentialFrom } from './token.js'

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.'

/**
 * @param {object} deps
 * @param {Record<string, Record<string, (body: any, caller: any) => Promise<object>>>} deps.services
 *   Twirp methods by service name ('ArtifactService', 'CacheService').
 * @param {{handle: (method: string, url: URL, token: string | undefined) => Promise<{status: number, body: unknown, headers: Record<string, string>}>}} deps.rest
 * @param {(token: string | undefined) => any} deps.callerOf  job of a runtime token, or undefined
 * @param {Array<{method: string, path: string, status: number}>} deps.requests  appended to
 * @param {(line: string) => void} deps.log
 * @returns {Promise<import('node:http').Server>} listening on 127.0.0.1 with a random port
 */
export function startServer(deps) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    res.once('finish', () =>
      deps.requests.push({ method: req.method ?? '', path: url.pathname, status: res.statusCode })
    )
    route(deps, req, res, url).catch(error => answerError(deps, res, url, error))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

async function route(deps, req, res, url) {
  if (url.pathname.startsWith(TWIRP_PREFIX)) return twirp(deps, req, res, url)
  if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
    await discardBody(req)
    const token = credentialFrom(req.headers.authorization)
    const answer = await deps.rest.handle(req.method ?? 'GET', url, token)
    return answerRest(res, answer)
  }
  await discardBody(req)
  throw new TwirpError('bad_route', `no handler for ${req.method} ${url.pathname}`)
}

async function twirp(deps, req, res, url) {
  const [service, method] = url.pathname.slice(TWIRP_PREFIX.length).split('/')
  const handler = deps.services[service]?.[method]
  if (req.method !== 'POST' || !handler) {
    await discardBody(req)
    throw new TwirpError('bad_route', `no handler for ${req.method} ${url.pathname}`)
  }
  const body = await readJson(req)
  const caller = deps.callerOf(credentialFrom(req.headers.authorization))
  if (!caller) throw new TwirpError('unauthenticated', 'missing or invalid runtime token')
  sendJson(res, 200, await handler(body, caller))
}

function answerRest(res, { status, body, headers }) {
  if (body === undefined) {
    res.writeHead(status, headers)
    res.end()
    return
  }
  sendJson(res, status, body, headers)
}

function answerError(deps, res, url, error) {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const isRest = url.pathname.startsWith(API_PREFIX)
  if (error instanceof RestError || (isRest && error instanceof TwirpError)) {
    const message = error.message
    sendJson(res, error.status, { message, documentation_url: 'https://docs.github.com/rest' })
    return
  }
  if (error instanceof TwirpError) {
    sendJson(res, error.status, { code: error.code, msg: error.message })
    return
  }
  // A stand-in bug. Answer 400, not 500: the toolkit retries 5xx for ~30 s, which would
  // hide the failure behind a slow test instead of failing fast.
  deps.log(`[stand-in] internal error on ${url.pathname}: ${error?.stack ?? error}`)
  const msg = `local stand-in internal error: ${error?.message ?? error}`
  sendJson(res, 400, isRest ? { message: msg } : { code: 'internal', msg })
}
