// Area: save and restore of file payloads (1 MiB, 100 MiB, 1 GiB; random and JSON; many small
// files). Candidate: the save entry after a restore step on a first attempt, and the restore
// entry on a re-run in a fresh empty workspace. Baselines, interleaved with it: upload-artifact /
// download-artifact's calls with their defaults (the bench's direct client, bundled, run through
// the same runner), actions/cache's calls (saveCache / restoreCache: tar + zstd, the fastest
// thing a user could pick instead), and a local tar copy (the floor). Peak RSS comes from the warm-up runs of the
// cases marked `memory` (run under GNU time; never a timed run).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, rm, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { performance } from 'node:perf_hooks'
import { bundleNode } from '../../local/node24.js'
import { readRss, runOk } from '../lib/lab.mjs'
import { writePayload, writeSmallFiles } from '../lib/payloads.mjs'
import { CALLING_RESTORE_CACHE, CALLING_SAVE_CACHE } from '../lib/markers.mjs'
import { blob, marksOf, medianPhases, phasesBetween, request, rpc } from '../lib/phases.mjs'
import { interleave, summarize } from '../lib/stats.mjs'

const MiB = 1024 * 1024

const TOOLKIT = {
  uploadStart: 'Beginning upload of artifact content',
  uploadEnd: 'Finished uploading artifact content',
  finalized: 'successfully finalized',
  downloadStart: 'Starting download of artifact',
  downloadEnd: 'Artifact download completed',
  cacheDownloaded: 'Cache Size:',
  cacheRestored: 'Cache restored successfully'
}

/** The files archive's upload is done: its one Put Blob, or the Put Block List of its blocks. */
const filesUploaded = r =>
  r.service === 'blob' && (r.operation === 'PutBlob' || r.operation === 'PutBlockList')

/** The save entry: its own log line, then the requests the stand-in finished. */
const SAVE_PHASES = [
  ['start, glob, list', 'Packing '],
  [
    'create; zip and upload (one read per file: sha256, CRC-32, secrets scan, deflate)',
    request(filesUploaded)
  ],
  ['finalize', request(rpc('FinalizeArtifact'))],
  ['document: create, put, finalize', request(rpc('FinalizeArtifact'), 2)],
  ['list again, job context, exit', null]
]
const DIRECT_SAVE_PHASES = [
  ['start, list files, create', TOOLKIT.uploadStart],
  ['zip and upload', TOOLKIT.uploadEnd],
  ['finalize', TOOLKIT.finalized],
  ['exit', null]
]
const RESTORE_FIRST_PHASE = 'start, list, sign and download the document, verify it'
const RESTORE_DIRECTORY_PHASE =
  "sign, fetch the archive's end (its zip directory), or all of an archive under 8 MiB"
const RESTORE_BODY_PHASE = 'download the rest and extract in one stream, check each file'

/** actions/cache's saveCache: tar + zstd into a temporary file, then reserve, upload, commit. */
const CACHE_SAVE_PHASES = [
  ['start, load the client', CALLING_SAVE_CACHE],
  ['tar + zstd into a temporary file, reserve the entry', request(rpc('CreateCacheEntry'))],
  ['upload', request(filesUploaded)],
  ['finalize', request(rpc('FinalizeCacheEntryUpload'))],
  ['exit', null]
]
/** actions/cache's restoreCache: look the key up, download to a temporary file, then extract. */
const CACHE_RESTORE_PHASES = [
  ['start, load the client', CALLING_RESTORE_CACHE],
  ['look the key up, sign', request(rpc('GetCacheEntryDownloadURL'))],
  ['download into a temporary file', TOOLKIT.cacheDownloaded],
  ['zstd -d + tar -x', TOOLKIT.cacheRestored],
  ['exit', null]
]
/**
 * The stages both sides of a comparison go through, each the sum of some of their phases, so
 * the report can say where the checkpoint's milliseconds went against actions/cache's.
 */
