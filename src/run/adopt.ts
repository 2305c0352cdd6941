import * as core from '../action/light-toolkit.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec } from '../checkpoint/codec.js'
import { mergeInto } from '../checkpoint/contribution.js'
import {
  parseCheckpointValue,
  type CheckpointDocument,
  type PartialRecord
} from '../checkpoint/document.js'
import { describe } from '../checkpoint/errors.js'
import { changedPart, type Fingerprint } from '../checkpoint/fingerprint.js'
import { cacheKey } from '../checkpoint/reuse.js'
import type { RunInputs } from './run-inputs.js'
import { updateJobContext, type JobContext } from '../action/job-context.js'
import type { RunContext } from '../transport/run-context.js'
import { placeFiles } from '../packing/place.js'
import { archivesElsewhere, restClient } from '../resume/foreign-archives.js'
import { cacheArchives, fetchCacheHit } from '../resume/from-cache.js'
import { stageFiles, type ArchiveSource } from '../resume/stage-archive.js'

/** What became of a node looked for in other runs and the cache. */
export type Adoption =
  | { taken: true; source: string }
  | { taken: false; reason?: `stale:${string}` | undefined; partial?: PartialRecord }

/**
 * Takes a `run` node that restore found in another run (an offer) when its recorded fingerprint
 * matches this step's whole fingerprint: its files are fetched, verified and placed, and its
 * part of the state joins the job's checkpoint. Nodes asked to run again are never taken.
 */
export async function adoptOffered(
  inputs: RunInputs,
  context: RunContext,
  job: JobContext,
  fingerprint: Fingerprint
): Promise<Adoption> {
  const offer = job.reuse?.offers[inputs.node]
  if (!offer || mustRunAgain(job, inputs.node)) return { taken: false }
  const document = parseCheckpointValue(offer.document, `the offer of ${offer.source}`)
  const record = document.nodes.find(node => node.id === inputs.node)
  const partial = document.partials?.find(item => item.id === inputs.node)
  const changed = changedPart((record ?? partial)?.fingerprint, fingerprint)
  if (changed) {
    core.info(`Node '${inputs.node}' was done in ${offer.source}, but its ${changed} changed.`)
    // Kept with the job's context when the step records what it did.
    if (job.reuse) job.reuse.reasons[inputs.node] = `stale:${changed}`
    return { taken: false, reason: `stale:${changed}` }
  }
  await place(document, inputs, context)
  if (!record && partial) {
    // Progress, not a result: the command runs, handed what it had done.
    await adoptInto(context, job, document, inputs.node, offer.source, 'offered')
    return { taken: false, partial }
  }
  await adoptInto(context, job, document, inputs.node, offer.source)
  return { taken: true, source: offer.source }
}

/**
 * Takes a `run` node from the Actions cache, looked up under the key of its scope, node and
 * whole fingerprint, when this step keeps nodes there or the restore step reads it.
 */
export async function adoptCached(
  inputs: RunInputs,
  context: RunContext,
  job: JobContext,
  fingerprint: Fingerprint
): Promise<Adoption> {
  const key = cacheKey(inputs.scope, inputs.node, fingerprint)
  if (!key || mustRunAgain(job, inputs.node)) return { taken: false }
  const codec = new CheckpointCodec(inputs.protection)
  const entry = { key, scope: inputs.scope, node: inputs.node }
  const hit = await fetchCacheHit(entry, context.runnerTemp, codec)
  if (!hit) {
    core.info(`Node '${inputs.node}' is not in the Actions cache under ${key}.`)
    return { taken: false }
  }
  try {
    const record = hit.document.nodes.find(node => node.id === inputs.node)
    if (changedPart(record?.fingerprint, fingerprint)) return { taken: false }
    await place(hit.document, inputs, context, hit.archives)
    await adoptInto(context, job, hit.document, inputs.node, 'cache')
    return { taken: true, source: 'cache' }
  } finally {
    await hit.dispose()
  }
}

/** Whether restore was told to reset, or to run this node again. */
export function mustRunAgain(job: JobContext, node: string): boolean {
  const reuse = job.reuse
  return (
    reuse?.reset === true ||
    reuse?.rerun.includes(node) === true ||
    job.restored?.rerun.includes(node) === true
  )
}

async function place(
  document: CheckpointDocument,
  inputs: RunInputs,
  context: RunContext,
  archives?: ArchiveSource
) {
  const scratch = await mkdtemp(join(context.runnerTemp, 'checkpoint-adopt-'))
  try {
    const staging = join(scratch, 'staging')
    const source =
      archives ??
      archivesElsewhere({
        client: restClient(inputs.githubToken),
        repository: context.repository,
        cache: cacheArchives(context.runnerTemp)
      })
    const fileKey = new CheckpointCodec(inputs.protection).fileKey
    await stageFiles(document, source, { downloads: join(scratch, 'downloads'), staging }, fileKey)
    await placeFiles(staging, document.files, context.workspace)
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** The node's part joins the job's checkpoint; later saves extend it. */
export async function adoptInto(
  context: RunContext,
  job: JobContext,
  document: CheckpointDocument,
  node: string,
  source: string,
  reason: 'done' | 'offered' = 'done'
): Promise<void> {
  await updateJobContext(context.runnerTemp, job, current => {
    current.base = mergeInto(current.base, document)
    if (current.reuse) {
      if (reason === 'done') current.reuse.sources[node] = source
      current.reuse.reasons[node] = reason
      current.reuse.offers = Object.fromEntries(
        Object.entries(current.reuse.offers).filter(([id]) => id !== node)
      )
    }
  })
  core.info(
    reason === 'done'
      ? `Node '${node}' is done with the same fingerprint in ${source}: taken from there.`
      : `Node '${node}' was stopped part-way in ${source} with the same fingerprint: it resumes from there.`
  )
}

/** A failure to take a node from elsewhere: the command runs instead (unless fail-on-error). */
export function cannotAdopt(inputs: RunInputs, where: string, error: unknown): Adoption {
  if (inputs.failOnError) throw error
  core.warning(
    `Node '${inputs.node}' could not be taken from ${where} (${describe(error)}): its command runs.`
  )
  return { taken: false }
}
