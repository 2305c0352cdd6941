import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { Readable, Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ServiceError } from './twirp.js'

const ATTEMPTS = 3
const IDLE_TIMEOUT_MS = 60_000

/**
 * Streams a URL's body into a file, hashing it on the way, and returns `sha256:<hex>` and the
 * size. Network failures and 5xx are tried again a few times; a body that stops for a minute
 * is abandoned. Never sends credentials: signed URLs carry their own.
 */
export async function downloadToFile(
  url: string,
  file: string,
  headers: Record<string, string> = {}
): Promise<{ digest: string; size: number }> {
  let lastError: unknown
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return await downloadOnce(url, file, headers)
    } catch (error) {
      lastError = error
      if (error instanceof ServiceError && error.status !== undefined && error.status < 500) break
    }
  }
  throw lastError instanceof ServiceError
    ? lastError
    : new ServiceError(`Download failed: ${(lastError as Error).message}`)
}

async function downloadOnce(
  url: string,
  file: string,
  headers: Record<string, string>
): Promise<{ digest: string; size: number }> {
  const abort = new AbortController()
  let timer = setTimeout(() => {
    abort.abort()
  }, IDLE_TIMEOUT_MS)
  try {
    const response = await fetch(url, { headers, signal: abort.signal })
    if (!response.ok || !response.body) {
      throw new ServiceError(`Download answered ${response.status}`, response.status)
    }
    const hash = createHash('sha256')
    let size = 0
    const meter = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
        clearTimeout(timer)
        timer = setTimeout(() => {
          abort.abort()
        }, IDLE_TIMEOUT_MS)
        hash.update(chunk)
        size += chunk.length
        callback(null, chunk)
      }
    })
    await pipeline(Readable.fromWeb(response.body as never), meter, createWriteStream(file))
    return { digest: `sha256:${hash.digest('hex')}`, size }
  } finally {
    clearTimeout(timer)
  }
}

/** Uploads bytes to a signed blob URL in one request (Azure Put Blob). */
export async function uploadBlob(url: string, body: Buffer, contentType: string): Promise<void> {
  let lastStatus = ''
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response: Response
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType },
        body,
        signal: AbortSignal.timeout(5 * 60_000)
      })
    } catch (error) {
      lastStatus = (error as Error).message
      continue
    }
    if (response.ok) return
    lastStatus = `${response.status} ${await response.text().catch(() => '')}`.trim()
    if (response.status < 500 && response.status !== 429) break
  }
  throw new ServiceError(`Upload to blob storage failed: ${lastStatus}`)
}
