// Records what clients send the stand-in, field by field, so a test can compare two clients'
// requests (see __fixtures__/conformance.ts). Off unless a recording runs: then every request
// that reaches a service or the blob proxy is kept with its headers, its query (signature
// values left out) and its body (parsed JSON for Twirp, size and small text bodies for blobs).
import { TextDecoder } from 'node:util'

/** Bodies up to this size are kept as text (block lists, small JSON documents). */
const MAX_TEXT_BYTES = 64 * 1024

/** Query keys of a shared access signature: their values are the signature, not the request. */
const SAS_KEYS = new Set([
  'sv',
  'ss',
  'srt',
  'sp',
  'se',
  'st',
  'spr',
  'sig',
  'sr',
  'si',
  'sip',
  'ses',
  'sdd',
  'skoid',
  'sktid',
  'skt',
  'ske',
  'sks',
  'skv',
  'saoid',
  'suoid',
  'scid',
  'rscc',
  'rscd',
  'rsce',
  'rscl',
  'rsct'
])

/** Stands for a signature value in a recorded query. */
export const REDACTED = '<redacted>'

/** @typedef {import('./index.js').RecordedRequest} RecordedRequest */

/** The recorder of one stand-in: any number of recordings, each from its start to its stop. */
export function createRecorder() {
  /** @type {Set<RecordedRequest[]>} */
  const recordings = new Set()
  /** @type {WeakMap<import('node:http').IncomingMessage, RecordedRequest>} */
  const byRequest = new WeakMap()

  return {
    /** @returns {import('./index.js').Recording} */
    start() {
      const entries = []
      recordings.add(entries)
      return {
        requests: () => entries.map(entry => ({ ...entry })),
        stop: () => {
          recordings.delete(entries)
        }
      }
    },

    /**
     * Starts the record of a request that reached the stand-in, if anything records; its status
     * is filled in when its response closes.
     * @param {import('./faults.js').RequestInfo} info
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    begin(info, req, res) {
      if (recordings.size === 0) return
      const entry = newEntry(info, req)
      for (const entries of recordings) entries.push(entry)
      byRequest.set(req, entry)
      res.once('close', () => {
        entry.status = res.headersSent ? res.statusCode : 0
      })
    },

    /**
     * Notes a Twirp call's parsed body and the job its token belongs to.
     * @param {import('node:http').IncomingMessage} req
     * @param {unknown} json
     * @param {{run: {runBackendId: string}, jobBackendId: string} | undefined} caller
     */
    twirpBody(req, json, caller) {
      const entry = byRequest.get(req)
      if (!entry) return
      entry.json = json
      if (caller) {
        entry.caller = { runBackendId: caller.run.runBackendId, jobBackendId: caller.jobBackendId }
      }
    },

    /**
     * Counts the body of a blob request as it is forwarded; call it where the body starts to
     * flow (it adds a 'data' listener beside the consumer's).
     * @param {import('node:http').IncomingMessage} req
     */
    blobBody(req) {
      const entry = byRequest.get(req)
      if (!entry) return
      const kept = []
      let size = 0
      req.on('data', chunk => {
        size += chunk.length
        if (size <= MAX_TEXT_BYTES) kept.push(chunk)
      })
      req.once('end', () => {
        entry.bodySize = size
        const text = size <= MAX_TEXT_BYTES && size > 0 ? utf8(Buffer.concat(kept)) : undefined
        if (text !== undefined) entry.text = text
      })
    }
  }
}

/** @returns {RecordedRequest} */
function newEntry(info, req) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const entry = {
    seq: info.seq,
    service: info.service,
    method: info.method,
    ...(info.rpc === undefined ? {} : { rpc: info.rpc }),
    ...(info.operation === undefined ? {} : { operation: info.operation }),
    path: info.path,
    query: redactedQuery(url.searchParams),
    headers: redactedHeaders(req.headers),
    status: 0
  }
  return entry
}

/** @param {URLSearchParams} params */
function redactedQuery(params) {
  const query = {}
  for (const [key, value] of params) query[key] = SAS_KEYS.has(key) ? REDACTED : value
  return query
}

/**
 * Header names lower-cased (as node:http gives them); a credential keeps its scheme only.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function redactedHeaders(headers) {
  const kept = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    kept[name] = Array.isArray(value) ? value.join(', ') : value
  }
  if (kept.authorization !== undefined) {
    const scheme = /^(\S+)\s/.exec(kept.authorization)?.[1]
    kept.authorization = scheme ? `${scheme} ${REDACTED}` : REDACTED
  }
  return kept
}

/** The bytes as text if they are valid UTF-8, else undefined. */
function utf8(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}
