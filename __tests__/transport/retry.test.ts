import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { ConfigurationError } from '../../src/checkpoint/errors.js'
import {
  HttpStatusError,
  ServiceError,
  TransferInterruptedError
} from '../../src/transport/service-errors.js'
import {
  BLOB_UPLOADS,
  DOWNLOADS,
  RetryBudget,
  SERVICE_CALLS,
  withRetries,
  type RetryOptions
} from '../../src/transport/retry.js'

const saved = { ...process.env }

beforeEach(() => {
  jest.useFakeTimers({ now: 0 })
  delete process.env.CHECKPOINT_RETRY_SCALE
})

afterEach(() => {
  jest.useRealTimers()
  process.env = { ...saved }
})

/** What one call did: its result or error, when each try started, what it logged. */
interface Outcome {
  value?: unknown
  error?: unknown
  starts: number[]
  lines: string[]
  remaining: number[]
}

/**
 * Runs one call on fake timers. Each try takes `tryMs` of fake time, then ends as `results`
 * says, in order (the last one repeats): an Error is thrown, anything else returned.
 */
async function call(
  results: unknown[],
  options: Partial<RetryOptions> = {},
  tryMs = 0
): Promise<Outcome> {
  const outcome: Outcome = { starts: [], lines: [], remaining: [] }
  let index = 0
  const settled = withRetries(
    {
      what: 'Artifact service CreateArtifact',
      policy: SERVICE_CALLS,
      log: line => outcome.lines.push(line),
      budget: new RetryBudget(),
      random: () => 0,
      ...options
    },
    async ({ remainingMs }) => {
      outcome.starts.push(Date.now())
      outcome.remaining.push(remainingMs)
      const result = results[Math.min(index++, results.length - 1)]
      if (tryMs > 0) await new Promise(resolve => setTimeout(resolve, Math.min(tryMs, remainingMs)))
      if (result instanceof Error) throw result
      return result
    }
  ).then(
    value => Object.assign(outcome, { value }),
    (error: unknown) => Object.assign(outcome, { error })
  )
  await jest.runAllTimersAsync()
  return settled
}

const unavailable = (): HttpStatusError => new HttpStatusError(503, 'injected fault: HTTP 503')
const refused = (): Error =>
  new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })
  })
const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

/** The waits between consecutive tries. */
const waits = (starts: number[]): number[] => starts.slice(1).map((at, i) => at - (starts[i] ?? 0))

