// The Markdown report: machine, method, targets (met / not met, with the figures), then one
// section per area. Pure formatting over the results the areas returned.
import { renderStages } from './report-stages.mjs'
import { formatMs } from './stats.mjs'

const MiB = 1024 * 1024
const GiB = 1024 * MiB
const MB = 1e6

export const fmt = {
  ms: formatMs,
  /** median (min–max) */
  range: summary =>
    summary && Number.isFinite(summary.median)
      ? `${formatMs(summary.median)} (${formatMs(summary.min)}–${formatMs(summary.max)})`
      : 'n/a',
  bytes: bytes => {
    if (!Number.isFinite(bytes)) return 'n/a'
    if (bytes >= GiB) return `${(bytes / GiB).toFixed(2)} GiB`
    if (bytes >= MiB) return `${(bytes / MiB).toFixed(bytes >= 100 * MiB ? 0 : 1)} MiB`
    if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`
    return `${bytes} B`
  },
  mb: bytes => (Number.isFinite(bytes) ? `${(bytes / MB).toFixed(0)} MB` : 'n/a'),
  x: value => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a'),
  signedMs: ms => (Number.isFinite(ms) ? `${ms >= 0 ? '+' : '−'}${formatMs(Math.abs(ms))}` : 'n/a'),
  rate: (bytes, ms) =>
    Number.isFinite(ms) && ms > 0 ? `${(bytes / MiB / (ms / 1000)).toFixed(0)} MiB/s` : 'n/a'
}

export function table(header, rows) {
  const line = cells => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

const verdict = met => (met === undefined ? 'n/a' : met ? '**met**' : '**NOT met**')

/**
 * Issue 14's targets against actions/cache (the rival): ratios actions/cache ÷ checkpoint, so
 * above 1 the checkpoint is faster. Saves of bytes that do not compress (random, many small
 * files) at least 0.95, of text at least 0.8 (deflate against zstd on 2 cores); every restore
 * at least 0.95, verification included.
 */
function rivalTargets(item, add) {
  if (!item.save.cache) return
  const text = item.kind === 'json'
  const wanted = text ? 0.8 : 0.95
  const save = item.save.cache.median / item.save.candidate.median
  add(
    `Save ${item.id} at ≥ ${wanted}x actions/cache's speed (actions/cache ÷ checkpoint)`,
    `${fmt.ms(item.save.candidate.median)} vs ${fmt.ms(item.save.cache.median)}: ${fmt.x(save)}`,
    save >= wanted
  )
  const restore = item.restore.cache.median / item.restore.candidate.median
  add(
    `Restore ${item.id} at ≥ 0.95x actions/cache's speed (actions/cache ÷ checkpoint)`,
    `${fmt.ms(item.restore.candidate.median)} vs ${fmt.ms(item.restore.cache.median)}: ${fmt.x(restore)}`,
    restore >= 0.95
  )
}

/**
 * Every target, evaluated on the figures measured in this run.
 * @returns {{target: string, figure: string, met: boolean|undefined}[]}
 */
