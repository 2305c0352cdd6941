import { canonicalJson, sha256Digest } from './canonical.js'
import type { Fingerprint } from './fingerprint.js'
import { CorruptCheckpointError, UnsupportedSchemaError } from './errors.js'
import { ID_PATTERN } from './ids.js'
import { checkpointName, type CheckpointRef } from './naming.js'
import { unsafePathReason } from './safe-paths.js'
import {
  FORBIDDEN_KEY_RULE,
  isJsonObject,
  rememberStateJson,
  scanJson,
  stateJson,
  type PipelineState
} from './state.js'

/** The schema version this code writes and the newest it reads. */
export const SCHEMA_VERSION = 1

/** Marks a JSON document as a checkpoint, for tools that find one in a folder of downloads. */
export const CHECKPOINT_KIND = 'checkpoint-action/checkpoint'

/** Where and when a checkpoint was written. */
export interface RunInfo {
  runId: string
  attempt: number
  repository?: string
  workflow?: string
  job?: string
  sha?: string
  ref?: string
}

/** One node done, as the pipeline remembers it. */
export interface NodeRecord {
  id: string
  sequence: number
  attempt: number
  runId: string
  savedAt: string
  /** How long the node took, when known; the summary adds these up as time saved. */
  durationMs?: number
  /** What the node's result depends on; decides staleness in the steps that know it. */
  fingerprint?: Fingerprint
  /**
   * What the node added to the pipeline, so its part can be taken into another run without the
   * other nodes' parts. Absent in checkpoints written before it was recorded.
   */
  added?: NodeAdditions
  /** The node's state values and files that later nodes replaced, as they were. */
  replaced?: ReplacedByLater
}

/** What one node added: its regular files are the ones in its own archive. */
export interface NodeAdditions {
  /** The state keys it set. */
  state: string[]
  /** Paths of the links it saved, which live in no archive. */
  links?: string[]
}

/** A node's own values and files, kept when a later node replaced them in the pipeline. */
export interface ReplacedByLater {
  state?: PipelineState
  files?: FileRecord[]
}

/**
 * Progress of a node that was cancelled before it finished: never counted as done, handed back
 * to the node's command on the next attempt.
 */
export interface PartialRecord {
  id: string
  sequence: number
  attempt: number
  runId: string
  savedAt: string
  /** What the command had written to its state file when it was stopped. */
  state: PipelineState
  /** The node's fingerprint when it was stopped: progress crosses runs only when it matches. */
  fingerprint?: Fingerprint
}

/** One file of the pipeline's output, where it lives and what it must hash to. */
export interface FileRecord {
  /** Workspace-relative, forward slashes. */
  path: string
  size: number
  /** `sha256:<hex>` of the content (of the link target text for links). */
  sha256: string
  /** Permission bits, e.g. 0o755 for an executable. */
  mode: number
  /** Set for a symbolic link: its target, relative and inside the workspace. */
  link?: string
  /** Name of the archive (artifact) that holds the bytes; absent for links, which have none. */
  archive?: string
  /** For an encrypted file: its opaque name in the archive and the encrypted bytes' size and hash. */
  entry?: { name: string; size: number; sha256: string }
}

/** An archive (artifact) holding some of the files. */
export interface ArchiveRecord {
  name: string
  runId: string
  size: number
  /** `sha256:<hex>` of the archive's bytes as the artifact service recorded them. */
  digest: string
  /** How the files were packed: a zip whose entries are stored or deflated. */
  packing: 'zip-stored' | 'zip-deflate' | 'zip-encrypted'
  /** The Actions cache key of the entry that holds it, when it is kept there, not in the run. */
  cache?: string
  /**
   * The pack artifact (of run `runId`) holding the archive's exact bytes as an entry named by
   * the archive; absent when the archive is its own artifact (or in the cache).
   */
  pack?: string
}

