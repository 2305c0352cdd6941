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
import { ROOT } from './root.js'

export { ROOT }

/** A stand-in of GitHub's services plus fresh folders, for one end-to-end test file. */
export class E2eWorld {
  private readonly dirs: string[] = []

  private constructor(
    readonly standIn: StandIn,
    private readonly env: Record<string, string>
  ) {}

  /** `env` is added to every job's environment, e.g. CHECKPOINT_RETRY_SCALE. */
  static async start(options: { env?: Record<string, string> } = {}): Promise<E2eWorld> {
    return new E2eWorld(await startStandIn(), options.env ?? {})
  }

  /** A run of `octo/pipeline` on main by default; options as the stand-in takes them. */
  createRun(options: string | Partial<CreateRunOptions> = {}): Run {
    const given = typeof options === 'string' ? { repository: options } : options
    return this.standIn.createRun({ repository: 'octo/pipeline', ...given })
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
      env: { ...job.env, ...this.env, ...options.env },
      workspace: options.workspace ?? join(base, 'workspace'),
      runnerTemp: join(base, 'temp'),
      root: ROOT,
      token: job.token
    })
    return Object.assign(runner, { meta: job })
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

  async stop(): Promise<void> {
    await this.standIn.stop()
    await Promise.all(this.dirs.map(dir => rm(dir, { recursive: true, force: true })))
  }
}