export function evaluateTargets(results) {
  const targets = []
  const add = (target, figure, met) => targets.push({ target, figure, met })
  const payload = results.payload ?? []

  for (const item of payload) rivalTargets(item, add)
  for (const item of payload.filter(p => p.kind === 'random')) {
    const speedup = item.save.direct.median / item.save.candidate.median
    add(
      `Save ${item.id} (incompressible) ≥ 3x faster than upload-artifact defaults`,
      `${fmt.ms(item.save.candidate.median)} vs ${fmt.ms(item.save.direct.median)}: ${fmt.x(speedup)} faster`,
      speedup >= 3
    )
  }
  for (const item of payload.filter(p => p.kind !== 'random')) {
    const speedup = item.save.direct.median / item.save.candidate.median
    const stored = (item.stored.candidateFiles + item.stored.candidateDocument) / item.stored.direct
    add(
      `Save ${item.id} (compressible) ≥ 1.5x faster`,
      `${fmt.ms(item.save.candidate.median)} vs ${fmt.ms(item.save.direct.median)}: ${fmt.x(speedup)} faster`,
      speedup >= 1.5
    )
    add(
      `Save ${item.id} (compressible) stored ≤ 1.25x upload-artifact's`,
      `${fmt.bytes(item.stored.candidateFiles + item.stored.candidateDocument)} vs ${fmt.bytes(item.stored.direct)}: ${fmt.x(stored)}`,
      stored <= 1.25
    )
  }
  for (const item of payload) {
    const { candidate, direct } = item.restore
    if (item.bytes >= 100 * MiB) {
      const ratio = candidate.median / direct.median
      add(
        `Restore ${item.id} within 1.05x of download-artifact`,
        `${fmt.ms(candidate.median)} vs ${fmt.ms(direct.median)}: ${fmt.x(ratio)}`,
        ratio <= 1.05
      )
    } else {
      const difference = candidate.median - direct.median
      add(
        `Restore ${item.id} within 0.1 s of download-artifact`,
        `${fmt.ms(candidate.median)} vs ${fmt.ms(direct.median)}: ${fmt.signedMs(difference)}`,
        difference <= 100
      )
    }
  }
  const history = results.history ?? []
  if (history.length > 1) {
    const base = history[0]
    const worst = Math.max(...history.map(h => h.time.median / base.time.median))
    const longest = history.at(-1)
    add(
      `Restore within 1.2x from ${base.length} to ${longest.length} earlier checkpoints`,
      history.map(h => `${h.length}: ${fmt.ms(h.time.median)}`).join(', ') +
        ` (worst ${fmt.x(worst)})`,
      worst <= 1.2
    )
    const counts = history.map(h => h.requests)
    add(
      'Restore request count does not grow with history',
      history.map(h => `${h.length}: ${h.requests}`).join(', ') + ' requests',
      counts.every(count => count <= counts[0])
    )
  }
  const withFiles = results.nodesWithFiles ?? []
  const most = withFiles.at(-1)
  if (most) {
    const ratio = most.time.median / most.singleTime.median
    add(
      `Restore of ${most.nodes} node(s) with files within 1.5x of ${oneNodeWith(withFiles)}`,
      `${fmt.ms(most.time.median)} vs ${fmt.ms(most.singleTime.median)}: ${fmt.x(ratio)}`,
      ratio <= 1.5
    )
    add(
      'Restore of nodes with files makes at most 12 requests',
      withFiles.map(row => `${row.nodes}: ${row.requests}`).join(', ') + ' requests',
      withFiles.every(row => row.requests <= 12)
    )
  }
  const cold = results.coldStart
  if (cold) {
    const baseline = cold.times['direct client bundle, no-op']
    for (const [name, time] of Object.entries(cold.times)) {
      if (name === 'node -e ""' || name === 'direct client bundle, no-op') continue
      add(
        `Cold start: ${name} no slower than the direct client's bundle doing nothing`,
        `${fmt.ms(time.median)} vs ${fmt.ms(baseline.median)} (${fmt.signedMs(time.median - baseline.median)})`,
        time.median <= baseline.median
      )
    }
  }
  const state = results.state ?? []
  const largest = state.at(-1)
  if (largest) {
    const label = fmt.mb(largest.size)
    const bigEnough = largest.size >= 50e6
    const check = met => (bigEnough ? met : undefined)
    for (const op of ['save', 'load']) {
      const pure = largest.pure[op]
      const ratio = pure.candidate.median / pure.bare.median
      add(
        `State ${op} of ${label} within 1.5x of bare JSON (in-process: domain code vs JSON.${op === 'save' ? 'stringify' : 'parse'})`,
        `${fmt.ms(pure.candidate.median)} vs ${fmt.ms(pure.bare.median)}: ${fmt.x(ratio)}`,
        check(ratio <= 1.5)
      )
      const e2e = largest[op]
      const e2eRatio = e2e.candidate.median / e2e.direct.median
      add(
        `State ${op} of ${label} within 1.5x of bare JSON end to end (entry vs parse/serialize + upload-/download-artifact)`,
        `${fmt.ms(e2e.candidate.median)} vs ${fmt.ms(e2e.direct.median)}: ${fmt.x(e2eRatio)}`,
        check(e2eRatio <= 1.5)
      )
    }
  }
  const pipeline = results.pipeline
  if (pipeline) {
    const overhead = pipeline.withResume.median - pipeline.workLeft.median
    add(
      'Attempt-2 overhead beyond the work left < 2 s',
      `${fmt.ms(pipeline.withResume.median)} − ${fmt.ms(pipeline.workLeft.median)} of work left = ${fmt.ms(overhead)}`,
      overhead < 2000
    )
  }
  if (results.longPipeline) longPipelineTargets(results.longPipeline, add)
  for (const item of payload.filter(p => p.rss)) {
    const gib = item.bytes >= GiB
    for (const [name, value] of [
      ['save', item.rss.candidateSave],
      ['restore', item.rss.candidateRestore]
    ]) {
      add(
        `Peak RSS of ${name} on ${item.id} < 300 MB`,
        fmt.mb(value),
        gib && Number.isFinite(value) ? value < 300 * MB : undefined
      )
    }
  }
  return targets
}

