import { createHash, type Hash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { ByteMeter } from '../packing/meter.js'
import { forEachBounded } from '../packing/limit.js'
import { CALL_TIMEOUT_MS, IDLE_TIMEOUT_MS, uploadSettings, type UploadSettings } from './config.js'
import { bodyChunks, readBody, request } from './http.js'
import { BLOB_UPLOADS, DOWNLOADS, withRetries, type Log } from './retry.js'
import { ServiceError } from './service-errors.js'

/** Names a transfer in messages and says where its retries are reported. */
export interface TransferOptions {
  /** E.g. "Download of checkpoint.pipeline.a1.s001.fetch.json". */
  what: string
  log?: Log | undefined
}

/** How {@link downloadToFile} asks for the bytes. */
export interface DownloadOptions extends TransferOptions {
  /** Sent with the request: a REST download's token. A signed URL carries its own. */
  headers?: Record<string, string>
  /** Follows one redirect, telling this the location first (see HttpRequest.redirected). */
  redirected?: (location: string) => void
  /** Hears how many bytes have arrived so far. */
  progress?: ((bytes: number) => void) | undefined
}

/**
 * Streams a URL's body into a file, counting and hashing it on the way, and returns its size and
 * `sha256:<hex>`. Given up when no data comes for the idle timeout; a try that fails starts the
 * file over (DOWNLOADS schedule).
 */
export async function downloadToFile(
  url: string,
  file: string,
  options: DownloadOptions
): Promise<{ size: number; digest: string }> {
  const { what, log, headers, redirected, progress } = options
  return withRetries({ what, log, policy: DOWNLOADS }, async () => {
    const idleMs = IDLE_TIMEOUT_MS
    const response = await request(url, { headers, redirected, idleMs, accept: [200] })
    const meter = new ByteMeter(Number.POSITIVE_INFINITY, undefined, progress)
    await pipeline(bodyChunks(response), meter, createWriteStream(file, { mode: 0o644 }))
    return { size: meter.bytes, digest: meter.digest() }
  })
}

/**
 * A signed URL's body as it arrives, for a reader that consumes it on the way. Opening it is
 * retried (DOWNLOADS schedule); a body that breaks or stops for the idle timeout part-way is not:
 * the caller falls back to a whole download.
 */
export async function* streamBody(url: string, options: TransferOptions): AsyncGenerator<Buffer> {
  const open = () => request(url, { idleMs: IDLE_TIMEOUT_MS, accept: [200] })
  yield* bodyChunks(await withRetries({ ...options, policy: DOWNLOADS }, open))
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
    const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs)
    const response = await request(url, { headers, timeoutMs, accept: [200, 206] })
    const bytes = await readBody(response)
    if ((response.statusCode === 200 && start !== 0) || bytes.length !== end - start) {
      throw new ServiceError(
        `A ranged download answered ${String(response.statusCode)} with ${bytes.length} bytes, not ${end - start}`,
        response.statusCode
      )
    }
    return bytes
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
  const settings = { ...uploadSettings(), ...options }
  const tally = { hash: createHash('sha256'), size: 0 }
  const upload = new BlockUpload(url, settings)
  const blocks = blocksOf(source, options.blockBytes ?? BLOCK_BYTES, tally)
  await forEachBounded(blocks, settings.concurrency, block => upload.send(block))
  await upload.commit()
  return { size: tally.size, digest: `sha256:${tally.hash.digest('hex')}` }
}

/** A block of an upload: the source's chunks as they came (never concatenated), in order. */
interface Block {
  index: number
  chunks: Buffer[]
  bytes: number
  /** The source ended with it; it may be empty. */
  last: boolean
}

/**
 * Cuts a stream of chunks into blocks of `blockBytes`, each one handed on as soon as it is
 * full, before the next chunk is read; what is left at the end is the last block. Every chunk
 * is counted and hashed into `tally` as it passes.
 */
async function* blocksOf(
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  blockBytes: number,
  tally: { hash: Hash; size: number }
): AsyncGenerator<Block> {
  let chunks: Buffer[] = []
  let bytes = 0
  let index = 0
  for await (const chunk of source) {
    tally.hash.update(chunk)
    tally.size += chunk.length
    let rest = chunk
    while (bytes + rest.length >= blockBytes) {
      chunks.push(rest.subarray(0, blockBytes - bytes))
      rest = rest.subarray(blockBytes - bytes)
      yield { index: index++, chunks, bytes: blockBytes, last: false }
      chunks = []
      bytes = 0
    }
    if (rest.length > 0) {
      chunks.push(rest)
      bytes += rest.length
    }
  }
  yield { index, chunks, bytes, last: true }
}

/** The requests of one upload: one Put Blob, or Put Blocks and then the block list. */
class BlockUpload {
  private readonly ids: string[] = []

  constructor(
    private readonly url: () => Promise<string>,
    private readonly options: UploadOptions & UploadSettings
  ) {}

  /** Sends a block: a Put Blob when it is the only one, else a Put Block (none when empty). */
  async send(block: Block): Promise<void> {
    const { contentType, what } = this.options
    if (block.last && block.index === 0) {
      const headers = { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType }
      await this.put(await this.url(), block.chunks, headers, what)
      return
    }
    if (block.bytes === 0) return
    const id = Buffer.from(`block-${String(block.index).padStart(8, '0')}`).toString('base64')
    this.ids[block.index] = id
    const target = `${await this.url()}&comp=block&blockid=${encodeURIComponent(id)}`
    await this.put(target, block.chunks, {}, `${what} (block ${block.index + 1})`)
  }

  /** Commits the blocks, in order, with a Put Block List; nothing to do after a Put Blob. */
  async commit(): Promise<void> {
    if (this.ids.length === 0) return
    const { contentType, what } = this.options
    const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${this.ids
      .map(id => `<Latest>${id}</Latest>`)
      .join('')}</BlockList>`
    const headers = { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': contentType }
    const target = `${await this.url()}&comp=blocklist`
    await this.put(target, [Buffer.from(list)], headers, `${what} (block list)`)
  }

  /** One PUT on the BLOB_UPLOADS schedule: network errors, stalls, 408, 429 and 5xx retried. */
  private async put(
    url: string,
    body: readonly Buffer[],
    headers: Record<string, string>,
    what: string
  ): Promise<void> {
    const { stallMs, log } = this.options
    const silence = `no answer within ${String(stallMs)} ms (upload stalled)`
    await withRetries({ what, policy: BLOB_UPLOADS, log }, async () => {
      const answer = await request(url, {
        method: 'PUT',
        headers,
        body,
        timeoutMs: stallMs,
        silence
      })
      // The status says the bytes are stored; what the body says after it changes nothing.
      await readBody(answer).catch(() => undefined)
    })
  }
}
