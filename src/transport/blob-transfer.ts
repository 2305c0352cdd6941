import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import * as http from 'node:http'
import type { IncomingMessage } from 'node:http'
import * as https from 'node:https'
import { pipeline } from 'node:stream/promises'
import { CALL_TIMEOUT_MS, IDLE_TIMEOUT_MS, uploadSettings, type UploadSettings } from './config.js'
import { ServiceError, TransferInterruptedError } from './service-errors.js'
import { USER_AGENT, send, statusError, statusErrorOf } from './http.js'
import { BLOB_UPLOADS, DOWNLOADS, withRetries, type Log } from './retry.js'

/** Names a transfer in messages and says where its retries are reported. */
export interface TransferOptions {
  /** E.g. "Download of checkpoint.pipeline.a1.s001.fetch.json". */
  what: string
  log?: Log | undefined
}

/**
 * Streams a URL's body into a file (see {@link streamBody}), hashing it on the way, and returns
 * `sha256:<hex>` and the size; a try that fails starts the file over (DOWNLOADS schedule).
 * Never sends credentials: signed URLs carry their own.
 */
export async function downloadToFile(
  url: string,
  file: string,
  options: TransferOptions
): Promise<{ digest: string; size: number }> {
  return withRetries({ ...options, policy: DOWNLOADS }, async () => {
    const response = await openBody(url)
    const hash = createHash('sha256')
    let size = 0
    const counted = async function* (): AsyncGenerator<Buffer> {
      for await (const bytes of bodyOf(response)) {
        hash.update(bytes)
        size += bytes.length
        yield bytes
      }
    }
    await pipeline(counted(), createWriteStream(file))
    return { digest: `sha256:${hash.digest('hex')}`, size }
  })
}

/** Bytes per Put Block: big enough for few requests, small enough to hold a few in memory. */
export const BLOCK_BYTES = 8 * 1024 * 1024

/** How {@link uploadStream} sends. */
export interface UploadOptions extends TransferOptions {
  contentType: string
  blockBytes?: number
  /** Put Blocks in flight at once; ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY when left out. */
  concurrency?: number
  /** A PUT without an answer this long is sent again; ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS when left out. */
  stallMs?: number
}

/**
 * Streams bytes to a signed block-blob URL, asked for only when the first bytes are ready to go
 * (a source that fails early creates nothing), and returns their size and `sha256:<hex>`: one Put
 * Blob when they fit in a block, else Put Blocks (`concurrency` in flight, each retried on the
 * BLOB_UPLOADS schedule, one that gets no answer within the stall timeout sent again) and one
 * Put Block List. Nothing is readable at the URL until that last request: a failed upload
 * leaves nothing behind.
 */
export async function uploadStream(
  url: () => Promise<string>,
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: UploadOptions
): Promise<{ size: number; digest: string }> {
  const blocks = new BlockSender(url, { ...uploadSettings(), ...options })
  const hash = createHash('sha256')
  let size = 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  const blockBytes = options.blockBytes ?? BLOCK_BYTES
  for await (const chunk of source) {
    hash.update(chunk)
    size += chunk.length
    let rest = chunk
    while (pendingBytes + rest.length >= blockBytes) {
      const take = blockBytes - pendingBytes
      pending.push(rest.subarray(0, take))
      rest = rest.subarray(take)
      await blocks.send(Buffer.concat(pending))
      pending = []
      pendingBytes = 0
    }
    if (rest.length > 0) {
      pending.push(rest)
      pendingBytes += rest.length
    }
  }
  await blocks.finish(Buffer.concat(pending))
  return { size, digest: `sha256:${hash.digest('hex')}` }
}

/** The Put Blocks of one upload, a few in flight, then the block list (or one Put Blob). */
class BlockSender {
  private readonly ids: string[] = []
  private readonly inFlight = new Set<Promise<void>>()
  private failure: Error | undefined

  constructor(
    private readonly url: () => Promise<string>,
    private readonly options: UploadOptions & UploadSettings
  ) {}

