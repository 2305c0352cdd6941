import {
  sealCheckpoint,
  type ArchiveRecord,
  type CheckpointBody,
  type CheckpointDocument,
  type FileRecord,
  type NodeAdditions,
  type NodeRecord,
  type ReplacedByLater
} from './document.js'
import { parseArtifactName } from './naming.js'
import { PathIndex } from './path-index.js'
import {
  mergeStates,
  overlayStates,
  stateFromEntries,
  type JsonValue,
  type PipelineState
} from './state.js'

/**
 * Each node's part of a pipeline. A checkpoint holds the cumulative state and files; to take
 * some of its nodes into another run without the others, every node record says what the node
 * added (its state keys; its files are those of its archive, and its links), and keeps its own
 * values and files that a later node replaced. Rebuilding a subset replays the parts of the
 * nodes kept, in the order they were written.
 */

/** What nodes add to: the nodes done, the cumulative state, the files. */
export interface Pipeline {
  nodes: NodeRecord[]
  state: PipelineState
  files: FileRecord[]
}

/** What one node adds to a pipeline. */
export interface NodePart {
  record: NodeRecord
  state: PipelineState
  files: FileRecord[]
}

const EMPTY: Pipeline = { nodes: [], state: {}, files: [] }

const NONE: ReadonlySet<string> = new Set()

/**
 * Adds a node's part to a pipeline, its state keys and files winning. What it replaces of
 * another node's part is kept in that node's record. A partial part (a node stopped part-way)
 * adds its files only: its state is progress, not the node's result.
 *
 * `parallel` names the nodes saved while this one ran (parallel steps of one job). Between
 * those, the order they were saved in is chance, so it does not decide: a state key or a file
 * that several of them wrote keeps the value of the node whose id sorts last, and the others'
 * values are kept in their records as replaced, as if the nodes had been saved in id order.
 */
export function addPart(
  pipeline: Pipeline,
  part: NodePart,
  partial = false,
  parallel: ReadonlySet<string> = NONE
): Pipeline {
  const nodes = pipeline.nodes.map(node => ({ ...node }))
  const outranks = outranking(part.record.id, parallel)
  const { files, removed, yielded } = mergeOwnFiles(pipeline.files, part.files, nodes, outranks)
  for (const file of removed) keepReplacedFile(nodes, file, part.record.id)
  if (partial) return { nodes, state: pipeline.state, files }
  const writers = currentWriters(nodes, part.state)
  const yieldedKeys = Object.keys(part.state).filter(key => outranks(writers.get(key)))
  const state = withoutKeys(part.state, yieldedKeys)
  keepReplacedState(pipeline.state, writers, part.record.id, new Set(yieldedKeys))
  const { replaced: _replaced, ...record } = part.record
  const own: NodeRecord = {
    ...record,
    added: additionsOf(part),
    ...replacedOf(pickKeys(part.state, yieldedKeys), yielded)
  }
  return { nodes: upsertNode(nodes, own), state: overlayStates(pipeline.state, state), files }
}

/**
 * Records in each earlier writer the values of the keys node `id` now replaces (all but the
 * `yielded` ones), gathered per writer first so that each record is rebuilt once, however many
 * keys it loses.
 */
function keepReplacedState(
  held: PipelineState,
  writers: Map<string, NodeRecord>,
  id: string,
  yielded: ReadonlySet<string>
): void {
  const lost = new Map<NodeRecord, [string, JsonValue][]>()
  for (const [key, writer] of writers) {
    if (writer.id === id || !Object.hasOwn(held, key) || yielded.has(key)) continue
    const values = lost.get(writer) ?? []
    values.push([key, held[key] ?? null])
    lost.set(writer, values)
  }
  for (const [writer, values] of lost) {
    const state = mergeStates(writer.replaced?.state ?? {}, stateFromEntries(values))
    writer.replaced = { ...writer.replaced, state }
  }
}

/** Whether a writer is a parallel node whose id sorts after `id`, and so wins over it. */
function outranking(
  id: string,
  parallel: ReadonlySet<string>
): (writer: NodeRecord | undefined) => boolean {
  return writer => writer !== undefined && parallel.has(writer.id) && writer.id > id
}

/**
 * Merges a node's files over the pipeline's (see mergeFiles), except where a node that outranks
 * it wrote a clashing path: in id order that node came later and displaced the file, so the
 * file is `yielded` (even if the other node's file has given way since), and the outranking
 * node's file, if the pipeline still holds it, stays. What a yielded file had displaced stays
 * displaced, as in id order it would be.
 */
