import * as core from '../action/light-toolkit.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { decideNode, type Decision } from '../checkpoint/decision.js'
import { describe } from '../checkpoint/errors.js'
import type { Fingerprint } from '../checkpoint/fingerprint.js'
import { overlayStates, stateJson } from '../checkpoint/state.js'
import { reportFailure } from '../action/failure.js'
import { getRunInputs, type RunInputs } from './run-inputs.js'
import { ranEvent, recordEvent, type JobContext } from '../action/job-context.js'
import { readRunContext, type RunContext } from '../transport/run-context.js'
import { RunState } from '../action/step-state.js'
import { getCacheInput } from '../resume/cache-input.js'
import { cacheWanted, checkpointWithCache } from '../resume/save-to-cache.js'
import { adoptCached, adoptOffered, cannotAdopt, type Adoption } from './adopt.js'
import { readCommandState, runCommand } from './command.js'
import { jobContextForRun } from './job-context-for-run.js'
import { scriptText } from './shell.js'
import { RunOutput } from './run-outputs.js'
import { withNodeClaim } from '../action/step-lock.js'
import { runFingerprint, skipDoneNode } from './skip.js'
import { inGroup, movedInWords } from '../action/step-log.js'
import { checkpointName } from '../checkpoint/naming.js'
import { formatDuration } from '../checkpoint/units.js'

/** What the run entry works with once its inputs are read: the node, the run, the job. */
interface RunStep {
  inputs: RunInputs
  context: RunContext
  job: JobContext
  /** Whether the node is kept in, and looked up in, the Actions cache. */
  cache: boolean
}

/**
 * The run entry: skips the command when its node is done with the same fingerprint; otherwise
 * runs it, fails the step when it fails, and checkpoints the node when it succeeds. `known` is
 * the job context the cheap path (skip.ts) already read.
 */
export async function runRun(known?: JobContext): Promise<void> {
  let failOnError = false
  const context = readRunContext()
  try {
    const inputs = await getRunInputs(context.workspace)
    const cacheInput = getCacheInput()
    failOnError = inputs.failOnError
    const job = known ?? (await jobContextForRun(inputs, context))
    const step = { inputs, context, job, cache: cacheWanted(cacheInput, job) }
    const fingerprint = runFingerprint(inputs)
    const decision = await inGroup(`Check node '${inputs.node}'`, () => decide(step, fingerprint))
    core.setOutput(RunOutput.Reason, decision.reason)
    if (decision.skip) await skipDoneNode(inputs.node, job, context.runnerTemp, decision.source)
    // The same node in two parallel steps: the second is refused before its command runs.
    else
      await withNodeClaim(context.runnerTemp, inputs.scope, inputs.node, () =>
        runNode(step, decision, fingerprint)
      )
  } catch (error) {
    reportFailure(error, failOnError)
  }
}

/** Runs the node's command: a failure fails the step, a success is checkpointed. */
async function runNode(step: RunStep, decision: Decision, fingerprint: Fingerprint): Promise<void> {
  const { inputs, context, job } = step
  core.info(`Running node '${inputs.node}' (${explain(decision)}).`)
  const started = Date.now()
  const code = await execute(step, decision)
  if (code !== 0) {
    await failCommand(step, code)
    return
  }
  const commandMs = Date.now() - started
  const state = await readCommandState(stateFile(step), inputs.node)
  core.saveState(RunState.Status, 'completed')
  const saving = Date.now()
  const saved = await inGroup(`Save node '${inputs.node}'`, () =>
    checkpointWithCache(
      { ...inputs, state: overlayStates(inputs.state, state), fingerprint },
      inputs.paths,
      context,
      job,
      step.cache,
      commandMs
    )
  )
  core.setOutput(RunOutput.Skipped, 'false')
  core.setOutput(RunOutput.State, stateJson(saved.document.state))
  await recordEvent(context.runnerTemp, job, ranEvent(saved.document, inputs.node, decision.reason))
  const moved = movedInWords({ ...saved, ms: Date.now() - saving })
  core.info(
    saved.kept
      ? `Ran node '${inputs.node}' (${formatDuration(commandMs)}) and saved it as ${checkpointName(saved.document)}: ${moved}.`
      : `Ran node '${inputs.node}' (${formatDuration(commandMs)}); it was not saved (see the warning above): ${moved}.`
  )
}

