// `npm run bench`: the cost of checkpointing, measured against what users would do instead.
//
// Starts the local stand-in of GitHub's services once, runs each measured area (bench/areas/),
// then writes bench/RESULTS.md and bench/plot.svg beside this file and prints the report.
// BENCH_QUICK=1 runs fewer sizes and repetitions (under a minute) and, like BENCH_ONLY,
// BENCH_CASES and BENCH_NODES (the node counts of the nodes-with-files area), prints its report
// without replacing bench/RESULTS.md. Progress goes to stderr.
// A full run also saves its raw results in bench/results.json and renders the README's summary
// (between its bench-summary markers) from them, with bench/render.mjs. BENCH_JSON=<file> saves
// the raw results of any run; `node bench/render.mjs <file>` renders the report, the plot and
// the README's summary again from such a file (after a change to the rendering only), and
// `node bench/render.mjs --check` fails when they differ from what bench/results.json renders.
//
//   bench/run.mjs              this orchestration
//   bench/areas/cold-start.mjs entries with nothing to do, bundle sizes
//   bench/areas/history.mjs    restore latency and requests against history length, and
//                              against the number of nodes that each have files
//   bench/areas/state.mjs      1 KB / 1 MB / 50 MB of JSON state, end to end and in-process
//   bench/areas/pipeline.mjs   six-node pipeline failing at node five, attempt 2 with/without resume;
//                              a 300-node pipeline's attempt 1 and attempt 2 end to end
//   bench/areas/payload.mjs    save/restore of 1 MiB..1 GiB and 1,000 files; peak RSS
//   bench/lib/                 stand-in lab, baselines, payloads, stats, report, plot
import { rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { coldStartArea } from './areas/cold-start.mjs'
import { historyArea, nodesWithFilesArea } from './areas/history.mjs'
import { payloadArea } from './areas/payload.mjs'
import { longPipelineArea, pipelineArea } from './areas/pipeline.mjs'
import { stateArea } from './areas/state.mjs'
import { benchConfig } from './lib/config.mjs'
import { directAction } from './lib/direct.mjs'
import { loadDomain } from './lib/domain.mjs'
import { Lab, rssWrapper } from './lib/lab.mjs'
import { machine } from './lib/machine.mjs'
import { snapshotAction } from './lib/snapshot.mjs'
import { RESULTS_JSON, writeRendered } from './render.mjs'
import { renderReport } from './lib/report.mjs'
import { formatMs } from './lib/stats.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

async function main() {
  const started = performance.now()
  const config = benchConfig()
  const log = line => process.stderr.write(`${line}\n`)
  const results = { config, machine: machine() }
  log(
    `checkpoint-action bench${config.quick ? ' (quick mode)' : ''}: ${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node} (bundles on ${results.machine.bundleNode})`
  )

  // Only the areas named in BENCH_ONLY (comma-separated) run, for working on one area.
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined
  // Quick and partial runs print their report; only a full run replaces the committed one.
  const partial =
    config.quick ||
    only !== undefined ||
    process.env.BENCH_CASES !== undefined ||
    process.env.BENCH_NODES !== undefined
  const wanted = name => !only || only.has(name)

  const direct = await directAction(root)
  log(
    `baseline bundle: ${direct.dir} (${direct.built ? `built in ${formatMs(direct.buildMs)}` : 'cached'})`
  )
  results.direct = direct
  const scratch = join(tmpdir(), `checkpoint-bench-${process.pid}`)
  let lab
  try {
    // Every step runs this copy of action.yml + dist/, even if dist/ is rebuilt meanwhile.
    const action = await snapshotAction(root, join(scratch, 'action'), log)
    results.action = {
      distHash: action.distHash,
      commit: action.commit,
      distDirty: action.distDirty
    }
    lab = await Lab.open({ root: action.root, scratch, log })
    const ctx = {
      lab,
      direct,
      config,
      root,
      actionRoot: action.root,
      log,
      domain: await loadDomain(root, join(scratch, 'domain')),
      rssNode: await rssWrapper(scratch)
    }
    const areas = [
      ['coldStart', coldStartArea],
      ['history', historyArea],
      ['nodesWithFiles', nodesWithFilesArea],
      ['state', stateArea],
      ['pipeline', pipelineArea],
      ['longPipeline', longPipelineArea],
      ['payload', payloadArea]
    ]
    results.areaMs = {}
    let areasRun = 0
    for (const [name, area] of areas) {
      if (!wanted(name)) continue
      if (areasRun++ > 0) await lab.restart()
      const areaStarted = performance.now()
      results[name] = await area(ctx)
      results.areaMs[name] = performance.now() - areaStarted
      log(`${name}: done in ${formatMs(results.areaMs[name])}`)
    }
    results.lab = { startMs: lab.startMs, restarts: lab.restarts, freshPerArea: true }
  } finally {
    await lab?.close()
    await rm(scratch, { recursive: true, force: true })
  }
  results.machine.loadEnd = loadavg()
  results.totalMs = performance.now() - started

  const report = renderReport(results)
  if (!partial) {
    await writeFile(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`, 'utf8')
    await writeRendered(results)
  }
  if (process.env.BENCH_JSON)
    await writeFile(process.env.BENCH_JSON, JSON.stringify(results, null, 2))
  process.stdout.write(`${report}\n`)
  log(
    `${partial ? 'quick or partial run: nothing written' : 'wrote bench/results.json, bench/RESULTS.md, bench/plot.svg and the summary in README.md'} in ${formatMs(results.totalMs)}`
  )
}

main().catch(error => {
  console.error(`bench failed: ${error?.stack ?? error}`)
  process.exitCode = 1
})
