import { decodeUtf8 } from '../checkpoint/document.js'
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { ArchiveRecord, CheckpointDocument } from '../checkpoint/document.js'
import { CheckpointCodec, ENCRYPTED_KIND } from '../checkpoint/codec.js'
import { CHECKPOINT_KIND, refOf } from '../checkpoint/document.js'
import { CheckpointError, CorruptCheckpointError } from '../checkpoint/errors.js'
import { ID_PATTERN } from '../checkpoint/ids.js'
import { EXPORT_KIND } from '../checkpoint/manager.js'
import {
  checkpointName,
  parseAnyArtifactName,
  parseArtifactName,
  type ArtifactKind,
  type CheckpointRef
} from '../checkpoint/naming.js'
import { isJsonObject } from '../checkpoint/state.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { NotFoundError, UsageError } from './offline-errors.js'
import { hashFile } from '../packing/meter.js'
import {
  archivesOf,
  CheckpointSource,
  type FoundArchive,
  type FoundCheckpoint,
  type SourceProblem
} from './source.js'
import { copyPackEntry, packEntries, readPackEntry, type PackEntry } from '../packing/pack-file.js'
import { isZipFile, listZip, readEntry, unzipEntry } from '../packing/zip-reader.js'

/** A checkpoint document larger than this is refused rather than read into memory. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

/** Folders below the source that are searched: a `gh run download` puts one per artifact. */
const MAX_DEPTH = 1

/** How to read a source. */
export interface ReadOptions {
  /**
   * Decrypts and checks signatures with the user's keys (the action's `encryption-key` and
   * `signing-key`); without one, encrypted checkpoints are listed as untrusted.
   */
  codec?: CheckpointCodec
}

/**
 * Reads checkpoints as downloaded from a run page: a checkpoint document (plain JSON), a files
 * archive (a zip, named `<name>.zip` or `<name>`), a pack (`<name>.pack`, with or without
 * `.zip`: small archives and retired documents, each an entry named after its artifact), a zip
 * holding documents, archives or packs, a checkpoint export, a folder of those (one level of
 * subfolders too), or a folder a files archive was unzipped into (named after the archive).
 * Archives renamed on download are found by their size and digest; an archive is found by its
 * name wherever it lies, so a document written before its archive was packed finds it in a pack. Nothing is verified beyond the documents' own digests: that is
 * what `verifySource` does. Call `close()` on the result when done.
 * @throws NotFoundError when `path` does not exist; UsageError for a file that is none of these
 */
export async function readCheckpointSource(
  path: string,
  options: ReadOptions = {}
): Promise<CheckpointSource> {
  const collector = new Collector(options.codec ?? new CheckpointCodec())
  const location = resolve(path)
  try {
    const stats = await stat(location).catch(() => undefined)
    if (!stats) throw new NotFoundError(`Source ${path} does not exist`)
    if (stats.isDirectory()) await collectFolder(collector, location, 0)
    else await collectFile(collector, location, true)
    await extractNested(collector)
    await extractPacked(collector)
    await matchRenamedArchives(collector)
  } catch (error) {
    await collector.source(location).close()
    throw error
  }
  return collector.source(location)
}

interface NestedArchive {
  zip: string
  entry: string
  name: string
  origin: string
}

/** A files archive stored in a pack: read once the documents tell its digest. */
interface PackedArchive {
  pack: string
  entry: PackEntry
  origin: string
}

/** What reading found so far. */
class Collector {
  readonly checkpoints: FoundCheckpoint[] = []
  readonly archives = new Map<string, FoundArchive>()
  readonly problems: SourceProblem[] = []
  /** Zips that hold no checkpoint: renamed files archives, maybe. */
  readonly loose: string[] = []
  /** Files archives inside zips, extracted once the documents tell their sizes. */
  readonly nested: NestedArchive[] = []
  readonly packed: PackedArchive[] = []
  readonly temporary: string[] = []

  constructor(readonly codec: CheckpointCodec) {}

  addCheckpoint(found: FoundCheckpoint): void {
    const twin = this.checkpoints.find(
      other => other.name === found.name && other.document?.digest === found.document?.digest
    )
    if (!twin || !found.document) this.checkpoints.push(found)
  }

  /** A zip wins over an unzipped folder: only a zip can be checked against its digest. */
  addArchive(archive: FoundArchive): void {
    const existing = this.archives.get(archive.name)
    if (!existing || (existing.form === 'folder' && archive.form === 'zip')) {
      this.archives.set(archive.name, archive)
    }
  }

  problem(origin: string, error: CheckpointError): void {
    this.problems.push({ origin, error })
  }

  get documents(): CheckpointDocument[] {
    return this.checkpoints.flatMap(found => (found.document ? [found.document] : []))
  }

  async temporaryFolder(): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), 'checkpoint-source-'))
    this.temporary.push(folder)
    return folder
  }

  source(location: string): CheckpointSource {
    return new CheckpointSource(
      location,
      this.checkpoints,
      this.archives,
      this.problems,
      this.temporary
    )
  }
}

