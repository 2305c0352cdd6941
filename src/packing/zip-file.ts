import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { once } from 'node:events'

/**
 * Passes bytes through unchanged, writing a copy to `file` on the way (when given): the files
 * archive is uploaded and kept for the Actions cache in one pass, read and packed once. A copy
 * wanted only while it stays under `limit` bytes is given up as soon as it reaches them: its
 * file is removed and the rest of the bytes pass on uncopied, never written to disk.
 */
export async function* keepCopy(
  bytes: AsyncIterable<Buffer>,
  file: string | undefined,
  limit = Number.POSITIVE_INFINITY
): AsyncGenerator<Buffer> {
  if (file === undefined) {
    yield* bytes
    return
  }
  const copy = new BoundedCopy(file, limit)
  try {
    for await (const chunk of bytes) {
      await copy.write(chunk)
      yield chunk
    }
  } finally {
    await copy.close()
  }
}

/** A file written chunk by chunk until it would reach `limit` bytes; then it is removed. */
class BoundedCopy {
  private out: WriteStream | undefined
  private size = 0

  constructor(
    private readonly file: string,
    private readonly limit: number
  ) {
    this.out = createWriteStream(file)
  }

  async write(chunk: Buffer): Promise<void> {
    if (!this.out) return
    this.size += chunk.length
    if (this.size < this.limit) return write(this.out, chunk)
    await this.close()
    await rm(this.file, { force: true })
  }

  async close(): Promise<void> {
    const out = this.out
    if (!out) return
    this.out = undefined
    out.end()
    await once(out, 'close')
  }
}

/** Writes a zip as it is produced to `file`: its size and `sha256:<hex>`. */
export async function writeZip(
  file: string,
  bytes: AsyncIterable<Buffer>
): Promise<{ size: number; digest: string }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of keepCopy(bytes, file)) {
    hash.update(chunk)
    size += chunk.length
  }
  return { size, digest: `sha256:${hash.digest('hex')}` }
}

async function write(out: WriteStream, chunk: Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}
