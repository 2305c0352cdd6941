import * as core from '../action/light-toolkit.js'
import { describe } from '../checkpoint/errors.js'
import { noticeIfUnavailable } from '../action/failure.js'
import type { RunInputs } from './run-inputs.js'
import {
  loadJobContext,
  newJobContext,
  rememberRestore,
  type JobContext
} from '../action/job-context.js'
import { withScopeLock } from '../action/step-lock.js'
import type { RunContext } from '../transport/run-context.js'
import { archivesElsewhere, restClient } from '../resume/foreign-archives.js'
import { cacheArchives } from '../resume/from-cache.js'
import { restoreLatest } from '../resume/restore-latest.js'

/**
 * The job's context for the run entry. In a job without a restore step the first run step
 * restores the latest checkpoint itself, so a skipped node's files are there too; run steps in
 * parallel take turns, so the others find what the first one restored.
 */
export async function jobContextForRun(
  inputs: RunInputs,
  context: RunContext
): Promise<JobContext> {
  const known = await withScopeLock(
    context.runnerTemp,
    inputs.scope,
    async () =>
      (await loadJobContext(context.runnerTemp, inputs.scope)) ??
      (await restoreForRun(inputs, context))
  )
  return known ?? newJobContext(inputs.scope)
}

async function restoreForRun(
  inputs: RunInputs,
  context: RunContext
): Promise<JobContext | undefined> {
  try {
    // Nodes an earlier attempt took from other runs or the cache have their files there.
    const elsewhere = archivesElsewhere({
      client: restClient(inputs.githubToken),
      repository: context.repository,
      cache: cacheArchives(context.runnerTemp)
    })
    const restored = await restoreLatest(
      inputs.scope,
      inputs.githubToken,
      context,
      inputs.protection,
      elsewhere
    )
    return await rememberRestore(context.runnerTemp, inputs.scope, restored, undefined)
  } catch (error) {
    if (noticeIfUnavailable(error)) return undefined
    if (inputs.failOnError) throw error
    core.warning(`Could not read checkpoints (${describe(error)}): node '${inputs.node}' runs.`)
    return undefined
  }
}