/** The name a project artifact's file carries, with or without the `.zip` a download adds. */
function artifactNameOf(
  fileName: string
): { name: string; ref: CheckpointRef; kind: ArtifactKind } | undefined {
  const name = fileName.toLowerCase().endsWith('.zip') ? fileName.slice(0, -4) : fileName
  const parsed = parseAnyArtifactName(name)
  return parsed ? { name, ...parsed } : undefined
}

async function collectFolder(collector: Collector, folder: string, depth: number): Promise<void> {
  const named = artifactNameOf(basename(folder))
  if (named?.kind === 'files') {
    collector.addArchive({ name: named.name, origin: folder, form: 'folder', path: folder })
    return
  }
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(folder, entry.name)
    // Links are not followed: a source folder is read, never left.
    if (entry.isDirectory() && depth < MAX_DEPTH) await collectFolder(collector, path, depth + 1)
    else if (entry.isFile()) await collectFile(collector, path, false)
  }
}

async function collectFile(collector: Collector, path: string, explicit: boolean): Promise<void> {
  const named = artifactNameOf(basename(path))
  const zip = await isZipFile(path)
  if (named?.kind === 'files') {
    if (zip) collector.addArchive({ name: named.name, origin: path, form: 'zip', path })
    else collector.problem(path, new ArchiveIntegrityError(named.name, 'is not a zip'))
    return
  }
  if (named?.kind === 'pack') {
    await collectPack(collector, path, path, explicit)
    return
  }
  if (zip) {
    await collectZip(collector, path, explicit)
    return
  }
  if (!named && !explicit && !path.toLowerCase().endsWith('.json')) return
  const { size } = await stat(path)
  if (size > MAX_DOCUMENT_BYTES) {
    const error = new CorruptCheckpointError(path, `over ${MAX_DOCUMENT_BYTES} bytes`)
    if (explicit) throw error
    collector.problem(path, error)
    return
  }
  collectJson(collector, decodeUtf8(await readFile(path), path), path, named?.ref, explicit)
}

/** A document, an export of documents, or (only when named so or given) a corrupt one. */
function collectJson(
  collector: Collector,
  text: string,
  origin: string,
  nameRef: CheckpointRef | undefined,
  explicit: boolean
): void {
  const value = parseJson(text)
  const kind = isJsonObject(value) ? value.kind : undefined
  if (kind === EXPORT_KIND && isJsonObject(value) && Array.isArray(value.checkpoints)) {
    for (const [index, item] of value.checkpoints.entries()) {
      addDocument(collector, JSON.stringify(item), `${origin}#${index + 1}`, undefined, item)
    }
    return
  }
  if (kind === CHECKPOINT_KIND || kind === ENCRYPTED_KIND || nameRef) {
    addDocument(collector, text, origin, nameRef, value)
    return
  }
  if (explicit) {
    throw new UsageError(`${origin} is not a checkpoint, a checkpoint export or a zip of either`)
  }
}

function addDocument(
  collector: Collector,
  text: string,
  origin: string,
  nameRef: CheckpointRef | undefined,
  value: unknown
): void {
  try {
    const document = collector.codec.decode(text, origin, nameRef)
    const { createdAt } = document
    const name = checkpointName(document)
    collector.addCheckpoint({
      name,
      ref: refOf(document),
      origin,
      document,
      error: undefined,
      createdAt
    })
  } catch (error) {
    if (!(error instanceof CheckpointError)) throw error
    const ref = nameRef ?? refFromContent(value)
    const name = ref ? checkpointName(ref) : basename(origin)
    const createdAt =
      isJsonObject(value) && typeof value.createdAt === 'string' ? value.createdAt : undefined
    collector.addCheckpoint({ name, ref, origin, document: undefined, error, createdAt })
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** The ref a corrupt document's fields still tell, when they are well-formed. */
function refFromContent(value: unknown): CheckpointRef | undefined {
  if (!isJsonObject(value)) return undefined
  const { scope, attempt, sequence, node } = value
  if (typeof scope !== 'string' || !ID_PATTERN.test(scope)) return undefined
  if (typeof node !== 'string' || !ID_PATTERN.test(node)) return undefined
  if (typeof attempt !== 'number' || !Number.isSafeInteger(attempt)) return undefined
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence)) return undefined
  return { scope, attempt, sequence, node }
}

/**
 * A zip that is not a files archive by its name: documents inside are read (bounded), files
 * archives inside are noted for later; a zip holding neither may be a renamed files archive.
 */
