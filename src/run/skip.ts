import { decideNode } from '../checkpoint/decision.js'
import { computeFingerprint, type Fingerprint } from '../checkpoint/fingerprint.js'
import { stateJson } from '../checkpoint/state.js'
import { getRunInputs, type RunInputs } from './run-inputs.js'
import { RunOutput } from './run-outputs.js'
import { loadJobContext, recordEvent, type JobContext } from '../action/job-context.js'
import { readRunContext } from '../transport/run-context.js'
import * as toolkit from '../action/light-toolkit.js'
import { getCacheInput } from '../resume/cache-input.js'

/** What a `run` step's node is done with: its key, command, shell and salt. */
export function runFingerprint(inputs: RunInputs): Fingerprint {
  return computeFingerprint({
    key: inputs.key,
    command: inputs.run,
    shell: inputs.shell.name,
    salt: inputs.salt
  })
}

/**
 * The run entry's cheap path: a node that this job restored as done with the same fingerprint
 * is skipped without loading the code (and the toolkit) that runs and saves a command. Whatever
 * else happens (bad inputs, no job context yet, a node to run) is left to the full entry, which
 * reads everything again and reports it; the job context it found is handed on.
 * @returns whether the node was skipped, and the job context when one was read
 */
export async function skipIfDone(): Promise<{ skipped: boolean; job?: JobContext | undefined }> {
  const context = readRunContext()
  let inputs
  try {
    inputs = await getRunInputs(context.workspace)
    getCacheInput()
  } catch {
    return { skipped: false }
  }
  const job = await loadJobContext(context.runnerTemp, inputs.scope)
  if (!job) return { skipped: false }
  const decision = decideNode(job.restored, inputs.node, runFingerprint(inputs))
  if (!decision.skip) return { skipped: false, job }
  try {
    toolkit.setOutput(RunOutput.Reason, decision.reason)
    await skipDoneNode(inputs.node, job, context.runnerTemp)
  } catch (error) {
    const { reportFailure } = await import('../action/failure.js')
    reportFailure(error, inputs.failOnError)
  }
  return { skipped: true, job }
}

/**
 * Skips a node done with the same fingerprint, on the cheap path and the full one alike: says
 * where it was restored from (`source` when taken from another run or the cache), sets the
 * outputs of a skip and records it for the summary.
 */
export async function skipDoneNode(
  node: string,
  job: JobContext,
  runnerTemp: string,
  source?: string
): Promise<void> {
  toolkit.info(
    `Node '${node}' is done with the same fingerprint (restored from ${source ?? job.restored?.checkpoint ?? ''}): skipped.`
  )
  toolkit.setOutput(RunOutput.Skipped, 'true')
  toolkit.setOutput(RunOutput.ExitCode, '')
  toolkit.setOutput(RunOutput.State, stateJson(job.base?.state ?? {}))
  const event = { node, status: 'skipped' as const, reason: 'done' }
  await recordEvent(
    runnerTemp,
    job,
    source === undefined ? event : { ...event, checkpoint: source }
  )
}
