import { ServiceError, TransferInterruptedError } from './service-errors.js'
import { CALL_TIMEOUT_MS, type ServiceEndpoint } from './config.js'
import { readBody, request } from './http.js'
import { SERVICE_CALLS, withRetries, type Log } from './retry.js'

export { ServiceError }
export { serviceEndpoint, type ServiceEndpoint } from './config.js'

/** The run and job ids the runtime token grants (its `Actions.Results:<run>:<job>` scope). */
export function backendIds(token: string): { runBackendId: string; jobBackendId: string } {
  const payload = token.split('.')[1] ?? ''
  let claims: { scp?: unknown }
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: unknown }
  } catch {
    throw new ServiceError('ACTIONS_RUNTIME_TOKEN is not a readable JWT')
  }
  const scp = typeof claims.scp === 'string' ? claims.scp : ''
  for (const scope of scp.split(' ')) {
    const parts = scope.split(':')
    if (parts[0] === 'Actions.Results' && parts.length === 3) {
      return { runBackendId: parts[1] ?? '', jobBackendId: parts[2] ?? '' }
    }
  }
  throw new ServiceError('ACTIONS_RUNTIME_TOKEN grants no Actions.Results scope')
}

/**
 * Calls that create or commit something: a second copy of one whose answer was lost could
 * conflict with the first (a 409 on CreateArtifact), so a broken connection ends them.
 */
const NOT_IDEMPOTENT = new Set(['CreateArtifact', 'FinalizeArtifact', 'DeleteArtifact'])

/**
 * Calls one method of the artifact service with the Twirp schedule (see SERVICE_CALLS); each
 * try waits at most a minute for its answer, and none starts after the call's deadline.
 * @throws ServiceError naming the method, the last status and the attempts made
 */
export async function callArtifactService(
  endpoint: ServiceEndpoint,
  method: string,
  body: object,
  log?: Log
): Promise<unknown> {
  const url = `${endpoint.origin}/twirp/github.actions.results.api.v1.ArtifactService/${method}`
  const options = {
    what: `Artifact service ${method}`,
    policy: SERVICE_CALLS,
    idempotent: !NOT_IDEMPOTENT.has(method),
    ...(log ? { log } : {})
  }
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${endpoint.token}` }
  const payload = Buffer.from(JSON.stringify(body))
  return withRetries(options, async ({ remainingMs }) => {
    const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs)
    const response = await request(url, { method: 'POST', headers, body: payload, timeoutMs })
    const text = (await readBody(response)).toString('utf8')
    try {
      return JSON.parse(text) as unknown
    } catch {
      // A proxy's page, or an answer cut short: tried again as the official client does, when
      // the call is safe to repeat.
      // Its text is not shown: a body cut short could hold half a signed URL, not yet masked.
      throw new TransferInterruptedError(
        `answered ${String(response.statusCode)} with ${text.length} characters that are not JSON`
      )
    }
  })
}
