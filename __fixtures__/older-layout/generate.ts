// Writes a run's checkpoints in the layout of version 1.x before packs (issue 13 item 3): one
// document artifact and one files archive artifact per node, with the domain code the save step
// uses (ZipPacker, nextCheckpoint, CheckpointCodec). Its output for run 7001 is committed in
// `run-7001/`, as a browser downloads it from the run page, so that every later version of the
// reader is tested against these exact bytes. Regenerate only to add a layout, never to follow a
// format change (that is what the committed bytes guard against):
//   npx tsc -p tsconfig.json --noEmit false --outDir /tmp/older-layout && \
//   node /tmp/older-layout/__fixtures__/older-layout/generate.js __fixtures__/older-layout/run-7001
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import { CheckpointCodec } from '../../src/checkpoint/codec.js'
import { computeFingerprint } from '../../src/checkpoint/fingerprint.js'
import type {
  ArchiveRecord,
  CheckpointDocument,
  FileRecord
} from '../../src/checkpoint/document.js'
import { checkpointName, filesArchiveName } from '../../src/checkpoint/naming.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import type { PipelineState } from '../../src/checkpoint/state.js'
import { writeZip } from '../../src/packing/zip-file.js'
import { ZipPacker } from '../../src/packing/zip-writer.js'

/** The run the committed checkpoints say wrote them. */
export const OLDER_LAYOUT_RUN_ID = '7001'

/** A node of the committed pipeline: its state, and its files (bytes, mode, or a link). */
interface OlderNode {
  node: string
  state: PipelineState
  files: { path: string; data?: string; mode?: number; link?: string }[]
}

/** fetch (text, an executable, a link), build (a binary), test (state only, no archive). */
export const OLDER_LAYOUT_NODES: OlderNode[] = [
  {
    node: 'fetch',
    state: { rows: '1200', source: 'api' },
    files: [
      { path: 'data/rows.csv', data: 'id,name\n1,alpha\n2,beta\n' },
      { path: 'data/fetch.sh', data: '#!/bin/sh\necho fetch\n', mode: 0o755 },
      { path: 'data/latest.csv', link: 'rows.csv' }
    ]
  },
  {
    node: 'build',
    state: { built: true, rows: '1201' },
    files: [{ path: 'build/model.bin', data: 'weights '.repeat(512) }]
  },
  { node: 'test', state: { passed: true }, files: [] }
]

/** The `key` each node was saved with, so that `from: runs` can take it. */
export function olderLayoutKey(node: string): string {
  return `${node}-v1`
}

/** The tree the newest checkpoint restores (links left out), by path. */
export function olderLayoutFiles(): Record<string, Buffer> {
  const files = OLDER_LAYOUT_NODES.flatMap(node => node.files)
  return Object.fromEntries(
    files.flatMap(file =>
      file.link === undefined ? [[file.path, Buffer.from(file.data ?? '')]] : []
    )
  )
}

/**
 * Writes the checkpoints of `runId` into `dir` as downloads: `<document>.json` and
 * `<archive>.files.zip` per node, oldest first, each document extending the previous one.
 */
export async function writeOlderLayout(
  dir: string,
  runId = OLDER_LAYOUT_RUN_ID
): Promise<CheckpointDocument[]> {
  await mkdir(dir, { recursive: true })
  const run = { runId, attempt: 1, repository: 'octo/pipeline' }
  const written: CheckpointDocument[] = []
  for (const [index, spec] of OLDER_LAYOUT_NODES.entries()) {
    const ref = { scope: 'pipeline', attempt: 1, sequence: index + 1, node: spec.node }
    const packed = await packNode(spec, filesArchiveName(ref), runId, dir)
    const document = nextCheckpoint(written.at(-1), {
      scope: 'pipeline',
      node: spec.node,
      run,
      state: spec.state,
      files: packed.files,
      ...(packed.archive ? { archive: packed.archive } : {}),
      durationMs: 1000 * (index + 1),
      fingerprint: computeFingerprint({ key: olderLayoutKey(spec.node) }),
      now: new Date(Date.UTC(2026, 5, 1, 12, 0, index + 1))
    })
    await writeFile(join(dir, checkpointName(document)), new CheckpointCodec().encode(document))
    written.push(document)
  }
  return written
}

/** Zips a node's files at zlib level 6 as the save step does, into `<archive>.zip` in `dir`. */
async function packNode(
  spec: OlderNode,
  archive: string,
  runId: string,
  dir: string
): Promise<{ files: FileRecord[]; archive: ArchiveRecord | undefined }> {
  const links: FileRecord[] = spec.files.flatMap(file =>
    file.link === undefined ? [] : [linkRecord(file.path, file.link)]
  )
  const regular = spec.files.filter(file => file.link === undefined)
  if (regular.length === 0) return { files: links, archive: undefined }
  const scratch = await mkdtemp(join(tmpdir(), 'older-layout-'))
  try {
    const sources = await Promise.all(
      regular.map(async file => {
        const absolute = join(scratch, file.path)
        await mkdir(dirname(absolute), { recursive: true })
        await writeFile(absolute, file.data ?? '')
        const mode = file.mode ?? 0o644
        const size = Buffer.byteLength(file.data ?? '')
        return { name: file.path, path: file.path, absolute, mode, mtime: new Date(0), size }
      })
    )
    const packer = new ZipPacker(sources, { level: 6 })
    const { size, digest } = await writeZip(join(dir, `${archive}.zip`), packer.bytes())
    const files = packer.entries.map((entry, index) => ({
      path: entry.name,
      size: entry.size,
      sha256: entry.sha256,
      mode: sources[index]?.mode ?? 0o644,
      archive
    }))
    const record: ArchiveRecord = { name: archive, runId, size, digest, packing: 'zip-deflate' }
    return { files: [...files, ...links], archive: record }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

function linkRecord(path: string, target: string): FileRecord {
  return { path, size: 0, sha256: sha256Digest(target), mode: 0o777, link: target }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = process.argv[2]
  if (!target) throw new Error('usage: generate.js FOLDER')
  const written = await writeOlderLayout(target)
  console.log(written.map(document => checkpointName(document)).join('\n'))
}
