import * as core from '../action/actions-core.js'
import { describe } from '../checkpoint/errors.js'
import { noticeIfUnavailable } from '../action/failure.js'
import type { RunInputs } from './run-inputs.js'
import {
  jobContextOrNew,
  loadJobContext,
  rememberRestore,
  type JobContext
} from '../action/job-context.js'
import type { RunContext } from '../transport/run-context.js'
import { archivesElsewhere, restClient } from '../resume/foreign-archives.js'
import { cacheArchives } from '../resume/from-cache.js'
import { restoreLatest } from '../resume/restore-latest.js'

/**
 * The job's context for the run entry. In a job without a restore step the first run step
 * restores the latest checkpoint itself, so a skipped node's files are there too.
 */
export async function jobContextForRun(
  inputs: RunInputs,
  context: RunContext
): Promise<JobContext> {
  const existing = await loadJobContext(context.runnerTemp, inputs.scope)
  if (existing) return existing
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
    if (noticeIfUnavailable(error)) return jobContextOrNew(context.runnerTemp, inputs.scope)
    if (inputs.failOnError) throw error
    core.warning(`Could not read checkpoints (${describe(error)}): node '${inputs.node}' runs.`)
    return jobContextOrNew(context.runnerTemp, inputs.scope)
  }
}
