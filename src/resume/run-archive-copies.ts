import { mkdir, rename } from 'node:fs/promises'
import type { ArchiveRecord } from '../checkpoint/document.js'
import { decodeUtf8 } from '../checkpoint/document.js'
import {
  compareRefs,
  parseAnyArtifactName,
  parseCheckpointName,
  parsePackName,
  type CheckpointRef
} from '../checkpoint/naming.js'
import { smallUnits } from '../checkpoint/packs.js'
import { forEachBounded } from '../packing/limit.js'
import {
  archiveBytesOut,
  copyArchiveOut,
  openPack,
  readPackEntry,
  type OpenedPack
} from '../packing/pack-file.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import type { ArtifactStore, RunArtifact, RunCheckpointStore } from '../transport/artifact-store.js'
import type { LocalCopies } from './local-copies.js'

/** Downloads of small artifacts in flight at once during a restore. */
export const PARALLEL_DOWNLOADS = 4

/**
 * The bytes of this run's archives, each as a local copy checked against the digest its
 * checkpoint recorded: the copy the job already has, else read out of its pack (downloaded
 * whole, once) by byte range, else its own artifact downloaded whole. What is fetched is kept
 * among the copies, so a later save merges it without downloading it again.
 */
export class RunArchiveCopies {
  private readonly packs = new Map<string, Promise<OpenedPack>>()

  constructor(
    private readonly artifacts: ArtifactStore,
    private readonly store: RunCheckpointStore,
    readonly copies: LocalCopies,
    private readonly downloads: string
  ) {}

  /**
   * A pack of this run with its entries: the job's copy when its bytes still hash to the
   * artifact's digest, else downloaded whole once (checked against the digest recorded at
   * upload) and kept among the copies, so a later save merges out of it without a download.
   */
  pack(name: string): Promise<OpenedPack> {
    let pack = this.packs.get(name)
    if (!pack) {
      pack = this.downloadPack(name)
      this.packs.set(name, pack)
    }
    return pack
  }

  private async downloadPack(name: string): Promise<OpenedPack> {
    const artifact = this.listed(name)
    const digest = artifact.digest
    const kept = digest === undefined ? undefined : await this.copies.verified(name, digest)
    if (kept) return openPack(kept)
    await mkdir(this.downloads, { recursive: true })
    const file = await this.artifacts.download(artifact, this.downloads)
    return openPack(await this.copies.adopt(name, file))
  }

  /** True when the archive is recorded inside a pack this run still lists. */
  inListedPack(record: ArchiveRecord): boolean {
    return record.pack !== undefined && this.store.artifact(record.pack) !== undefined
  }

  /**
   * The exact bytes of an archive inside a listed pack ({@link inListedPack}), read into memory
   * and checked against `record.digest`: no copy of its own is written.
   * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
   */
  async bytesInPack(record: ArchiveRecord): Promise<Buffer> {
    const pack = record.pack
    if (pack === undefined) throw new ArchiveIntegrityError(record.name, 'is in no pack')
    return archiveBytesOut(await this.pack(pack), pack, record)
  }

  /**
   * A local file holding the archive's exact bytes, verified against `record.digest`.
   * @throws ArchiveIntegrityError when no bytes with that digest can be had
   */
  async archive(record: ArchiveRecord): Promise<string> {
    const kept = await this.copies.verified(record.name, record.digest)
    if (kept) return kept
    await this.copies.ready()
    const holder = record.pack ?? record.name
    if (!this.store.artifact(holder)) return this.fromAnyPack(record)
    if (record.pack !== undefined) return this.fromPack(record.pack, record)
    const artifact = this.listed(record.name)
    if (artifact.digest !== undefined && artifact.digest !== record.digest) {
      throw new ArchiveIntegrityError(record.name, 'its digest differs from the one recorded')
    }
    await mkdir(this.downloads, { recursive: true })
    return this.copies.adopt(record.name, await this.artifacts.download(artifact, this.downloads))
  }

  /** Copies an archive out of a pack, by its byte range, checked against its digest. */
  private async fromPack(pack: string, record: ArchiveRecord): Promise<string> {
    const target = this.copies.path(record.name)
    await copyArchiveOut(await this.pack(pack), pack, record, `${target}.part`)
    await rename(`${target}.part`, target)
    return target
  }

  /**
   * An archive whose artifact is gone: a later save of the job merged it into a newer pack and
   * deleted the old one (an earlier checkpoint's fallback). The scope's packs are searched,
   * newest first, for an entry of its name and digest.
   */
  private async fromAnyPack(record: ArchiveRecord): Promise<string> {
    const scope = parseAnyArtifactName(record.name)?.ref.scope
    const packs = (await this.store.listArtifactNames())
      .map(name => ({ name, ref: parsePackName(name) }))
      .filter(item => item.ref !== undefined && item.ref.scope === scope)
      .sort((a, b) => compareRefs(b.ref as CheckpointRef, a.ref as CheckpointRef))
    for (const { name } of packs) {
      const { entries } = await this.pack(name)
      if (!entries.some(entry => entry.name === record.name)) continue
      try {
        return await this.fromPack(name, record)
      } catch (error) {
        if (!(error instanceof ArchiveIntegrityError)) throw error
      }
    }
    throw new ArchiveIntegrityError(record.name, "is in none of this run's artifacts and packs")
  }

  /**
   * The checkpoint documents of `scope` retired into this run's packs, each with a reader of
   * its text: every pack of the scope is downloaded (a fallback past the separate documents).
   */
  async retiredDocuments(scope: string): Promise<Map<string, () => Promise<string>>> {
    const found = new Map<string, () => Promise<string>>()
    const names = await this.store.listArtifactNames()
    for (const pack of names.filter(name => parsePackName(name)?.scope === scope)) {
      const { file, entries } = await this.pack(pack)
      for (const entry of entries) {
        if (parseCheckpointName(entry.name)?.scope !== scope || found.has(entry.name)) continue
        const where = `${pack}!${entry.name}`
        found.set(entry.name, async () => decodeUtf8(await readPackEntry(file, entry), where))
      }
    }
    return found
  }

  /**
   * Fetches the artifacts holding a checkpoint's small archives of run `runId`, at most
   * {@link PARALLEL_DOWNLOADS} at a time: each pack, and each small archive of its own, whole.
   */
  async prefetch(archives: ArchiveRecord[], runId: string): Promise<void> {
    // Units whose artifact is gone (an earlier checkpoint's) are searched for one at a time.
    const listed = smallUnits(archives, runId).filter(unit => this.store.artifact(unit.artifact))
    await forEachBounded(listed, PARALLEL_DOWNLOADS, async unit => {
      const [only] = unit.archives
      if (only && only.pack === undefined) await this.archive(only)
      else await this.pack(unit.artifact)
    })
  }

  private listed(name: string): RunArtifact {
    const artifact = this.store.artifact(name)
    if (!artifact) throw new ArchiveIntegrityError(name, "is not among this run's artifacts")
    return artifact
  }
}