function mergeOwnFiles(
  held: FileRecord[],
  own: FileRecord[],
  nodes: NodeRecord[],
  outranks: (writer: NodeRecord | undefined) => boolean
): { files: FileRecord[]; removed: FileRecord[]; yielded: FileRecord[] } {
  const merged = mergeFiles(held, own)
  // No node outranks this one (no parallel node): no file's writer need be looked up.
  if (!nodes.some(outranks)) return { ...merged, yielded: [] }
  const winners = merged.removed.filter(file => outranks(writerOf(file, nodes)))
  const written = [
    ...held.filter(file => outranks(writerOf(file, nodes))),
    ...nodes.filter(node => outranks(node)).flatMap(node => node.replaced?.files ?? [])
  ]
  const writtenPaths = new PathIndex(written)
  const yielded = own.filter(file => writtenPaths.clashing(file.path).length > 0)
  if (yielded.length === 0) return { ...merged, yielded }
  const files = [...merged.files.filter(file => !yielded.includes(file)), ...winners]
  return {
    files: files.sort(comparePaths),
    removed: merged.removed.filter(file => !winners.includes(file)),
    yielded
  }
}

function replacedOf(state: PipelineState, files: FileRecord[]): { replaced?: ReplacedByLater } {
  const replaced: ReplacedByLater = {
    ...(Object.keys(state).length > 0 ? { state } : {}),
    ...(files.length > 0 ? { files } : {})
  }
  return replaced.state || replaced.files ? { replaced } : {}
}

function pickKeys(state: PipelineState, keys: string[]): PipelineState {
  return stateFromEntries(keys.map(key => [key, state[key] ?? null]))
}

/** `state` without `keys`; `state` itself when there are none, so its JSON text is kept. */
function withoutKeys(state: PipelineState, keys: string[]): PipelineState {
  if (keys.length === 0) return state
  const dropped = new Set(keys)
  return pickKeys(
    state,
    Object.keys(state).filter(key => !dropped.has(key))
  )
}

function additionsOf(part: NodePart): NodeAdditions {
  const links = part.files.filter(file => file.link !== undefined).map(file => file.path)
  return { state: Object.keys(part.state), ...(links.length > 0 ? { links } : {}) }
}

/** The node whose value the cumulative state holds, for each key of `state` that has one. */
function currentWriters(nodes: NodeRecord[], state: PipelineState): Map<string, NodeRecord> {
  const writers = new Map<string, NodeRecord>()
  const wanted = Object.keys(state)
  if (wanted.length === 0) return writers
  for (const node of [...nodes].sort(bySequence)) {
    const replaced = node.replaced?.state ?? {}
    for (const key of node.added?.state ?? []) {
      if (!Object.hasOwn(replaced, key)) writers.set(key, node)
    }
  }
  const keys = new Set(wanted)
  for (const key of writers.keys()) if (!keys.has(key)) writers.delete(key)
  return writers
}

function keepReplacedFile(nodes: NodeRecord[], file: FileRecord, by: string): void {
  const writer = writerOf(file, nodes)
  if (!writer || writer.id === by) return
  const files = (writer.replaced?.files ?? []).filter(kept => kept.path !== file.path)
  writer.replaced = { ...writer.replaced, files: [...files, file] }
}

/** The node that wrote a file: the node of its archive, or the last one that saved the link. */
function writerOf(file: FileRecord, nodes: NodeRecord[]): NodeRecord | undefined {
  if (file.archive !== undefined) {
    const id = parseArtifactName(file.archive)?.ref.node
    return nodes.find(node => node.id === id)
  }
  return nodes
    .filter(node => node.added?.links?.includes(file.path))
    .filter(node => !node.replaced?.files?.some(kept => kept.path === file.path))
    .sort(bySequence)
    .at(-1)
}

function bySequence(a: NodeRecord, b: NodeRecord): number {
  return a.sequence - b.sequence
}

/** A node saved again keeps its place: the list stays in the order nodes were first done. */
export function upsertNode(nodes: NodeRecord[], record: NodeRecord): NodeRecord[] {
  const index = nodes.findIndex(node => node.id === record.id)
  if (index < 0) return [...nodes, record]
  return nodes.map((node, position) => (position === index ? record : node))
}

/**
 * Later files replace earlier ones at the same path, and earlier ones a later file shows were
 * replaced by a folder (or a folder replaced by a file): the newest node's view of the
 * workspace wins, so the manifest never lists a path as both. Sorted by path; `removed` are
 * the earlier records that gave way.
 */
export function mergeFiles(
  earlier: FileRecord[],
  later: FileRecord[]
): { files: FileRecord[]; removed: FileRecord[] } {
  const held = new PathIndex(earlier)
  const fromLater = new Set(later)
  const removed: FileRecord[] = []
  for (const file of later) {
    for (const old of held.clashing(file.path)) {
      held.delete(old.path)
      if (!fromLater.has(old)) removed.push(old)
    }
    held.set(file)
  }
  return { files: held.items().sort(comparePaths), removed }
}