/** The whole report. */
export function renderReport(results) {
  const { machine, config } = results
  const out = []
  const push = (...lines) => out.push(...lines)
  push('# checkpoint-action benchmarks', '')
  push(
    `Generated by \`${config.quick ? 'BENCH_QUICK=1 ' : ''}npm run bench\` (bench/run.mjs) on ${machine.date.slice(0, 16).replace('T', ' ')} UTC, in ${fmt.ms(results.totalMs)}.`,
    '',
    `Measured build: the action as it was when the bench started (action.yml files and dist/ copied aside), commit ${results.action?.commit || 'unknown'}${results.action?.distDirty ? ' with uncommitted changes to dist/ or the action.yml files' : ''}, dist/ sha256 ${results.action?.distHash ?? 'unknown'}.`,
    ''
  )
  if (config.quick) {
    push(
      '> **Quick mode** (`BENCH_QUICK=1`): the smallest sizes only (1 MiB and 100 small files, no',
      '> 100 MiB or 1 GiB; 1 MB of state, not 1 KB or 50 MB; 1 and 10 checkpoints of history, not 400;',
      '> 0.2 s pipeline nodes) and 2 repetitions after one warm-up (1, without, for the pipeline):',
      '> a smoke test of the bench, not figures to quote. Targets that need the full sizes are n/a.',
      '> For real figures run `npm run bench`.',
      ''
    )
  }
  push('## Machine', '')
  push(
    table(
      [
        'CPU',
        'cores',
        'RAM',
        'Node: tools / bundles',
        'OS',
        'load average at start / end (1, 5, 15 min)'
      ],
      [
        [
          machine.cpu,
          String(machine.cores),
          fmt.bytes(machine.ramBytes),
          `${machine.node} / ${machine.bundleNode}`,
          machine.os,
          `${machine.loadStart.map(v => v.toFixed(2)).join(', ')} / ${machine.loadEnd.map(v => v.toFixed(2)).join(', ')}`
        ]
      ]
    ),
    ''
  )
  push('## How it was measured', '')
  push(
    `- **Candidate**: the bundled \`dist/\` entries, run as child processes on Node ${machine.bundleNode} (a runner runs them on Node 24: \`runs.using: node24\`) by \`local/runner.js\` (JobRunner) with the env, inputs and file commands a runner gives them, against the local stand-in of GitHub's artifact service (\`local/\`, Azurite in memory behind a blob proxy).`,
    `- **Baselines** in the same bench run: \`@actions/artifact\` called as upload-artifact / download-artifact call it (upload: compression level 6; download by name, digest checked, unzipped), bundled with ncc (${fmt.bytes(results.direct.bundleBytes)}, ${results.direct.built ? `built in ${fmt.ms(results.direct.buildMs)}` : 'reused from the temp cache'}) and run through the same JobRunner, so both pay process start and bundle loading; \`@actions/cache\` called as actions/cache calls it (\`saveCache\` / \`restoreCache\` of the same folder under an exact key: tar + zstd), from the same bundle; the stand-in's FinalizeArtifact checks the declared digest only between timed steps (the cache's finalize reads nothing either); \`tar\` (${machine.tar}) as the local floor; bare \`JSON.stringify\`/\`JSON.parse\`; \`node -e ''\`; plain bash steps.`,
    '- **Interleaved**: every repetition runs the candidate and its baselines one after the other, in an order rotated each repetition; one warm-up repetition is dropped. Figures are **median (min–max)**; ratios are ratios of medians.',
    `- **Repetitions** after one warm-up: ${config.payload.reps} per payload${config.quick ? '' : " (1 GiB: 3; there the warm-up runs under GNU time for the peak RSS, and upload-artifact's 1 GiB save has no warm-up of its own, the 100 MiB cases before it having warmed that path: it is the slowest step of the bench)"}, ${config.history.reps} per history length, ${config.state.reps} per state size end to end (${config.state.pureReps} in-process), ${config.coldStart.reps} per cold start, ${config.pipeline.reps} per pipeline${config.pipeline.warmup ? '' : ' (no warm-up)'}.`,
    "- Each save runs in a fresh run on attempt 1 after the restore step (as in the README's workflow); each restore is attempt 2 of that run in a fresh, empty workspace (staging, verification and placing included). Large payloads are flushed to disk (`sync`) before each timed step.",
    `- The stand-in started in ${fmt.ms(results.lab.startMs)}; ${results.lab.freshPerArea ? 'each area started with a fresh one, and it was' : 'it was'} restarted ${results.lab.restarts} time(s) between repetitions, because Azurite frees deleted blobs only in a 10-minute sweep and the bench keeps its in-memory store under budget. Its FinalizeArtifact checks the size at once and the declared digest between timed steps, so neither side pays for the stand-in's hashing.`,
    `- Other processes shared this ${machine.cores}-core machine (see the load average): absolute times are noisy, the interleaved ratios much less so.`,
    ''
  )

  push('## Targets', '')
  const targets = evaluateTargets(results)
  push(
    table(
      ['target', 'measured', 'verdict'],
      targets.map(t => [t.target, t.figure, verdict(t.met)])
    ),
    ''
  )
  const missed = targets.filter(t => t.met === false).length
  push(
    `${targets.filter(t => t.met).length} met, ${missed} not met, ${targets.filter(t => t.met === undefined).length} n/a.`,
    ''
  )

  if (results.payload) renderPayload(push, results.payload)
  if (results.history) renderHistory(push, results.history)
  if (results.nodesWithFiles) renderNodesWithFiles(push, results.nodesWithFiles)
  if (results.state) renderState(push, results.state)
  if (results.coldStart) renderColdStart(push, results.coldStart)
  if (results.pipeline) renderPipeline(push, results.pipeline)
  if (results.longPipeline) renderLongPipeline(push, results.longPipeline)
  if (results.payload) renderMemory(push, results.payload)
  push('## Plot', '')
  push(
    '![Restore time against history length; save throughput against payload size](plot.svg)',
    '',
    '[plot.svg](plot.svg): left, restore time (median, min–max bars) against the number of earlier checkpoints; right, save throughput (payload ÷ save step time) against payload size; `tar -cf`, the floor, is in the table only (10–50x faster, it would flatten the plot).',
    ''
  )
  return out.join('\n')
}

