import { CheckpointError } from '../checkpoint/errors.js'

/** The artifact service could not be reached or refused a call. */
export class ServiceError extends CheckpointError {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

const RETRYABLE = new Set([429, 500, 502, 503, 504])
const ATTEMPTS = 4
const TIMEOUT_MS = 60_000

/** Where the results service is and how to authenticate, from the runner's environment. */
export interface ServiceEndpoint {
  origin: string
  token: string
}

/** Reads the results service endpoint; throws a ServiceError outside a job. */
export function serviceEndpoint(env: NodeJS.ProcessEnv = process.env): ServiceEndpoint {
  const url = env.ACTIONS_RESULTS_URL
  const token = env.ACTIONS_RUNTIME_TOKEN
  if (!url || !token) {
    throw new ServiceError(
      'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set: checkpoints are stored as ' +
        'artifacts, which only a step of a GitHub Actions job can reach'
    )
  }
  return { origin: new URL(url).origin, token }
}

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
 * Calls one method of the artifact service, retrying 429 and 5xx a few times with a short
 * back-off and giving up after a deadline, so a broken service costs seconds, not minutes.
 */
export async function callArtifactService(
  endpoint: ServiceEndpoint,
  method: string,
  body: object
): Promise<unknown> {
  const url = `${endpoint.origin}/twirp/github.actions.results.api.v1.ArtifactService/${method}`
  let lastError = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${endpoint.token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS)
      })
    } catch (error) {
      throw new ServiceError(`Artifact service ${method} failed: ${(error as Error).message}`)
    }
    if (response.ok) return response.json()
    lastError = `${response.status} ${await response.text().catch(() => '')}`.trim()
    if (!RETRYABLE.has(response.status)) {
      throw new ServiceError(`Artifact service ${method} answered ${lastError}`, response.status)
    }
    if (attempt < ATTEMPTS) await delay(500 * 2 ** attempt)
  }
  throw new ServiceError(
    `Artifact service ${method} answered ${lastError} after ${ATTEMPTS} attempts`
  )
}

async function delay(ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * Waits for a toolkit call, failing it when it can no longer settle. The toolkit's HTTP client
 * never settles a response whose connection breaks mid-body; with nothing else pending the
 * process would then exit 0 as if the step had succeeded. When the event loop runs dry while
 * the call is pending, it is failed at once instead.
 */
export async function settles<T>(call: Promise<T>, what: string): Promise<T> {
  let onStall: (() => void) | undefined
  const stalled = new Promise<never>((_resolve, reject) => {
    onStall = () => {
      reject(
        new ServiceError(`${what} never completed: the connection to the artifact service was lost`)
      )
    }
    process.once('beforeExit', onStall)
  })
  try {
    return await Promise.race([call, stalled])
  } finally {
    if (onStall) process.off('beforeExit', onStall)
  }
}

/**
 * Runs `call` until it succeeds, retrying network errors, 429 and 5xx (a ServiceError with
 * such a status) a few times with a short back-off; other errors end it at once.
 */
export async function withRetries<T>(what: string, call: () => Promise<T>): Promise<T> {
  let lastError: unknown
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await call()
    } catch (error) {
      lastError = error
      const status = error instanceof ServiceError ? error.status : undefined
      if (status !== undefined && !RETRYABLE.has(status)) break
      if (attempt < ATTEMPTS) await delay(500 * 2 ** attempt)
    }
  }
  if (lastError instanceof ServiceError) throw lastError
  throw new ServiceError(`${what} failed: ${(lastError as Error).message}`)
}
