import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import * as http from 'node:http'
import type { IncomingMessage } from 'node:http'
import * as https from 'node:https'
import { pipeline } from 'node:stream/promises'
import { describe } from '../checkpoint/errors.js'
import { ServiceError } from './twirp-client.js'

const ATTEMPTS = 3
const IDLE_TIMEOUT_MS = 60_000

/**
 * Streams a URL's body into a file (see {@link streamBody}), hashing it on the way, and returns
 * `sha256:<hex>` and the size. Network failures and 5xx are tried again a few times. Never sends
 * credentials: signed URLs carry their own.
 */
export async function downloadToFile(
  url: string,
  file: string
): Promise<{ digest: string; size: number }> {
  let lastError: unknown
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await downloadOnce(url, file)
    } catch (error) {
      lastError = error
      if (error instanceof ServiceError && error.status !== undefined && error.status < 500) break
    }
  }
  throw lastError instanceof ServiceError
    ? lastError
    : new ServiceError(`Download failed: ${describe(lastError)}`)
}

async function downloadOnce(url: string, file: string): Promise<{ digest: string; size: number }> {
  const hash = createHash('sha256')
  let size = 0
  const counted = async function* (): AsyncGenerator<Buffer> {
    for await (const bytes of streamBody(url)) {
      hash.update(bytes)
      size += bytes.length
      yield bytes
    }
  }
  await pipeline(counted(), createWriteStream(file))
  return { digest: `sha256:${hash.digest('hex')}`, size }
}

/** Bytes per Put Block: big enough for few requests, small enough to hold a few in memory. */
export const BLOCK_BYTES = 8 * 1024 * 1024
/** Put Blocks in flight at once. */
const BLOCKS_IN_FLIGHT = 4
/** Without an answer in this long a block is sent again (ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS). */
const DEFAULT_STALL_MS = 5 * 60_000

/**
 * Streams bytes to a signed block-blob URL, asked for only when the first bytes are ready to go
 * (a source that fails early creates nothing), and returns their size and `sha256:<hex>`: one Put
 * Blob when they fit in a block, else Put Blocks (a few in flight, each tried up to three times,
 * one that gets no answer within the stall timeout sent again) and one Put Block List. Nothing
 * is readable at the URL until that last request: a failed upload leaves nothing behind.
 */
export async function uploadStream(
  url: () => Promise<string>,
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: { contentType: string; what: string; blockBytes?: number }
): Promise<{ size: number; digest: string }> {
  const blockBytes = options.blockBytes ?? BLOCK_BYTES
  const stallMs = stallTimeout()
  const hash = createHash('sha256')
  let size = 0
  const ids: string[] = []
  const inFlight = new Set<Promise<void>>()
  let failure: Error | undefined
  const send = (block: Buffer): void => {
    const id = Buffer.from(`block-${String(ids.length).padStart(8, '0')}`).toString('base64')
    ids.push(id)
    const what = `${options.what}: block ${ids.length}`
    const put = url()
      .then(base => {
        const target = `${base}&comp=block&blockid=${encodeURIComponent(id)}`
        return putWithRetries(target, block, {}, stallMs, what)
      })
      .catch((error: unknown) => {
        failure ??= error instanceof Error ? error : new ServiceError(String(error))
      })
      .finally(() => inFlight.delete(put))
    inFlight.add(put)
  }

  let pending: Buffer[] = []
  let pendingBytes = 0
  for await (const chunk of source) {
    hash.update(chunk)
    size += chunk.length
    let rest = chunk
    while (pendingBytes + rest.length >= blockBytes) {
      const take = blockBytes - pendingBytes
      pending.push(rest.subarray(0, take))
      rest = rest.subarray(take)
      send(Buffer.concat(pending))
      pending = []
      pendingBytes = 0
      while (inFlight.size >= BLOCKS_IN_FLIGHT) await Promise.race(inFlight)
      if (failure !== undefined) throw failure
    }
    if (rest.length > 0) {
      pending.push(rest)
      pendingBytes += rest.length
    }
  }
  const digest = `sha256:${hash.digest('hex')}`
  const last = Buffer.concat(pending)
  if (ids.length === 0) {
    await putWithRetries(
      await url(),
      last,
      { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': options.contentType },
      stallMs,
      options.what
    )
    return { size, digest }
  }
  if (last.length > 0) send(last)
  await Promise.all(inFlight)
  if (failure !== undefined) throw failure
  const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${ids
    .map(id => `<Latest>${id}</Latest>`)
    .join('')}</BlockList>`
  await putWithRetries(
    `${await url()}&comp=blocklist`,
    Buffer.from(list, 'utf8'),
    { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': options.contentType },
    stallMs,
    `${options.what}: block list`
  )
  return { size, digest }
}

function stallTimeout(): number {
  const value = Number(process.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS)
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_STALL_MS
}

/** One PUT, tried again on network errors, timeouts, 429 and 5xx. */
async function putWithRetries(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
  what: string
): Promise<void> {
  let lastStatus = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response: Response
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs)
      })
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError'
      lastStatus = timedOut ? `no answer within ${timeoutMs} ms (upload stalled)` : describe(error)
      continue
    }
    if (response.ok) {
      await response.arrayBuffer().catch(() => undefined)
      return
    }
    lastStatus = `${response.status} ${await response.text().catch(() => '')}`.trim()
    if (response.status < 500 && response.status !== 429) break
  }
  throw new ServiceError(`Upload to blob storage failed (${what}): ${lastStatus}`)
}

/** Bytes `start` to `end` (exclusive) of a signed URL, in one ranged GET. */
export async function fetchRange(url: string, start: number, end: number): Promise<Buffer> {
  const response = await fetch(url, {
    headers: { Range: `bytes=${start}-${end - 1}`, 'x-ms-range': `bytes=${start}-${end - 1}` },
    signal: AbortSignal.timeout(IDLE_TIMEOUT_MS)
  })
  const bytes = Buffer.from(await response.arrayBuffer())
  if (
    (response.status !== 206 && !(response.status === 200 && start === 0)) ||
    bytes.length !== end - start
  ) {
    throw new ServiceError(
      `A ranged download answered ${response.status} with ${bytes.length} bytes, not ${end - start}`,
      response.status
    )
  }
  return bytes
}

/**
 * A signed URL's body as it arrives, for a reader that consumes it on the way (node:http, whose
 * streams cost less per chunk than fetch's); a body that stops for a minute is abandoned. Not
 * retried here: the caller falls back to a whole download.
 */
export async function* streamBody(url: string): AsyncGenerator<Buffer> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = (url.startsWith('https:') ? https : http).get(url, resolve)
    request.on('error', reject)
    request.setTimeout(IDLE_TIMEOUT_MS, () => {
      request.destroy(new ServiceError(`Download got no data for ${IDLE_TIMEOUT_MS / 1000} s`))
    })
  })
  try {
    if (response.statusCode !== 200) {
      throw new ServiceError(`Download answered ${response.statusCode}`, response.statusCode)
    }
    for await (const chunk of response) yield chunk as Buffer
    if (!response.complete) throw new ServiceError('Download ended before its last byte')
  } finally {
    response.destroy()
  }
}