function renderPayload(push, payload) {
  push('## 1. Save and restore of files', '')
  push(
    "Save: the save entry (`paths: payload/`) vs upload-artifact's call at level 6 vs actions/cache's `saveCache` (tar + zstd) vs `tar -cf`. Stored: the checkpoint's files archive + its JSON document, vs the upload-artifact zip, vs the cache entry. Speed-ups are baseline ÷ checkpoint.",
    ''
  )
  push(
    table(
      [
        'payload',
        'files',
        'checkpoint save',
        'upload-artifact',
        'actions/cache',
        'tar -cf',
        'speed-up vs upload-artifact',
        'actions/cache ÷ checkpoint',
        'checkpoint ÷ tar',
        'zip level chosen',
        'stored: checkpoint / upload-artifact',
        'cache entry'
      ],
      payload.map(p => [
        p.id,
        String(p.files),
        fmt.range(p.save.candidate),
        fmt.range(p.save.direct),
        fmt.range(p.save.cache),
        fmt.range(p.save.tar),
        fmt.x(p.save.direct.median / p.save.candidate.median),
        fmt.x(p.save.cache?.median / p.save.candidate.median),
        fmt.x(p.save.candidate.median / p.save.tar.median),
        String(p.level),
        `${fmt.bytes(p.stored.candidateFiles)} + ${fmt.bytes(p.stored.candidateDocument)} / ${fmt.bytes(p.stored.direct)} (${fmt.x((p.stored.candidateFiles + p.stored.candidateDocument) / p.stored.direct)})`,
        fmt.bytes(p.stored.cache)
      ])
    ),
    ''
  )
  push(
    "Restore: the restore entry on a re-run into an empty workspace vs download-artifact's calls for the same files vs actions/cache's `restoreCache` vs `tar -xf`.",
    ''
  )
  push(
    table(
      [
        'payload',
        'checkpoint restore',
        'download-artifact',
        'actions/cache',
        'tar -xf',
        'checkpoint ÷ download-artifact',
        'actions/cache ÷ checkpoint',
        'difference',
        'checkpoint ÷ tar'
      ],
      payload.map(p => [
        p.id,
        fmt.range(p.restore.candidate),
        fmt.range(p.restore.direct),
        fmt.range(p.restore.cache),
        fmt.range(p.restore.tar),
        fmt.x(p.restore.candidate.median / p.restore.direct.median),
        fmt.x(p.restore.cache?.median / p.restore.candidate.median),
        fmt.signedMs(p.restore.candidate.median - p.restore.direct.median),
        fmt.x(p.restore.candidate.median / p.restore.tar.median)
      ])
    ),
    ''
  )
  push(
    '### Where the time goes (medians of the phases; each phase ends at a log line of the step or when the stand-in finished one of its requests)',
    '',
    'Reference: sha256 of the whole payload in-process, page cache warm: ' +
      payload.map(p => `${p.id} ${fmt.ms(p.hash.median)}`).join(', ') +
      '.',
    ''
  )
  const phaseTable = (title, pick) => {
    const names = [...new Set(payload.flatMap(p => Object.keys(pick(p))))]
    push(`**${title}**`, '')
    push(
      table(
        ['phase', ...payload.map(p => p.id)],
        names.map(name => [name, ...payload.map(p => fmt.ms(pick(p)[name]))])
      ),
      ''
    )
  }
  phaseTable('Checkpoint save', p => p.save.phases.candidate)
  phaseTable('upload-artifact', p => p.save.phases.direct)
  phaseTable("actions/cache's saveCache", p => p.save.phases.cache ?? {})
  phaseTable('Checkpoint restore', p => p.restore.phases.candidate)
  phaseTable('download-artifact', p => p.restore.phases.direct)
  phaseTable("actions/cache's restoreCache", p => p.restore.phases.cache ?? {})
  renderStages(push, payload, { table, fmt })
}