describe('the schedules, as the official clients wait', () => {
  it('Twirp and REST calls: 5 attempts, 3 s, then x1.5 with the shortest jitter', async () => {
    const { starts, error } = await call([unavailable()])
    expect(starts).toHaveLength(5)
    expect(waits(starts)).toEqual([3000, 4500, 6750, 10125])
    expect(error).toBeInstanceOf(ServiceError)
  })

  it('the jitter stays below x1.5 of each wait, whatever the random number', async () => {
    const { starts } = await call([unavailable()], { random: () => 0.999999 })
    const longest = waits(starts)
    expect(longest[0]).toBe(3000)
    expect(longest.slice(1).map((wait, i) => wait / (4500 * 1.5 ** i))).toEqual([
      expect.closeTo(1.5, 2),
      expect.closeTo(1.5, 2),
      expect.closeTo(1.5, 2)
    ])
    for (const [i, wait] of longest.slice(1).entries()) {
      expect(wait).toBeGreaterThanOrEqual(4500 * 1.5 ** i)
      expect(wait).toBeLessThan(4500 * 1.5 ** (i + 1))
    }
    const { starts: random } = await call([unavailable()], { random: Math.random })
    for (const [i, wait] of waits(random).slice(1).entries()) {
      expect(wait).toBeGreaterThanOrEqual(4500 * 1.5 ** i)
      expect(wait).toBeLessThan(4500 * 1.5 ** (i + 1))
    }
  })

  it('blob uploads: 4 tries, 0, 4 and 12 s apart (the Azure SDK exponential policy)', async () => {
    const { starts } = await call([unavailable()], { policy: BLOB_UPLOADS })
    expect(waits(starts)).toEqual([0, 4000, 12000])
  })

  it('downloads: 5 tries, 5 s apart', async () => {
    const { starts } = await call([unavailable()], { policy: DOWNLOADS })
    expect(waits(starts)).toEqual([5000, 5000, 5000, 5000])
  })

  it('a call that recovers returns its answer after the tries it needed', async () => {
    const outcome = await call([unavailable(), unavailable(), { ok: true }])
    expect(outcome.value).toEqual({ ok: true })
    expect(outcome.starts).toEqual([0, 3000, 7500])
    expect(outcome.lines).toEqual([
      'Artifact service CreateArtifact answered 503 (injected fault: HTTP 503) on attempt 1 of 5; trying again in 3 s',
      'Artifact service CreateArtifact answered 503 (injected fault: HTTP 503) on attempt 2 of 5; trying again in 4.5 s'
    ])
  })

  it('CHECKPOINT_RETRY_SCALE shortens every wait and nothing else', async () => {
    process.env.CHECKPOINT_RETRY_SCALE = '0.01'
    const { starts, error } = await call([unavailable()])
    expect(waits(starts)).toEqual([30, 45, 68, 101])
    expect(String(error)).toContain('gave up after 5 attempts')
  })

  it.each(['0', '-1', 'fast', '11'])(
    'refuses CHECKPOINT_RETRY_SCALE=%s, naming it and the rule',
    async value => {
      process.env.CHECKPOINT_RETRY_SCALE = value
      const { error, starts } = await call([unavailable()])
      expect(starts).toEqual([])
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(String(error)).toContain(
        `CHECKPOINT_RETRY_SCALE has an invalid value "${value}": it must be a number above 0 and at most 10`
      )
    }
  )
})

describe('Retry-After', () => {
  it('a 429 waits as long as its Retry-After asks, and the log says rate limited', async () => {
    const limited = new HttpStatusError(429, 'slow down', 8000)
    const outcome = await call([limited, { ok: true }])
    expect(outcome.starts).toEqual([0, 8000])
    expect(outcome.lines).toEqual([
      'Artifact service CreateArtifact answered 429, rate limited (slow down) on attempt 1 of 5; trying again in 8 s, as its Retry-After asks'
    ])
  })

  it('never sooner than the schedule: a shorter Retry-After is waited out within its wait', async () => {
    const limited = new HttpStatusError(429, 'slow down', 2000)
    const outcome = await call([limited, limited, { ok: true }])
    expect(outcome.starts).toEqual([0, 3000, 7500])
    expect(outcome.lines).toEqual([
      'Artifact service CreateArtifact answered 429, rate limited (slow down) on attempt 1 of 5; trying again in 3 s',
      'Artifact service CreateArtifact answered 429, rate limited (slow down) on attempt 2 of 5; trying again in 4.5 s'
    ])
  })

  it('a 503 with Retry-After is waited as asked too', async () => {
    const { starts } = await call([new HttpStatusError(503, '', 20_000), 'done'])
    expect(starts).toEqual([0, 20_000])
  })

  it('a Retry-After longer than 60 s is waited 60 s', async () => {
    const { starts } = await call([new HttpStatusError(429, '', 3_600_000), 'done'])
    expect(starts).toEqual([0, 60_000])
  })

  it('is scaled like every other wait', async () => {
    process.env.CHECKPOINT_RETRY_SCALE = '0.1'
    const { starts } = await call([new HttpStatusError(429, '', 8000), 'done'])
    expect(starts).toEqual([0, 800])
  })

  it('a service that keeps rate-limiting fails the call naming the status and the attempts', async () => {
    const { error } = await call([new HttpStatusError(429, 'too many', 1000)])
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).status).toBe(429)
    expect((error as Error).message).toBe(
      'Artifact service CreateArtifact answered 429, rate limited (too many); gave up after 5 attempts over 24.4 s'
    )
  })
})

