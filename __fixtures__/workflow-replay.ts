// Replays a workflow job's steps on the stand-in runner, since GitHub cannot run here: `uses:
// ./<dir>` steps run this repository's action, `run:` steps run with bash, and the few
// expressions such a job needs are evaluated. Anything else throws, so that a workflow never
// silently means something other than what was replayed.
import type { JobRunner, StepResult } from '../local/runner.js'

/** A step of a workflow job, as written in the workflow file. */
export type WorkflowStep = Record<string, unknown>

/** What became of one step. */
export interface ReplayedStep {
  id: string | undefined
  label: string
  outcome: 'success' | 'failure' | 'skipped'
  /** Undefined for a skipped step and for actions/checkout. */
  result: StepResult | undefined
}

/** The expression contexts the replay knows. */
export interface ExpressionContext {
  github: (name: string) => string
  steps: Map<string, Record<string, string>>
}

const STEP_KEYS = new Set(['id', 'name', 'if', 'uses', 'with', 'run', 'env', 'shell'])

/**
 * Runs `steps` in order on `runner` as a runner runs a job: a step runs when every step before
 * it succeeded and its `if:` holds; the post steps run at the end, whatever happened.
 */
export async function replayJob(
  runner: JobRunner,
  steps: WorkflowStep[]
): Promise<{ steps: ReplayedStep[]; posts: StepResult[] }> {
  const context: ExpressionContext = { github: githubContext(runner), steps: new Map() }
  const replayed: ReplayedStep[] = []
  for (const step of steps) {
    const id = optionalString(step, 'id')
    const label = stepLabel(step)
    const failed = replayed.some(done => done.outcome === 'failure')
    if (failed || !holds(optionalString(step, 'if'), context)) {
      replayed.push({ id, label, outcome: 'skipped', result: undefined })
      continue
    }
    const result = await runStep(runner, step, context)
    if (id !== undefined) context.steps.set(id, result?.outputs ?? {})
    replayed.push({
      id,
      label,
      outcome: result && result.code !== 0 ? 'failure' : 'success',
      result
    })
  }
  return { steps: replayed, posts: await runner.complete() }
}

async function runStep(runner: JobRunner, step: WorkflowStep, context: ExpressionContext) {
  const unknown = Object.keys(step).filter(key => !STEP_KEYS.has(key))
  if (unknown.length > 0)
    throw new Error(`${stepLabel(step)}: the replay does not know ${unknown.join(', ')}`)
  const uses = optionalString(step, 'uses')
  const run = optionalString(step, 'run')
  if (run !== undefined) {
    if ((optionalString(step, 'shell') ?? 'bash') !== 'bash')
      throw new Error(`${stepLabel(step)}: the replay runs bash only`)
    return runner.run(interpolate(run, context), interpolateAll(step.env, context))
  }
  // The stand-in runner reads the action from the project root, where checkout would put it.
  if (uses?.startsWith('actions/checkout@')) return undefined
  if (uses?.startsWith('./')) return runner.uses(uses, interpolateAll(step.with, context))
  throw new Error(`${stepLabel(step)}: the replay runs only run: steps and uses: ./<dir>`)
}

function stepLabel(step: WorkflowStep): string {
  const run = optionalString(step, 'run')?.split('\n')[0]
  return (
    optionalString(step, 'name') ??
    optionalString(step, 'id') ??
    optionalString(step, 'uses') ??
    run ??
    '?'
  )
}

function optionalString(step: WorkflowStep, key: string): string | undefined {
  const value = step[key]
  if (value === undefined || typeof value === 'string') return value
  throw new Error(`step key ${key} is not a string: ${JSON.stringify(value)}`)
}

/** `github.<name>` as the runner's `GITHUB_<NAME>` variable; a name it lacks throws. */
function githubContext(runner: JobRunner): (name: string) => string {
  return name => {
    const value = runner.options.env[`GITHUB_${name.toUpperCase()}`]
    if (value === undefined) throw new Error(`the replay does not know github.${name}`)
    return value
  }
}

/** Every value of a `with:` or `env:` mapping, expressions replaced. */
function interpolateAll(values: unknown, context: ExpressionContext): Record<string, string> {
  if (values === undefined) return {}
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new Error(`not a mapping: ${JSON.stringify(values)}`)
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, interpolate(String(value), context)])
  )
}

/** `text` with each `${{ expression }}` replaced by its value. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_whole, expression: string) =>
    evaluate(expression, context)
  )
}

/** Whether an `if:` holds: absent, or a non-empty value (`true` for a comparison that holds). */
export function holds(condition: string | undefined, context: ExpressionContext): boolean {
  if (condition === undefined) return true
  const bare = /^\s*\$\{\{(.*)\}\}\s*$/.exec(condition)?.[1] ?? condition
  return evaluate(bare, context) !== ''
}

/**
 * The value of an expression the replay knows: a string literal, `github.<name>`,
 * `steps.<id>.outputs.<name>`, or two of them compared with `==` or `!=` (case-insensitively,
 * as GitHub compares strings), which gives 'true' or ''. Anything else throws.
 */
export function evaluate(expression: string, context: ExpressionContext): string {
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression.trim())
  if (!comparison) return operand(expression.trim(), context)
  const [, left = '', operator, right = ''] = comparison
  const equal = operand(left, context).toLowerCase() === operand(right, context).toLowerCase()
  return equal === (operator === '==') ? 'true' : ''
}

function operand(text: string, context: ExpressionContext): string {
  const literal = /^'((?:[^']|'')*)'$/.exec(text)
  if (literal) return (literal[1] ?? '').replace(/''/g, "'")
  const github = /^github\.([a-z_]+)$/.exec(text)
  if (github) return context.github(github[1] ?? '')
  const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(text)
  // A step that was skipped or has not run has no outputs: empty, as on GitHub.
  if (output) return context.steps.get(output[1] ?? '')?.[output[2] ?? ''] ?? ''
  throw new Error(`the replay does not evaluate: ${text}`)
}
