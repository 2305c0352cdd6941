// One request's life under fault injection, shared by the Twirp/REST server and the blob proxy:
// counting, holds, delays, the request log, injected failures and bodies cut short.

/**
 * @typedef {object} ExchangeContext
 * @property {ReturnType<typeof import('./faults.js').createFaultEngine>} engine
 * @property {object[]} requests  the request log, appended to when a response closes
 */

/**
 * Counts the request, records it in the log once its response closes, and waits out a hold and
 * a request-phase delay.
 * @param {ExchangeContext} ctx
 * @param {import('node:http').ServerResponse} res
 * @param {Omit<import('./faults.js').RequestInfo, 'seq'>} described
 * @returns {Promise<{info: import('./faults.js').RequestInfo, fault: import('./faults.js').Fault | undefined} | undefined>}
 *   undefined when the client went away (or the stand-in stopped) in the meantime
 */
export async function beginExchange(ctx, res, described) {
  const { info, fault, held } = ctx.engine.admit(described)
  let closed = false
  res.once('close', () => {
    closed = true
    ctx.requests.push(logEntry(info, res, fault, held !== undefined))
  })
  if (held) await held
  if (fault?.kind === 'delay' && fault.phase === 'request' && !closed) {
    await ctx.engine.sleep(fault.ms, res)
  }
  return closed || !isOpen(res) ? undefined : { info, fault }
}

/** @returns {boolean} whether `res` can still be answered */
export function isOpen(res) {
  // socket.destroyed turns true at once; res.destroyed only a tick after the socket closed.
  return !res.destroyed && !res.writableEnded && res.socket?.destroyed !== true
}

function logEntry(info, res, fault, held) {
  const entry = {
    seq: info.seq,
    service: info.service,
    method: info.method,
    ...(info.rpc === undefined ? {} : { rpc: info.rpc }),
    ...(info.operation === undefined ? {} : { operation: info.operation }),
    path: info.path,
    status: res.headersSent ? res.statusCode : 0
  }
  if (fault) entry.fault = fault.kind
  if (held) entry.held = true
  return entry
}

/**
 * Consumes up to `afterBytes` bytes of the request body, then destroys the connection: the
 * service never sees the request and the client gets ECONNRESET (or EPIPE) while sending, or a
 * 'socket hang up' once it waits for the answer.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} afterBytes
 * @param {(chunk: Buffer) => Promise<void>} [forward]  receives the bytes before the cut
 */
export async function resetDuringRequest(req, afterBytes, forward) {
  // Taken now: once the body iterator is closed, req.socket is null.
  const socket = req.socket
  let received = 0
  try {
    for await (const chunk of req) {
      const room = afterBytes - received
      if (chunk.length > room) {
        if (room > 0 && forward) await forward(chunk.subarray(0, room))
        break
      }
      received += chunk.length
      if (forward) await forward(chunk)
    }
  } finally {
    socket.destroy()
  }
}

/**
 * Writes a response body from `source`. With a cut, only the first `cut.bytes` bytes go out;
 * then 'truncate' ends the response cleanly (the caller removed Content-Length, so the client
 * sees a complete but shorter body) and 'reset' closes the connection without ending the
 * response (the client sees a premature end: ECONNRESET 'aborted' / 'socket hang up'). A body
 * no longer than the cut is sent whole.
 * @param {import('node:http').ServerResponse} res  headers already set with writeHead
 * @param {AsyncIterable<Buffer> | Iterable<Buffer>} source
 * @param {{bytes: number, mode: 'truncate' | 'reset'} | undefined} cut
 */
export async function sendBody(res, source, cut) {
  let sent = 0
  for await (const data of source) {
    if (!isOpen(res)) return
    const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data)
    if (cut && sent + chunk.length > cut.bytes) {
      const head = chunk.subarray(0, cut.bytes - sent)
      if (cut.mode === 'truncate') {
        res.end(head)
      } else {
        if (head.length > 0) res.write(head)
        else res.flushHeaders()
        // FIN once what was written is flushed: the client reads exactly `cut.bytes` bytes.
        if (res.socket) res.socket.destroySoon()
        else res.destroy()
      }
      return
    }
    sent += chunk.length
    await write(res, chunk)
  }
  if (isOpen(res)) res.end()
}

/** Writes with backpressure; resolves on drain or when the response closes. */
function write(res, chunk) {
  if (chunk.length === 0 || res.write(chunk)) return Promise.resolve()
  return new Promise(resolve => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve(undefined)
    }
    res.once('drain', done)
    res.once('close', done)
  })
}

/** The cut sendBody applies for a fault, if any, once the request reached the service. */
export function responseCut(fault, resetPhase) {
  if (fault?.kind === 'truncate') return { bytes: fault.bytes, mode: 'truncate' }
  if (fault?.kind === 'reset' && resetPhase === 'response') {
    return { bytes: fault.afterBytes, mode: 'reset' }
  }
  return undefined
}

const TWIRP_CODES = { 429: 'resource_exhausted', 500: 'internal', 504: 'deadline_exceeded' }
const AZURE_CODES = { 500: 'InternalError', 503: 'ServerBusy', 429: 'TooManyRequests' }

/**
 * The answer of a `failNext` fault, shaped like the service it imitates unless the rule gives a
 * body: Twirp `{code, msg}`, REST `{message, documentation_url}`, Azure Storage XML for blobs.
 * @param {import('./faults.js').Fault} fault
 * @param {'artifact' | 'cache' | 'rest' | 'blob' | 'other'} service
 * @returns {{status: number, headers: Record<string, string>, body: Buffer}}
 */
export function failureAnswer(fault, service) {
  const status = fault.status ?? 500
  const msg = `injected fault: HTTP ${status}`
  let body
  let type = 'application/json; charset=utf-8'
  const extra = {}
  if (fault.body !== undefined) {
    if (typeof fault.body === 'string' || Buffer.isBuffer(fault.body)) {
      body = Buffer.from(fault.body)
      type = 'text/plain; charset=utf-8'
    } else {
      body = Buffer.from(JSON.stringify(fault.body))
    }
  } else if (service === 'blob') {
    const code = AZURE_CODES[status] ?? 'InjectedFault'
    type = 'application/xml'
    extra['x-ms-error-code'] = code
    body = Buffer.from(
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${msg}</Message></Error>`
    )
  } else if (service === 'rest') {
    body = Buffer.from(
      JSON.stringify({ message: msg, documentation_url: 'https://docs.github.com/rest' })
    )
  } else {
    const code = TWIRP_CODES[status] ?? (status >= 500 ? 'unavailable' : 'unknown')
    body = Buffer.from(JSON.stringify({ code, msg }))
  }
  return {
    status,
    headers: {
      'content-type': type,
      'content-length': String(body.length),
      ...extra,
      ...lowerCased(fault.headers ?? {})
    },
    body
  }
}

function lowerCased(headers) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]))
}
