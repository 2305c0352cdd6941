import { open } from 'node:fs/promises'
import { deflateRawSync } from 'node:zlib'

const SAMPLE_BYTES = 64 * 1024
const SAMPLE_FILES = 8
/** Above this ratio deflate saves too little to pay for its time: store instead. */
const STORE_ABOVE_RATIO = 0.85
/** How to pack a payload: a zip level from 0 (stored) to 9. */
export interface Packing {
  level: number
  reason: string
}

/**
 * Chooses the zip level for a payload by deflating a sample of it: bytes that will not shrink
 * (media, archives, random data) are stored, which is most of upload-artifact's time saved;
 * bytes that shrink get the fastest deflate level.
 */
export async function choosePacking(files: { absolute: string; size: number }[]): Promise<Packing> {
  const sampled = [...files].sort((a, b) => b.size - a.size).slice(0, SAMPLE_FILES)
  let raw = 0
  let packed = 0
  for (const file of sampled) {
    const sample = await readHead(file.absolute, SAMPLE_BYTES)
    raw += sample.length
    packed += deflateRawSync(sample, { level: 1 }).length
  }
  if (raw === 0) return { level: 0, reason: 'nothing to compress' }
  const ratio = packed / raw
  const percent = `${Math.round(ratio * 100)}%`
  if (ratio > STORE_ABOVE_RATIO) {
    return { level: 0, reason: `a sample deflates to ${percent}: stored, not compressed` }
  }
  return { level: 1, reason: `a sample deflates to ${percent}: fast deflate` }
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
