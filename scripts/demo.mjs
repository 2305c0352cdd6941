// A walk-through of the product against the local stand-in of GitHub's services: a pipeline
// fails at its third node, the job is re-run on a fresh runner, and the re-run resumes. What it
// made stays in demo-output/ (or the folder given as the first argument): the job summaries as
// Markdown, the checkpoints downloaded with the CLI, the workspaces; it ends with the CLI
// commands that inspect them, and runs them to be sure they work.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStandIn } from '../local/index.js'
import { bundleNode } from '../local/node24.js'
import { JobRunner } from '../local/runner.js'
import { describeTimeSaved, timeSaved, workOf } from '../dist/lib/index.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const output = resolve(process.argv[2] ?? join(root, 'demo-output'))
const cli = join(root, 'dist', 'cli', 'index.js')
// Asynchronous: the stand-in the CLI talks to runs in this process.
const runFile = promisify(execFile)
const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = text => paint(1, text)
const dim = text => paint(2, text)
const green = text => paint(32, text)
const red = text => paint(31, text)
const yellow = text => paint(33, text)
const seconds = ms => `${(ms / 1000).toFixed(1)} s`

// The pipeline: each node does "work" (here: waits, then writes its output files).
const pipeline = [
  {
    node: 'fetch',
    workMs: 1500,
    files: { 'data/rows.csv': 'id,value\n1,42\n2,43\n' },
    state: 'rows=2'
  },
  {
    node: 'build',
    workMs: 2000,
    files: { 'build/model.bin': 'weights '.repeat(50_000) },
    state: '{"model": "v1"}'
  },
  {
    node: 'test',
    workMs: 1000,
    files: { 'reports/test.txt': 'all green\n' },
    state: 'passed=true'
  },
  {
    node: 'package',
    workMs: 500,
    files: { 'dist/app.tar': 'package bytes\n' },
    state: 'version=1.0.0'
  }
]

async function doWork(workspace, step) {
  await new Promise(resolve => setTimeout(resolve, step.workMs))
  for (const [path, text] of Object.entries(step.files)) {
    await mkdir(join(workspace, dirname(path)), { recursive: true })
    await writeFile(join(workspace, path), text)
  }
}

async function attempt(standIn, run, number, failAt, scratch) {
  const job = standIn.startJob(run, { attempt: number })
  const runner = new JobRunner({
    env: job.env,
    workspace: join(scratch, `attempt-${number}`, 'workspace'),
    runnerTemp: join(scratch, `attempt-${number}`, 'temp'),
    root,
    token: job.token
  })
  const started = Date.now()
  const token = job.token
  console.log(bold(`\nAttempt ${number}`) + dim(` (a fresh runner: empty workspace)`))
  const restore = await runner.uses('.')
  const resumedFrom = restore.outputs.checkpoint
  const done = JSON.parse(restore.outputs.completed || '[]')
  console.log(
    restore.outputs.resumed === 'true'
      ? `  restore  ${green('resumed')} from ${restore.outputs.checkpoint}: done = ${done.join(', ')}`
      : `  restore  no checkpoint yet: the pipeline starts from the beginning`
  )
  let ran = 0
  for (const step of pipeline) {
    if (restore.outputs[`done-${step.node}`] === 'true') {
      console.log(
        `  ${step.node.padEnd(8)} ${yellow('skipped')} (restored as done, files put back)`
      )
      continue
    }
    if (step.node === failAt) {
      await new Promise(resolve => setTimeout(resolve, 300))
      console.log(
        `  ${step.node.padEnd(8)} ${red('FAILED')}  (a flaky network call; the job fails here)`
      )
      const post = await runner.complete()
      return { elapsed: Date.now() - started, ran, runner, post, token, resumedFrom, failed: true }
    }
    await doWork(runner.options.workspace, step)
    const save = await runner.uses('save', {
      node: step.node,
      paths: Object.keys(step.files).join('\n'),
      state: step.state
    })
    if (save.code !== 0) throw new Error(`save failed:\n${save.stdout}\n${save.stderr}`)
    ran++
    console.log(`  ${step.node.padEnd(8)} ${green('ran')}     -> saved ${save.outputs.checkpoint}`)
  }
  const post = await runner.complete()
  return { elapsed: Date.now() - started, ran, runner, post, token, resumedFrom, failed: false }
}

