// Small node:http helpers shared by the Twirp and REST handlers.

const MAX_BODY_BYTES = 1024 * 1024

/** Twirp error codes the stand-in uses, with the HTTP status Twirp assigns to each. */
const TWIRP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  bad_route: 404,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  already_exists: 409,
  failed_precondition: 412
}

/**
 * A Twirp error: serialised as `{code, msg}` with the code's HTTP status, which is what the
 * toolkit's retry loop inspects (it surfaces `msg` in its error message).
 */
export class TwirpError extends Error {
  /**
   * @param {keyof typeof TWIRP_STATUS} code
   * @param {string} msg
   */
  constructor(code, msg) {
    super(msg)
    this.code = code
    this.status = TWIRP_STATUS[code]
  }
}

/** A REST error, serialised the way api.github.com does (`{message, documentation_url}`). */
export class RestError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   */
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

/**
 * Reads a whole request body, refusing bodies over `limit` bytes.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<Buffer>}
 */
export async function readBody(req, limit = MAX_BODY_BYTES) {
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > limit) throw new TwirpError('malformed', 'request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Parses a JSON request body; an empty body is `{}` as in Twirp's JSON mapping.
 * @param {Buffer} bytes
 * @returns {Record<string, any>}
 */
export function parseJson(bytes) {
  const text = bytes.toString('utf8').trim()
  if (!text) return {}
  try {
    const body = JSON.parse(text)
    if (body && typeof body === 'object' && !Array.isArray(body)) return body
  } catch {
    // falls through to the error below
  }
  throw new TwirpError('malformed', 'request body is not a JSON object')
}

/**
 * Drains a body we do not read, so keep-alive connections stay usable.
 * @param {import('node:http').IncomingMessage} req
 */
export async function discardBody(req) {
  for await (const chunk of req) void chunk
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  const payload = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(payload.length),
    ...headers
  })
  res.end(payload)
}