function renderHistory(push, history) {
  push('## 2. Restore against history length', '')
  push(
    'The restore entry on a re-run of a run holding N checkpoints of the scope (the first with a 1 MiB files archive, the others state-only), in a fresh workspace. Requests: every HTTP request the stand-in received during the step (Twirp, blob).',
    ''
  )
  const base = history[0]
  push(
    table(
      [
        'checkpoints in the run',
        'artifacts listed',
        'newest document',
        'restore',
        '÷ first',
        'requests',
        'requests by kind'
      ],
      history.map(h => [
        String(h.length),
        String(h.artifacts),
        fmt.bytes(h.documentBytes),
        fmt.range(h.time),
        fmt.x(h.time.median / base.time.median),
        h.requests === h.requestsMin ? String(h.requests) : `${h.requestsMin}–${h.requests}`,
        Object.entries(h.kinds)
          .map(([kind, count]) => `${kind} ${count}`)
          .join(', ')
      ])
    ),
    ''
  )
}

/**
 * What the nodes-with-files rows compare with. Runs before the one node held the same paths put
 * its files in one folder of its own.
 */
export function oneNodeWith(rows, count) {
  return rows.every(row => row.samePaths)
    ? `one node holding the same ${count ? `${count} ` : ''}files at the same paths`
    : `one node holding ${count ?? 'as many'} files of the same size in one folder`
}

