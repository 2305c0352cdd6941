/** A stand-in of the Actions runner for one job (see runner.js). */
export interface StepResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  annotations: { level: 'warning' | 'error' | 'notice'; message: string }[]
}

export interface JobRunnerOptions {
  env: Record<string, string>
  workspace: string
  runnerTemp: string
  root: string
  node?: string
  token?: string
}

export class JobRunner {
  constructor(options: JobRunnerOptions)
  readonly options: JobRunnerOptions
  uses(actionDir: string, inputs?: Record<string, string>): Promise<StepResult>
  complete(): Promise<StepResult[]>
  summary(): string
}

export function readFileCommands(file: string): Record<string, string>
export function readAnnotations(stdout: string): StepResult['annotations']