/** The body of a checkpoint: everything but its digest. */
export interface CheckpointBody extends CheckpointRef {
  kind: typeof CHECKPOINT_KIND
  schema: number
  run: RunInfo
  createdAt: string
  /** The checkpoint this one extends, if any. */
  parent?: string
  /** The pipeline's cumulative state after this node. */
  state: PipelineState
  /** Every node done so far, in the order they were first done. */
  nodes: NodeRecord[]
  /** Nodes stopped part-way, with the progress they recorded; absent when none. */
  partials?: PartialRecord[]
  files: FileRecord[]
  archives: ArchiveRecord[]
}

/** A sealed checkpoint: the body and a digest over it. */
export interface CheckpointDocument extends CheckpointBody {
  digest: string
  /** `hmac-sha256:<hex>` over the digest, when written with a signing key. */
  signature?: string
}

/** How deep state may nest: deeper documents are refused before anything recurses over them. */
export const MAX_DEPTH = 200

/** Computes the digest of a body: sha256 of its canonical JSON. */
export function digestOf(body: CheckpointBody): string {
  // State can be tens of MB: canonical form costs several times JSON.stringify on it. Its
  // compact JSON text, which JSON.parse then JSON.stringify reproduce exactly, is hashed
  // instead, and only the envelope is put in canonical form.
  const state = body.state as PipelineState | undefined
  const stateText = isJsonObject(state)
    ? stateJson(state)
    : ((JSON.stringify(state) as string | undefined) ?? 'null')
  return digestWithStateText(body, stateText)
}

/** {@link digestOf}, given the state's JSON text. */
function digestWithStateText(body: CheckpointBody, stateText: string): string {
  const {
    digest: _digest,
    signature: _signature,
    state: _state,
    ...rest
  } = body as CheckpointDocument
  return sha256Digest(canonicalJson({ ...rest, stateDigest: sha256Digest(stateText) }))
}

/** Seals a body with its digest. */
export function sealCheckpoint(body: CheckpointBody): CheckpointDocument {
  return { ...body, digest: digestOf(body) }
}

/** Separates the envelope, indented, from the state, compact and last, in a document's text. */
const STATE_MARKER = '\n  "state": '

/**
 * The document as written to disk and uploaded: the envelope indented, so it opens well in an
 * editor, and the state compact and last, so a large state costs its own size, not twice it.
 */
export function serializeCheckpoint(document: CheckpointDocument): string {
  const { state, ...envelope } = document
  const text = JSON.stringify(envelope, null, 2)
  const stateText = isJsonObject(state) ? stateJson(state) : JSON.stringify(state)
  if (text === '{}') return `{${STATE_MARKER}${stateText}\n}\n`
  return `${text.slice(0, -2)},${STATE_MARKER}${stateText}\n}\n`
}

/**
 * Parses and verifies a checkpoint: JSON, schema version, shape, digest, and (when `expected` is
 * given) that it is the checkpoint its name says, so a renamed or replayed file is refused.
 * @param source names the file or artifact in error messages
 * @throws CorruptCheckpointError or UnsupportedSchemaError
 */
export function parseCheckpoint(
  text: string,
  source: string,
  expected?: CheckpointRef
): CheckpointDocument {
  const parsed = parseDocumentJson(text, source)
  return parseCheckpointValue(parsed.value, source, expected, parsed.stateText)
}

/** A document's text parsed; `stateText` is the state's own text when it was read apart. */
export interface ParsedDocument {
  value: unknown
  stateText?: string | undefined
}

/**
 * JSON.parse of a document, in two parts when it is laid out as {@link serializeCheckpoint}
 * writes it: the envelope, then the state's text on its own, which is kept so that a digest
 * over it needs no serializing and the state file and job context can be written from it.
 * Otherwise (or when a part does not parse) the whole text, as any JSON. Both give the same
 * value: when the envelope without its last member parses as an object and the state's text as
 * a value, the whole text is that object with the member `"state"` set to that value.
 */