function renderNodesWithFiles(push, rows) {
  push('## 2b. Restore against the number of nodes that each have files', '')
  push(
    `Attempt 1 saves N nodes through the save entry, each with one 1 KiB file in a folder of its own (small archives are merged into packs as it goes); the restore entry on attempt 2, in a fresh workspace, against ${oneNodeWith(rows, 'N')}. Requests: every HTTP request the stand-in received during the step; downloads: its blob GETs.`,
    ''
  )
  push(
    table(
      [
        'nodes',
        'artifacts in the run',
        'restore',
        'one node',
        'ratio',
        'requests',
        'downloads',
        'requests, one node'
      ],
      rows.map(row => [
        String(row.nodes),
        String(row.artifacts),
        fmt.range(row.time),
        fmt.range(row.singleTime),
        fmt.x(row.time.median / row.singleTime.median),
        String(row.requests),
        String(row.downloads),
        String(row.singleRequests)
      ])
    ),
    ''
  )
}

function renderState(push, state) {
  push('## 3. Pipeline state size', '')
  push(
    "End to end: the save entry with `state-file`, and the restore entry (its `state-file` output checked against the saved JSON), vs a bundled child that parses and serializes the same JSON and uploads it with upload-artifact's defaults, and one that downloads and parses it.",
    ''
  )
  push(
    table(
      [
        'state',
        'document stored',
        'save entry',
        'bare + upload-artifact',
        'ratio',
        'restore entry',
        'download-artifact + parse',
        'ratio'
      ],
      state.map(s => [
        fmt.mb(s.size) === '0 MB' ? `${s.size} B` : fmt.mb(s.size),
        fmt.bytes(s.documentBytes),
        fmt.range(s.save.candidate),
        fmt.range(s.save.direct),
        fmt.x(s.save.candidate.median / s.save.direct.median),
        fmt.range(s.load.candidate),
        fmt.range(s.load.direct),
        fmt.x(s.load.candidate.median / s.load.direct.median)
      ])
    ),
    ''
  )
  push(
    "In-process (the product's src/checkpoint code, transpiled): save = `serializeCheckpoint(nextCheckpoint(undefined, {state}))` vs `JSON.stringify(state)`; load = `stateJson(parseCheckpoint(text).state)`, the state-file output's text as the restore entry gets it, vs `JSON.parse(stateText)`. Parts: sha256 of the state's text, the depth check over the state, serializing a document whose state text is known, JSON.parse of the whole document.",
    ''
  )
  push(
    table(
      [
        'state',
        'save: domain',
        'JSON.stringify',
        'ratio',
        'load: domain',
        'JSON.parse',
        'ratio',
        'sha256 of state text',
        'depth check',
        'serialize, text known',
        'JSON.parse of document'
      ],
      state.map(s => [
        fmt.mb(s.size) === '0 MB' ? `${s.size} B` : fmt.mb(s.size),
        fmt.range(s.pure.save.candidate),
        fmt.range(s.pure.save.bare),
        fmt.x(s.pure.save.candidate.median / s.pure.save.bare.median),
        fmt.range(s.pure.load.candidate),
        fmt.range(s.pure.load.bare),
        fmt.x(s.pure.load.candidate.median / s.pure.load.bare.median),
        fmt.ms(s.pure.parts.sha256.median),
        fmt.ms(s.pure.parts.depth.median),
        fmt.ms(s.pure.parts.serializeKnown.median),
        fmt.ms(s.pure.parts.parse.median)
      ])
    ),
    ''
  )
  renderStatePhases(push, state)
}

