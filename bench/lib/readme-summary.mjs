// The README's "where it stands" part of its Performance section, generated from the results
// of a full bench run (bench/results.json) so that it never drifts from bench/RESULTS.md. The
// bench rewrites what lies between the two markers; the prose around them is written by hand.
import { evaluateTargets, fmt, oneNodeWith, table } from './report.mjs'

export const SUMMARY_START =
  '<!-- bench-summary:start (written by `npm run bench` from bench/results.json; do not edit) -->'
export const SUMMARY_END = '<!-- bench-summary:end -->'

/** The generated lines, from a full run's results. */
export function renderReadmeSummary(results) {
  const targets = evaluateTargets(results)
  const met = targets.filter(t => t.met).length
  const judged = targets.filter(t => t.met !== undefined).length
  const lines = [
    `Where it stands ([bench/RESULTS.md](bench/RESULTS.md), ${results.machine.date.slice(0, 10)}, ${results.machine.cores} cores, bundles on Node ${results.machine.bundleNode}; every figure a ratio against a baseline measured in the same run, above 1 the checkpoint is faster or smaller): **${met} of ${judged} targets met**.`,
    ''
  ]
  if (results.payload) lines.push(payloadTable(results.payload), '')
  lines.push(...stageLines(results.payload ?? []))
  lines.push(...otherLines(results))
  const missed = targets.filter(t => t.met === false)
  if (missed.length > 0) {
    lines.push('', 'Not met:', '')
    for (const t of missed) lines.push(`- ${t.target}: ${t.figure}.`)
  }
  return lines
}

function payloadTable(payload) {
  const ratio = (theirs, ours) => fmt.x(theirs?.median / ours?.median)
  return table(
    [
      'payload',
      'save: actions/cache ÷ checkpoint',
      'save: upload-artifact ÷ checkpoint',
      'restore: actions/cache ÷ checkpoint',
      'restore: download-artifact ÷ checkpoint',
      'stored: upload-artifact ÷ checkpoint'
    ],
    payload.map(p => [
      p.id,
      ratio(p.save.cache, p.save.candidate),
      ratio(p.save.direct, p.save.candidate),
      ratio(p.restore.cache, p.restore.candidate),
      ratio(p.restore.direct, p.restore.candidate),
      fmt.x(p.stored.direct / (p.stored.candidateFiles + p.stored.candidateDocument))
    ])
  )
}

/** Where the milliseconds went against actions/cache, on the largest payload measured. */
function stageLines(payload) {
  const largest = payload.filter(p => p.save.stages).sort((a, b) => b.bytes - a.bytes)[0]
  if (!largest) return []
  const differences = stages =>
    Object.keys(stages.candidate)
      .map(name => `${name} ${fmt.signedMs(stages.candidate[name] - stages.cache[name])}`)
      .join('; ')
  return [
    `- Where the time goes, ${largest.id} against actions/cache (the checkpoint's difference per stage, − is time it saves): save: ${differences(largest.save.stages)}. Restore: ${differences(largest.restore.stages)}. Every payload's stages and phases are in the report.`
  ]
}

function otherLines(results) {
  const lines = []
  const nodes = results.nodesWithFiles ?? []
  if (nodes.length > 0) {
    const most = nodes.at(-1)
    lines.push(
      `- Pipelines: restore of ${nodes.map(row => row.nodes).join(', ')} nodes with files makes ${nodes.map(row => row.requests).join(', ')} requests; ${most.nodes} nodes restore in ${fmt.x(most.time.median / most.singleTime.median)} the time of ${oneNodeWith(nodes)}, and the job holds ${most.artifacts} artifacts.`
    )
  }
  const history = results.history ?? []
  if (history.length > 1) {
    const worst = Math.max(...history.map(h => h.time.median / history[0].time.median))
    lines.push(
      `- History: restore takes ${fmt.x(worst)} at worst from ${history[0].length} to ${history.at(-1).length} earlier checkpoints, with ${Math.max(...history.map(h => h.requests))} requests at most.`
    )
  }
  const memory = (results.payload ?? []).filter(p => p.rss && p.bytes >= 1024 ** 3)
  for (const p of memory) {
    lines.push(
      `- Peak RSS on ${p.id}: ${fmt.mb(p.rss.candidateSave)} saving, ${fmt.mb(p.rss.candidateRestore)} restoring.`
    )
  }
  return lines
}

/** `readme` with the text between the markers replaced by `lines`; throws without markers. */
export function withReadmeSummary(readme, lines) {
  const start = readme.indexOf(SUMMARY_START)
  const end = readme.indexOf(SUMMARY_END)
  if (start < 0 || end < start) {
    throw new Error(`README.md has no ${SUMMARY_START} ... ${SUMMARY_END} section`)
  }
  const before = readme.slice(0, start + SUMMARY_START.length)
  return `${before}\n\n${lines.join('\n')}\n\n${readme.slice(end)}`
}
