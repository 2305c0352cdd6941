// Fault injection for the stand-in: bounded, per-test switches that break the Twirp services,
// the REST API and the blob store (through the proxy in front of Azurite) in deterministic ways,
// and a request counter that can hold the Nth request. See `Faults` in index.d.ts.

const SERVICES = ['artifact', 'cache', 'rest', 'blob', 'other']
const PHASES = ['request', 'response']
const TARGET_KEYS = ['service', 'method', 'operation', 'match']

/**
 * @typedef {object} RequestInfo
 * @property {number} seq  1-based arrival index over every request the stand-in received
 * @property {'artifact' | 'cache' | 'rest' | 'blob' | 'other'} service
 * @property {string} method  HTTP method
 * @property {string} [rpc]  Twirp method (artifact and cache services)
 * @property {string} [operation]  blob operation ('PutBlock', 'PutBlockList', 'GetBlob', ...)
 * @property {string} path  without the query string
 */

/**
 * @typedef {object} Fault  one application of a rule to one request
 * @property {'fail' | 'reset' | 'delay' | 'truncate'} kind
 * @property {number} [status]
 * @property {unknown} [body]
 * @property {Record<string, string>} [headers]
 * @property {number} [afterBytes]
 * @property {'request' | 'response'} [phase]
 * @property {number} [ms]
 * @property {number} [bytes]
 */

/**
 * @typedef {object} Admission
 * @property {RequestInfo} info
 * @property {Fault | undefined} fault
 * @property {Promise<unknown> | undefined} held  settles when every hold on this request is released
 */

/**
 * Creates the fault state of one stand-in.
 * @param {{log: (line: string) => void, now?: () => number}} deps  `now`: the clock of failFor
 */