function renderStatePhases(push, state) {
  const largest = state.at(-1)
  push(`Where the end-to-end time goes for ${fmt.mb(largest.size)} (medians of the phases):`, '')
  for (const [title, candidate, direct] of [
    ['save', largest.phases.save, largest.phases.directSave],
    ['load', largest.phases.load, largest.phases.directLoad]
  ]) {
    push(
      table(
        [`${title}: save entry phase`, 'time', 'bare phase', 'time'].map(h =>
          title === 'load' ? h.replace('save entry', 'restore entry') : h
        ),
        Array.from(
          { length: Math.max(Object.keys(candidate).length, Object.keys(direct).length) },
          (_, i) => {
            const [cName, cMs] = Object.entries(candidate)[i] ?? ['', NaN]
            const [dName, dMs] = Object.entries(direct)[i] ?? ['', NaN]
            return [cName, cName ? fmt.ms(cMs) : '', dName, dName ? fmt.ms(dMs) : '']
          }
        )
      ),
      ''
    )
  }
}

function renderColdStart(push, cold) {
  push('## 4. Cold start with nothing to do', '')
  const baseline = cold.times['direct client bundle, no-op']
  push(
    table(
      ['process', 'time', '− direct client bundle no-op', "− node -e ''"],
      Object.entries(cold.times).map(([name, time]) => [
        name,
        fmt.range(time),
        fmt.signedMs(time.median - baseline.median),
        fmt.signedMs(time.median - cold.times['node -e ""'].median)
      ])
    ),
    ''
  )
  push(
    'Bundle sizes (`index.js` is what node loads at start; chunks are loaded only when used):',
    ''
  )
  push(
    table(
      ['bundle', 'index.js', 'lazy chunks', 'total'],
      [
        ...cold.bundles.map(b => [
          `dist/${b.entry}`,
          fmt.bytes(b.main),
          fmt.bytes(b.chunks),
          fmt.bytes(b.total)
        ]),
        [
          'direct client (ncc, @actions/core + @actions/artifact)',
          fmt.bytes(cold.directBundleBytes),
          '0 B',
          fmt.bytes(cold.directBundleBytes)
        ]
      ]
    ),
    ''
  )
}

function renderPipeline(push, pipeline) {
  push('## 5. Six-node pipeline, failing at node five, re-run', '')
  const overhead = pipeline.withResume.median - pipeline.workLeft.median
  const saved = pipeline.without.median - pipeline.withResume.median
  push(
    `${pipeline.nodes} nodes of ${pipeline.nodeSeconds} s each (\`run\` entry, \`sleep\`, a 64 KiB file each); attempt 1 fails at node ${pipeline.failAt} (it is not timed, and its nodes do not sleep: the duration comes from an environment variable, so the command text and fingerprint are the same in both attempts). Attempt 2 is timed from its restore step to its last post step.`,
    ''
  )
  const b = pipeline.breakdown
  const work = pipeline.nodeSeconds * 1000
  push(
    table(
      ['attempt 2', 'time'],
      [
        [
          `with resume (restore, 6 run steps of which ${pipeline.failAt - 1} skipped, ${pipeline.postCount} post steps)`,
          fmt.range(pipeline.withResume)
        ],
        ['without resume (the six commands as plain steps)', fmt.range(pipeline.without)],
        [
          `work left (nodes ${pipeline.failAt}-${pipeline.nodes} as plain steps)`,
          fmt.range(pipeline.workLeft)
        ],
        ['with ÷ without', fmt.x(pipeline.withResume.median / pipeline.without.median)],
        ['time saved by resuming', fmt.ms(saved)],
        ['**overhead beyond the work left**', `**${fmt.ms(overhead)}**`]
      ]
    ),
    ''
  )
  const ranNodes = pipeline.nodes - pipeline.failAt + 1
  push("Where attempt 2's time goes (medians; the steps run one after another):", '')
  push(
    table(
      ['steps', 'time', 'beyond their work'],
      [
        ['restore step', fmt.ms(b.restore.median), fmt.ms(b.restore.median)],
        [
          `${pipeline.failAt - 1} run steps skipped`,
          fmt.ms(b.skipped.median),
          fmt.ms(b.skipped.median)
        ],
        [
          `${ranNodes} run steps that ran and saved (${ranNodes} × ${pipeline.nodeSeconds} s of sleep)`,
          fmt.ms(b.ran.median),
          fmt.ms(b.ran.median - ranNodes * work)
        ],
        [
          `${pipeline.postCount} post steps (restore-post, run-post ×${pipeline.postCount - 1})`,
          fmt.ms(b.posts.median),
          fmt.ms(b.posts.median)
        ]
      ]
    ),
    ''
  )
}

