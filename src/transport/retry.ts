import { describe } from '../checkpoint/errors.js'
import { retrySettings, type RetrySettings } from './config.js'
import { CONNECT_TIMEOUT_CODE } from './http.js'
import { HttpStatusError, ServiceError, TransferInterruptedError } from './service-errors.js'

/**
 * How one kind of request is tried again: how many tries in all, and the wait after each failed
 * one. The official clients' schedules are the floor (measured in node_modules, @actions/artifact
 * 6.2.1 and @azure/storage-blob 12.32 with @azure/storage-common 12.4):
 *
 * - Twirp calls (artifact-twirp-client.js): 5 attempts; after failure k (0-based) it waits 3 s
 *   for k = 0, else a random time in [3 s x 1.5^k, 3 s x 1.5^(k+1)): 3 s, 4.5-6.75 s,
 *   6.75-10.1 s, 10.1-15.2 s, 24.4-35.1 s of waiting in all. It retries 429, 500, 502, 503, 504
 *   and answers that are not JSON, ignores Retry-After, ends at once on any other status and on
 *   ECONNRESET, ECONNREFUSED, ENOTFOUND, ETIMEDOUT, EHOSTUNREACH (NetworkError).
 * - Blob uploads (StorageRetryPolicyV2.js, exponential): 4 tries, waits (2^(n-1) - 1) x 4 s =
 *   0, 4, 12 s (at most 120 s); retries 500, 503 and network errors (ECONNRESET, ECONNREFUSED,
 *   ETIMEDOUT, ENOTFOUND, EPIPE...), not 429. The toolkit abandons an upload that makes no
 *   progress for ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS (5 min).
 * - Downloads (download-artifact.js): 5 tries, 5 s after each failure whatever it was, a 30 s
 *   idle timeout on the body.
 * - REST through Octokit's retry plugin: 3 retries, 1, 4, 9 s apart; never 400, 401, 403, 404,
 *   410, 422, 451.
 */
export interface RetryPolicy {
  /** Tries in all, the first one included. */
  readonly attempts: number
  /**
   * The wait after the `failures`th failed try (1-based), before CHECKPOINT_RETRY_SCALE;
   * `random` is in [0, 1).
   */
  readonly waitMs: (failures: number, random: number) => number
}

/**
 * Twirp calls and REST API calls: the Twirp client's schedule, which is longer than Octokit's
 * (a REST fallback should not give up sooner than the call it replaces): 5 attempts, 3 s, then
 * x1.5 with jitter; a service down for 24 s is outlasted.
 */
export const SERVICE_CALLS: RetryPolicy = {
  attempts: 5,
  waitMs: (failures, random) => {
    if (failures <= 1) return 3000
    const shortest = 3000 * 1.5 ** (failures - 1)
    return Math.trunc(shortest + random * shortest * 0.5)
  }
}

/** Put Blob, Put Block, Put Block List: the Azure SDK's exponential policy, 0, 4, 12 s. */
export const BLOB_UPLOADS: RetryPolicy = {
  attempts: 4,
  waitMs: failures => (2 ** (failures - 1) - 1) * 4000
}

/** Signed-URL downloads, whole or ranged: 5 tries, 5 s apart. */
export const DOWNLOADS: RetryPolicy = { attempts: 5, waitMs: () => 5000 }

/**
 * Statuses worth another try, for every call: the Twirp client's five, plus 408 (the server
 * gave up waiting for the request, so it never acted on it). Other 4xx answer the same again.
 */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504])
/** Network errors before the request could reach the service: safe to send again, always. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  CONNECT_TIMEOUT_CODE
])
/** Network errors after the request may have reached it: sent again when idempotent. */
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED'])

/**
 * Time a step spends failing: failed tries and the waits after them, all calls together (one
 * process is one step). Once spent, a failure is final: a step gives up on a dead service
 * within the budget, however many calls it makes; a long transfer that succeeds costs nothing.
 */
export class RetryBudget {
  private spentMs = 0

  /** Whether `ms` more failing time fits in `limitMs`; if so it is spent. */
  take(ms: number, limitMs: number): boolean {
    if (this.spentMs + ms > limitMs) return false
    this.spentMs += ms
    return true
  }
}

const stepBudget = new RetryBudget()

/** Where a retry is reported: the step's log, the CLI's stderr. */
export type Log = (line: string) => void

/** How {@link withRetries} tries one call. */
export interface RetryOptions {
  /** Names the call in messages, e.g. "Artifact service CreateArtifact". */
  what: string
  policy: RetryPolicy
  /**
   * Whether a request that may have reached the service can be sent again (default true).
   * False for calls that create or commit something: they are sent again only after errors that
   * show the request never got there (connection refused, host not found) or a retryable status.
   */
  idempotent?: boolean
  /** Reports each retry; silent when left out. */
  log?: Log
  /** The step's budget; one per process unless a test gives its own. */
  budget?: RetryBudget
  /** The jitter's source, [0, 1); Math.random unless a test gives its own. */
  random?: () => number
}

/** What a try knows of its call. */
export interface Attempt {
  /** 1 for the first try. */
  number: number
  /** Time left before the call's deadline: a small request waits no longer for its answer. */
  remainingMs: number
}

