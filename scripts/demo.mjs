// A walk-through of the product against the local stand-in of GitHub's services: a pipeline
// fails at its third node, the job is re-run on a fresh runner, and the re-run resumes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStandIn } from '../local/index.js'
import { bundleNode } from '../local/node24.js'
import { JobRunner } from '../local/runner.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
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
  console.log(bold(`\nAttempt ${number}`) + dim(` (a fresh runner: empty workspace)`))
  const restore = await runner.uses('.')
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
      await runner.complete()
      return { elapsed: Date.now() - started, ran, runner, failed: true }
    }
    const workStarted = Date.now()
    await doWork(runner.options.workspace, step)
    const save = await runner.uses('save', {
      node: step.node,
      paths: Object.keys(step.files).join('\n'),
      state: step.state
    })
    if (save.code !== 0) throw new Error(`save failed:\n${save.stdout}\n${save.stderr}`)
    ran++
    console.log(
      `  ${step.node.padEnd(8)} ${green('ran')}     ${seconds(Date.now() - workStarted)} -> saved ${save.outputs.checkpoint}`
    )
  }
  await runner.complete()
  return { elapsed: Date.now() - started, ran, runner, failed: false }
}

async function main() {
  console.log(
    bold('checkpoint-action demo') +
      ': a 4-node pipeline on a local stand-in of GitHub (Azurite + artifact service)'
  )
  // The steps run on Node 24, as on a runner (runs.using: node24); this fails early without one.
  console.log(dim(`The action's steps run on ${bundleNode()}.`))
  const scratch = await mkdtemp(join(tmpdir(), 'checkpoint-demo-'))
  const standIn = await startStandIn()
  try {
    const run = standIn.createRun({ repository: 'octo/pipeline' })
    const first = await attempt(standIn, run, 1, 'test', scratch)
    console.log(dim(`  attempt 1 took ${seconds(first.elapsed)} and failed at 'test'`))
    console.log(bold('\n"Re-run failed jobs"'))
    const second = await attempt(standIn, run, 2, undefined, scratch)
    const work = pipeline.reduce((total, step) => total + step.workMs, 0)
    const skippedWork = pipeline.slice(0, 2).reduce((total, step) => total + step.workMs, 0)
    console.log(
      bold(
        `\nAttempt 2 resumed: ${pipeline.length - second.ran} node(s) skipped, ${second.ran} ran; `
      ) +
        `it took ${seconds(second.elapsed)} where a full run does ${seconds(work)} of work: about ${seconds(skippedWork)} saved.`
    )
    console.log(dim('\nThe job summary the restore step wrote for attempt 2:\n'))
    console.log(second.runner.summary().trim())
    if (second.failed || second.ran !== 2) throw new Error('the demo did not resume as expected')
  } finally {
    await standIn.stop()
    await rm(scratch, { recursive: true, force: true })
  }
}

main().catch(error => {
  console.error(red(`demo failed: ${error.stack ?? error}`))
  process.exitCode = 1
})
