import * as core from '../action/light-toolkit.js'
import {
  sealCheckpoint,
  type ArchiveRecord,
  type CheckpointDocument
} from '../checkpoint/document.js'
import { describe } from '../checkpoint/errors.js'
import {
  checkpointName,
  compareRefs,
  packName,
  parseCheckpointName,
  type CheckpointRef
} from '../checkpoint/naming.js'
import {
  DOCUMENTS_PER_PACK,
  RETIRE_WITHOUT_MERGE,
  SEPARATE_DOCUMENTS,
  isPackable,
  smallUnits,
  unitsToMerge,
  type PackUnit
} from '../checkpoint/packs.js'
import { packBytes, type PackMember } from '../packing/pack-file.js'
import type { ArtifactStore, RunCheckpointStore } from '../transport/artifact-store.js'
import type { RunArchiveCopies } from './run-archive-copies.js'

/** What a save works with to merge, retire and delete. */
export interface PackingContext {
  artifacts: ArtifactStore
  /** The run's checkpoints as listed when the save began (under the scope's lock). */
  store: RunCheckpointStore
  copies: RunArchiveCopies
  runId: string
  retentionDays: number | undefined
}

/** What a save packed: the pack it wrote and what that pack makes superfluous. */
export interface PackPlan {
  pack: string
  /** This job's artifacts now inside the pack, deleted once the document is committed. */
  superseded: string[]
}

/**
 * Before the document is written: merges the older small archives into a new pack when the
 * checkpoint would reference more than the budget allows (see unitsToMerge), carrying this
 * job's documents beyond the newest few, and returns the document that records where each
 * archive now lives. Nothing is deleted here: the new document is the commit point.
 * @param upload sends a zip as an artifact (the caller's, so conflicts are reported as its are)
 */
export async function packBeforeCommit(
  document: CheckpointDocument,
  newArchive: string | undefined,
  context: PackingContext,
  upload: (name: string, bytes: AsyncIterable<Buffer>) => Promise<unknown>
): Promise<{ document: CheckpointDocument; plan?: PackPlan }> {
  const older = smallUnits(document.archives, context.runId).filter(
    unit => unit.artifact !== newArchive
  )
  const smallArchives = document.archives.filter(item => isPackable(item, context.runId)).length
  const merged = unitsToMerge(older, smallArchives)
  const retiring = await retiringDocuments(document, context)
  if (merged.length === 0 && retiring.length < RETIRE_WITHOUT_MERGE) return { document }
  const pack = packName(document)
  const ownPacks = merged.filter(unit => isOwn(unit.artifact, context))
  const carried = await carriedDocuments(retiring, ownPacks, context)
  const members = [...(await archiveMembers(merged, context)), ...carried.members]
  if (members.length === 0) return { document }
  await upload(pack, packBytes(members))
  await context.copies.copies.recordPackDocuments(pack, carried.names)
  core.info(
    `Packed ${members.length - carried.names.length} small archive(s) and ${carried.names.length} retired checkpoint(s) into ${pack}.`
  )
  const superseded = [...ownPacks.map(unit => unit.artifact), ...carried.retired]
  return { document: inPack(document, merged, pack), plan: { pack, superseded } }
}

/**
 * After the document is committed: deletes this job's artifacts the new pack holds. A delete
 * that fails is a warning: the artifact is only superfluous, never wrong.
 */
export async function deleteSuperseded(plan: PackPlan, artifacts: ArtifactStore): Promise<void> {
  for (const name of plan.superseded) {
    try {
      await artifacts.delete(name)
    } catch (error) {
      core.warning(
        `${name} is now inside ${plan.pack} but could not be deleted: ${describe(error)}`
      )
    }
  }
}

/** The document with the merged archives recorded inside `pack`, sealed again. */
function inPack(
  document: CheckpointDocument,
  merged: PackUnit[],
  pack: string
): CheckpointDocument {
  const inside = new Set(merged.flatMap(unit => unit.archives.map(item => item.name)))
  const archives = document.archives.map((record): ArchiveRecord =>
    inside.has(record.name) ? { ...record, pack } : record
  )
  const { digest: _digest, signature: _signature, ...body } = document
  return sealCheckpoint({ ...body, archives })
}

function isOwn(name: string, { store, artifacts }: PackingContext): boolean {
  return store.artifact(name)?.jobBackendId === artifacts.jobBackendId
}

/** This job's documents of the scope past the newest few, which the next pack retires. */
async function retiringDocuments(
  document: CheckpointDocument,
  context: PackingContext
): Promise<CheckpointRef[]> {
  const own = (await context.store.listArtifactNames())
    .filter(name => isOwn(name, context))
    .map(name => parseCheckpointName(name))
    .filter((ref): ref is CheckpointRef => ref?.scope === document.scope)
    .sort(compareRefs)
  // The document about to be written is one of the newest that stay separate.
  return own.slice(0, Math.max(0, own.length - (SEPARATE_DOCUMENTS - 1)))
}

/**
 * The documents the new pack carries: those retired now and those of this job's packs it
 * replaces, the newest {@link DOCUMENTS_PER_PACK} whose text this job kept.
 * @returns the members, their names, and the separate documents they retire (to delete)
 */
async function carriedDocuments(
  retiring: CheckpointRef[],
  ownPacks: PackUnit[],
  { copies }: PackingContext
): Promise<{ members: PackMember[]; names: string[]; retired: string[] }> {
  const inPacks = await Promise.all(
    ownPacks.map(unit => copies.copies.packDocuments(unit.artifact))
  )
  const candidates = [...retiring, ...inPacks.flat().map(name => parseCheckpointName(name))]
    .filter((ref): ref is CheckpointRef => ref !== undefined)
    .sort(compareRefs)
  const kept: string[] = []
  for (const ref of candidates) {
    if ((await copies.copies.text(checkpointName(ref))) !== undefined)
      kept.push(checkpointName(ref))
  }
  const names = [...new Set(kept)].slice(-DOCUMENTS_PER_PACK)
  const keptSet = new Set(kept)
  return {
    members: names.map(name => ({ name, file: copies.copies.path(name) })),
    names,
    // A retiring document without a kept text stays an artifact: nothing carries it.
    retired: retiring.map(checkpointName).filter(name => keptSet.has(name))
  }
}

/** Each merged archive's exact bytes, from the job's copies or fetched and checked. */
async function archiveMembers(merged: PackUnit[], context: PackingContext): Promise<PackMember[]> {
  const members: PackMember[] = []
  for (const record of merged.flatMap(unit => unit.archives)) {
    members.push({ name: record.name, file: await context.copies.archive(record) })
  }
  return members
}