const SAVE_STAGES = {
  candidate: {
    start: ['start, glob, list'],
    'read, pack, upload': [SAVE_PHASES[1][0]],
    commit: ['finalize', 'document: create, put, finalize'],
    exit: ['list again, job context, exit']
  },
  cache: {
    start: ['start, load the client'],
    'read, pack, upload': ['tar + zstd into a temporary file, reserve the entry', 'upload'],
    commit: ['finalize'],
    exit: ['exit']
  }
}
const RESTORE_STAGES = {
  candidate: {
    'start, find the entry': [RESTORE_FIRST_PHASE],
    'download, unpack, check': [RESTORE_DIRECTORY_PHASE, RESTORE_BODY_PHASE],
    'place the files': ['place the files (a small archive: extract and check them first)'],
    exit: ['outputs, job context, exit']
  },
  cache: {
    'start, find the entry': ['start, load the client', 'look the key up, sign'],
    'download, unpack, check': ['download into a temporary file', 'zstd -d + tar -x'],
    'place the files': [],
    exit: ['exit']
  }
}

/**
 * Per run, each stage's time (the sum of its phases); then the median of each stage. A phase
 * whose end never happened (NaN: a small archive is fetched whole, so there is no second
 * download) counts 0: its time is in the next phase (see phasesBetween).
 */
function medianStages(runs, stages) {
  const took = (phases, name) => {
    if (!(name in phases)) throw new Error(`a stage names an unknown phase: ${name}`)
    return Number.isNaN(phases[name]) ? 0 : phases[name]
  }
  const staged = runs.map(run => ({
    phases: Object.fromEntries(
      Object.entries(stages).map(([stage, names]) => [
        stage,
        names.reduce((sum, name) => sum + took(run.phases, name), 0)
      ])
    )
  }))
  return medianPhases(staged)
}

/** The restore entry: ends of its downloads (as the stand-in served them), then its log line. */
const restorePhases = ids => [
  [RESTORE_FIRST_PHASE, request(blob('GetBlob', ids.document))],
  [RESTORE_DIRECTORY_PHASE, request(blob('GetBlob', ids.files))],
  [RESTORE_BODY_PHASE, request(blob('GetBlob', ids.files), 2)],
  ['place the files (a small archive: extract and check them first)', 'Restored checkpoint'],
  ['outputs, job context, exit', null]
]
const DIRECT_RESTORE_PHASES = [
  ['start, find the artifact, sign', TOOLKIT.downloadStart],
  ['download and unzip (streamed)', TOOLKIT.downloadEnd],
  ['exit', null]
]

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, direct: {dir: string}, config: any,
 *   log: (line: string) => void, rssNode: string | undefined}} ctx
 */
export async function payloadArea(ctx) {
  const results = []
  for (const spec of ctx.config.payload.cases) {
    ctx.log(`payload: ${spec.id}`)
    results.push(await payloadCase(ctx, spec))
  }
  return results
}

