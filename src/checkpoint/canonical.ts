import { createHash, type Hash } from 'node:crypto'

/**
 * Characters of a long string encoded at a time into one reused buffer while it is hashed.
 * Hashing a string whole first encodes it into a buffer as large: for 50 MB of state, 150 ms
 * of the digest's 180 ms, most of it the kernel handing over 50 MB of fresh pages.
 */
const TEXT_CHUNK = 256 * 1024

/**
 * JSON with object keys sorted at every depth and no white space: the same value always gives
 * the same bytes, so a digest over it does not depend on how the document was formatted.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(item => canonicalJson(item)).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter(key => record[key] !== undefined)
    .sort()
  return `{${keys.map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`
}

/** `sha256:<hex>` of a string (its UTF-8) or bytes, the form the artifact service uses too. */
export function sha256Digest(data: string | Uint8Array): string {
  const hash = createHash('sha256')
  if (typeof data === 'string' && data.length > TEXT_CHUNK) updateWithText(hash, data)
  else hash.update(data)
  return `sha256:${hash.digest('hex')}`
}

/** Hashes `text`'s UTF-8 a chunk at a time, a surrogate pair never cut in two. */
function updateWithText(hash: Hash, text: string): void {
  // A UTF-16 unit takes at most 3 bytes of UTF-8 (a pair, two units, takes 4).
  const buffer = Buffer.allocUnsafe(TEXT_CHUNK * 3)
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + TEXT_CHUNK)
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1
    const written = buffer.write(text.slice(start, end), 'utf8')
    hash.update(buffer.subarray(0, written))
    start = end
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
