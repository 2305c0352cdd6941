// A transparent HTTP proxy in front of Azurite: the signed URLs the services hand out point here,
// so blob uploads and downloads are counted, logged and subject to the faults of faults.js.
// It forwards method, path, query and headers unchanged (a SAS signs the canonical resource
// path, /blob/<account>/<container>/<blob>, not the host, so the signatures stay valid).
import { Agent, createServer, request } from 'node:http'
import { pipeline } from 'node:stream/promises'
import {
  beginExchange,
  failureAnswer,
  isOpen,
  resetDuringRequest,
  responseCut,
  sendBody
} from './exchange.js'
import { resetPhase } from './faults.js'
import { discardBody } from './http.js'

/** Per-connection headers a proxy must not forward (RFC 9110 section 7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
]

/**
 * @typedef {object} BlobProxy
 * @property {number} port
 * @property {string} origin  'http://127.0.0.1:<port>'
 * @property {() => boolean} isDown
 * @property {(down: boolean) => Promise<void>} setDown
 * @property {() => Promise<void>} close
 */

/**
 * @param {object} deps
 * @param {number} deps.upstreamPort  Azurite's blob port
 * @param {ReturnType<typeof import('./faults.js').createFaultEngine>} deps.engine
 * @param {object[]} deps.requests
 * @param {ReturnType<typeof import('./recorder.js').createRecorder>} deps.recorder
 * @param {(line: string) => void} deps.log
 * @returns {Promise<BlobProxy>}
 */
export async function startBlobProxy(deps) {
  // Its own agent, so stop() can drop the pooled connections to Azurite.
  const agent = new Agent({ keepAlive: true })
  // requestTimeout 0: a held upload whose body waits unread must not be answered 408 after 5 min.
  const server = createServer({ requestTimeout: 0 }, (req, res) => {
    forward(deps, agent, req, res).catch(error => {
      deps.log(`[blob-proxy] failed on ${req.method} ${req.url}: ${error?.stack ?? error}`)
      res.destroy()
    })
  })
  await listen(server, 0)
  const port = server.address().port
  let down = false
  let closed = false
  // setDown calls run one after another, so on/off/on ends in the last state asked for.
  let transition = Promise.resolve()

  const takeDown = async () => {
    const stopped = new Promise(resolve => server.close(() => resolve(undefined)))
    server.closeAllConnections()
    await stopped
  }

  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    isDown: () => down,
    setDown(wanted) {
      const step = transition.then(async () => {
        if (closed || wanted === down) return
        if (wanted) {
          down = true
          await takeDown()
          deps.log(`[blob-proxy] down: connections to port ${port} are refused`)
        } else {
          await listen(server, port)
          down = false
          deps.log(`[blob-proxy] up again on port ${port}`)
        }
      })
      transition = step.catch(() => {})
      return step
    },
    async close() {
      closed = true
      await transition
      if (!down) await takeDown()
      agent.destroy()
    }
  }
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = error => {
      reject(
        port === 0
          ? error
          : new Error(`the blob proxy could not listen on port ${port} again: ${error.message}`)
      )
    }
    server.once('error', onError)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError)
      resolve(undefined)
    })
  })
}