describe('what ends a call at once', () => {
  it.each([400, 401, 403, 404, 409, 422])('a %i: one attempt, the status kept', async status => {
    const { starts, error } = await call([new HttpStatusError(status, 'no'), 'never'])
    expect(starts).toEqual([0])
    expect((error as ServiceError).status).toBe(status)
    expect((error as Error).message).toBe(
      `Artifact service CreateArtifact answered ${status} (no); not retried (1 attempt): a ${status} does not change on a retry`
    )
  })

  it.each([408, 429, 500, 502, 503, 504])('a %i is tried again', async status => {
    const { starts, value } = await call([new HttpStatusError(status, ''), 'done'])
    expect(starts).toHaveLength(2)
    expect(value).toBe('done')
  })

  it('a failure that is not the network or a service (a full disk, a bad digest) as it is', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const { starts, error } = await call([full, 'never'])
    expect(starts).toEqual([0])
    expect(error).toBe(full)
  })

  it('a refused connection is tried again even for a call that is not idempotent', async () => {
    const { starts, value } = await call([refused(), 'created'], { idempotent: false })
    expect(starts).toEqual([0, 3000])
    expect(value).toBe('created')
  })

  it('a connection reset ends a call that is not idempotent: the request may have arrived', async () => {
    const { starts, error } = await call([reset(), 'created'], { idempotent: false })
    expect(starts).toEqual([0])
    expect((error as Error).message).toBe(
      'Artifact service CreateArtifact failed: socket hang up; not retried (1 attempt): the request may have reached the service, and this call is not safe to repeat'
    )
  })

  it('a connection reset or a broken transfer is tried again for an idempotent call', async () => {
    const broken = new TransferInterruptedError('Download ended before its last byte')
    const outcome = await call([reset(), broken, 'bytes'], {
      what: 'Download of x',
      policy: DOWNLOADS
    })
    expect(outcome.starts).toEqual([0, 5000, 10000])
    expect(outcome.value).toBe('bytes')
  })

  it('a network failure that lasts names the error and the attempts', async () => {
    const { error } = await call([refused()], {
      what: 'Upload of x (block 1)',
      policy: BLOB_UPLOADS
    })
    expect((error as Error).message).toBe(
      'Upload of x (block 1) failed: fetch failed (connect ECONNREFUSED 127.0.0.1:9); gave up after 4 attempts over 16 s'
    )
  })
})

describe('deadlines', () => {
  it('no try starts after the call deadline of 3 minutes, and each try is told the time left', async () => {
    // Each try hangs until its own timeout: a minute, or the time left before the deadline.
    const silent = new TransferInterruptedError('no answer')
    const { starts, remaining, error } = await call([silent], {}, 60_000)
    expect(starts).toEqual([0, 63_000, 127_500])
    expect(remaining).toEqual([180_000, 117_000, 52_500])
    expect((error as Error).message).toBe(
      "Artifact service CreateArtifact failed: no answer; gave up after 3 attempts over 180 s: the next try would start after the call's 180 s deadline"
    )
  })

  it('a step gives up on a dead service within 5 minutes, however many calls it makes', async () => {
    const budget = new RetryBudget()
    const failures: string[] = []
    for (let index = 0; index < 30; index++) {
      const { error } = await call([unavailable()], { budget, policy: DOWNLOADS, what: 'Download' })
      failures.push((error as Error).message)
    }
    // Each call spends 20 s waiting: 15 fit in the budget; then every call fails at once.
    expect(failures.slice(0, 15)).toEqual(
      Array(15).fill(
        'Download answered 503 (injected fault: HTTP 503); gave up after 5 attempts over 20 s'
      )
    )
    expect(failures.slice(15)).toEqual(
      Array(15).fill(
        'Download answered 503 (injected fault: HTTP 503); gave up after 1 attempt over 0 ms: the step has spent its 300 s of retries'
      )
    )
    expect(Date.now()).toBe(300_000)
  })

  it('time spent on tries that succeed costs nothing', async () => {
    const budget = new RetryBudget()
    for (let index = 0; index < 10; index++) await call(['ok'], { budget }, 60_000)
    const { starts } = await call([unavailable(), 'ok'], { budget })
    expect(starts).toHaveLength(2)
  })
})
