import type { ArchiveRecord } from './document.js'
import { compareRefs, compareText, parseAnyArtifactName } from './naming.js'

// Packs: small archives merged into one artifact, so a checkpoint references few artifacts of
// its run whatever the number of nodes (restore's requests stay bounded, a job's artifacts
// stay under the service's limit). The policy here is pure: the save decides, then uploads.

/** An archive under this size is small: merged into packs. A larger one stays its own artifact. */
export const PACKABLE_ARCHIVE_BYTES = 8 * 1024 * 1024

/**
 * After a save, the newest checkpoint references at most this many artifacts of its run that
 * hold small archives: the new node's own archive and at most three packs or small archives.
 */
export const SMALL_UNITS_PER_CHECKPOINT = 4

/** The newest checkpoint documents of a scope in a job that stay artifacts of their own. */
export const SEPARATE_DOCUMENTS = 3

/** A pack carries at most this many retired documents, the newest; older ones are dropped. */
export const DOCUMENTS_PER_PACK = 20

/**
 * A save that merges nothing still writes a pack once this many of the job's documents wait to
 * be retired (nodes without files, or whose files are large, merge nothing).
 */
export const RETIRE_WITHOUT_MERGE = 8

/** One artifact of the run holding small archives: a pack, or a small archive of its own. */
export interface PackUnit {
  /** The artifact's name: the pack's, or the archive's own. */
  artifact: string
  /** The bytes of the archives it holds, which a merge uploads again. */
  size: number
  archives: ArchiveRecord[]
}

/** True for an archive a pack may hold: a files archive in run `runId`'s artifacts, small. */
export function isPackable(record: ArchiveRecord, runId: string): boolean {
  return (
    record.cache === undefined &&
    record.runId === runId &&
    isSmall(record) &&
    parseAnyArtifactName(record.name)?.kind === 'files'
  )
}

function isSmall(record: ArchiveRecord): boolean {
  return record.size < PACKABLE_ARCHIVE_BYTES
}

/** The artifact that holds an archive of this run: its pack, or its own. */
export function holderOf(record: ArchiveRecord): string {
  return record.pack ?? record.name
}

/**
 * The artifacts of run `runId` holding the small archives of `archives`, oldest first (by the
 * checkpoint that wrote them: attempt, then sequence).
 */
export function smallUnits(archives: ArchiveRecord[], runId: string): PackUnit[] {
  const units = new Map<string, PackUnit>()
  for (const record of archives.filter(item => isPackable(item, runId))) {
    const artifact = holderOf(record)
    const unit = units.get(artifact) ?? { artifact, size: 0, archives: [] }
    unit.size += record.size
    unit.archives.push(record)
    units.set(artifact, unit)
  }
  return [...units.values()].sort(byWriter)
}

function byWriter(a: PackUnit, b: PackUnit): number {
  const refA = parseAnyArtifactName(a.artifact)?.ref
  const refB = parseAnyArtifactName(b.artifact)?.ref
  if (!refA || !refB) return compareText(a.artifact, b.artifact)
  return compareRefs(refA, refB)
}

/**
 * The growth factor of the merge policy: merging a suffix worth at least 1/b of the unit before
 * it keeps units geometric, so each byte is rewritten about log_b(n) times.
 */
export function growthFactor(smallArchives: number): number {
  return Math.max(2, Math.cbrt(smallArchives))
}

/**
 * Where the merged suffix of `sizes` (units oldest first) starts: at j - 1 for the newest j
 * whose suffix, times `b`, outweighs unit j - 1; else the two newest units.
 */
export function mergeStart(sizes: number[], b: number): number {
  let suffix = 0
  for (let j = sizes.length - 1; j >= 1; j--) {
    suffix += sizes[j] ?? 0
    if (suffix * b >= (sizes[j - 1] ?? 0)) return j - 1
  }
  return Math.max(0, sizes.length - 2)
}

/**
 * Which of the older units (oldest first, without the new node's own archive) a save merges
 * into one pack so that at most {@link SMALL_UNITS_PER_CHECKPOINT} - 1 remain: a suffix of
 * them, or none when the budget already holds.
 * @param smallArchives how many small archives the pipeline holds, the new one included
 */
export function unitsToMerge(older: PackUnit[], smallArchives: number): PackUnit[] {
  const b = growthFactor(smallArchives)
  let sizes = older.map(unit => unit.size)
  let start = sizes.length
  while (sizes.length > SMALL_UNITS_PER_CHECKPOINT - 1) {
    const from = mergeStart(sizes, b)
    const merged = sizes.slice(from).reduce((total, size) => total + size, 0)
    sizes = [...sizes.slice(0, from), merged]
    start = Math.min(start, from)
  }
  return older.slice(start)
}
