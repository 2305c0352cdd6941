import * as core from '@actions/core'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe } from '../checkpoint/errors.js'
import { reportFailure } from '../github/failure.js'
import { getSaveInputs } from '../github/inputs.js'
import {
  loadJobContext,
  saveJobContext,
  type JobContext,
  type JobEvent
} from '../github/job-context.js'
import { Output } from '../github/outputs.js'
import { readRunContext } from '../github/run-context.js'
import { collectFiles } from '../packing/collect.js'
import { saveNode } from './save-node.js'

/**
 * The save entry: records a node as done with its state and files, as a new checkpoint that
 * extends the job's latest one. A node this job restored as done is not saved again.
 */
export async function runSave(): Promise<void> {
  let failOnError = false
  const context = readRunContext()
  let job: JobContext | undefined
  let node = ''
  try {
    const inputs = await getSaveInputs(context.workspace)
    failOnError = inputs.failOnError
    node = inputs.node
    job = (await loadJobContext(context.runnerTemp, inputs.scope)) ?? {
      scope: inputs.scope,
      events: [],
      lastStepEndedAt: ''
    }
    if (job.restored?.nodes.some(done => done.id === inputs.node)) {
      core.info(
        `Node '${inputs.node}' was restored as done from ${job.restored.checkpoint}: nothing to save.`
      )
      core.setOutput(Output.Saved, 'false')
      core.setOutput(Output.Checkpoint, job.restored.checkpoint)
      await record(context.runnerTemp, job, {
        node,
        outcome: 'already-restored',
        checkpoint: job.restored.checkpoint
      })
      return
    }
    const files = await collectFiles(context.workspace, inputs.paths)
    if (inputs.paths.length > 0 && files.length === 0) {
      core.warning(
        `Input 'paths' matched no files (${inputs.paths.join(', ')}): the checkpoint holds state only.`
      )
    }
    const scratch = await mkdtemp(join(context.runnerTemp, 'checkpoint-save-'))
    try {
      const saved = await saveNode({ inputs, context, job, files, scratch })
      job.base = saved.document
      core.setOutput(Output.Saved, 'true')
      core.setOutput(Output.Checkpoint, saved.event.checkpoint ?? '')
      core.setOutput(Output.Sequence, String(saved.document.sequence))
      await record(context.runnerTemp, job, saved.event)
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  } catch (error) {
    reportFailure(error, failOnError)
    core.setOutput(Output.Saved, 'false')
    if (job)
      await record(context.runnerTemp, job, {
        node,
        outcome: 'failed',
        message: describe(error)
      }).catch(() => undefined)
  }
}

async function record(runnerTemp: string, job: JobContext, event: JobEvent): Promise<void> {
  job.events.push(event)
  job.lastStepEndedAt = new Date().toISOString()
  await saveJobContext(runnerTemp, job)
}
