// Packs as tests need them: a zip of stored entries, each the exact bytes of an artifact (a
// small files archive, a retired checkpoint document) under that artifact's name, as PACKS.md
// lays them out. Written by the project's own zip writer at level 0, as the save step would.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeZip } from '../src/packing/zip-file.js'
import { ZipPacker } from '../src/packing/zip-writer.js'

/** One entry of a pack: the artifact's name and its bytes. */
export interface PackMemberBytes {
  name: string
  bytes: Buffer | string
}

/**
 * Writes a pack of `members` (in this order, all stored) to `file`.
 * @returns its size and `sha256:<hex>`
 */
export async function writePackFile(
  file: string,
  members: PackMemberBytes[]
): Promise<{ size: number; digest: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'checkpoint-pack-'))
  try {
    const sources = await Promise.all(
      members.map(async (member, index) => {
        const absolute = join(scratch, String(index))
        const bytes = Buffer.from(member.bytes)
        await writeFile(absolute, bytes)
        const mtime = new Date(0)
        return {
          name: member.name,
          path: member.name,
          absolute,
          mode: 0o644,
          mtime,
          size: bytes.length
        }
      })
    )
    return await writeZip(file, new ZipPacker(sources, { level: 0 }).bytes())
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