export function parseDocumentJson(text: string, source: string): ParsedDocument {
  const split = splitState(text)
  if (split) {
    try {
      const envelope = JSON.parse(split.envelope) as unknown
      if (isJsonObject(envelope) && Object.keys(envelope).length > 0) {
        const state = JSON.parse(split.state) as unknown
        Object.defineProperty(envelope, 'state', {
          value: state,
          enumerable: true,
          writable: true,
          configurable: true
        })
        return { value: envelope, stateText: split.state }
      }
    } catch {
      // Not in the writer's layout after all: parsed whole below, with its error if any.
    }
  }
  return { value: parseJson(text, source) }
}

function splitState(text: string): { envelope: string; state: string } | undefined {
  const at = text.lastIndexOf(STATE_MARKER)
  if (at <= 0 || text.charCodeAt(at - 1) !== 0x2c /* , */) return undefined
  const end = text.endsWith('\n}\n') ? text.length - 3 : text.endsWith('\n}') ? text.length - 2 : -1
  if (end < at + STATE_MARKER.length) return undefined
  return {
    envelope: `${text.slice(0, at - 1)}\n}`,
    state: text.slice(at + STATE_MARKER.length, end)
  }
}

/** JSON.parse with the failure reported as a corrupt checkpoint. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new CorruptCheckpointError(source, `not valid JSON (${(error as Error).message})`)
  }
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new CorruptCheckpointError(source, 'not valid UTF-8')
  }
}

/** {@link parseCheckpoint} over an already parsed JSON value. */
export function parseCheckpointValue(
  value: unknown,
  source: string,
  expected?: CheckpointRef,
  stateText?: string
): CheckpointDocument {
  if (!isJsonObject(value) || value.kind !== CHECKPOINT_KIND) {
    throw new CorruptCheckpointError(source, `not a checkpoint (no "kind": "${CHECKPOINT_KIND}")`)
  }
  const schema = value.schema
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    throw new CorruptCheckpointError(source, 'its "schema" is not a positive integer')
  }
  if (schema > SCHEMA_VERSION) throw new UnsupportedSchemaError(source, schema, SCHEMA_VERSION)
  // One walk, before anything else recurses over the value: its depth, and keys that a
  // consumer merging the restored state would turn into a prototype change.
  const scan = scanJson(value, MAX_DEPTH)
  if (scan.depth > MAX_DEPTH) {
    throw new CorruptCheckpointError(source, `it nests deeper than ${MAX_DEPTH} levels`)
  }
  if (scan.forbidden) {
    const { key, path } = scan.forbidden
    throw new CorruptCheckpointError(
      source,
      `it holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`
    )
  }
  const document = value as unknown as CheckpointDocument
  const problem = shapeProblem(document)
  if (problem) throw new CorruptCheckpointError(source, problem)
  if (!digestMatches(document, stateText)) {
    throw new CorruptCheckpointError(source, 'its digest does not match its content')
  }
  if (expected && checkpointName(expected) !== checkpointName(document)) {
    throw new CorruptCheckpointError(source, `its content is ${checkpointName(document)}`)
  }
  return document
}

/**
 * Whether the document's digest covers its content. With the state's text as it was read, the
 * digest over that text is tried first: when it matches, the writer digested exactly that text
 * as `JSON.stringify(state)`, so the text is remembered as the state's JSON and never computed.
 */
function digestMatches(document: CheckpointDocument, stateText: string | undefined): boolean {
  if (stateText !== undefined && digestWithStateText(document, stateText) === document.digest) {
    rememberStateJson(document.state, stateText)
    return true
  }
  return digestOf(document) === document.digest
}

