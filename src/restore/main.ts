import * as core from '../action/light-toolkit.js'
import { invalidate, type Invalidation } from '../checkpoint/invalidation.js'
import { reportFailure } from '../action/failure.js'
import { getRestoreInputs, getSourceInputs, type RestoreInputs } from './restore-inputs.js'
import { rememberRestore } from '../action/job-context.js'
import { setRestoreOutputs } from './restore-outputs.js'
import { readRunContext, type RunContext } from '../transport/run-context.js'
import { RestoreState } from '../action/step-state.js'
import { restoreFromSources, type Found } from '../resume/sources.js'
import type { SourceInputs } from '../resume/found.js'
import { inGroup, movedInWords } from '../action/step-log.js'
import { checkpointName } from '../checkpoint/naming.js'
import { completedNodes } from '../checkpoint/progress.js'
import { formatDuration } from '../checkpoint/units.js'

/**
 * The restore entry: finds this scope's checkpoints in the sources of `from` (earlier attempts
 * of the run, earlier runs, the cache), verifies them, puts their files back and sets the
 * outputs that skip the nodes already done.
 */
export async function runRestore(): Promise<void> {
  let failOnError = false
  const context = readRunContext()
  let scope = 'default'
  try {
    const inputs = getRestoreInputs()
    const sources = getSourceInputs()
    failOnError = inputs.failOnError
    scope = inputs.scope
    core.saveState(RestoreState.Scope, scope)
    const started = Date.now()
    const restored = await inGroup(`Restore scope '${scope}'`, async () => {
      const found = await findAndRestore(inputs, sources, context)
      const invalidation = applyInvalidation(found, inputs, sources, context)
      const origin = { newest: found.newest, reuse: found.reuse }
      await setRestoreOutputs(invalidation?.document, context.runnerTemp, scope, origin)
      await rememberRestore(context.runnerTemp, scope, found.document, invalidation, origin)
      return { found, done: completedNodes(invalidation?.document) }
    })
    core.info(restoredLine(scope, restored, Date.now() - started))
  } catch (error) {
    reportFailure(error, failOnError)
    // No job context is written: a later save then finds the run's latest checkpoint itself
    // instead of starting a new pipeline over progress this step failed to read.
    await setRestoreOutputs(undefined, context.runnerTemp, scope).catch(() => undefined)
  }
}

/** The checkpoints of `from`, restored; with `reset`, nothing. */
async function findAndRestore(
  inputs: RestoreInputs,
  sources: SourceInputs,
  context: RunContext
): Promise<Found> {
  if (inputs.reset) return resetFound(inputs, sources, context)
  return restoreFromSources({
    scope: inputs.scope,
    token: inputs.githubToken,
    context,
    keys: inputs.protection,
    sources,
    invalidation: { rerun: inputs.rerun, rerunFrom: inputs.rerunFrom },
    failOnError: inputs.failOnError
  })
}

/**
 * The step's one final line: what was restored, from where, how many files and bytes, in how
 * long; `done` are the nodes left done once those asked to run again are taken out.
 */
export function restoredLine(
  scope: string,
  { found, done }: { found: Found; done: string[] },
  ms: number
): string {
  const document = found.document
  if (!document) {
    return `Restored nothing of scope '${scope}': no checkpoint to resume from, the pipeline runs from the beginning (${formatDuration(ms)}).`
  }
  const from = [...new Set(Object.values(found.reuse.sources))].join(', ')
  const bytes = document.files.reduce((total, file) => total + file.size, 0)
  const moved = movedInWords({ files: document.files.length, bytes, ms })
  return `Restored scope '${scope}' from ${checkpointName(found.newest ?? document)}${from ? ` (${from})` : ''}: ${done.length} node(s) done [${done.join(', ')}], ${moved}.`
}

/** `reset`: nothing is looked at, and no later step takes a node from another run or the cache. */
function resetFound(inputs: RestoreInputs, sources: SourceInputs, context: RunContext): Found {
  const ignored = sources.from.filter(source => source !== 'attempts' || context.run.attempt > 1)
  if (ignored.length === 0) {
    core.warning(
      `Input 'reset' is true, but there is nothing to ignore: this is the first attempt of the run and 'from' lists only attempts. To start over from other runs' checkpoints, add runs or cache to 'from'.`
    )
  } else {
    core.info(
      `Input 'reset' is true: checkpoints of scope '${inputs.scope}' (${ignored.join(', ')}) are ignored and the pipeline runs from the beginning.`
    )
  }
  const reuse = { from: sources.from, reset: true, rerun: [], sources: {}, reasons: {}, offers: {} }
  return { document: undefined, newest: undefined, reuse, known: new Set() }
}

function applyInvalidation(
  found: Found,
  inputs: RestoreInputs,
  sources: SourceInputs,
  context: RunContext
): Invalidation | undefined {
  const asked = [...inputs.rerun, ...(inputs.rerunFrom === undefined ? [] : [inputs.rerunFrom])]
  if (asked.length > 0 && found.known.size === 0 && !inputs.reset) {
    warnNothingToRerun(asked, sources, context)
  }
  const document = found.document
  if (!document) {
    markRerun(found, asked, [])
    return undefined
  }
  const invalidation = invalidate(document, { rerun: inputs.rerun, rerunFrom: inputs.rerunFrom })
  const unknown = invalidation.unknown.filter(id => !found.known.has(id))
  if (unknown.length > 0) {
    const known = [...found.known].join(', ') || 'none'
    core.warning(
      `Asked to re-run ${unknown.map(id => `'${id}'`).join(', ')}, which no checkpoint records as done (known nodes: ${known}).`
    )
  }
  if (invalidation.rerun.length > 0) {
    core.info(`Running again on request: ${invalidation.rerun.join(', ')}.`)
  }
  markRerun(found, [...asked, ...invalidation.rerun], invalidation.rerun)
  return invalidation
}

/** Nodes asked to run again: no later step may take them from another run or the cache. */
function markRerun(found: Found, asked: string[], dropped: string[]): void {
  const reuse = found.reuse
  reuse.rerun = [...new Set([...reuse.rerun, ...asked])]
  reuse.sources = Object.fromEntries(
    Object.entries(reuse.sources).filter(([id]) => !dropped.includes(id))
  )
  for (const id of dropped) reuse.reasons[id] = 'rerun-requested'
}

function warnNothingToRerun(asked: string[], sources: SourceInputs, context: RunContext): void {
  const why =
    context.run.attempt <= 1 && sources.from.length === 1
      ? `this is the first attempt of the run and 'from' lists only attempts: a run started anew (e.g. by workflow_dispatch) needs from: runs or cache to find earlier checkpoints`
      : `no source in 'from' (${sources.from.join(', ')}) had a checkpoint of this scope`
  core.warning(
    `Asked to re-run ${asked.map(id => `'${id}'`).join(', ')}, but there is nothing to act on: ${why}.`
  )
}
