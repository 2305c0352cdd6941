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

/** A stand-in and the toolkit in this process; the parts set at start throw before it. */
export interface InProcessToolkit {
  readonly standIn: StandIn
  readonly cache: CacheModule
  readonly client: InstanceType<ArtifactModule['DefaultArtifactClient']>
  /** What the toolkit printed (its workflow commands), kept off the console. */
  readonly output: string[]
  /** A new folder under the file's work folder, named `label-<n>`. */
  freshDir: (label: string) => Promise<string>
  /** Makes this process look like a step of `job`, as a runner would. */
  useJob: (job: Job) => void
  /** A new run of the repository and its job 'pipeline', whose step this process now is. */
  newRunJob: (options?: { ref?: string; attempt?: number }) => { run: Run; job: Job }
}

/** Azurite can take more than 30 s to start on a busy 2-core machine. */
const START_MS = 180_000

/**
 * The toolkit of one test file, against runs of `repository`; call it at the file's top level.
 * Before the first test it starts the stand-in and loads the toolkit; after the last it stops
 * the stand-in and puts back the environment and stdout it took over.
 */
export function inProcessToolkit(repository: string): InProcessToolkit {
  const savedEnv = { ...process.env }
  const output: string[] = []
  let world: { standIn: StandIn; work: string } | undefined
  let loaded: { cache: CacheModule; client: InProcessToolkit['client'] } | undefined
  let dirCount = 0
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the in-process toolkit is not started yet')
    return value
  }
  const toolkit: InProcessToolkit = {
    get standIn() {
      return started(world).standIn
    },
    get cache() {
      return started(loaded).cache
    },
    get client() {
      return started(loaded).client
    },
    output,
    freshDir: async label => {
      const dir = path.join(started(world).work, `${label}-${String(++dirCount)}`)
      await mkdir(dir, { recursive: true })
      return dir
    },
    useJob: job => {
      Object.assign(process.env, job.env)
    },
    newRunJob: (options = {}) => {
      const { standIn } = started(world)
      const run = standIn.createRun({ repository, workflow: 'ci.yml', ...options })
      const job = standIn.startJob(run, { attempt: options.attempt ?? 1, job: 'pipeline' })
      toolkit.useJob(job)
      return { run, job }
    }
  }
  beforeAll(async () => {
    world = await start(output)
    // @actions/github reads GITHUB_API_URL when first imported: set the env first.
    toolkit.newRunJob()
    const artifact = await import('@actions/artifact')
    loaded = { cache: await import('@actions/cache'), client: new artifact.DefaultArtifactClient() }
  }, START_MS)
  afterAll(async () => {
    await world?.standIn.stop()
    jest.restoreAllMocks()
    for (const name of Object.keys(process.env)) {
      if (!(name in savedEnv)) Reflect.deleteProperty(process.env, name)
    }
    Object.assign(process.env, savedEnv)
    if (world) await rm(world.work, { recursive: true, force: true })
  })
  return toolkit
}

/** The work folder, stdout kept in `output`, the stand-in, and the runner's folders in env. */
async function start(output: string[]): Promise<{ standIn: StandIn; work: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'stand-in-test-'))
  // The toolkit logs through stdout workflow commands; keep them for assertions, off the console.
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    output.push(String(chunk))
    return true
  })
  const standIn = await startStandIn()
  process.env.RUNNER_TEMP = path.join(work, 'runner-temp')
  process.env.GITHUB_WORKSPACE = work
  return { standIn, work }
}
