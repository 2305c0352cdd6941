import { crc32, deflateRawSync } from 'node:zlib'

/** Unix file types as a zip's external attributes carry them (the high 16 bits). */
export const S_IFREG = 0o100000
export const S_IFLNK = 0o120000

/** One entry of a hostile zip: names, sizes and types can all lie. */
export interface HostileEntry {
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

/**
 * Writes a zip byte by byte (no data descriptors, no zip64), so the corpus can hold archives
 * no well-behaved tool writes: `..` names, absolute and drive paths, backslashes, link entries,
 * duplicates, sizes that lie and entries that inflate a thousandfold.
 */
export function hostileZip(entries: HostileEntry[]): Buffer {
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const data = Buffer.from(entry.data)
    const body = entry.deflate ? deflateRawSync(data, { level: 9 }) : data
    const name = Buffer.from(entry.name, 'utf8')
    const size = entry.claimedSize ?? data.length
    const method = entry.deflate ? 8 : 0
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    parts.push(local, name, body)
    const header = Buffer.alloc(46)
    header.writeUInt32LE(0x02014b50, 0)
    // Version made by: 3 (Unix) in the high byte when a Unix mode is given, so readers honour it.
    header.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4)
    header.writeUInt16LE(20, 6)
    header.writeUInt16LE(0x0800, 8)
    header.writeUInt16LE(method, 10)
    header.writeUInt32LE(crc, 16)
    header.writeUInt32LE(body.length, 20)
    header.writeUInt32LE(size, 24)
    header.writeUInt16LE(name.length, 28)
    header.writeUInt32LE(entry.unixMode === undefined ? 0 : (entry.unixMode << 16) >>> 0, 38)
    header.writeUInt32LE(offset, 42)
    central.push(header, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...parts, directory, end])
}
