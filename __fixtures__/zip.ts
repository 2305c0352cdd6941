import { crc32, deflateRawSync } from 'node:zlib'

/** Unix file types as a zip's external attributes carry them (the high 16 bits). */
export const S_IFREG = 0o100000
export const S_IFLNK = 0o120000

/** One entry of a hand-made zip: names, sizes and types can all lie. */
export interface ZipEntry {
  name: string
  data: Buffer | string
  /** Deflate the data (default: stored). */
  deflate?: boolean
  /** Uncompressed size written in both headers instead of the real one. */
  claimedSize?: number
  /**
   * Unix mode written in the external attributes, with "made by Unix" set: `S_IFLNK | 0o777`
   * makes the entry a symbolic link whose target is its data, as Info-ZIP writes links.
   */
  unixMode?: number
}

/** How the whole zip is written. */
export interface ZipOptions {
  /** zlib level of the deflated entries (default zlib's own, 6); bombs pack tighter at 9. */
  level?: number
}

/** A header field: its width in bytes and its value, written little-endian. */
type Field = [2 | 4, number]

/** Fields one after the other, as a zip's headers lay them out. */
function fields(...list: Field[]): Buffer {
  const bytes = Buffer.alloc(list.reduce((sum, [width]) => sum + width, 0))
  let at = 0
  for (const [width, value] of list) {
    if (width === 2) bytes.writeUInt16LE(value, at)
    else bytes.writeUInt32LE(value, at)
    at += width
  }
  return bytes
}

/** One entry's local header with its name and body, and its central directory record. */
function entryRecords(
  entry: ZipEntry,
  options: ZipOptions,
  offset: number
): { local: Buffer; central: Buffer } {
  const data = Buffer.from(entry.data)
  const body = entry.deflate ? deflateRawSync(data, { level: options.level }) : data
  const name = Buffer.from(entry.name, 'utf8')
  // Version needed 2.0, UTF-8 names, the method, no time or date, sizes that may lie, no extra.
  const shared: Field[] = [
    [2, 20],
    [2, 0x0800],
    [2, entry.deflate ? 8 : 0],
    [2, 0],
    [2, 0],
    [4, crc32(data)],
    [4, body.length],
    [4, entry.claimedSize ?? data.length],
    [2, name.length],
    [2, 0]
  ]
  const unix = entry.unixMode !== undefined
  const local = Buffer.concat([fields([4, 0x04034b50], ...shared), name, body])
  // Version made by: 3 (Unix) in the high byte when a Unix mode is given, so readers honour it.
  const madeBy: Field = [2, unix ? (3 << 8) | 20 : 20]
  const attributes: Field = [4, unix ? ((entry.unixMode ?? 0) << 16) >>> 0 : 0]
  const tail: Field[] = [[2, 0], [2, 0], [2, 0], attributes, [4, offset]]
  const central = Buffer.concat([fields([4, 0x02014b50], madeBy, ...shared, ...tail), name])
  return { local, central }
}

/**
 * Writes a zip byte by byte (no data descriptors, no zip64), so tests can build archives no
 * well-behaved tool writes: `..` names, absolute and drive paths, backslashes, link entries,
 * duplicates, sizes that lie and entries that inflate a thousandfold.
 */
export function makeZip(entries: ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const { local, central } = entryRecords(entry, options, offset)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const directory = Buffer.concat(centrals)
  const count: Field = [2, entries.length]
  const end = fields(
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    count,
    count,
    [4, directory.length],
    [4, offset],
    [2, 0]
  )
  return Buffer.concat([...locals, directory, end])
}
