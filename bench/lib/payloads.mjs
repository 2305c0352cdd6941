// Deterministic payloads: the same seed always gives the same bytes, so every bench run moves
// the same data. Random bytes come from AES-256-CTR over zeros (incompressible, fast); text is
// JSON lines of log-like records from a seeded PRNG (deflate level 6 takes it to about a fifth).
import { createCipheriv, createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { once } from 'node:events'

const MiB = 1024 * 1024
const CHUNK = 4 * MiB

/** mulberry32: a tiny seeded PRNG, good enough to make data that is not trivially repetitive. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho ' +
  'sigma tau upsilon phi chi psi omega build test deploy fetch cache merge train model data ' +
  'shard batch epoch loss metric report status ready failed passed queued running stopped ' +
  'north south east west red green blue amber linux macos windows arm64 x64 release debug'
).split(' ')
const LEVELS = ['debug', 'info', 'info', 'info', 'warn', 'error']

/** One JSON record, like a line of a structured log or a row of a data export. */
function record(random, index) {
  const word = () => WORDS[Math.floor(random() * WORDS.length)]
  const hex = Math.floor(random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0')
  return (
    `{"id":${index},"ts":"2026-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T` +
    `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z",` +
    `"level":"${LEVELS[Math.floor(random() * LEVELS.length)]}","job":"${word()}-${word()}",` +
    `"trace":"${hex}","value":${(random() * 1000).toFixed(3)},"count":${Math.floor(random() * 5000)},` +
    `"tags":["${word()}","${word()}"],"message":"${word()} ${word()} ${word()} ${word()} ${word()}"}\n`
  )
}

/** `size` bytes of JSON lines (the last line padded with spaces to land exactly on size). */
export function jsonText(size, seed) {
  const random = prng(seed)
  const parts = []
  let length = 0
  let index = seed * 1_000_000
  for (;;) {
    const line = record(random, index++)
    if (length + line.length > size) break
    parts.push(line)
    length += line.length
  }
  if (size - length > 0) parts.push(`${' '.repeat(size - length - 1)}\n`)
  return Buffer.from(parts.join(''), 'utf8')
}

const POOL_CHUNKS = 48
let pool

/**
 * JSON lines drawn 1 MiB at a time from a pool of distinct chunks, in a seeded order: as
 * compressible as fresh text to deflate (whose window is 32 KiB) and ten times faster to make
 * than generating every line (1 GiB of fresh lines takes ~50 s).
 */
function jsonStream(seed) {
  pool ??= Array.from({ length: POOL_CHUNKS }, (_, index) => jsonText(MiB, 1_000 + index))
  const random = prng(seed)
  return bytes => {
    const parts = []
    for (let filled = 0; filled < bytes; filled += MiB) {
      parts.push(pool[Math.floor(random() * POOL_CHUNKS)])
    }
    const chunk = Buffer.concat(parts)
    return chunk.length === bytes ? chunk : chunk.subarray(0, bytes)
  }
}

/** `size` incompressible bytes. */
function randomStream(seed) {
  const key = createHash('sha256').update(`bench-key-${seed}`).digest()
  const iv = createHash('md5').update(`bench-iv-${seed}`).digest()
  const cipher = createCipheriv('aes-256-ctr', key, iv)
  const zeros = Buffer.alloc(CHUNK)
  return bytes => cipher.update(bytes === CHUNK ? zeros : zeros.subarray(0, bytes))
}

async function writeStreamed(file, size, next) {
  await mkdir(dirname(file), { recursive: true })
  const out = createWriteStream(file)
  for (let written = 0; written < size;) {
    const bytes = Math.min(CHUNK, size - written)
    if (!out.write(next(bytes))) await once(out, 'drain')
    written += bytes
  }
  out.end()
  await once(out, 'finish')
}

/**
 * Writes a payload of `total` bytes under `folder`, split into files of at most `fileSize`.
 * @param {'random'|'json'} kind
 */
export async function writePayload(folder, { kind, total, fileSize, seed = 1 }) {
  const files = Math.max(1, Math.ceil(total / fileSize))
  for (let index = 0; index < files; index++) {
    const size = Math.min(fileSize, total - index * fileSize)
    const file = join(
      folder,
      `part-${String(index).padStart(3, '0')}.${kind === 'json' ? 'jsonl' : 'bin'}`
    )
    const fileSeed = seed * 1000 + index
    if (kind === 'random') {
      await writeStreamed(file, size, randomStream(fileSeed))
    } else {
      await writeStreamed(file, size, jsonStream(fileSeed))
    }
  }
  return { files, bytes: total }
}

/**
 * `count` small text files in nested folders (a build tree, a test-report folder): sizes
 * between 256 B and 8 KiB, JSON lines.
 */
export async function writeSmallFiles(folder, { count, seed = 7 }) {
  const random = prng(seed)
  let bytes = 0
  for (let index = 0; index < count; index++) {
    const size = 256 + Math.floor(random() * (8 * 1024 - 256))
    const sub = join(folder, `dir-${String(index % 20).padStart(2, '0')}`, `sub-${index % 3}`)
    await mkdir(sub, { recursive: true })
    await writeFile(
      join(sub, `file-${String(index).padStart(4, '0')}.json`),
      jsonText(size, seed + index)
    )
    bytes += size
  }
  return { files: count, bytes }
}

/**
 * A JSON state object of about `size` bytes when serialized: a few scalar keys and a list of
 * records, the shape a pipeline keeps (row counts, ids, per-shard results).
 */
export function stateObject(size, seed = 3) {
  const random = prng(seed)
  const state = { dataset: 'bench', version: 3, ready: true }
  const rows = []
  state.rows = rows
  let length = JSON.stringify(state).length
  let index = 0
  while (length < size) {
    const row = {
      id: index,
      shard: `shard-${index % 64}`,
      status: random() < 0.9 ? 'done' : 'retry',
      score: Math.round(random() * 1e6) / 1e3,
      tags: [WORDS[index % WORDS.length], WORDS[(index * 7) % WORDS.length]],
      owner: { team: WORDS[(index * 3) % WORDS.length], ok: random() < 0.5 }
    }
    length += JSON.stringify(row).length + 1
    rows.push(row)
    index++
  }
  return state
}