/**
 * Runs `attempt` until it succeeds, the one retry loop of the project. A failure is tried again
 * when it is a retryable status (408, 429, 500, 502, 503, 504), a network error before the
 * request was sent, or, for idempotent calls, a connection or transfer that broke; it waits as
 * the policy says, or longer when a Retry-After asks (seconds or an HTTP date, at most 60 s),
 * every wait scaled by CHECKPOINT_RETRY_SCALE. It gives up when the policy's attempts are used,
 * when the next try would start after the call's deadline (3 min), or when the step's budget
 * (5 min of failing) is spent. Anything else a try throws (a bad digest, a full disk) ends the
 * call as it is.
 * @throws ServiceError naming the call, the last status or error, and the attempts made
 */
export async function withRetries<T>(
  options: RetryOptions,
  attempt: (context: Attempt) => Promise<T>
): Promise<T> {
  const settings = retrySettings()
  const started = Date.now()
  const call = { options, settings, deadline: started + settings.callDeadlineMs }
  for (let number = 1; ; number++) {
    const tried = Date.now()
    try {
      return await attempt({ number, remainingMs: call.deadline - tried })
    } catch (error) {
      const failure = classify(error, options.idempotent ?? true)
      if (failure === undefined) throw error
      const next = nextWait(failure, number, tried, call)
      if ('why' in next) throw gaveUp(options.what, failure, number, Date.now() - started, next)
      options.log?.(retrying(options.what, failure, number, options.policy.attempts, next))
      await new Promise(resolve => setTimeout(resolve, next.ms))
    }
  }
}

/** A failed try, as the retry loop sees it. */
interface Failure {
  error: unknown
  /** What happened, read after the call's name: "answered 503 (...)", "failed: ...". */
  outcome: string
  status: number | undefined
  retryAfterMs: number | undefined
  /** Why it is not tried again, when it is final. */
  finalBecause: string | undefined
}

/** Why a call stops: `final` for a failure no retry helps, else the limit that was reached. */
interface Stop {
  final: boolean
  why: string
}

/** The wait before the next try; `asked` when a Retry-After made it longer than the policy's. */
interface Wait {
  ms: number
  asked: boolean
}

/** A failure of the network or a service; undefined for anything else. */
function classify(error: unknown, idempotent: boolean): Failure | undefined {
  if (error instanceof HttpStatusError && error.status !== undefined) {
    const retryable = RETRYABLE_STATUSES.has(error.status)
    return {
      error,
      outcome: error.message,
      status: error.status,
      retryAfterMs: error.retryAfterMs,
      finalBecause: retryable ? undefined : `a ${error.status} does not change on a retry`
    }
  }
  const code = errorCode(error)
  const notSent = code !== undefined && NOT_SENT.has(code)
  const interrupted =
    error instanceof TransferInterruptedError || (code !== undefined && MAYBE_SENT.has(code))
  if (!notSent && !interrupted) return undefined
  return {
    error,
    outcome: `failed: ${describe(error)}`,
    status: undefined,
    retryAfterMs: undefined,
    finalBecause:
      notSent || idempotent
        ? undefined
        : 'the request may have reached the service, and this call is not safe to repeat'
  }
}

/** The `code` of an error or of its causes (a wrapper keeps the socket's error in `cause`). */
function errorCode(error: unknown): string | undefined {
  let current = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = current.cause
  }
  return undefined
}

/** The wait before the next try, or why there is none. */
function nextWait(
  failure: Failure,
  failures: number,
  tried: number,
  call: { options: RetryOptions; settings: RetrySettings; deadline: number }
): Wait | Stop {
  const { options, settings } = call
  if (failure.finalBecause !== undefined) return { final: true, why: failure.finalBecause }
  if (failures >= options.policy.attempts) return { final: false, why: '' }
  const wait = waitFor(failure, failures, options, settings)
  const now = Date.now()
  if (now + wait.ms >= call.deadline) {
    const deadline = humanDuration(settings.callDeadlineMs)
    return { final: false, why: `the next try would start after the call's ${deadline} deadline` }
  }
  if (!(options.budget ?? stepBudget).take(now - tried + wait.ms, settings.stepBudgetMs)) {
    const budget = humanDuration(settings.stepBudgetMs)
    return { final: false, why: `the step has spent its ${budget} of retries` }
  }
  return wait
}

/**
 * The policy's wait, or the longer one a Retry-After asks for (at most 60 s), scaled: a service
 * is never asked again sooner than it said, nor sooner than the official client would ask.
 */
function waitFor(
  failure: Failure,
  failures: number,
  options: RetryOptions,
  settings: RetrySettings
): Wait {
  const policy = options.policy.waitMs(failures, (options.random ?? Math.random)())
  const asked = Math.min(failure.retryAfterMs ?? 0, settings.retryAfterCapMs)
  return { ms: Math.round(Math.max(policy, asked) * settings.scale), asked: asked > policy }
}

function gaveUp(
  what: string,
  failure: Failure,
  attempts: number,
  elapsedMs: number,
  stop: Stop
): ServiceError {
  const count = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  const end = stop.final
    ? `not retried (${count}): ${stop.why}`
    : `gave up after ${count} over ${humanDuration(elapsedMs)}${stop.why === '' ? '' : `: ${stop.why}`}`
  return new ServiceError(`${what} ${failure.outcome}; ${end}`, failure.status, {
    cause: failure.error
  })
}

function retrying(
  what: string,
  failure: Failure,
  attempt: number,
  attempts: number,
  wait: Wait
): string {
  const asked = wait.asked ? ', as its Retry-After asks' : ''
  return `${what} ${failure.outcome} on attempt ${attempt} of ${attempts}; trying again in ${humanDuration(wait.ms)}${asked}`
}

/** A duration for a message: "250 ms", "4.5 s", "180 s". */
function humanDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${Number((ms / 1000).toFixed(1))} s`
}
