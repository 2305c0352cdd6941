import type { IncomingMessage } from 'node:http'
import { HttpStatusError, TransferInterruptedError } from './service-errors.js'

/**
 * The action's version, sent in every request's User-Agent. A unit test holds it equal to
 * package.json's: the bundles do not ship package.json where they could read it.
 */
export const ACTION_VERSION = '1.0.0'

/** Names the action and its version to every service it calls (the official client sends its own). */
export const USER_AGENT = `checkpoint-action/${ACTION_VERSION}`

/**
 * One fetch with the action's User-Agent, given up when no answer has come within `timeoutMs`
 * (the signal stays armed while the body is read).
 * @throws TransferInterruptedError `silence` when the time is up
 */
export async function send(
  url: string,
  init: Omit<RequestInit, 'headers' | 'signal'> & { headers?: Record<string, string> },
  timeoutMs: number,
  silence = `no answer within ${String(timeoutMs)} ms`
): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      headers: { 'User-Agent': USER_AGENT, ...init.headers },
      signal: AbortSignal.timeout(Math.max(1, Math.round(timeoutMs)))
    })
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      throw new TransferInterruptedError(silence, undefined, { cause: error })
    }
    throw error
  }
}

/** An error answer as a {@link HttpStatusError}: its status, what its body says, its Retry-After. */
export async function statusError(response: Response): Promise<HttpStatusError> {
  const text = await response.text().catch(() => '')
  return new HttpStatusError(
    response.status,
    detailOf(text) || response.statusText,
    retryAfterMs(response.headers.get('retry-after'))
  )
}

/** The same for an answer read with node:http, whose body is not read. */
export function statusErrorOf(response: IncomingMessage): HttpStatusError {
  return new HttpStatusError(
    response.statusCode ?? 0,
    response.statusMessage ?? '',
    retryAfterMs(response.headers['retry-after'])
  )
}

/** What an error body says, short: a Twirp `msg`, a REST `message`, Azure's `<Message>`. */
function detailOf(text: string): string {
  let detail = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? text
  try {
    const body = JSON.parse(text) as { msg?: unknown; message?: unknown }
    const said = body.msg ?? body.message
    if (typeof said === 'string') detail = said
  } catch {
    // Not JSON: the text itself.
  }
  detail = detail.replace(/\s+/g, ' ').trim()
  return detail.length > 200 ? `${detail.slice(0, 197)}...` : detail
}

/**
 * How long a `Retry-After` header asks to wait, in ms: a number of seconds or an HTTP date
 * (a date in the past asks for no wait). Undefined when absent or unreadable.
 */
export function retryAfterMs(
  header: string | null | undefined,
  now = Date.now()
): number | undefined {
  const text = (header ?? '').trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  // An HTTP date names its day and month ("Tue, 24 Nov 2026 10:00:30 GMT"); Date.parse would
  // read "-5" as a year.
  const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * What of a signed URL must be masked in the log: its `sig` value, raw and URL-encoded, as the
 * official client masks them. The rest of the URL (account, path, expiry) is not secret.
 */
export function signatureSecrets(url: string): string[] {
  let signature: string | null
  try {
    signature = new URL(url).searchParams.get('sig')
  } catch {
    return []
  }
  return signature ? [...new Set([signature, encodeURIComponent(signature)])] : []
}