export function createFaultEngine({ log, now = Date.now }) {
  let arrived = 0
  /**
   * Rules end after `remaining` requests, or (failFor) `window` ms after the first request they
   * matched, at `until` on the clock.
   * @type {Array<Fault & {target: object, remaining: number, window?: number, until?: number}>}
   */
  let rules = []
  /** Holds still counting towards their Nth request. */
  const counting = new Set()
  /** Holds whose request is held. */
  const holding = new Set()
  /** Wakes every pending delay. */
  const sleepers = new Set()
  /** @type {{setDown: (down: boolean) => Promise<void>, isDown: () => boolean} | undefined} */
  let blobStore
  let stopped = false

  const addRule = (kind, target, options, fields) => {
    rules.push({ kind, target: validTarget(target), remaining: validCount(options), ...fields })
  }

  const cancelHolds = reason => {
    for (const hold of [...counting, ...holding]) hold.cancel(reason)
  }

  const faults = {
    signedUrl404ForEarlierAttempts: false,

    failNext(target, options) {
      addRule('fail', target, options, failAnswer('failNext', options))
    },

    failFor(target, options) {
      const ms = nonNegative('failFor: ms', options?.ms)
      const { status, body, headers } = failAnswer('failFor', options)
      // The window opens at the first matching request: the outage lasts `ms` for its client
      // however long the client took to start.
      rules.push({
        kind: 'fail',
        target: validTarget(target),
        remaining: Number.POSITIVE_INFINITY,
        window: ms,
        status,
        body,
        headers
      })
    },

    resetConnection(target, options) {
      addRule('reset', target, options, {
        afterBytes: nonNegative('resetConnection: afterBytes', options?.afterBytes),
        phase: validPhase(options.phase, undefined)
      })
    },

    delay(target, options) {
      addRule('delay', target, options, {
        ms: nonNegative('delay: ms', options?.ms),
        phase: validPhase(options.phase, 'request')
      })
    },

    truncateDownload(target, options) {
      addRule('truncate', target, options, {
        bytes: nonNegative('truncateDownload: bytes', options?.bytes)
      })
    },

    blobStoreDown(down) {
      if (!blobStore) return Promise.reject(new Error('the blob proxy is not running'))
      return blobStore.setDown(Boolean(down))
    },

    holdRequest(n, target) {
      if (!Number.isInteger(n) || n < 1) {
        throw new TypeError(`holdRequest: n must be an integer >= 1, got ${String(n)}`)
      }
      const hold = createHold(n, target === undefined ? {} : validTarget(target))
      hold.onSettled = () => {
        counting.delete(hold)
        holding.delete(hold)
      }
      hold.onHeld = () => {
        counting.delete(hold)
        holding.add(hold)
      }
      if (stopped) hold.cancel('the stand-in is stopped')
      else counting.add(hold)
      return { reached: hold.reached, release: () => hold.release() }
    },

    reset() {
      rules = []
      faults.signedUrl404ForEarlierAttempts = false
      cancelHolds('faults.reset() was called')
      for (const wake of [...sleepers]) wake()
      return blobStore?.isDown() ? blobStore.setDown(false) : Promise.resolve()
    }
  }

  return {
    faults,
    get count() {
      return arrived
    },

    /**
     * Counts a request on arrival, takes the first rule that matches it (one fault per request,
     * in the order the rules were added) and tells whether a hold stops it here.
     * @param {Omit<RequestInfo, 'seq'>} described
     * @returns {Admission}
     */
    admit(described) {
      const info = Object.freeze(withoutUndefined({ seq: ++arrived, ...described }))
      const at = now()
      rules = rules.filter(r => r.until === undefined || at < r.until)
      const rule = rules.find(r => r.remaining > 0 && matches(r.target, info))
      let fault
      if (rule) {
        if (rule.window !== undefined) rule.until ??= at + rule.window
        rule.remaining -= 1
        if (rule.remaining === 0) rules = rules.filter(r => r !== rule)
        fault = Object.fromEntries(
          Object.entries(rule).filter(
            ([key]) => !['target', 'remaining', 'window', 'until'].includes(key)
          )
        )
        log(`[stand-in] fault ${describeFault(fault)} on ${describeRequest(info)}`)
      }
      const gates = [...counting].filter(h => h.observe(info)).map(h => h.gate)
      if (gates.length > 0) log(`[stand-in] holding ${describeRequest(info)}`)
      return { info, fault, held: gates.length > 0 ? Promise.all(gates) : undefined }
    },

    /**
     * Resolves after `ms`, or earlier when `res` closes, reset() or stop() is called; never
     * keeps a timer once it resolved.
     * @param {number} ms
     * @param {import('node:http').ServerResponse} res
     */
    sleep(ms, res) {
      if (stopped || res.destroyed) return Promise.resolve()
      return new Promise(resolve => {
        const wake = () => {
          clearTimeout(timer)
          sleepers.delete(wake)
          res.off('close', wake)
          resolve(undefined)
        }
        const timer = setTimeout(wake, ms)
        sleepers.add(wake)
        res.once('close', wake)
      })
    },

    /** @param {{setDown: (down: boolean) => Promise<void>, isDown: () => boolean}} store */
    bindBlobStore(store) {
      blobStore = store
    },

    /** Releases held and delayed requests for good; holds not reached yet reject. */
    stop() {
      stopped = true
      rules = []
      cancelHolds('the stand-in stopped')
      for (const wake of [...sleepers]) wake()
    }
  }
}

/** One holdRequest: counts matching arrivals, holds the Nth until released. */
function createHold(n, target) {
  let seen = 0
  let state = 'counting'
  let resolveReached
  let rejectReached
  let openGate
  const reached = new Promise((resolve, reject) => {
    resolveReached = resolve
    rejectReached = reject
  })
  // A test that never awaits `reached` must not get an unhandled rejection from stop().
  reached.catch(() => {})
  const gate = new Promise(resolve => (openGate = resolve))
  const hold = {
    reached,
    gate,
    onHeld: () => {},
    onSettled: () => {},
    observe(info) {
      if (state !== 'counting' || !matches(target, info) || ++seen < n) return false
      state = 'held'
      hold.onHeld()
      resolveReached(info)
      return true
    },
    release() {
      if (state === 'held') {
        state = 'released'
        hold.onSettled()
        openGate()
      } else if (state === 'counting') {
        hold.cancel('release() was called before the request arrived')
      }
    },
    cancel(reason) {
      if (state === 'counting') {
        rejectReached(new Error(`holdRequest(${n}): ${reason} (${seen} of ${n} seen)`))
      }
      if (state === 'counting' || state === 'held') {
        state = 'released'
        hold.onSettled()
        openGate()
      }
    }
  }
  return hold
}

