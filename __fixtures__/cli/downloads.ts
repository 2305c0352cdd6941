import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import type {
  ArchiveRecord,
  CheckpointDocument,
  FileRecord
} from '../../src/checkpoint/document.js'
import { CheckpointCodec, type CodecKeys } from '../../src/checkpoint/codec.js'
import { encryptFile } from '../../src/checkpoint/crypto.js'
import { checkpointName, filesArchiveName, packName } from '../../src/checkpoint/naming.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import type { PipelineState } from '../../src/checkpoint/state.js'
import { writePackFile } from '../packs.js'
import { makeZip, type ZipEntry } from '../zip.js'

/** A file a node produced: bytes with a mode, or a link. */
export interface NodeFile {
  path: string
  data?: string | Buffer
  mode?: number
  link?: string
}

/** One node of a pipeline to write as downloads. */
export interface NodeSpec {
  node: string
  state: PipelineState
  files?: NodeFile[]
  /** Entries to put in the files archive instead of the files (a hostile zip, say). */
  zipEntries?: ZipEntry[]
}

/** A checkpoint written as a browser saves it: the document, and `<archive>.zip`. */
export interface WrittenCheckpoint {
  document: CheckpointDocument
  json: string
  zip: string | undefined
}

/**
 * Writes a pipeline's checkpoints into `dir` as a run page download would leave them:
 * `checkpoint.<scope>.a<attempt>.s<seq>.<node>.json` and `<...>.files.zip`, each document
 * extending the previous one, archives recorded with their size and digest. With `keys`, the
 * documents are signed and encrypted and the files encrypted, as the save step does.
 */
export async function writeDownloads(
  dir: string,
  nodes: NodeSpec[],
  options: { scope?: string; attempt?: number; base?: CheckpointDocument; keys?: CodecKeys } = {}
): Promise<WrittenCheckpoint[]> {
  const scope = options.scope ?? 'pipeline'
  const attempt = options.attempt ?? 1
  const codec = new CheckpointCodec(options.keys)
  await mkdir(dir, { recursive: true })
  const written: WrittenCheckpoint[] = []
  let base = options.base
  for (const spec of nodes) {
    const ref = { scope, attempt, sequence: (base?.sequence ?? 0) + 1, node: spec.node }
    const packed = await pack(spec, filesArchiveName(ref), codec.fileKey)
    const document = nextCheckpoint(base, {
      scope,
      node: spec.node,
      run: { runId: '1001', attempt, repository: 'octo/pipeline' },
      state: spec.state,
      files: packed.files,
      ...(packed.archive ? { archive: packed.archive } : {}),
      now: new Date(Date.UTC(2026, 10, 24, 3, 0, ref.sequence))
    })
    const json = join(dir, checkpointName(document))
    await writeFile(json, codec.encode(document))
    const zip = packed.zip ? join(dir, `${filesArchiveName(ref)}.zip`) : undefined
    if (zip && packed.zip) await writeFile(zip, packed.zip)
    written.push({ document, json, zip })
    base = document
  }
  return written
}

/** A node's file records and the zip holding its files, encrypted when a key is given. */
async function pack(
  spec: NodeSpec,
  archive: string,
  key: Buffer | undefined
): Promise<{ files: FileRecord[]; zip: Buffer | undefined; archive: ArchiveRecord | undefined }> {
  const files = (spec.files ?? []).map(file => fileRecord(file, archive))
  const regular = (spec.files ?? []).filter(file => file.link === undefined)
  if (regular.length === 0 && !spec.zipEntries) return { files, zip: undefined, archive: undefined }
  let entries = regular.map(file => ({ name: file.path, data: file.data ?? '' }))
  if (key) entries = await seal(entries, files, key)
  const zip = makeZip(spec.zipEntries ?? entries)
  const packing = key ? 'zip-encrypted' : 'zip-stored'
  const record: ArchiveRecord = {
    name: archive,
    runId: '1001',
    size: zip.length,
    digest: sha256Digest(zip),
    packing
  }
  return { files, zip, archive: record }
}

