import { createHash } from 'node:crypto'
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'

/**
 * Passes bytes through unchanged, writing a copy to `file` on the way (when given): the files
 * archive is uploaded and kept for the Actions cache in one pass, read and packed once.
 */
export async function* keepCopy(
  bytes: AsyncIterable<Buffer>,
  file: string | undefined
): AsyncGenerator<Buffer> {
  if (file === undefined) {
    yield* bytes
    return
  }
  const out = createWriteStream(file)
  try {
    for await (const chunk of bytes) {
      await write(out, chunk)
      yield chunk
    }
  } finally {
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
