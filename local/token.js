// Credentials the stand-in hands out: a runtime JWT for the internal Twirp services and an
// opaque GITHUB_TOKEN for REST. Both are only meaningful to the stand-in that minted them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** @param {object} value */
function base64url(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/**
 * Creates a token minter bound to a fresh HS256 secret, so tokens from another stand-in
 * (or hand-made ones) are refused like a foreign token is by GitHub.
 * @returns {{
 *   mintRuntimeToken: (claims: {runBackendId: string, jobBackendId: string, cacheScopes?: object[]}) => string,
 *   verifyRuntimeToken: (token: string) => {runBackendId: string, jobBackendId: string} | undefined,
 *   mintRestToken: () => string
 * }}
 */
export function createTokenMinter() {
  const secret = randomBytes(32)
  const sign = data => createHmac('sha256', secret).update(data).digest()

  const mintRuntimeToken = ({ runBackendId, jobBackendId, cacheScopes = [] }) => {
    const now = Math.floor(Date.now() / 1000)
    const payload = {
      // The toolkit only reads `scp`; the rest mirrors what a runner's token carries.
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
      ac: JSON.stringify(cacheScopes),
      iss: 'local-stand-in',
      aud: 'vso:local-stand-in',
      nbf: now - 60,
      iat: now,
      exp: now + 6 * 3600
    }
    const unsigned = `${base64url({ typ: 'JWT', alg: 'HS256' })}.${base64url(payload)}`
    return `${unsigned}.${sign(unsigned).toString('base64url')}`
  }

  const verifyRuntimeToken = token => {
    const parts = typeof token === 'string' ? token.split('.') : []
    if (parts.length !== 3) return undefined
    const expected = sign(`${parts[0]}.${parts[1]}`)
    const given = Buffer.from(parts[2], 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    const claims = parsePayload(parts[1])
    if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
      return undefined
    }
    return backendIdsFromScope(claims.scp)
  }

  // Shaped like an installation token (ghs_ + 36 chars) so log masking and length checks behave.
  const mintRestToken = () =>
    'ghs_' + Array.from(randomBytes(36), byte => ALPHABET[byte % ALPHABET.length]).join('')

  return { mintRuntimeToken, verifyRuntimeToken, mintRestToken }
}

/** @param {string} segment */
function parsePayload(segment) {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/**
 * Takes the run and job backend ids from an `scp` claim the way the toolkit does.
 * @param {unknown} scp
 */
function backendIdsFromScope(scp) {
  if (typeof scp !== 'string') return undefined
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':')
    if (parts[0] === 'Actions.Results' && parts.length === 3) {
      return { runBackendId: parts[1], jobBackendId: parts[2] }
    }
  }
  return undefined
}

/**
 * Extracts the credential from an Authorization header (`Bearer x` or `token x`).
 * @param {string | undefined} header
 * @returns {string | undefined}
 */
export function credentialFrom(header) {
  const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header ?? '')
  return match ? match[1] : undefined
}
