import * as core from '../action/actions-core.js'
import { checkpointName } from '../checkpoint/naming.js'
import { decideNode } from '../checkpoint/decision.js'
import { describe } from '../checkpoint/errors.js'
import { computeFingerprint } from '../checkpoint/fingerprint.js'
import { reportFailure } from '../action/failure.js'
import { getSaveInputs, type SaveInputs } from './save-inputs.js'
import { jobContextOrNew, recordEvent, type JobContext } from '../action/job-context.js'
import { Output } from '../action/outputs.js'
import { readRunContext, type RunContext } from '../transport/run-context.js'
import { getCacheInput } from '../resume/cache-input.js'
import { cacheWanted, checkpointWithCache } from '../resume/save-to-cache.js'

/**
 * The save entry: records a node as done with its state and files, as a new checkpoint that
 * extends the job's latest one. A node this job restored as done is not saved again, unless
 * `key` says its result is stale.
 */
export async function runSave(): Promise<void> {
  let failOnError = false
  const context = readRunContext()
  let job: JobContext | undefined
  let node = ''
  try {
    const inputs = await getSaveInputs(context.workspace)
    const cacheInput = getCacheInput()
    failOnError = inputs.failOnError
    node = inputs.node
    job = await jobContextOrNew(context.runnerTemp, inputs.scope)
    await save(inputs, context, job, cacheWanted(cacheInput, job))
  } catch (error) {
    reportFailure(error, failOnError)
    core.setOutput(Output.Saved, 'false')
    if (job) {
      const event = { node, status: 'save-failed' as const, message: describe(error) }
      await recordEvent(context.runnerTemp, job, event).catch(() => undefined)
    }
  }
}

async function save(
  inputs: SaveInputs,
  context: RunContext,
  job: JobContext,
  cache: boolean
): Promise<void> {
  const fingerprint = inputs.key
    ? computeFingerprint({ key: inputs.key, salt: inputs.salt })
    : undefined
  const decision = decideNode(job.restored, inputs.node, fingerprint ?? {})
  if (decision.record && (decision.skip || !fingerprint)) {
    await nothingToSave(inputs.node, context, job)
    return
  }
  if (decision.reason.startsWith('stale:')) {
    core.info(
      `Node '${inputs.node}' was restored as done, but its ${decision.reason.slice(6)} changed: saving it again.`
    )
  }
  const saved = await checkpointWithCache(
    { ...inputs, fingerprint },
    inputs.paths,
    context,
    job,
    cache
  )
  const name = checkpointName(saved.document)
  // On GitHub Enterprise Server a node the cache did not take is kept nowhere: not saved.
  core.setOutput(Output.Saved, String(saved.kept))
  core.setOutput(Output.Checkpoint, saved.kept ? name : '')
  core.setOutput(Output.Sequence, String(saved.document.sequence))
  const durationMs = saved.document.nodes.find(record => record.id === inputs.node)?.durationMs
  await recordEvent(context.runnerTemp, job, {
    node: inputs.node,
    status: 'ran',
    reason: decision.reason,
    checkpoint: name,
    files: saved.files,
    bytes: saved.bytes,
    ...(durationMs === undefined ? {} : { durationMs })
  })
}

/** A node restored as done is not saved again: the outputs name what it was restored from. */
async function nothingToSave(node: string, context: RunContext, job: JobContext): Promise<void> {
  const restoredAs = job.restored?.checkpoint ?? ''
  core.info(`Node '${node}' was restored as done from ${restoredAs}: nothing to save.`)
  core.setOutput(Output.Saved, 'false')
  core.setOutput(Output.Checkpoint, restoredAs)
  await recordEvent(context.runnerTemp, job, {
    node,
    status: 'skipped',
    reason: 'done',
    checkpoint: restoredAs
  })
}