async function payloadCase(ctx, spec) {
  const { lab, direct } = ctx
  const warmup = spec.warmup ?? ctx.config.payload.warmup
  const reps = spec.reps ?? ctx.config.payload.reps
  const source = await lab.dir('payload-source')
  const written =
    spec.kind === 'small'
      ? await writeSmallFiles(join(source, 'payload'), { count: spec.count })
      : await writePayload(join(source, 'payload'), spec)
  const large = written.bytes >= 50 * MiB
  const hash = await hashReference(join(source, 'payload'))
  const tarFile = join(source, 'floor.tar')
  const rssFile = join(source, 'rss')
  // Upper bound of what one repetition stores: candidate and both baselines, uncompressed.
  const perRep = 3 * written.bytes + MiB
  const last = {}
  const memoryOptions = warm =>
    warm && spec.memory && ctx.rssNode
      ? { node: ctx.rssNode, env: { BENCH_RSS_OUT: rssFile, BENCH_NODE: bundleNode() } }
      : {}
  const rss = async (warm, options) => (options.node ? readRss(rssFile) : undefined)

  const save = await interleave({
    warmup,
    reps,
    label: `${spec.id} save `,
    log: ctx.log,
    before: async () => {
      await lab.ensureCapacity(perRep)
    },
    between: large ? () => lab.sync() : undefined,
    variants: {
      candidate: async ({ warm }) => {
        const run = lab.newRun()
        const options = memoryOptions(warm)
        const runner = await lab.runner(lab.job(run, 1), { workspace: source, ...options })
        await lab.stepOk(runner, '.')
        const step = await lab.stepOk(
          runner,
          'save',
          { node: 'payload', paths: 'payload/' },
          marksOf(SAVE_PHASES)
        )
        if (step.result.outputs.saved !== 'true')
          throw new Error(`save did not save:\n${step.result.stdout}`)
        const rssBytes = await rss(warm, options)
        await lab.dispose(runner)
        const artifacts = lab.standIn.listArtifacts(run)
        const files = artifacts.find(a => a.name.endsWith('.files'))
        const document = artifacts.find(a => a.name.endsWith('.json'))
        last.candidate = { run, ids: { files: files.id, document: document.id } }
        const packing = /at zip level (\d)/.exec(step.result.stdout)?.[1]
        return {
          ms: step.ms,
          rss: rssBytes,
          filesBytes: files.size,
          documentBytes: document.size,
          level: Number(packing),
          phases: phasesBetween(step, SAVE_PHASES)
        }
      },
      direct: async ({ warm }) => {
        if (warm && spec.directSaveWarmup === false) return { ms: NaN, skipped: true }
        const run = lab.newRun()
        const options = memoryOptions(warm)
        const runner = await lab.runner(lab.job(run, 1), { workspace: source, ...options })
        const step = await lab.stepOk(
          runner,
          direct.dir,
          { mode: 'upload', name: 'bare', path: 'payload' },
          marksOf(DIRECT_SAVE_PHASES)
        )
        const rssBytes = await rss(warm, options)
        await lab.dispose(runner)
        const artifact = lab.standIn.listArtifacts(run)[0]
        last.direct = { run }
        return {
          ms: step.ms,
          rss: rssBytes,
          bytes: artifact.size,
          phases: phasesBetween(step, DIRECT_SAVE_PHASES)
        }
      },
      cache: async () => {
        const run = lab.newRun()
        const runner = await lab.runner(lab.job(run, 1), { workspace: source })
        const key = `bench-${run.runId}`
        const step = await lab.stepOk(
          runner,
          direct.dir,
          { mode: 'cache-save', name: key, path: 'payload' },
          marksOf(CACHE_SAVE_PHASES)
        )
        await lab.dispose(runner)
        last.cache = { run, key }
        return {
          ms: step.ms,
          bytes: lab.standIn.listCacheEntries().find(e => e.key === key)?.size,
          phases: phasesBetween(step, CACHE_SAVE_PHASES)
        }
      },
      tar: async () => {
        await rm(tarFile, { force: true })
        const outcome = await runOk('tar', ['-cf', tarFile, '-C', source, 'payload'])
        return { ms: outcome.ms }
      }
    }
  })

  const restore = await interleave({
    warmup,
    reps,
    label: `${spec.id} restore `,
    log: ctx.log,
    between: large ? () => lab.sync() : undefined,
    variants: {
      candidate: async ({ warm }) => {
        const options = memoryOptions(warm)
        const runner = await lab.runner(lab.job(last.candidate.run, 2), options)
        const phases = restorePhases(last.candidate.ids)
        const step = await lab.stepOk(runner, '.', {}, marksOf(phases))
        if (step.result.outputs.resumed !== 'true')
          throw new Error(`restore did not resume:\n${step.result.stdout}`)
        const rssBytes = await rss(warm, options)
        if (warm) await sameTree(join(source, 'payload'), join(runner.options.workspace, 'payload'))
        await lab.dispose(runner)
        return { ms: step.ms, rss: rssBytes, phases: phasesBetween(step, phases) }
      },
      direct: async ({ warm }) => {
        const options = memoryOptions(warm)
        const runner = await lab.runner(lab.job(last.direct.run, 2), options)
        const step = await lab.stepOk(
          runner,
          direct.dir,
          { mode: 'download', name: 'bare', path: 'payload' },
          marksOf(DIRECT_RESTORE_PHASES)
        )
        const rssBytes = await rss(warm, options)
        if (warm) await sameTree(join(source, 'payload'), join(runner.options.workspace, 'payload'))
        await lab.dispose(runner)
        return { ms: step.ms, rss: rssBytes, phases: phasesBetween(step, DIRECT_RESTORE_PHASES) }
      },
      cache: async ({ warm }) => {
        const runner = await lab.runner(lab.job(last.cache.run, 2))
        const step = await lab.stepOk(
          runner,
          direct.dir,
          { mode: 'cache-restore', name: last.cache.key, path: 'payload' },
          marksOf(CACHE_RESTORE_PHASES)
        )
        if (warm) await sameTree(join(source, 'payload'), join(runner.options.workspace, 'payload'))
        await lab.dispose(runner)
        return { ms: step.ms, phases: phasesBetween(step, CACHE_RESTORE_PHASES) }
      },
      tar: async () => {
        const into = await lab.dir('tar-restore')
        const outcome = await runOk('tar', ['-xf', tarFile, '-C', into])
        await rm(into, { recursive: true, force: true })
        return { ms: outcome.ms }
      }
    }
  })
  await rm(source, { recursive: true, force: true })

  const candidateSave = save.candidate.runs[0]
  return {
    id: spec.id,
    kind: spec.kind,
    bytes: written.bytes,
    files: written.files,
    reps,
    warmup,
    hash,
    level: candidateSave.level,
    stored: {
      candidateFiles: candidateSave.filesBytes,
      candidateDocument: candidateSave.documentBytes,
      direct: save.direct.runs[0].bytes,
      cache: save.cache.runs[0].bytes
    },
    save: {
      candidate: save.candidate.time,
      direct: save.direct.time,
      cache: save.cache.time,
      tar: save.tar.time,
      phases: {
        candidate: medianPhases(save.candidate.runs),
        direct: medianPhases(save.direct.runs),
        cache: medianPhases(save.cache.runs)
      },
      stages: {
        candidate: medianStages(save.candidate.runs, SAVE_STAGES.candidate),
        cache: medianStages(save.cache.runs, SAVE_STAGES.cache)
      }
    },
    restore: {
      candidate: restore.candidate.time,
      direct: restore.direct.time,
      cache: restore.cache.time,
      tar: restore.tar.time,
      phases: {
        candidate: medianPhases(restore.candidate.runs),
        direct: medianPhases(restore.direct.runs),
        cache: medianPhases(restore.cache.runs)
      },
      stages: {
        candidate: medianStages(restore.candidate.runs, RESTORE_STAGES.candidate),
        cache: medianStages(restore.cache.runs, RESTORE_STAGES.cache)
      }
    },
    rss: spec.memory
      ? {
          candidateSave: save.candidate.warmups[0]?.rss,
          directSave: save.direct.warmups[0]?.rss,
          candidateRestore: restore.candidate.warmups[0]?.rss,
          directRestore: restore.direct.warmups[0]?.rss
        }
      : undefined
  }
}

/** In-process sha256 of every payload file (page cache warm): the hashing floor. */
async function hashReference(folder) {
  const files = await listFiles(folder)
  const samples = []
  for (let index = 0; index < 3; index++) {
    const started = performance.now()
    for (const file of files) {
      const hash = createHash('sha256')
      await pipeline(createReadStream(join(folder, file.path)), hash)
    }
    samples.push(performance.now() - started)
  }
  return summarize(samples)
}

async function listFiles(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const files = []
  for (const entry of entries.filter(item => item.isFile())) {
    const absolute = join(entry.parentPath ?? entry.path, entry.name)
    files.push({ path: relative(folder, absolute), size: (await stat(absolute)).size })
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1))
}

/** Checks a restored tree has the source's files with the source's sizes. */
async function sameTree(expected, actual) {
  const [want, got] = await Promise.all([listFiles(expected), listFiles(actual)])
  const text = list => list.map(file => `${file.path}:${file.size}`).join('\n')
  if (text(want) !== text(got)) {
    throw new Error(
      `restored tree differs from the source: ${want.length} files expected, ${got.length} found`
    )
  }
}
