// Packs as tests need them: a zip of stored entries, each the exact bytes of an artifact (a
// small files archive, a retired checkpoint document) under that artifact's name, written by
// the save step's own pack writer.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packBytes } from '../src/packing/pack-file.js'
import { writeZip } from '../src/packing/zip-file.js'

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
    const onDisk = await Promise.all(
      members.map(async (member, index) => {
        const path = join(scratch, String(index))
        await writeFile(path, member.bytes)
        return { name: member.name, file: path }
      })
    )
    return await writeZip(file, packBytes(onDisk))
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