/** Downloads the run's checkpoints with the CLI, as a user would from a real run. */
async function pullCheckpoints(standIn, pipelineRun, token, to) {
  const args = ['pull', '--repo', pipelineRun.repository, '--run', String(pipelineRun.runId)]
  const env = { ...process.env, GITHUB_TOKEN: token, GITHUB_API_URL: `${standIn.url}/api` }
  await runFile(process.execPath, [cli, ...args, '--to', to], { env })
}

/**
 * The time saved, as the library computes it from the downloaded checkpoint the re-run resumed
 * from: the same function the notice and the summary use.
 */
async function timeSavedOf(checkpoints, name) {
  const document = JSON.parse(await readFile(join(checkpoints, name), 'utf8'))
  return describeTimeSaved(timeSaved(document.nodes.map(workOf)))
}

/** The time saved as the restore step's notice gave it. */
function noticeFigure(post) {
  const notice = post.flatMap(step => step.annotations).find(note => note.level === 'notice')
  return /(about .+ of work not repeated(?: \(.*\))?)\.$/.exec(notice?.message ?? '')?.[1]
}

/** The commands that inspect what the demo left, as a user types them in a clone. */
function inspectCommands(checkpoints) {
  const source = relative(root, checkpoints) || '.'
  const restored = relative(root, join(output, 'restored'))
  return [
    `npm run cli -- list ${source}`,
    `npm run cli -- show build ${source}`,
    `npm run cli -- verify ${source}`,
    `npm run cli -- restore ${source} --to ${restored}`
  ]
}

/** Runs each printed command as printed: a command that fails fails the demo. */
async function runCommands(commands) {
  for (const command of commands) await runFile('sh', ['-c', command], { cwd: root })
}

async function main() {
  console.log(
    bold('checkpoint-action demo') +
      ': a 4-node pipeline on a local stand-in of GitHub (Azurite + artifact service)'
  )
  // The steps run on Node 24, as on a runner (runs.using: node24); this fails early without one.
  console.log(dim(`The action's steps run on ${bundleNode()}.`))
  await rm(output, { recursive: true, force: true })
  await mkdir(output, { recursive: true })
  const standIn = await startStandIn()
  try {
    const run = standIn.createRun({ repository: 'octo/pipeline' })
    const first = await attempt(standIn, run, 1, 'test', output)
    console.log(dim(`  attempt 1 took ${seconds(first.elapsed)} and failed at 'test'`))
    console.log(bold('\n"Re-run failed jobs"'))
    const second = await attempt(standIn, run, 2, undefined, output)
    if (second.failed || second.ran !== 2) throw new Error('the demo did not resume as expected')
    await report(standIn, run, first, second)
  } finally {
    await standIn.stop()
  }
}

/** The time saved, the summaries and checkpoints kept, and how to look at them. */
async function report(standIn, run, first, second) {
  const checkpoints = join(output, 'checkpoints')
  await pullCheckpoints(standIn, run, second.token, checkpoints)
  const figure = noticeFigure(second.post)
  const computed = await timeSavedOf(checkpoints, second.resumedFrom)
  if (figure !== computed || !second.runner.summary().includes(`${figure}.`)) {
    throw new Error(`the notice says "${figure}", the checkpoint gives "${computed}"`)
  }
  console.log(
    bold(
      `\nAttempt 2 resumed: ${pipeline.length - second.ran} node(s) skipped, ${second.ran} ran; `
    ) + `it took ${seconds(second.elapsed)}, ${figure}.`
  )
  console.log(
    dim('(The same figure is in the notice and the job summary: one function computes it.)')
  )
  for (const [number, result] of [
    [1, first],
    [2, second]
  ]) {
    await writeFile(join(output, `attempt-${number}-summary.md`), result.runner.summary())
  }
  console.log(dim('\nThe job summary the restore step wrote for attempt 2:\n'))
  console.log(second.runner.summary().trim())
  const commands = inspectCommands(checkpoints)
  await runCommands(commands)
  console.log(bold(`\nWhat the demo left in ${relative(process.cwd(), output) || '.'}/:`))
  console.log('  attempt-1-summary.md, attempt-2-summary.md   the job summaries (Markdown)')
  console.log(
    '  checkpoints/                                the checkpoints, downloaded with the CLI'
  )
  console.log(
    "  attempt-1/, attempt-2/                      each runner's workspace and temp folder"
  )
  console.log(bold('\nInspect them with the CLI (each was just run):'))
  for (const command of commands) console.log(`  ${command}`)
}

main().catch(error => {
  console.error(red(`demo failed: ${error.stack ?? error}`))
  process.exitCode = 1
})
