// The real toolkit clients (@actions/artifact, @actions/cache) in this process, as a step of a
// job runs them, against a stand-in of GitHub's services of the test file's own.
import { afterAll, beforeAll, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startStandIn, type Job, type Run, type StandIn } from '../local/index.js'

type ArtifactModule = typeof import('@actions/artifact')
type CacheModule = typeof import('@actions/cache')

/** The hex sha256 of `bytes`, as the toolkit reports digests. */
export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

type ArtifactClient = InstanceType<ArtifactModule['DefaultArtifactClient']>

/** Azurite can take more than 30 s to start on a busy 2-core machine. */
const START_MS = 180_000

/** The value of something set at start; before it, a clear error instead of undefined. */
function started<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the in-process toolkit is not started yet')
  return value
}

/** A stand-in and the toolkit in this process, for one test file (see inProcessToolkit). */
export class InProcessToolkit {
  /** What the toolkit printed (its workflow commands), kept off the console. */
  readonly output: string[] = []
  private readonly savedEnv = { ...process.env }
  private world: { standIn: StandIn; work: string } | undefined
  private loaded: { cache: CacheModule; client: ArtifactClient } | undefined
  private dirCount = 0

  constructor(private readonly repository: string) {}

  get standIn(): StandIn {
    return started(this.world).standIn
  }

  get cache(): CacheModule {
    return started(this.loaded).cache
  }

  get client(): ArtifactClient {
    return started(this.loaded).client
  }

  /** A new folder under the file's work folder, named `label-<n>`. */
  readonly freshDir = async (label: string): Promise<string> => {
    const dir = path.join(started(this.world).work, `${label}-${String(++this.dirCount)}`)
    await mkdir(dir, { recursive: true })
    return dir
  }

  /** Makes this process look like a step of `job`, as a runner would. */
  readonly useJob = (job: Job): void => {
    Object.assign(process.env, job.env)
  }

  /** A new run of the repository and its job 'pipeline', whose step this process now is. */
  readonly newRunJob = (
    options: { ref?: string; attempt?: number } = {}
  ): { run: Run; job: Job } => {
    const { standIn } = started(this.world)
    const run = standIn.createRun({ repository: this.repository, workflow: 'ci.yml', ...options })
    const job = standIn.startJob(run, { attempt: options.attempt ?? 1, job: 'pipeline' })
    this.useJob(job)
    return { run, job }
  }

  /** Keeps stdout, starts the stand-in, then loads the toolkit as a step of a first job. */
  async start(): Promise<void> {
    const work = await mkdtemp(path.join(tmpdir(), 'stand-in-test-'))
    // The toolkit logs through stdout workflow commands; keep them for assertions, off the console.
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      this.output.push(String(chunk))
      return true
    })
    this.world = { standIn: await startStandIn(), work }
    process.env.RUNNER_TEMP = path.join(work, 'runner-temp')
    process.env.GITHUB_WORKSPACE = work
    // @actions/github reads GITHUB_API_URL when first imported: set the env first.
    this.newRunJob()
    const artifact = await import('@actions/artifact')
    this.loaded = {
      cache: await import('@actions/cache'),
      client: new artifact.DefaultArtifactClient()
    }
  }

  /** Stops the stand-in and puts back the environment and stdout that `start` took over. */
  async stop(): Promise<void> {
    await this.world?.standIn.stop()
    jest.restoreAllMocks()
    for (const name of Object.keys(process.env)) {
      if (!(name in this.savedEnv)) Reflect.deleteProperty(process.env, name)
    }
    Object.assign(process.env, this.savedEnv)
    if (this.world) await rm(this.world.work, { recursive: true, force: true })
  }
}

/**
 * The toolkit of one test file, against runs of `repository`; call it at the file's top level.
 * It starts before the first test and stops after the last.
 */
export function inProcessToolkit(repository: string): InProcessToolkit {
  const toolkit = new InProcessToolkit(repository)
  beforeAll(() => toolkit.start(), START_MS)
  afterAll(() => toolkit.stop())
  return toolkit
}
