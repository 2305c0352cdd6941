// The world an end-to-end test runs in: the stand-in of GitHub's services (Azurite behind it),
// a runner per job, fresh folders, and the bundled entries of dist/ that the runner starts.
import { afterAll, afterEach, beforeAll } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  startStandIn,
  type CreateRunOptions,
  type Job,
  type Run,
  type StandIn
} from '../local/index.js'
import { JobRunner } from '../local/runner.js'
import { readTree, writeTree, type Restored, type Tree } from './checkpoints.js'
import { ROOT } from './root.js'

export { ROOT }

/** What e2e tests run, each with the dist/ bundles it needs (a step's main and post). */
const BUNDLES = {
  restore: ['restore', 'restore-post'],
  save: ['save'],
  run: ['run', 'run-post'],
  cli: ['cli']
} as const

/** A step of the action (`restore` is the root action.yml) or the CLI. */
export type Runnable = keyof typeof BUNDLES

/** Azurite can take more than 30 s to start on a busy 2-core machine. */
const START_MS = 180_000
const STOP_MS = 60_000

/** Throws one error naming every dist/ bundle that `runs` needs and that is not built. */
function expectBundled(runs: readonly Runnable[]): void {
  const missing = runs
    .flatMap(name => BUNDLES[name])
    .map(entry => `dist/${entry}/index.js`)
    .filter(entry => !existsSync(join(ROOT, entry)))
  if (missing.length > 0) {
    const verb = missing.length === 1 ? 'is' : 'are'
    throw new Error(`${missing.join(', ')} ${verb} missing: run npm run bundle`)
  }
}

export interface E2eWorldOptions {
  /** What the tests run: the bundles these need are checked before the stand-in starts. */
  runs: readonly Runnable[]
  /** Added to every job's environment, e.g. CHECKPOINT_RETRY_SCALE. */
  env?: Record<string, string>
  /** The stand-in's limit on a job's artifacts (default 500, as on github.com). */
  artifactsPerJob?: number
}

/** A stand-in of GitHub's services plus fresh folders, started by `start()`. */
export class E2eWorld {
  private running: StandIn | undefined
  private readonly dirs: string[] = []

  constructor(private readonly options: E2eWorldOptions) {}

  get standIn(): StandIn {
    if (!this.running) throw new Error('the e2e world is not started (see e2eWorld())')
    return this.running
  }

  /** Checks the bundles the tests run, then starts the stand-in. */
  async start(): Promise<void> {
    expectBundled(this.options.runs)
    const { artifactsPerJob } = this.options
    this.running = await startStandIn(artifactsPerJob === undefined ? {} : { artifactsPerJob })
  }

  async stop(): Promise<void> {
    await this.running?.stop()
    this.running = undefined
    await Promise.all(this.dirs.map(dir => rm(dir, { recursive: true, force: true })))
  }

  /** Ends every fault a test set, so the next test starts without them. */
  async resetFaults(): Promise<void> {
    await this.running?.faults.reset()
  }

  /** A run of `octo/pipeline` on main by default; options as the stand-in takes them. */
  createRun(options: string | Partial<CreateRunOptions> = {}): Run {
    const given = typeof options === 'string' ? { repository: options } : options
    return this.standIn.createRun({ repository: 'octo/pipeline', ...given })
  }

  /** A new run, and the job of its first attempt (see `job`). */
  async newRun(
    options: { job?: string } = {}
  ): Promise<{ run: Run; job: JobRunner & { meta: Job } }> {
    const run = this.createRun()
    return { run, job: await this.job(run, 1, options) }
  }

  /**
   * A job of `run` at `attempt` on a fresh runner: an empty workspace and temp folder, as a
   * re-run on a new machine gets.
   */
  async job(
    run: Run,
    attempt: number,
    options: {
      job?: string
      workspace?: string
      actionsRead?: boolean
      env?: Record<string, string>
    } = {}
  ): Promise<JobRunner & { meta: Job }> {
    const job = this.standIn.startJob(run, {
      attempt,
      ...(options.job ? { job: options.job } : {}),
      ...(options.actionsRead === undefined ? {} : { actionsRead: options.actionsRead })
    })
    const base = await mkdtemp(join(tmpdir(), 'checkpoint-e2e-'))
    this.dirs.push(base)
    const runner = new JobRunner({
      env: { ...job.env, ...this.options.env, ...options.env },
      workspace: options.workspace ?? join(base, 'workspace'),
      runnerTemp: join(base, 'temp'),
      root: ROOT,
      token: job.token
    })
    return Object.assign(runner, { meta: job })
  }

  /**
   * A restore step with `inputs` in a fresh job of `attempt` (of job `job`, by default the
   * run's), whose workspace holds `checkout` first, as a checkout step leaves it.
   */
  async restore(
    run: Run,
    attempt: number,
    options: { inputs?: Record<string, string>; checkout?: Tree; job?: string } = {}
  ): Promise<Restored> {
    const job = await this.job(run, attempt, options.job ? { job: options.job } : {})
    await writeTree(job.options.workspace, options.checkout ?? {})
    const result = await job.uses('.', options.inputs)
    return { result, tree: await readTree(job.options.workspace) }
  }

  /** Blob requests for one artifact of `run`: its blob's path ends with the artifact's id. */
  blobOf(
    run: Run,
    name: string
  ): { service: 'blob'; match: (request: { path: string }) => boolean } {
    const found = this.standIn.listArtifacts(run).find(artifact => artifact.name === name)
    if (!found) throw new Error(`no artifact ${name}`)
    const id = `/${String(found.id)}`
    return { service: 'blob', match: request => request.path.endsWith(id) }
  }

  /** The bytes of every artifact of a run, as a user downloads them through the REST API. */
  async artifactBytes(run: Run, token: string): Promise<Map<string, Buffer>> {
    const bytes = new Map<string, Buffer>()
    for (const artifact of this.standIn.listArtifacts(run)) {
      const url = `${this.standIn.url}/api/repos/${run.repository}/actions/artifacts/${String(artifact.id)}/zip`
      const response = await fetch(url, { headers: { Authorization: `token ${token}` } })
      if (!response.ok) throw new Error(`download of ${artifact.name}: ${String(response.status)}`)
      bytes.set(artifact.name, Buffer.from(await response.arrayBuffer()))
    }
    return bytes
  }
}

/**
 * The world of one test file; call it at the file's top level. It checks the bundles and starts
 * before the first test, ends every fault a test set after each, and stops after the last.
 */
export function e2eWorld(options: E2eWorldOptions): E2eWorld {
  const world = new E2eWorld(options)
  beforeAll(() => world.start(), START_MS)
  afterEach(() => world.resetFaults())
  afterAll(() => world.stop(), STOP_MS)
  return world
}

/** A world of its own for one test: started, given to `body`, stopped whatever happens. */
export async function inOwnWorld(
  options: E2eWorldOptions,
  body: (world: E2eWorld) => Promise<void>
): Promise<void> {
  const world = new E2eWorld(options)
  try {
    await world.start()
    await body(world)
  } finally {
    await world.stop()
  }
}

/** What a finished child process left: its exit code and everything it printed. */
export interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the bundled CLI as a user would, with only PATH and HOME of this process's environment
 * plus `env`; asynchronously, since the stand-in lives in this process.
 */
export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<Ran> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }
  return runProcess(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args], cwd, {
    ...base,
    ...env
  })
}

/**
 * Runs a program to its end with exactly `env`, its output captured. npm and `.bin` links are
 * `.cmd` files on Windows, which only a shell runs.
 */
export function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32'
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => {
      resolve({ code, stdout, stderr })
    })
  })
}