async function collectZip(collector: Collector, path: string, explicit: boolean): Promise<void> {
  let found = false
  try {
    const opened = await listZip(path, basename(path))
    try {
      for (const entry of opened.entries) {
        const base = entry.fileName.split('/').at(-1) ?? ''
        const named = artifactNameOf(base)
        const origin = `${path}!${entry.fileName}`
        if (named?.kind === 'files') {
          collector.nested.push({ zip: path, entry: entry.fileName, name: named.name, origin })
          found = true
        } else if (named?.kind === 'pack') {
          const pack = join(await collector.temporaryFolder(), named.name)
          await unzipEntry(opened, entry, pack, entry.uncompressedSize, basename(path))
          await collectPack(collector, pack, origin, false)
          found = true
        } else if (named?.kind === 'json' || base.toLowerCase().endsWith('.json')) {
          const before = collector.checkpoints.length
          const bytes = await readEntry(opened, entry, MAX_DOCUMENT_BYTES, basename(path))
          collectJson(collector, decodeUtf8(bytes, origin), origin, named?.ref, false)
          found ||= collector.checkpoints.length > before
        }
      }
    } finally {
      opened.zip.close()
    }
  } catch (error) {
    if (explicit || !(error instanceof ArchiveIntegrityError)) throw error
    collector.problem(path, error)
    return
  }
  if (!found) collector.loose.push(path)
}

/** Extracts the files archives found inside zips, each bounded by the size recorded for it. */
async function extractNested(collector: Collector): Promise<void> {
  for (const nested of collector.nested) {
    if (collector.archives.has(nested.name)) continue
    const record = recordOf(collector.documents, nested.name)
    if (!record) continue
    const target = join(await collector.temporaryFolder(), `${nested.name}.zip`)
    try {
      const opened = await listZip(nested.zip, basename(nested.zip))
      try {
        const entry = opened.entries.find(item => item.fileName === nested.entry)
        if (entry) await unzipEntry(opened, entry, target, record.size, nested.name)
      } finally {
        opened.zip.close()
      }
      collector.addArchive({ name: nested.name, origin: nested.origin, form: 'zip', path: target })
    } catch (error) {
      if (!(error instanceof ArchiveIntegrityError)) throw error
      collector.problem(nested.origin, error)
    }
  }
}

/**
 * A pack's entries: its documents are read now (bounded like any document, each found at
 * `<pack>!<entry>`), its archives noted for {@link extractPacked}. A file that is not a pack
 * is a problem of the source, or an error when it was named on the command line.
 */
async function collectPack(
  collector: Collector,
  path: string,
  origin: string,
  explicit: boolean
): Promise<void> {
  let entries: PackEntry[]
  try {
    entries = await packEntries(path)
  } catch (error) {
    if (explicit || !(error instanceof ArchiveIntegrityError)) throw error
    collector.problem(origin, error)
    return
  }
  for (const entry of entries) {
    const named = parseArtifactName(entry.name)
    const at = `${origin}!${entry.name}`
    if (named?.kind === 'files') collector.packed.push({ pack: path, entry, origin: at })
    if (named?.kind !== 'json') continue
    try {
      if (entry.size > MAX_DOCUMENT_BYTES) {
        throw new CorruptCheckpointError(at, `over ${MAX_DOCUMENT_BYTES} bytes`)
      }
      const bytes = await readPackEntry(path, entry)
      collectJson(collector, decodeUtf8(bytes, at), at, named.ref, false)
    } catch (error) {
      if (!(error instanceof CheckpointError)) throw error
      collector.problem(at, error)
    }
  }
}

/**
 * Reads the files archives found in packs into temporary files, each checked against the
 * digest a document recorded for it (at most a small archive's size); one that fails is a
 * problem of the source, named by the archive, and its checkpoints lack it.
 */
async function extractPacked(collector: Collector): Promise<void> {
  for (const packed of collector.packed) {
    const name = packed.entry.name
    if (collector.archives.has(name)) continue
    const record = recordOf(collector.documents, name)
    if (!record) continue
    try {
      const target = join(await collector.temporaryFolder(), `${name}.zip`)
      await copyPackEntry(packed.pack, packed.entry, target, record.digest)
      collector.addArchive({ name, origin: packed.origin, form: 'zip', path: target })
    } catch (error) {
      if (!(error instanceof ArchiveIntegrityError)) throw error
      collector.problem(packed.origin, error)
    }
  }
}

/** Finds archives saved under another name (`name (1).zip`) by their recorded size and digest. */
async function matchRenamedArchives(collector: Collector): Promise<void> {
  const missing = new Map<string, ArchiveRecord>()
  for (const document of collector.documents) {
    for (const name of archivesOf(document)) {
      const record = document.archives.find(archive => archive.name === name)
      if (record && !collector.archives.has(name)) missing.set(name, record)
    }
  }
  for (const path of collector.loose) {
    if (missing.size === 0) return
    const { size } = await stat(path)
    const candidates = [...missing.values()].filter(record => record.size === size)
    if (candidates.length === 0) continue
    const { digest } = await hashFile(path)
    const match = candidates.find(record => record.digest === digest)
    if (!match) continue
    collector.addArchive({ name: match.name, origin: path, form: 'zip', path })
    missing.delete(match.name)
  }
}

function recordOf(documents: CheckpointDocument[], name: string): ArchiveRecord | undefined {
  for (const document of documents) {
    const record = document.archives.find(archive => archive.name === name)
    if (record) return record
  }
  return undefined
}
