import * as core from '../action/actions-core.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { decideNode, type Decision } from '../checkpoint/decision.js'
import type { Fingerprint } from '../checkpoint/fingerprint.js'
import { describe } from '../checkpoint/errors.js'
import { checkpointName } from '../checkpoint/naming.js'
import { overlayStates, stateJson } from '../checkpoint/state.js'
import { reportFailure } from '../action/failure.js'
import { getRunInputs, type RunInputs } from './run-inputs.js'
import { recordEvent, type JobContext } from '../action/job-context.js'
import { readRunContext, type RunContext } from '../transport/run-context.js'
import { RunState } from '../action/step-state.js'
import { getCacheInput } from '../resume/cache-input.js'
import { cacheWanted, checkpointWithCache } from '../resume/save-to-cache.js'
import { readCommandState, runCommand } from './command.js'
import { adoptCached, adoptOffered, cannotAdopt, type Adoption } from './adopt.js'
import { jobContextForRun } from './job.js'
import { scriptText } from './shell.js'
import { RunOutput, runFingerprint } from './skip.js'

export { RunOutput }

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
    const fingerprint = runFingerprint(inputs)
    const cache = cacheWanted(cacheInput, job)
    const decision = await decide(inputs, context, job, fingerprint, cache)
    core.setOutput(RunOutput.Reason, decision.reason)
    if (decision.skip) {
      await skip(inputs, context, job, decision.source)
      return
    }
    core.info(`Running node '${inputs.node}' (${explain(decision)}).`)
    const started = Date.now()
    const code = await execute(inputs, context, decision)
    if (code !== 0) {
      await failCommand(inputs, context, job, code)
      return
    }
    const state = await readCommandState(stateFile(context, inputs), inputs.node)
    core.saveState(RunState.Status, 'completed')
    const saved = await checkpointWithCache(
      { ...inputs, state: overlayStates(inputs.state, state), fingerprint },
      inputs.paths,
      context,
      job,
      cache,
      Date.now() - started
    )
    core.setOutput(RunOutput.Skipped, 'false')
    core.setOutput(RunOutput.State, stateJson(saved.document.state))
    const durationMs = saved.document.nodes.find(node => node.id === inputs.node)?.durationMs
    await recordEvent(context.runnerTemp, job, {
      node: inputs.node,
      status: 'ran',
      reason: decision.reason,
      checkpoint: checkpointName(saved.document),
      ...(durationMs === undefined ? {} : { durationMs })
    })
  } catch (error) {
    reportFailure(error, failOnError)
  }
}

/**
 * Skip a node done in this job with the same fingerprint; else take it from another run or the
 * cache when it is done there with the same fingerprint; else run it, saying why.
 */
async function decide(
  inputs: RunInputs,
  context: RunContext,
  job: JobContext,
  fingerprint: Fingerprint,
  cache: boolean
): Promise<Decision & { source?: string }> {
  const decision = decideNode(job.restored, inputs.node, fingerprint)
  if (decision.skip || decision.reason === 'rerun-requested') return decision
  if (job.reuse?.rerun.includes(inputs.node)) return { skip: false, reason: 'rerun-requested' }
  const adoption = await adoptElsewhere(inputs, context, job, fingerprint, cache)
  if (adoption.taken) return { skip: true, reason: 'done', source: adoption.source }
  if (adoption.partial) return { skip: false, reason: 'partial', partial: adoption.partial }
  if (adoption.reason && decision.reason === 'not-done')
    return { ...decision, reason: adoption.reason }
  return decision
}

async function adoptElsewhere(
  inputs: RunInputs,
  context: RunContext,
  job: JobContext,
  fingerprint: Fingerprint,
  cache: boolean
): Promise<Adoption> {
  let offered: Adoption
  try {
    offered = await adoptOffered(inputs, context, job, fingerprint)
  } catch (error) {
    offered = cannotAdopt(inputs, job.reuse?.offers[inputs.node]?.source ?? 'another run', error)
  }
  if (offered.taken || !cache) return offered
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

async function skip(
  inputs: RunInputs,
  context: RunContext,
  job: JobContext,
  source?: string
): Promise<void> {
  core.info(
    `Node '${inputs.node}' is done with the same fingerprint (restored from ${source ?? job.restored?.checkpoint ?? ''}): skipped.`
  )
  core.setOutput(RunOutput.Skipped, 'true')
  core.setOutput(RunOutput.ExitCode, '')
  core.setOutput(RunOutput.State, stateJson(job.base?.state ?? {}))
  await recordEvent(context.runnerTemp, job, {
    node: inputs.node,
    status: 'skipped',
    reason: 'done',
    ...(source === undefined ? {} : { checkpoint: source })
  })
}

function stateFile(context: RunContext, inputs: RunInputs): string {
  return join(
    context.runnerTemp,
    'checkpoint-action',
    `${inputs.scope}.${inputs.node}.progress.json`
  )
}

/** Runs the command; the post step learns from the saved state whether it finished. */
async function execute(
  inputs: RunInputs,
  context: RunContext,
  decision: Decision
): Promise<number | null> {
  const file = stateFile(context, inputs)
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

async function failCommand(
  inputs: RunInputs,
  context: RunContext,
  job: JobContext,
  code: number | null
): Promise<void> {
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
