// The bench's laboratory: one stand-in of GitHub's services for the whole bench run, fresh runs
// and jobs per case, fresh runner folders per step, and timing of child processes exactly as a
// runner starts them (local/runner.js).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises'
import { totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearInterval, setInterval } from 'node:timers'
import { startStandIn } from '../../local/index.js'
import { JobRunner } from '../../local/runner.js'

const GiB = 1024 ** 3

/**
 * Azurite keeps blobs in memory and frees deleted ones only in its garbage-collection sweep,
 * every 10 minutes, so deleting artifacts between cases does not bring its memory down. The lab
 * counts the bytes uploaded since the stand-in started and restarts it (between repetitions,
 * never inside a timed step) before a case would push it past this budget. At 6 GiB, a stand-in
 * holding 5 GiB took upload-artifact's 1 GiB save from about 50 s to 179 s: every side's steps
 * slowed with it, the slowest most. A restart takes about a second.
 */
const STORE_BUDGET = Math.min(3 * GiB, totalmem() / 8)

/**
 * `BENCH_PROFILE=<folder>` has every step the lab starts write a V8 CPU profile there (Node's
 * `--cpu-prof`), for profiling before optimising; the runner passes only the env it is given.
 */
const profileEnv = process.env.BENCH_PROFILE
  ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
  : {}

export class Lab {
  /**
   * @param {{root: string, scratch: string, log: (line: string) => void}} options
   */
  constructor({ root, scratch, log }) {
    this.root = root
    this.scratch = scratch
    this.log = log
    /** @type {import('../../local/index.js').StandIn | undefined} */
    this.standIn = undefined
    this.runs = []
    this.restarts = 0
    this.startMs = NaN
    this.counter = 0
  }

  static async open(options) {
    const lab = new Lab(options)
    await mkdir(options.scratch, { recursive: true })
    const started = performance.now()
    lab.standIn = await startStandIn({ deferDigests: true })
    lab.startMs = performance.now() - started
    return lab
  }

  /** Bytes the stand-in holds (uploaded since it started; deleted blobs still count). */
  storedBytes() {
    let total = 0
    for (const run of this.runs) {
      for (const artifact of this.standIn.listArtifacts(run)) total += artifact.size
    }
    for (const entry of this.standIn.listCacheEntries()) total += entry.size
    return total
  }

  /**
   * The stand-in checks artifact digests after FinalizeArtifact answers (as the real service's
   * finalize reads nothing, like the cache's), so its hashing is never timed; this waits for
   * those checks, outside any timed step, and fails the bench on an upload whose bytes differ.
   */
  async settleDigests() {
    const mismatches = await this.standIn.settleDigests()
    if (mismatches.length > 0)
      throw new Error(`uploads with a wrong digest:\n${mismatches.join('\n')}`)
  }

  /**
   * Makes room for `bytes` more: restarts the stand-in when the budget would be exceeded. Every
   * run created before a restart is gone, so callers create their runs after this call.
   */
  async ensureCapacity(bytes) {
    if (this.storedBytes() + bytes <= STORE_BUDGET) return false
    this.log(
      `  (restarting the stand-in: ${(this.storedBytes() / GiB).toFixed(1)} GiB stored, budget ${(STORE_BUDGET / GiB).toFixed(1)} GiB)`
    )
    await this.restart()
    this.restarts++
    return true
  }

  /**
   * A fresh stand-in, between timed steps: before each area, so that none runs against what the
   * areas before it left in Azurite's memory (the state area alone uploads up to 0.9 GB; in one
   * run Azurite held 2.9 GB when the pipeline area began), and when the store's budget is
   * reached. Every run created before is gone.
   */
  async restart() {
    await this.settleDigests()
    await this.standIn.stop()
    this.standIn = await startStandIn({ deferDigests: true })
    this.runs = []
  }

  newRun() {
    const run = this.standIn.createRun({ repository: 'octo/bench' })
    this.runs.push(run)
    return run
  }

  job(run, attempt = 1) {
    return this.standIn.startJob(run, { attempt })
  }

  /** A fresh folder under the scratch root. */
  async dir(prefix) {
    await mkdir(this.scratch, { recursive: true })
    return mkdtemp(join(this.scratch, `${prefix}-`))
  }