/**
 * Whether a request matches a target: every given field must match. `method` matches the Twirp
 * method or the HTTP method.
 * @param {any} target
 * @param {RequestInfo} info
 */
export function matches(target, info) {
  if (target.service !== undefined && target.service !== info.service) return false
  if (target.method !== undefined && target.method !== info.method && target.method !== info.rpc) {
    return false
  }
  if (target.operation !== undefined && target.operation !== info.operation) return false
  return target.match === undefined || Boolean(target.match(info))
}

function validTarget(target) {
  if (target === null || typeof target !== 'object') {
    throw new TypeError('a fault target must be an object such as {service: "blob", method: "GET"}')
  }
  const unknown = Object.keys(target).filter(key => !TARGET_KEYS.includes(key))
  if (unknown.length > 0) throw new TypeError(`unknown fault target fields: ${unknown.join(', ')}`)
  if (target.service !== undefined && !SERVICES.includes(target.service)) {
    throw new TypeError(`unknown service ${JSON.stringify(target.service)}`)
  }
  if (target.match !== undefined && typeof target.match !== 'function') {
    throw new TypeError('target.match must be a function')
  }
  return { ...target }
}

/** The status, body and headers a failing rule answers with. */
function failAnswer(name, options) {
  const status = options?.status
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new TypeError(`${name}: status must be an HTTP status code, got ${String(status)}`)
  }
  const headers = { ...(options.headers ?? {}) }
  if (options.retryAfter !== undefined) headers['retry-after'] = String(options.retryAfter)
  return { status, body: options.body, headers }
}

function validCount(options) {
  const count = options?.count ?? 1
  if (!Number.isInteger(count) || count < 1) {
    throw new TypeError(`count must be an integer >= 1, got ${String(count)}`)
  }
  return count
}

function nonNegative(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`${name} must be a finite number >= 0, got ${String(value)}`)
  }
  return Math.floor(value)
}

function validPhase(phase, fallback) {
  if (phase === undefined) return fallback
  if (!PHASES.includes(phase)) throw new TypeError(`phase must be 'request' or 'response'`)
  return phase
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined))
}

/** @param {RequestInfo} info */
export function describeRequest(info) {
  const what = info.rpc ?? info.operation ?? ''
  return `#${info.seq} ${info.service} ${info.method} ${what} ${info.path}`.replace(/ {2,}/g, ' ')
}

/** @param {Fault} fault */
function describeFault(fault) {
  switch (fault.kind) {
    case 'fail':
      return `fail ${fault.status}`
    case 'reset':
      return `reset after ${fault.afterBytes} bytes${fault.phase ? ` of the ${fault.phase}` : ''}`
    case 'delay':
      return `delay ${fault.ms} ms before the ${fault.phase}`
    default:
      return `truncate to ${fault.bytes} bytes`
  }
}

/**
 * Which body a reset counts: the one named by the rule, else the request body if the request has
 * one (an upload or a Twirp call), else the response body (a download).
 * @param {Fault} fault
 * @param {import('node:http').IncomingMessage} req
 * @returns {'request' | 'response'}
 */
export function resetPhase(fault, req) {
  if (fault.phase) return fault.phase
  const length = Number(req.headers['content-length'] ?? 0)
  return length > 0 || req.headers['transfer-encoding'] !== undefined ? 'request' : 'response'
}