/** Issue 13's bounds on a long pipeline: the restore's requests, the job's artifacts. */
function longPipelineTargets(long, add) {
  add(
    `${long.nodes}-node pipeline: attempt 2's restore makes ≤ 12 requests`,
    `${long.second.requests} requests (${long.second.downloads} downloads)`,
    long.second.requests <= 12
  )
  add(
    `${long.nodes}-node pipeline: the run holds < 500 artifacts after both attempts`,
    `${long.artifactsAfterFirst} after attempt 1, ${long.artifactsAfterSecond} after attempt 2`,
    long.artifactsAfterSecond < 500
  )
}

/** Per step of an attempt, beyond a plain bash step doing the same work. */
function perStep(ms, bareMs, steps) {
  return steps > 0 ? (ms - bareMs) / steps : NaN
}

function renderLongPipeline(push, long) {
  const { first, second } = long
  const left = long.nodes - long.failAt + 1
  push(`## 5b. ${long.nodes}-node pipeline, failing at node ${long.failAt}, re-run`, '')
  push(
    `${long.nodes} nodes, each a \`run\` step writing a 1 KiB file it checkpoints (\`paths\`); attempt 1 runs them from its restore step and fails at node ${long.failAt}; attempt 2 restores, skips the ${long.failAt - 1} nodes done and runs the ${left} left. Each attempt is timed from its restore step to its last post step (one run of each), against the same commands as plain bash steps. Overhead per step: (attempt − plain steps) ÷ the run steps it started.`,
    ''
  )
  const steps1 = first.ran + 1
  const steps2 = second.ran + second.skipped
  push(
    table(
      ['', 'attempt 1', 'attempt 2'],
      [
        ['with checkpoints (restore to last post step)', fmt.ms(first.ms), fmt.ms(second.ms)],
        [
          'the same commands as plain steps',
          `${fmt.ms(long.bareFirstMs)} (${long.failAt} steps)`,
          `${fmt.ms(long.bareLeftMs)} (the ${left} left)`
        ],
        ['ratio', fmt.x(first.ms / long.bareFirstMs), fmt.x(second.ms / long.bareLeftMs)],
        [
          'overhead per run step',
          fmt.ms(perStep(first.ms, long.bareFirstMs, steps1)),
          fmt.ms(perStep(second.ms, long.bareLeftMs, steps2))
        ],
        ['restore step', fmt.ms(first.restoreMs), fmt.ms(second.restoreMs)],
        [
          'run steps that ran and saved',
          `${first.ran} in ${fmt.ms(first.ranMs)}`,
          `${second.ran} in ${fmt.ms(second.ranMs)}`
        ],
        ['run steps skipped', '0', `${second.skipped} in ${fmt.ms(second.skippedMs)}`],
        [
          'post steps',
          `${first.posts} in ${fmt.ms(first.postsMs)}`,
          `${second.posts} in ${fmt.ms(second.postsMs)}`
        ],
        [
          'restore: requests (downloads)',
          `${first.requests} (${first.downloads})`,
          `${second.requests} (${second.downloads})`
        ],
        [
          'artifacts in the run after it',
          String(long.artifactsAfterFirst),
          String(long.artifactsAfterSecond)
        ]
      ]
    ),
    ''
  )
}

function renderMemory(push, payload) {
  const measured = payload.filter(p => p.rss)
  if (measured.length === 0) return
  push('## 6. Peak memory (RSS)', '')
  push(
    "Max RSS of the child process (GNU time `%M`), from the warm-up runs, which are not timed (n/a: upload-artifact's 1 GiB save has no warm-up run).",
    ''
  )
  push(
    table(
      ['payload', 'checkpoint save', 'upload-artifact', 'checkpoint restore', 'download-artifact'],
      measured.map(p => [
        p.id,
        fmt.mb(p.rss.candidateSave),
        fmt.mb(p.rss.directSave),
        fmt.mb(p.rss.candidateRestore),
        fmt.mb(p.rss.directRestore)
      ])
    ),
    ''
  )
}