/** Encrypts each entry under an opaque name, recording it on the file's record. */
async function seal(
  entries: { name: string; data: string | Buffer }[],
  files: FileRecord[],
  key: Buffer
): Promise<{ name: string; data: Buffer }[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'checkpoint-seal-'))
  try {
    const sealed: { name: string; data: Buffer }[] = []
    for (const [index, entry] of entries.entries()) {
      const name = `f${String(index + 1).padStart(6, '0')}`
      await writeFile(join(scratch, 'plain'), entry.data)
      const { size, sha256 } = await encryptFile(join(scratch, 'plain'), join(scratch, name), key)
      const record = files.find(file => file.path === entry.name)
      if (record) record.entry = { name, size, sha256 }
      sealed.push({ name, data: await readFile(join(scratch, name)) })
    }
    return sealed
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

function fileRecord(file: NodeFile, archive: string): FileRecord {
  if (file.link !== undefined) {
    return {
      path: file.path,
      size: 0,
      sha256: sha256Digest(file.link),
      mode: 0o777,
      link: file.link
    }
  }
  const data = Buffer.from(file.data ?? '')
  return {
    path: file.path,
    size: data.length,
    sha256: sha256Digest(data),
    mode: file.mode ?? 0o644,
    archive
  }
}

/** The pipeline most tests use: fetch (data, an executable, a link), then build (a binary). */
export const PIPELINE: NodeSpec[] = [
  {
    node: 'fetch',
    state: { rows: '1200', source: 'api' },
    files: [
      { path: 'data/rows.csv', data: 'id,name\n1,a\n' },
      { path: 'data/fetch.sh', data: '#!/bin/sh\necho fetch\n', mode: 0o755 },
      { path: 'data/latest.csv', link: 'rows.csv' }
    ]
  },
  {
    node: 'build',
    state: { built: true, rows: '1201' },
    files: [{ path: 'build/model.bin', data: Buffer.alloc(4096, 7) }]
  }
]

/**
 * Moves artifacts of `dir` (documents as `<name>`, archives as `<name>.zip`) into a pack
 * downloaded as `<pack>.zip`, in the order given, as a save that merges them would: their exact
 * bytes, each an entry named after its artifact. The separate files are removed.
 * @returns the pack's file
 */
export async function packDownloads(dir: string, pack: string, names: string[]): Promise<string> {
  const members = []
  for (const name of names) {
    const file = join(dir, name.endsWith('.json') ? name : `${name}.zip`)
    members.push({ name, bytes: await readFile(file) })
    await rm(file)
  }
  const file = join(dir, `${pack}.zip`)
  await writePackFile(file, members)
  return file
}

/** `document` as the base of the save that wrote `pack`: every archive it records lives there. */
export function packedBase(document: CheckpointDocument, pack: string): CheckpointDocument {
  return { ...document, archives: document.archives.map(record => ({ ...record, pack })) }
}

/** Four nodes, each with files of its own, for packs: three merged, the fourth separate. */
export const PACKED_PIPELINE: NodeSpec[] = [
  ...PIPELINE,
  {
    node: 'train',
    state: { trained: true },
    files: [{ path: 'model/weights.bin', data: Buffer.alloc(2048, 3) }]
  },
  {
    node: 'report',
    state: { reported: true },
    files: [{ path: 'report/index.html', data: '<h1>done</h1>\n' }]
  }
]

/** The pack {@link writePackedDownloads} writes, and what it holds. */
export const PACKED = {
  pack: packName({ scope: 'pipeline', attempt: 1, sequence: 4, node: 'report' }),
  retired: checkpointName({ scope: 'pipeline', attempt: 1, sequence: 1, node: 'fetch' }),
  archives: PACKED_PIPELINE.slice(0, 3).map((spec, index) =>
    filesArchiveName({ scope: 'pipeline', attempt: 1, sequence: index + 1, node: spec.node })
  )
}

/**
 * Attempt 1 saved fetch, build and train, each with its own archive; the save of report merged
 * their archives into a pack with the oldest document (retired), then wrote its document, whose
 * records point into the pack, and its own archive beside it. Downloads as a browser saves them.
 * @returns the checkpoints still written as their own artifacts (build, train, report)
 */
export async function writePackedDownloads(dir: string): Promise<WrittenCheckpoint[]> {
  const written = await writeDownloads(dir, PACKED_PIPELINE.slice(0, 3))
  await packDownloads(dir, PACKED.pack, [...PACKED.archives, PACKED.retired])
  const base = written.at(-1)?.document
  const report = PACKED_PIPELINE.slice(3)
  if (!base) throw new Error('three checkpoints written')
  const last = await writeDownloads(dir, report, { base: packedBase(base, PACKED.pack) })
  return [...written.slice(1), ...last]
}
