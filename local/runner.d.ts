/** A stand-in of the Actions runner for one job (see runner.js). */
export interface StepResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  annotations: { level: 'warning' | 'error' | 'notice'; message: string }[]
}

export interface StepHandle {
  pid: number | undefined
  kill(signal: NodeJS.Signals): boolean
  /** Resolves once the step printed `text` on stdout; rejects if it ends first. */
  waitForOutput(text: string): Promise<void>
  result: Promise<StepResult>
}

export interface JobRunnerOptions {
  env: Record<string, string>
  workspace: string
  runnerTemp: string
  root: string
  /** The binary that runs the entries; by default Node 24 (see node24.js). */
  node?: string
  token?: string
}

export class JobRunner {
  constructor(options: JobRunnerOptions)
  readonly options: JobRunnerOptions
  /** The binary every step of this job runs on: `options.node`, or Node 24. */
  readonly node: string
  uses(actionDir: string, inputs?: Record<string, string>): Promise<StepResult>
  /** Starts a main step without waiting: to signal it part-way, as a cancelled job is. */
  start(actionDir: string, inputs?: Record<string, string>): StepHandle
  /** Runs a `run:` step's script with bash, as `shell: bash` does, in the workspace. */
  run(script: string, env?: Record<string, string>): Promise<StepResult>
  complete(): Promise<StepResult[]>
  summary(): string
}

export function readFileCommands(file: string): Record<string, string>
export function readAnnotations(stdout: string): StepResult['annotations']
