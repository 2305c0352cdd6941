import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Transform, Writable, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Counts and hashes the bytes that pass, and fails the stream with `onOverflow`'s error once
 * more than `limit` bytes went by: a size recorded in a manifest bounds what is ever written.
 */
export class ByteMeter extends Transform {
  bytes = 0
  private readonly hash: Hash = createHash('sha256')

  constructor(
    private readonly limit = Number.POSITIVE_INFINITY,
    private readonly onOverflow: () => Error = () => new Error(`more than ${limit} bytes`),
    private readonly onBytes?: (bytes: number) => void
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.limit) {
      callback(this.onOverflow())
      return
    }
    this.hash.update(chunk)
    this.onBytes?.(this.bytes)
    callback(null, chunk)
  }

  /** `sha256:<hex>` of everything that passed; call once, at the end. */
  digest(): string {
    return `sha256:${this.hash.digest('hex')}`
  }
}

/** The size and `sha256:<hex>` of a file, streamed. */
export async function hashFile(path: string): Promise<{ bytes: number; digest: string }> {
  const meter = new ByteMeter()
  await pipeline(createReadStream(path), meter, discard())
  return { bytes: meter.bytes, digest: meter.digest() }
}

/** A sink for streams whose bytes only a meter needs. */
function discard(): Writable {
  return new Writable({
    write(_chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
      callback()
    }
  })
}
