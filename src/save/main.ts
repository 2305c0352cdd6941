import * as core from '../action/light-toolkit.js'
import { decideNode } from '../checkpoint/decision.js'
import { describe } from '../checkpoint/errors.js'
import { computeFingerprint } from '../checkpoint/fingerprint.js'
import { reportFailure } from '../action/failure.js'
import { getSaveInputs, type SaveInputs } from './save-inputs.js'
import { jobContextOrNew, ranEvent, recordEvent, type JobContext } from '../action/job-context.js'
import { setNotSavedOutputs, setSavedOutputs } from './save-outputs.js'
import { readRunContext, type RunContext } from '../transport/run-context.js'
import { withNodeClaim } from '../action/step-lock.js'
import { getCacheInput } from '../resume/cache-input.js'
import { cacheWanted, checkpointWithCache } from '../resume/save-to-cache.js'
import type { SavedNode } from '../resume/checkpoint-node.js'
import { checkpointName } from '../checkpoint/naming.js'
import { inGroup, movedInWords } from '../action/step-log.js'

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
    const started = Date.now()
    // Two parallel steps saving the same node: the second is refused before it reads anything.
    const outcome = await inGroup(`Save node '${node}'`, () =>
      withNodeClaim(context.runnerTemp, inputs.scope, node, async () => {
        job = await jobContextOrNew(context.runnerTemp, inputs.scope)
        return save(inputs, context, job, cacheWanted(cacheInput, job))
      })
    )
    core.info(finalLine(node, outcome, Date.now() - started))
  } catch (error) {
    reportFailure(error, failOnError)
    setNotSavedOutputs()
    if (job) {
      const event = { node, status: 'save-failed' as const, message: describe(error) }
      await recordEvent(context.runnerTemp, job, event).catch(() => undefined)
    }
  }
}

/** What the step did: kept the restored checkpoint, or saved one (kept somewhere, or not). */
type SaveOutcome =
  { restoredAs: string } | { saved: SavedNode & { kept: boolean }; checkpoint: string }

/** The step's one final line: what was saved, how many files and bytes, in how long. */
function finalLine(node: string, outcome: SaveOutcome, ms: number): string {
  if ('restoredAs' in outcome) {
    return `Node '${node}' was restored as done from ${outcome.restoredAs}: nothing to save.`
  }
  const moved = movedInWords({ files: outcome.saved.files, bytes: outcome.saved.bytes, ms })
  if (!outcome.saved.kept) return `Node '${node}' was not saved (see the warning above): ${moved}.`
  return `Saved node '${node}' as ${outcome.checkpoint}: ${moved}.`
}

async function save(
  inputs: SaveInputs,
  context: RunContext,
  job: JobContext,
  cache: boolean
): Promise<SaveOutcome> {
  const fingerprint = inputs.key
    ? computeFingerprint({ key: inputs.key, salt: inputs.salt })
    : undefined
  const decision = decideNode(job.restored, inputs.node, fingerprint ?? {})
  if (decision.record && (decision.skip || !fingerprint)) {
    return { restoredAs: await keepRestored(inputs.node, context, job) }
  }
  if (decision.reason.startsWith('stale:')) {
    core.info(
      `Node '${inputs.node}' was restored as done, but its ${decision.reason.slice(6)} changed: saving it again.`
    )
  }
  const save = { ...inputs, fingerprint }
  const saved = await checkpointWithCache(save, inputs.paths, context, job, cache)
  // On GitHub Enterprise Server a node the cache did not take is kept nowhere: not saved.
  if (saved.kept) setSavedOutputs(saved.document)
  else setNotSavedOutputs('')
  await recordEvent(context.runnerTemp, job, {
    ...ranEvent(saved.document, inputs.node, decision.reason),
    files: saved.files,
    bytes: saved.bytes
  })
  return { saved, checkpoint: checkpointName(saved.document) }
}

/** A node this job restored as done is not saved again: its restored checkpoint stands. */
async function keepRestored(node: string, context: RunContext, job: JobContext): Promise<string> {
  const restoredAs = job.restored?.checkpoint ?? ''
  setNotSavedOutputs(restoredAs)
  await recordEvent(context.runnerTemp, job, {
    node,
    status: 'skipped',
    reason: 'done',
    checkpoint: restoredAs
  })
  return restoredAs
}