/**
 * Skip a node done in this job with the same fingerprint; else take it from another run or the
 * cache when it is done there with the same fingerprint; else run it, saying why.
 */
async function decide(
  step: RunStep,
  fingerprint: Fingerprint
): Promise<Decision & { source?: string }> {
  const { inputs, job } = step
  const decision = decideNode(job.restored, inputs.node, fingerprint)
  if (decision.skip || decision.reason === 'rerun-requested') return decision
  if (job.reuse?.rerun.includes(inputs.node)) return { skip: false, reason: 'rerun-requested' }
  const adoption = await adoptElsewhere(step, fingerprint)
  if (adoption.taken) return { skip: true, reason: 'done', source: adoption.source }
  if (adoption.partial) return { skip: false, reason: 'partial', partial: adoption.partial }
  if (adoption.reason && decision.reason === 'not-done')
    return { ...decision, reason: adoption.reason }
  return decision
}

/** The node as restore offered it from another run, else as the cache holds it, when it fits. */
async function adoptElsewhere(step: RunStep, fingerprint: Fingerprint): Promise<Adoption> {
  const { inputs, context, job } = step
  let offered: Adoption
  try {
    offered = await adoptOffered(inputs, context, job, fingerprint)
  } catch (error) {
    offered = cannotAdopt(inputs, job.reuse?.offers[inputs.node]?.source ?? 'another run', error)
  }
  if (offered.taken || !step.cache) return offered
  try {
    const cached = await adoptCached(inputs, context, job, fingerprint)
    return cached.taken ? cached : offered
  } catch (error) {
    cannotAdopt(inputs, 'the Actions cache', error)
    return offered
  }
}

function explain(decision: Decision): string {
  if (decision.reason === 'not-done') return 'not done yet'
  if (decision.reason === 'partial') return 'resuming its saved progress'
  if (decision.reason === 'rerun-requested') return 'asked to run again'
  return `done before, but its ${decision.reason.slice('stale:'.length)} changed`
}

/** Where the command finds the progress of an earlier attempt and leaves its state. */
function stateFile({ context, inputs }: RunStep): string {
  return join(
    context.runnerTemp,
    'checkpoint-action',
    `${inputs.scope}.${inputs.node}.progress.json`
  )
}

/** Runs the command; the post step learns from the saved state whether it finished. */
async function execute(step: RunStep, decision: Decision): Promise<number | null> {
  const { inputs, context } = step
  const file = stateFile(step)
  await mkdir(join(context.runnerTemp, 'checkpoint-action'), { recursive: true })
  await writeFile(file, decision.partial ? JSON.stringify(decision.partial.state) : '', 'utf8')
  const script = join(
    context.runnerTemp,
    'checkpoint-action',
    `${inputs.scope}.${inputs.node}${inputs.shell.extension}`
  )
  await writeFile(script, scriptText(inputs.shell, inputs.run), 'utf8')
  core.saveState(RunState.Node, inputs.node)
  core.saveState(RunState.Scope, inputs.scope)
  core.saveState(RunState.StateFile, file)
  core.saveState(RunState.Status, 'running')
  const env = {
    CHECKPOINT_STATE_FILE: file,
    CHECKPOINT_PARTIAL: String(decision.partial !== undefined),
    CHECKPOINT_NODE: inputs.node
  }
  const result = await runCommand({
    shell: inputs.shell,
    script,
    cwd: inputs.workingDirectory,
    env
  })
  core.setOutput(RunOutput.ExitCode, result.code === null ? '' : String(result.code))
  if (result.cancelledBy) {
    core.saveState(RunState.Status, 'cancelled')
    core.warning(
      `Node '${inputs.node}' was cancelled (${result.cancelledBy}): its progress is saved by the post step.`
    )
  }
  return result.code
}

async function failCommand({ inputs, context, job }: RunStep, code: number | null): Promise<void> {
  core.setOutput(RunOutput.Skipped, 'false')
  core.setFailed(
    `The command of node '${inputs.node}' exited with code ${String(code)}: no checkpoint was written.`
  )
  process.exitCode = code ?? 1
  await recordEvent(context.runnerTemp, job, {
    node: inputs.node,
    status: 'failed',
    reason: `exit code ${String(code)}`
  }).catch((error: unknown) => {
    core.debug(describe(error))
  })
}
