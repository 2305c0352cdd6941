// Area: restore latency and HTTP requests against the length of the run's checkpoint history.
// For each length N, one run holds N checkpoints of one scope: the first is a real save entry
// with a fixed files payload (so every restore moves the same bytes), the N-1 after it are small
// state-only nodes built with the product's own domain code (nextCheckpoint, serializeCheckpoint)
// and uploaded unzipped with the toolkit, exactly as the save entry uploads a document, only
// faster than 400 runs of the entry. The measured restore is always the dist entry, on a re-run
// in a fresh workspace; the runs of the lengths are interleaved.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { writePayload } from '../lib/payloads.mjs'
import { interleave } from '../lib/stats.mjs'

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, direct: {dir: string}, config: any, domain: any,
 *   log: (line: string) => void}} ctx
 */
export async function historyArea(ctx) {
  const { lab, config } = ctx
  const { lengths, payload } = config.history
  const source = await lab.dir('history-source')
  await writePayload(join(source, 'payload'), {
    kind: 'random',
    total: payload,
    fileSize: payload,
    seed: 11
  })
  await lab.ensureCapacity(lengths.length * (payload + 4 * 1024 * 1024))
  const runs = {}
  for (const length of lengths) {
    ctx.log(`history: building ${length} checkpoint(s)`)
    runs[length] = await buildHistory(ctx, source, length)
  }
  const variants = Object.fromEntries(
    lengths.map(length => [
      `n${length}`,
      async () => {
        const runner = await lab.runner(lab.job(runs[length].run, 2))
        lab.standIn.resetRequests()
        const before = lab.standIn.requestCount
        const step = await lab.stepOk(runner, '.')
        const requests = lab.standIn.requestCount - before
        const kinds = {}
        for (const request of lab.standIn.requests) {
          const kind = request.rpc ?? request.operation ?? `${request.service} ${request.method}`
          kinds[kind] = (kinds[kind] ?? 0) + 1
        }
        const completed = JSON.parse(step.result.outputs.completed ?? '[]')
        if (completed.length !== length) {
          throw new Error(
            `restore of ${length} found ${completed.length} nodes done:\n${step.result.stdout}`
          )
        }
        await lab.dispose(runner)
        return { ms: step.ms, requests, kinds }
      }
    ])
  )
  const measured = await interleave({
    warmup: config.history.warmup,
    reps: config.history.reps,
    label: 'history restore ',
    log: ctx.log,
    variants
  })
  return lengths.map(length => {
    const result = measured[`n${length}`]
    const requestCounts = result.runs.map(run => run.requests)
    return {
      length,
      time: result.time,
      requests: Math.max(...requestCounts),
      requestsMin: Math.min(...requestCounts),
      kinds: result.runs[0].kinds,
      artifacts: runs[length].artifacts,
      documentBytes: runs[length].documentBytes,
      buildMs: runs[length].buildMs
    }
  })
}

/** A run whose attempt 1 saved `length` checkpoints: a files payload, then state-only nodes. */
async function buildHistory(ctx, source, length) {
  const { lab, direct, domain } = ctx
  const started = performance.now()
  const run = lab.newRun()
  const runner = await lab.runner(lab.job(run, 1), { workspace: source })
  await lab.stepOk(runner, '.')
  const saved = await lab.stepOk(runner, 'save', {
    node: 'payload',
    paths: 'payload/',
    state: 'rows=1'
  })
  const first = saved.result.outputs.checkpoint
  if (length > 1) {
    // The first checkpoint as the save entry wrote it, downloaded as a user would.
    const fetched = await lab.stepOk(runner, direct.dir, {
      mode: 'download',
      name: first,
      path: 'fetched'
    })
    void fetched
    let document = domain.document.parseCheckpoint(
      await readFile(join(source, 'fetched', first), 'utf8'),
      first
    )
    const folder = join(source, `history-${length}`)
    await mkdir(folder, { recursive: true })
    for (let index = 2; index <= length; index++) {
      document = domain.progress.nextCheckpoint(document, {
        scope: document.scope,
        node: `step${index}`,
        run: document.run,
        state: { [`step${index}`]: index, last: `step${index}` },
        durationMs: 1000
      })
      await writeFile(
        join(folder, domain.naming.checkpointName(document)),
        domain.document.serializeCheckpoint(document),
        'utf8'
      )
    }
    await lab.stepOk(runner, direct.dir, { mode: 'upload-documents', path: `history-${length}` })
  }
  await lab.dispose(runner)
  const artifacts = lab.standIn.listArtifacts(run)
  const newest = artifacts
    .filter(artifact => artifact.name.endsWith('.json'))
    .sort((a, b) => b.name.localeCompare(a.name))[0]
  return {
    run,
    artifacts: artifacts.length,
    documentBytes: newest.size,
    buildMs: performance.now() - started
  }
}

