// What a test of a step needs without a bundle: a runner in memory for the toolkit, a job's
// folders and variables, checkpoints of a pipeline, and the resume layer mocked.
import { afterEach, beforeEach, jest } from '@jest/globals'
import { join } from 'node:path'
import { loadJobContext, type JobEvent } from '../src/action/job-context.js'
import type { CheckpointDocument } from '../src/checkpoint/document.js'
import type { Fingerprint } from '../src/checkpoint/fingerprint.js'
import { nextCheckpoint } from '../src/checkpoint/progress.js'
import type { PipelineState } from '../src/checkpoint/state.js'
import type { checkpointNode } from '../src/resume/checkpoint-node.js'
import type { restoreLatest } from '../src/resume/restore-latest.js'
import { ROOT } from './root.js'
import { useTempDirs } from './temp.js'

/**
 * The runner as a step sees it, in memory, for testing the steps without a bundle: the inputs a
 * step reads and the state its main step saved, and what it writes (outputs, saved state,
 * failures, annotations, log lines, the job summary). `core` stands for @actions/core and
 * `lightToolkit` for src/action/light-toolkit.ts; a test mocks both with them before it imports
 * a step (see {@link mockToolkit}), as actions/typescript-action's template mocks @actions/core.
 */
export class FakeRunner {
  /** The step's inputs, by the name action.yml gives them. */
  readonly inputs = new Map<string, string>()
  /** What the main step saved for its post step: read by getState, written by saveState. */
  readonly state = new Map<string, string>()
  readonly outputs = new Map<string, string>()
  /** setFailed's messages: the step failed when there is one. */
  readonly failures: string[] = []
  readonly warnings: string[] = []
  readonly notices: string[] = []
  readonly infos: string[] = []
  readonly secrets: string[] = []
  /** The log as written: info lines, and `::group::<title>` / `::endgroup::` around groups. */
  readonly log: string[] = []
  summary = ''

  /**
   * The runner's commands the steps call (through the light toolkit), as @actions/core names
   * them: @actions/glob, loaded for wildcards, calls @actions/core itself.
   */
  readonly core = {
    debug: (_message: string): void => undefined,
    getState: (name: string): string => this.state.get(name) ?? '',
    info: (message: string): void => {
      this.infos.push(message)
      this.log.push(message)
    },
    startGroup: (title: string): void => {
      this.log.push(`::group::${title}`)
    },
    endGroup: (): void => {
      this.log.push('::endgroup::')
    },
    notice: (message: string): void => {
      this.notices.push(message)
    },
    saveState: (name: string, value: unknown): void => {
      this.state.set(name, String(value))
    },
    setFailed: (message: string | Error): void => {
      this.failures.push(message instanceof Error ? message.message : message)
    },
    setOutput: (name: string, value: unknown): void => {
      this.outputs.set(name, String(value))
    },
    setSecret: (secret: string): void => {
      this.secrets.push(secret)
    },
    warning: (message: string | Error): void => {
      this.warnings.push(message instanceof Error ? message.message : message)
    }
  }

  /** The light toolkit: the same runner, as the steps speak to it. */
  readonly lightToolkit = {
    ...this.core,
    getInput: (name: string, options: { trimWhitespace?: boolean } = {}): string => {
      const value = this.inputs.get(name) ?? ''
      return options.trimWhitespace === false ? value : value.trim()
    },
    appendSummary: (markdown: string): void => {
      this.summary += markdown
    }
  }

  /**
   * Starts a step: these inputs, the state a main step saved (kept from the step before unless
   * given), and nothing written yet.
   */
  startStep(inputs: Record<string, string>, state?: Record<string, string>): void {
    this.inputs.clear()
    for (const [name, value] of Object.entries(inputs)) this.inputs.set(name, value)
    if (state) {
      this.state.clear()
      for (const [name, value] of Object.entries(state)) this.state.set(name, value)
    }
    this.outputs.clear()
    for (const list of [
      this.failures,
      this.warnings,
      this.notices,
      this.infos,
      this.secrets,
      this.log
    ]) {
      list.length = 0
    }
    this.summary = ''
  }

  /** The outputs as an object, for one `toEqual`. */
  outputsObject(): Record<string, string> {
    return Object.fromEntries(this.outputs)
  }
}

/** The run the steps of a test belong to. */
export const RUN_ID = '42'

/** Where a test's step runs. */
export interface JobFolders {
  workspace: string
  runnerTemp: string
}

/**
 * A fresh job per test: a workspace and a runner temp folder, and the variables the runner sets
 * for them (run {@link RUN_ID}, the attempt given). process.env and the exit code are put back
 * after each test.
 */