  /** Starts a Put Block; waits while as many as allowed are in flight. */
  async send(block: Buffer): Promise<void> {
    const id = Buffer.from(`block-${String(this.ids.length).padStart(8, '0')}`).toString('base64')
    this.ids.push(id)
    const what = `${this.options.what} (block ${this.ids.length})`
    const put = this.url()
      .then(base =>
        this.put(`${base}&comp=block&blockid=${encodeURIComponent(id)}`, block, {}, what)
      )
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new ServiceError(String(error))
      })
      .finally(() => this.inFlight.delete(put))
    this.inFlight.add(put)
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight)
    if (this.failure !== undefined) throw this.failure
  }

  /** Sends what is left: one Put Blob when no block went up, else the last block and the list. */
  async finish(last: Buffer): Promise<void> {
    const { contentType, what } = this.options
    if (this.ids.length === 0) {
      const headers = { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType }
      await this.put(await this.url(), last, headers, what)
      return
    }
    if (last.length > 0) await this.send(last)
    await Promise.all(this.inFlight)
    if (this.failure !== undefined) throw this.failure
    const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${this.ids
      .map(id => `<Latest>${id}</Latest>`)
      .join('')}</BlockList>`
    const headers = { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': contentType }
    await this.put(
      `${await this.url()}&comp=blocklist`,
      Buffer.from(list),
      headers,
      `${what} (block list)`
    )
  }

  /** One PUT on the BLOB_UPLOADS schedule: network errors, stalls, 408, 429 and 5xx retried. */
  private async put(
    url: string,
    body: Buffer,
    headers: Record<string, string>,
    what: string
  ): Promise<void> {
    const { stallMs, log } = this.options
    await withRetries({ what, policy: BLOB_UPLOADS, log }, async () => {
      const stalled = `no answer within ${String(stallMs)} ms (upload stalled)`
      const response = await send(url, { method: 'PUT', headers, body }, stallMs, stalled)
      if (!response.ok) throw await statusError(response)
      await response.arrayBuffer().catch(() => undefined)
    })
  }
}

/**
 * Bytes `start` to `end` (exclusive) of a signed URL, in one ranged GET (DOWNLOADS schedule).
 * An answer of another length is not retried: the caller falls back to a whole download.
 */
export async function fetchRange(
  url: string,
  start: number,
  end: number,
  options: TransferOptions
): Promise<Buffer> {
  const range = `bytes=${start}-${end - 1}`
  return withRetries({ ...options, policy: DOWNLOADS }, async ({ remainingMs }) => {
    const headers = { Range: range, 'x-ms-range': range }
    const response = await send(url, { headers }, Math.min(CALL_TIMEOUT_MS, remainingMs))
    if (response.status !== 206 && response.status !== 200) throw await statusError(response)
    const bytes = Buffer.from(await response.arrayBuffer())
    if ((response.status === 200 && start !== 0) || bytes.length !== end - start) {
      throw new ServiceError(
        `A ranged download answered ${response.status} with ${bytes.length} bytes, not ${end - start}`,
        response.status
      )
    }
    return bytes
  })
}

/**
 * A signed URL's body as it arrives, for a reader that consumes it on the way (node:http, whose
 * streams cost less per chunk than fetch's). Opening it is retried (DOWNLOADS schedule); a body
 * that breaks or stops for 30 s part-way is not: the caller falls back to a whole download.
 */
export async function* streamBody(url: string, options: TransferOptions): AsyncGenerator<Buffer> {
  yield* bodyOf(await withRetries({ ...options, policy: DOWNLOADS }, () => openBody(url)))
}

/** One GET of a signed URL, answered 200; given up when no data comes for the idle timeout. */
async function openBody(url: string): Promise<IncomingMessage> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = (url.startsWith('https:') ? https : http).get(
      url,
      { headers: { 'User-Agent': USER_AGENT } },
      resolve
    )
    request.on('error', reject)
    request.setTimeout(IDLE_TIMEOUT_MS, () => {
      request.destroy(
        new TransferInterruptedError(`Download got no data for ${IDLE_TIMEOUT_MS / 1000} s`)
      )
    })
  })
  if (response.statusCode !== 200) {
    response.destroy()
    throw statusErrorOf(response)
  }
  return response
}

/** The chunks of an answer's body; one that ends before its last byte is an error. */
async function* bodyOf(response: IncomingMessage): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of response) yield chunk as Buffer
    if (!response.complete)
      throw new TransferInterruptedError('Download ended before its last byte')
  } finally {
    response.destroy()
  }
}