function comparePaths(a: FileRecord, b: FileRecord): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

/**
 * The parts of the nodes `ids` as a checkpoint records them, in the order they were written.
 * Nodes that do not record what they added (checkpoints of older versions) have no part.
 */
export function partsOf(document: CheckpointDocument, ids: ReadonlySet<string>): NodePart[] {
  const byWriter = new Map<string, FileRecord[]>()
  for (const file of document.files) {
    const writer = writerOf(file, document.nodes)
    if (writer) byWriter.set(writer.id, [...(byWriter.get(writer.id) ?? []), file])
  }
  return document.nodes
    .filter(node => ids.has(node.id) && node.added !== undefined)
    .sort(bySequence)
    .map(node => ({
      record: node,
      state: valuesOf(node, document.state),
      files: [...(byWriter.get(node.id) ?? []), ...(node.replaced?.files ?? [])]
    }))
}

function valuesOf(node: NodeRecord, state: PipelineState): PipelineState {
  const replaced = node.replaced?.state ?? {}
  const values: [string, JsonValue][] = []
  for (const key of node.added?.state ?? []) {
    const from = Object.hasOwn(replaced, key) ? replaced : state
    if (Object.hasOwn(from, key)) values.push([key, from[key] ?? null])
  }
  return stateFromEntries(values)
}

/**
 * The checkpoint with only the nodes `ids`: their state, files and archives, as if the other
 * nodes had never run. It keeps the checkpoint's name; partial progress is left out.
 */
export function restrictTo(
  document: CheckpointDocument,
  ids: Iterable<string>
): CheckpointDocument {
  const pipeline = partsOf(document, new Set(ids)).reduce(
    (built, part) => addPart(built, part),
    EMPTY
  )
  return sealCheckpoint({
    ...envelopeOf(document),
    ...pipeline,
    archives: archivesUsed(document.archives, pipeline)
  })
}

/**
 * Adds the nodes of `part` (a checkpoint restricted to them, from another run or the cache) to
 * the job's checkpoint: their records, state and files win over what `base` has of them.
 */
export function mergeInto(
  base: CheckpointDocument | undefined,
  part: CheckpointDocument
): CheckpointDocument {
  if (!base) return part
  const ids = new Set(part.nodes.map(node => node.id))
  // An archive of the same name in base is a node taken again: its old files give way.
  const taken = new Set(part.archives.map(archive => archive.name))
  const start: Pipeline = {
    nodes: base.nodes,
    state: base.state,
    files: base.files.filter(file => !taken.has(file.archive ?? ''))
  }
  const pipeline = partsOf(part, ids).reduce((built, item) => addPart(built, item), start)
  const archives = [...base.archives.filter(archive => !taken.has(archive.name)), ...part.archives]
  const theirs = part.partials ?? []
  const partials = [
    ...(base.partials ?? []).filter(
      partial => !ids.has(partial.id) && !theirs.some(their => their.id === partial.id)
    ),
    ...theirs
  ]
  return sealCheckpoint({
    ...envelopeOf(base),
    sequence: Math.max(base.sequence, part.sequence),
    ...pipeline,
    archives: archivesUsed(archives, pipeline),
    ...(partials.length > 0 ? { partials } : {})
  })
}

/**
 * The progress a node recorded when it was stopped, alone: its partial record and the files of
 * its own archives, no node done and no state. Undefined when the checkpoint has none of it.
 */
export function partialPart(
  document: CheckpointDocument,
  id: string
): CheckpointDocument | undefined {
  const partial = document.partials?.find(item => item.id === id)
  if (!partial) return undefined
  const files = document.files.filter(
    file => file.archive !== undefined && parseArtifactName(file.archive)?.ref.node === id
  )
  const pipeline: Pipeline = { nodes: [], state: {}, files }
  return sealCheckpoint({
    ...envelopeOf(document),
    ...pipeline,
    archives: archivesUsed(document.archives, pipeline),
    partials: [partial]
  })
}

function envelopeOf(
  document: CheckpointDocument
): Omit<CheckpointBody, keyof Pipeline | 'archives'> {
  const { kind, schema, scope, node, sequence, attempt, run, createdAt, parent } = document
  return {
    kind,
    schema,
    scope,
    node,
    sequence,
    attempt,
    run,
    createdAt,
    ...(parent ? { parent } : {})
  }
}

/** The archives that files of the pipeline, replaced ones included, are in. */
export function archivesUsed(archives: ArchiveRecord[], pipeline: Pipeline): ArchiveRecord[] {
  const used = new Set<string>()
  for (const file of pipeline.files) if (file.archive) used.add(file.archive)
  for (const node of pipeline.nodes) {
    for (const file of node.replaced?.files ?? []) if (file.archive) used.add(file.archive)
  }
  return archives.filter(archive => used.has(archive.name))
}
