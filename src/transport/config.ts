import { cpus } from 'node:os'
import { ConfigurationError, quote } from '../checkpoint/errors.js'
import { ArtifactsUnavailableError, ServiceError } from './service-errors.js'

// Every environment variable the transport reads is read here, and nowhere else.

/** How long calls are retried (the schedules themselves are in retry.ts). */
export interface RetrySettings {
  /**
   * Multiplies every wait between tries, back-offs and Retry-After alike
   * (`CHECKPOINT_RETRY_SCALE`, default 1): end-to-end fault tests shorten the real schedule
   * with it rather than change what they assert.
   */
  scale: number
  /** No try of a call starts after this long, and no wait crosses it. */
  callDeadlineMs: number
  /** The time one step may spend on failed tries and the waits after them, all calls together. */
  stepBudgetMs: number
  /** The longest Retry-After honoured; a longer one is waited this long. */
  retryAfterCapMs: number
}

/** Each call's deadline: the official Twirp client's calls time out after 3 minutes. */
export const CALL_DEADLINE_MS = 3 * 60_000
/** A step gives up on a dead service within this long. */
export const STEP_RETRY_BUDGET_MS = 5 * 60_000
/** The longest Retry-After the action waits. */
export const RETRY_AFTER_CAP_MS = 60_000
/** A download that sends nothing for this long is abandoned (the official client's timer). */
export const IDLE_TIMEOUT_MS = 30_000
/**
 * A host that has not accepted the connection after this long is given up, as undici (behind
 * fetch, which the transport used before its own client) gives it up: the request never left.
 */
export const CONNECT_TIMEOUT_MS = 10_000
/** A Twirp or REST try that gets no answer this long is abandoned. */
export const CALL_TIMEOUT_MS = 60_000
/** Put Blocks in flight at once, unless ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY says otherwise. */
export const DEFAULT_UPLOAD_CONCURRENCY = 4
/** A Put Block without an answer this long is sent again (the toolkit's default). */
export const DEFAULT_UPLOAD_STALL_MS = 5 * 60_000

/** The retry settings; `CHECKPOINT_RETRY_SCALE` must be a number above 0, at most 10. */
export function retrySettings(env: NodeJS.ProcessEnv = process.env): RetrySettings {
  const text = env.CHECKPOINT_RETRY_SCALE ?? ''
  const scale = text.trim() === '' ? 1 : Number(text)
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new ConfigurationError(
      `CHECKPOINT_RETRY_SCALE has an invalid value ${quote(text)}: it must be a number above 0 and at most 10`
    )
  }
  return {
    scale,
    callDeadlineMs: CALL_DEADLINE_MS,
    stepBudgetMs: STEP_RETRY_BUDGET_MS,
    retryAfterCapMs: RETRY_AFTER_CAP_MS
  }
}

/** How blocks go up to blob storage. */
export interface UploadSettings {
  /** Put Blocks in flight at once. */
  concurrency: number
  /** Set when ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY asked for more than the cap: what it asked. */
  concurrencyAsked?: number
  /** A Put Block without an answer this long is given up and sent again. */
  stallMs: number
}

/**
 * `ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY` and `ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS`, read as
 * @actions/artifact 6.2.1 reads them (shared/config.js): a concurrency below 1 or not a number
 * is an error, one above the cap (32; 16 per CPU up to 300 on more than 4 CPUs) is lowered to it.
 * @throws ConfigurationError naming the variable, its value and the rule
 */
export function uploadSettings(env: NodeJS.ProcessEnv = process.env): UploadSettings {
  const asked = positiveInteger(env, 'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY')
  const stallMs = positiveInteger(env, 'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS')
  const cap = concurrencyCap(cpus().length)
  const settings: UploadSettings = {
    concurrency: Math.min(asked ?? DEFAULT_UPLOAD_CONCURRENCY, cap),
    stallMs: stallMs ?? DEFAULT_UPLOAD_STALL_MS
  }
  if (asked !== undefined && asked > cap) settings.concurrencyAsked = asked
  return settings
}

/** The toolkit's cap on blocks in flight for a machine with `cpuCount` CPUs. */
export function concurrencyCap(cpuCount: number): number {
  return cpuCount > 4 ? Math.min(16 * cpuCount, 300) : 32
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = (env[name] ?? '').trim()
  if (text === '') return undefined
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigurationError(
      `${name} has an invalid value ${quote(text)}: it must be a whole number of at least 1`
    )
  }
  return value
}

/** Where the results service is and how to authenticate, from the runner's environment. */
export interface ServiceEndpoint {
  origin: string
  token: string
}

/**
 * The artifact service's endpoint.
 * @throws ArtifactsUnavailableError on GitHub Enterprise Server, which has no artifact service
 * @throws ServiceError outside a job, where the runtime variables are unset
 */
export function serviceEndpoint(env: NodeJS.ProcessEnv = process.env): ServiceEndpoint {
  assertArtifactsAvailable(env)
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

/** @throws ArtifactsUnavailableError when the job runs on GitHub Enterprise Server */
export function assertArtifactsAvailable(env: NodeJS.ProcessEnv = process.env): void {
  const server = env.GITHUB_SERVER_URL ?? ''
  if (isEnterpriseServer(server)) throw new ArtifactsUnavailableError(new URL(server).host)
}

/** Whether this job runs on GitHub Enterprise Server, which has no artifact service. */
export function isGhes(env: NodeJS.ProcessEnv = process.env): boolean {
  return isEnterpriseServer(env.GITHUB_SERVER_URL ?? '')
}

/**
 * Whether a `GITHUB_SERVER_URL` is a GitHub Enterprise Server, as @actions/artifact's isGhes
 * decides: any host but github.com, *.ghe.com (GHE.com data residency) and *.localhost. Unset
 * or unreadable means github.com.
 */
export function isEnterpriseServer(serverUrl: string): boolean {
  if (serverUrl.trim() === '') return false
  let host: string
  try {
    host = new URL(serverUrl).hostname.toLowerCase()
  } catch {
    return false
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

/** The REST API's base URL, without a trailing slash. */
export function apiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
}