  /**
   * A runner for one job. `workspace` defaults to a fresh empty folder; the runner's temp folder
   * is always fresh (a fresh runner machine).
   * @param {import('../../local/index.js').Job} job
   * @param {{workspace?: string, env?: Record<string,string>, node?: string}} [options]
   */
  async runner(job, options = {}) {
    const base = await this.dir('job')
    const runner = new JobRunner({
      env: { ...job.env, ...profileEnv, ...(options.env ?? {}) },
      workspace: options.workspace ?? join(base, 'workspace'),
      runnerTemp: join(base, 'temp'),
      root: this.root,
      token: job.token,
      ...(options.node ? { node: options.node } : {})
    })
    runner.benchBase = base
    return runner
  }

  /** Removes a runner's folders (its workspace too, unless it was given one). */
  async dispose(runner) {
    await rm(runner.benchBase, { recursive: true, force: true })
  }

  /**
   * Runs one main step and times it from spawn to exit, as a runner sees it. For phases, two
   * timelines that add nothing to the measured process: `marks`, when each of `markers` (texts
   * the step prints) first appeared on stdout; and `events`, when each request the stand-in
   * served during the step was done (its request log, watched every 2 ms).
   * @returns {Promise<{ms: number, result: import('../../local/runner.js').StepResult,
   *   marks: Record<string, number>, events: {at: number, request: import('../../local/index.js').RequestRecord}[]}>}
   */
  async step(runner, actionDir, inputs = {}, markers = []) {
    await this.settleDigests()
    const started = performance.now()
    const log = this.standIn.requests
    let seen = log.length
    const events = []
    const watch = () => {
      if (log.length < seen) seen = 0 // resetRequests() emptied it
      const at = performance.now() - started
      while (seen < log.length) events.push({ at, request: log[seen++] })
    }
    const watcher = setInterval(watch, 2)
    const handle = runner.start(actionDir, inputs)
    const marks = {}
    for (const marker of markers) {
      handle.waitForOutput(marker).then(
        () => (marks[marker] = performance.now() - started),
        () => undefined
      )
    }
    const result = await handle.result
    const ms = performance.now() - started
    clearInterval(watcher)
    watch()
    return { ms, result, marks, events }
  }

  /** Like step(), and throws with the step's output when it did not exit 0. */
  async stepOk(runner, actionDir, inputs = {}, markers = []) {
    const outcome = await this.step(runner, actionDir, inputs, markers)
    if (outcome.result.code !== 0 || outcome.result.annotations.some(a => a.level === 'error')) {
      throw new Error(
        `step ${actionDir} failed (exit ${outcome.result.code}):\n${outcome.result.stdout}\n${outcome.result.stderr}`
      )
    }
    return outcome
  }

  /**
   * Runs the post steps the runner registered, one at a time, each timed as a main step is.
   * @returns {Promise<{entry: string, ms: number, result: any}[]>}
   */
  async posts(runner) {
    const timings = []
    for (const post of runner.posts.splice(0)) {
      const stateEnv = Object.fromEntries(
        Object.entries(post.state).map(([key, value]) => [`STATE_${key}`, value])
      )
      const started = performance.now()
      const result = await runner.startEntry(post.entry, post.inputs, stateEnv).result
      timings.push({ entry: post.entry, ms: performance.now() - started, result })
    }
    return timings
  }

  /** Flushes dirty pages so a step does not pay for the previous one's writes. */
  async sync() {
    await run('sync', [])
  }

  async close() {
    await this.standIn?.stop()
    await rm(this.scratch, { recursive: true, force: true })
  }
}

/**
 * Spawns a command, waits for it, and times it from spawn to exit.
 * @returns {Promise<{ms: number, code: number|null, stdout: string, stderr: string}>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({ ms: performance.now() - started, code, stdout, stderr }))
  })
}

/** Like run(), and throws when the command fails. */
export async function runOk(command, args, options = {}) {
  const outcome = await run(command, args, options)
  if (outcome.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${outcome.code}): ${outcome.stderr}`)
  }
  return outcome
}

/**
 * A `node` stand-in for JobRunner that runs the real node under GNU time and writes the
 * child's peak RSS (KiB) to `$BENCH_RSS_OUT`; undefined when /usr/bin/time is not installed.
 * Used only in runs that are not timed.
 */
export async function rssWrapper(dir) {
  if (!existsSync('/usr/bin/time')) return undefined
  const file = join(dir, 'node-under-time.sh')
  await writeFile(
    file,
    '#!/bin/sh\nexec /usr/bin/time -f %M -o "$BENCH_RSS_OUT" "$BENCH_NODE" "$@"\n',
    'utf8'
  )
  await chmod(file, 0o755)
  return file
}

/** Reads what rssWrapper wrote: peak RSS in bytes. */
export async function readRss(file) {
  const text = await readFile(file, 'utf8')
  const kib = Number(text.trim().split('\n').at(-1))
  return kib * 1024
}