function shapeProblem(document: CheckpointDocument): string | undefined {
  if (!isId(document.scope)) return 'its "scope" is not a valid id'
  if (!isId(document.node)) return 'its "node" is not a valid id'
  if (!isCount(document.attempt) || document.attempt < 1) return 'its "attempt" is not valid'
  if (!isCount(document.sequence) || document.sequence < 1) return 'its "sequence" is not valid'
  if (!isJsonObject(document.state)) return 'its "state" is not an object'
  if (!isRunInfo(document.run)) return 'its "run" is malformed'
  if (typeof document.digest !== 'string') return 'it has no "digest"'
  if (typeof document.createdAt !== 'string') return 'its "createdAt" is not a string'
  if (document.parent !== undefined && typeof document.parent !== 'string') {
    return 'its "parent" is not a string'
  }
  if (document.signature !== undefined && typeof document.signature !== 'string') {
    return 'its "signature" is not a string'
  }
  if (!Array.isArray(document.nodes) || !document.nodes.every(isNodeRecord)) {
    return 'its "nodes" list is malformed'
  }
  if (
    document.partials !== undefined &&
    (!Array.isArray(document.partials) || !document.partials.every(isPartialRecord))
  ) {
    return 'its "partials" list is malformed'
  }
  if (!Array.isArray(document.archives) || !document.archives.every(isArchiveRecord)) {
    return 'its "archives" list is malformed'
  }
  if (!Array.isArray(document.files)) return 'its "files" list is malformed'
  return filesProblem(document.files, new Set(document.archives.map(archive => archive.name)))
}

function filesProblem(files: unknown[], archives: Set<string>): string | undefined {
  const seen = new Set<string>()
  const links = new Set<string>()
  const linkTargets = new Map<string, string>()
  for (const file of files) {
    if (!isFileRecord(file)) return 'its "files" list is malformed'
    const unsafe = unsafePathReason(file.path)
    if (unsafe) return `file path ${JSON.stringify(file.path)} ${unsafe}`
    if (file.mode > 0o777) {
      return `file ${JSON.stringify(file.path)} has mode ${file.mode.toString(8)}: only permission bits (up to 777) are ever saved`
    }
    const escape = file.link === undefined ? undefined : linkProblem(file.path, file.link)
    if (escape) return `link ${JSON.stringify(file.path)} ${escape}`
    if (seen.has(file.path)) return `file ${JSON.stringify(file.path)} is listed twice`
    if (file.link === undefined && !archives.has(file.archive ?? '')) {
      return `file ${JSON.stringify(file.path)} has no archive`
    }
    if (file.link !== undefined) {
      links.add(file.path)
      linkTargets.set(file.path, file.link)
    }
    seen.add(file.path)
  }
  const through = [...links].find(path => resolveThroughLinks(path, linkTargets) === undefined)
  if (through)
    return `link ${JSON.stringify(through)} leads outside the workspace through other links`
  for (const path of seen) {
    const parts = path.split('/')
    for (let end = 1; end < parts.length; end++) {
      const folder = parts.slice(0, end).join('/')
      if (links.has(folder))
        return `file ${JSON.stringify(path)} lies under the link ${JSON.stringify(folder)}`
      if (seen.has(folder))
        return `${JSON.stringify(folder)} is listed both as a file and as a folder`
    }
  }
  return undefined
}

/**
 * Resolves a workspace path as the file system would, following the manifest's own links:
 * undefined when it climbs above the workspace. A loop stops after 40 links.
 */
function resolveThroughLinks(path: string, links: Map<string, string>): string[] | undefined {
  let pending = path.split('/')
  const resolved: string[] = []
  let hops = 0
  while (pending.length > 0) {
    const segment = pending.shift() ?? ''
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (resolved.pop() === undefined) return undefined
      continue
    }
    resolved.push(segment)
    const target = links.get(resolved.join('/'))
    if (target === undefined) continue
    // A loop never resolves, on disk either (ELOOP): harmless, as long as no step climbed out.
    if (++hops > 40) return resolved
    resolved.pop()
    pending = [...target.split('/'), ...pending]
  }
  return resolved
}

/** Why a link's target would leave the workspace, read as text from the link's folder. */
function linkProblem(path: string, target: string): string | undefined {
  if (target === '' || target.includes('\0') || target.includes('\\'))
    return 'has a malformed target'
  if (target.startsWith('/') || /^[A-Za-z]:/.test(target))
    return `points to the absolute path ${JSON.stringify(target)}`
  const depth = path.split('/').length - 1
  let level = depth
  for (const segment of target.split('/')) {
    if (segment === '..') level--
    else if (segment !== '.' && segment !== '') level++
    if (level < 0) return `points to ${JSON.stringify(target)}, outside the workspace`
  }
  return undefined
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && ID_PATTERN.test(value)
}