// Area: restore of pipelines whose nodes each have files (issue 13): N nodes of one 1 KiB file
// each (out/n<i>/f.bin), against one node holding the same N files at the same paths, so both
// restores move the same bytes and make the same folders: what differs is the nodes. Every
// node is saved by the save entry (packs are written as a real job writes them); the restore is
// the dist entry on attempt 2 in a fresh workspace, the two layouts interleaved. Counted: every
// request of the restore step and its blob downloads (GETs).

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, config: any, log: (line: string) => void}} ctx
 */
export async function nodesWithFilesArea(ctx) {
  const { lab, config } = ctx
  const { nodes: counts, fileBytes } = config.nodesWithFiles
  const built = {}
  for (const count of counts) {
    ctx.log(`nodes with files: saving ${count} node(s), and one node with ${count} file(s)`)
    built[`nodes${count}`] = await savedPipeline(ctx, count, fileBytes, { oneNode: false })
    built[`single${count}`] = await savedPipeline(ctx, count, fileBytes, { oneNode: true })
  }
  const variants = Object.fromEntries(
    Object.entries(built).map(([key, pipeline]) => [
      key,
      () => measuredRestore(lab, pipeline.run, pipeline.nodes)
    ])
  )
  const measured = await interleave({
    warmup: config.nodesWithFiles.warmup,
    reps: config.nodesWithFiles.reps,
    label: 'nodes with files restore ',
    log: ctx.log,
    variants
  })
  return counts.map(count => {
    const nodes = measured[`nodes${count}`]
    const single = measured[`single${count}`]
    return {
      nodes: count,
      time: nodes.time,
      singleTime: single.time,
      requests: Math.max(...nodes.runs.map(run => run.requests)),
      downloads: Math.max(...nodes.runs.map(run => run.downloads)),
      singleRequests: Math.max(...single.runs.map(run => run.requests)),
      samePaths: true,
      artifacts: built[`nodes${count}`].artifacts,
      saveMs: built[`nodes${count}`].saveMs
    }
  })
}

/**
 * A run whose attempt 1 saved `count` files of `fileBytes` random bytes, out/n<i>/f.bin: each by
 * a node of its own (n<i>), or all of them by one node.
 */
async function savedPipeline(ctx, count, fileBytes, { oneNode }) {
  const { lab } = ctx
  const started = performance.now()
  const run = lab.newRun()
  const runner = await lab.runner(lab.job(run, 1))
  await lab.stepOk(runner, '.')
  for (let file = 1; file <= count; file++) {
    const folder = join(runner.options.workspace, 'out', `n${file}`)
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, 'f.bin'), randomBytes(fileBytes))
    if (!oneNode) await lab.stepOk(runner, 'save', { node: `n${file}`, paths: `out/n${file}/` })
  }
  if (oneNode) await lab.stepOk(runner, 'save', { node: 'n1', paths: 'out/' })
  await lab.dispose(runner)
  const nodes = oneNode ? 1 : count
  return {
    run,
    nodes,
    artifacts: lab.standIn.listArtifacts(run).length,
    saveMs: performance.now() - started
  }
}

/** One restore on attempt 2: its time, requests and blob downloads; all nodes must be back. */
async function measuredRestore(lab, run, nodes) {
  const runner = await lab.runner(lab.job(run, 2))
  lab.standIn.resetRequests()
  const before = lab.standIn.requestCount
  const step = await lab.stepOk(runner, '.')
  const requests = lab.standIn.requestCount - before
  const downloads = lab.standIn.requests.filter(
    request => request.service === 'blob' && request.method === 'GET'
  ).length
  const completed = JSON.parse(step.result.outputs.completed ?? '[]')
  if (completed.length !== nodes) {
    throw new Error(
      `restore of ${nodes} found ${completed.length} nodes done:\n${step.result.stdout}`
    )
  }
  await lab.dispose(runner)
  return { ms: step.ms, requests, downloads }
}