export function useJob(): (attempt?: number) => Promise<JobFolders> {
  const tempDir = useTempDirs()
  const saved = { ...process.env }
  afterEach(() => {
    // A failed command sets the step's exit code; the test runner's own must not inherit it.
    process.exitCode = undefined
    for (const name of Object.keys(process.env)) {
      if (!(name in saved)) Reflect.deleteProperty(process.env, name)
    }
    Object.assign(process.env, saved)
  })
  return async (attempt = 1) => {
    const folders = { workspace: await tempDir(), runnerTemp: await tempDir() }
    Object.assign(process.env, {
      GITHUB_WORKSPACE: folders.workspace,
      RUNNER_TEMP: folders.runnerTemp,
      GITHUB_RUN_ID: RUN_ID,
      GITHUB_RUN_ATTEMPT: String(attempt),
      GITHUB_JOB: 'pipeline',
      GITHUB_SERVER_URL: 'https://github.com'
    })
    return folders
  }
}

/** What the steps of a job did so far in scope `pipeline`, as the summary reads it. */
export async function eventsOf(runnerTemp: string): Promise<JobEvent[] | undefined> {
  return (await loadJobContext(runnerTemp, 'pipeline'))?.events
}

/** A node done (or stopped part-way): its id, the state it added, what it was done with. */
export interface DoneNode {
  id: string
  state?: PipelineState
  fingerprint?: Fingerprint
  /** Stopped part-way: `state` is its progress. */
  partial?: boolean
}

/** The checkpoints a pipeline of scope `pipeline` wrote in an attempt, one a node, in order. */
export function checkpointsOf(attempt: number, nodes: DoneNode[]): CheckpointDocument[] {
  const documents: CheckpointDocument[] = []
  for (const { id, state = {}, fingerprint, partial } of nodes) {
    documents.push(
      nextCheckpoint(documents.at(-1), {
        scope: 'pipeline',
        node: id,
        run: { runId: RUN_ID, attempt },
        state,
        ...(fingerprint ? { fingerprint } : {}),
        ...(partial ? { partial } : {})
      })
    )
  }
  return documents
}

/**
 * A module of src/ by its absolute path: jest resolves a relative one from the test file that
 * imported this fixture, not from here.
 */
function source(module: string): string {
  return join(ROOT, 'src', `${module}.ts`)
}

/**
 * Replaces @actions/core and the light toolkit with a {@link FakeRunner}, with
 * jest.unstable_mockModule: call it before importing a step, with `await import()`, as the
 * typescript-action template does.
 *
 * ```ts
 * const runner = mockToolkit()
 * const { runSave } = await import('../../src/save/main.js')
 * ```
 */
export function mockToolkit(): FakeRunner {
  const runner = new FakeRunner()
  jest.unstable_mockModule('@actions/core', () => runner.core)
  jest.unstable_mockModule(source('action/light-toolkit'), () => runner.lightToolkit)
  return runner
}

/** The resume layer's two functions that would talk to the artifact service, as mocks. */
export interface ResumeMocks {
  checkpointNode: jest.Mock<typeof checkpointNode>
  restoreLatest: jest.Mock<typeof restoreLatest>
}

/**
 * Replaces the resume layer's checkpointNode and restoreLatest with mocks (call it before
 * importing a step). Before each test they are reset to a run with nothing to restore, where a
 * save extends the job's latest checkpoint as the resume layer does.
 */
export function mockResume(): ResumeMocks {
  const mocks: ResumeMocks = { checkpointNode: jest.fn(), restoreLatest: jest.fn() }
  jest.unstable_mockModule(source('resume/checkpoint-node'), () => ({
    checkpointNode: mocks.checkpointNode
  }))
  jest.unstable_mockModule(source('resume/restore-latest'), () => ({
    restoreLatest: mocks.restoreLatest
  }))
  beforeEach(() => {
    mocks.restoreLatest.mockReset()
    mocks.restoreLatest.mockResolvedValue(undefined)
    mocks.checkpointNode.mockReset()
    mocks.checkpointNode.mockImplementation(checkpointAsResumeDoes)
  })
  return mocks
}

/**
 * checkpointNode as the resume layer does it, without a service: the node's checkpoint extends
 * the job's latest one, which it then is; no files.
 */
const checkpointAsResumeDoes: typeof checkpointNode = (save, _paths, context, job) => {
  const document = nextCheckpoint(job.base, {
    scope: save.scope,
    node: save.node,
    run: context.run,
    state: save.state,
    ...(save.fingerprint ? { fingerprint: save.fingerprint } : {}),
    ...(save.partial ? { partial: true } : {})
  })
  job.base = document
  return Promise.resolve({ document, files: 0, bytes: 0 })
}