function isEntry(value: unknown): boolean {
  if (!isJsonObject(value)) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.name === 'string' &&
    unsafePathReason(entry.name) === undefined &&
    isCount(entry.size) &&
    typeof entry.sha256 === 'string'
  )
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

function isNodeRecord(value: unknown): value is NodeRecord {
  if (!isJsonObject(value)) return false
  const record = value as Record<string, unknown>
  return (
    isId(record.id) &&
    isCount(record.sequence) &&
    isCount(record.attempt) &&
    typeof record.runId === 'string' &&
    typeof record.savedAt === 'string' &&
    (record.durationMs === undefined || isCount(record.durationMs)) &&
    (record.fingerprint === undefined || isStringRecord(record.fingerprint)) &&
    (record.added === undefined || isAdditions(record.added)) &&
    (record.replaced === undefined || isReplaced(record.replaced))
  )
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}

function isAdditions(value: unknown): boolean {
  if (!isJsonObject(value)) return false
  const { state, links } = value as Record<string, unknown>
  return isStringList(state) && (links === undefined || isStringList(links))
}

/** Replaced files may be placed again: they pass the same checks as the manifest's. */
function isReplaced(value: unknown): boolean {
  if (!isJsonObject(value)) return false
  const { state, files } = value as Record<string, unknown>
  if (state !== undefined && !isJsonObject(state)) return false
  if (files === undefined) return true
  return (
    Array.isArray(files) &&
    files.every(
      file =>
        isFileRecord(file) &&
        unsafePathReason(file.path) === undefined &&
        (file.link === undefined || linkProblem(file.path, file.link) === undefined)
    )
  )
}

function isStringRecord(value: unknown): boolean {
  return isJsonObject(value) && Object.values(value).every(item => typeof item === 'string')
}

const RUN_TEXT_FIELDS = ['repository', 'workflow', 'job', 'sha', 'ref'] as const

function isRunInfo(value: unknown): boolean {
  if (!isJsonObject(value)) return false
  const run = value as Record<string, unknown>
  return (
    typeof run.runId === 'string' &&
    isCount(run.attempt) &&
    RUN_TEXT_FIELDS.every(field => run[field] === undefined || typeof run[field] === 'string')
  )
}

const PACKINGS = new Set(['zip-stored', 'zip-deflate', 'zip-encrypted'])

function isPartialRecord(value: unknown): value is PartialRecord {
  return isNodeRecord(value) && isJsonObject((value as unknown as PartialRecord).state)
}

function isArchiveRecord(value: unknown): value is ArchiveRecord {
  return (
    isJsonObject(value) &&
    typeof value.name === 'string' &&
    typeof value.runId === 'string' &&
    isCount(value.size) &&
    typeof value.digest === 'string' &&
    typeof value.packing === 'string' &&
    PACKINGS.has(value.packing) &&
    (value.cache === undefined || typeof value.cache === 'string') &&
    (value.pack === undefined || typeof value.pack === 'string')
  )
}

function isFileRecord(item: unknown): item is FileRecord {
  if (!isJsonObject(item)) return false
  const value = item as Record<string, unknown>
  return (
    typeof value.path === 'string' &&
    isCount(value.size) &&
    typeof value.sha256 === 'string' &&
    isCount(value.mode) &&
    (value.archive === undefined || typeof value.archive === 'string') &&
    (value.entry === undefined || isEntry(value.entry)) &&
    (value.link === undefined || typeof value.link === 'string')
  )
}

/** The ref a document carries. */
export function refOf(document: CheckpointRef): CheckpointRef {
  const { scope, attempt, sequence, node } = document
  return { scope, attempt, sequence, node }
}