async function forward(deps, agent, req, res) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const method = req.method ?? 'GET'
  const started = await beginExchange(deps, res, {
    service: 'blob',
    method,
    operation: blobOperation(method, url.searchParams),
    path: url.pathname
  })
  if (!started) return
  const { fault } = started
  deps.recorder.begin(started.info, req, res)
  if (fault?.kind === 'fail') {
    await discardBody(req)
    const { status, headers, body } = failureAnswer(fault, 'blob')
    if (!isOpen(res)) return
    res.writeHead(status, headers)
    res.end(body)
    return
  }

  const upstream = request({
    host: '127.0.0.1',
    port: deps.upstreamPort,
    method,
    path: req.url,
    headers: withoutHopByHop(req.headers),
    agent
  })
  const answered = new Promise((resolve, reject) => {
    upstream.once('response', resolve)
    // `on`, not `once`: a socket error after the response is emitted here too.
    upstream.on('error', reject)
  })
  // Errors after the response (or after we destroyed it) have nothing left to report to.
  answered.catch(() => {})
  // The client went away: so does the request to Azurite.
  res.once('close', () => {
    if (!res.writableFinished) upstream.destroy()
  })

  const phase = fault?.kind === 'reset' ? resetPhase(fault, req) : undefined
  if (fault?.kind === 'reset' && phase === 'request') {
    // Azurite receives the first afterBytes bytes of the body and then an aborted request.
    await resetDuringRequest(req, fault.afterBytes ?? 0, chunk => writeUpstream(upstream, chunk))
    upstream.destroy()
    return
  }
  // Not pipeline(): an upstream error must leave the client's request open for a 502.
  req.pipe(upstream)
  deps.recorder.blobBody(req)

  let upstreamRes
  try {
    upstreamRes = await answered
  } catch (error) {
    req.unpipe(upstream)
    return answerUnreachable(deps, res, error)
  }
  if (fault?.kind === 'delay' && fault.phase === 'response') {
    await deps.engine.sleep(fault.ms ?? 0, res)
  }
  if (!isOpen(res)) {
    upstreamRes.destroy()
    return
  }
  const cut = method === 'HEAD' ? undefined : responseCut(fault, phase)
  const headers = withoutHopByHop(upstreamRes.headers)
  if (cut?.mode === 'truncate') delete headers['content-length']
  res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, headers)
  if (cut) {
    await sendBody(res, upstreamRes, cut)
    upstreamRes.destroy()
  } else {
    await pipeline(upstreamRes, res).catch(() => res.destroy())
  }
}

function writeUpstream(upstream, chunk) {
  if (upstream.destroyed || upstream.write(chunk)) return Promise.resolve()
  return new Promise(resolve => {
    const done = () => {
      upstream.off('drain', done)
      upstream.off('close', done)
      resolve(undefined)
    }
    upstream.once('drain', done)
    upstream.once('close', done)
  })
}

/** Azurite is gone (or stopped): 502 like a gateway, unless the client is gone too. */
function answerUnreachable(deps, res, error) {
  if (!isOpen(res)) return
  deps.log(`[blob-proxy] Azurite unreachable: ${error?.message ?? error}`)
  if (res.headersSent) {
    res.destroy()
    return
  }
  const body = Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>BadGateway</Code><Message>blob proxy: ${String(error?.message ?? error)}</Message></Error>`
  )
  res.writeHead(502, { 'content-type': 'application/xml', 'content-length': String(body.length) })
  res.end(body)
}

/** @param {import('node:http').IncomingHttpHeaders} headers */
function withoutHopByHop(headers) {
  const kept = { ...headers }
  for (const name of HOP_BY_HOP) delete kept[name]
  return kept
}

/**
 * The Blob service operation of a request, for fault targets and the log.
 * @param {string} method
 * @param {URLSearchParams} query
 */
export function blobOperation(method, query) {
  const comp = query.get('comp')
  const container = query.get('restype') === 'container'
  switch (method) {
    case 'PUT':
      if (comp === 'block') return 'PutBlock'
      if (comp === 'blocklist') return 'PutBlockList'
      if (container) return 'CreateContainer'
      return comp ? `Put:${comp}` : 'PutBlob'
    case 'GET':
      if (comp === 'blocklist') return 'GetBlockList'
      if (container || comp) return comp ? `Get:${comp}` : 'GetContainerProperties'
      return 'GetBlob'
    case 'HEAD':
      return container ? 'GetContainerProperties' : 'GetBlobProperties'
    case 'DELETE':
      return container ? 'DeleteContainer' : 'DeleteBlob'
    default:
      return `${method}${comp ? `:${comp}` : ''}`
  }
}
