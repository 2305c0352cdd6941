import * as core from '../action/light-toolkit.js'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec, UntrustedCheckpointError } from '../checkpoint/codec.js'
import { partialPart, restrictTo } from '../checkpoint/contribution.js'
import { decodeUtf8, type CheckpointDocument } from '../checkpoint/document.js'
import { CheckpointError, CorruptCheckpointError, describe } from '../checkpoint/errors.js'
import { invalidate } from '../checkpoint/invalidation.js'
import { compareRefs, parseCheckpointName, type CheckpointRef } from '../checkpoint/naming.js'
import { judgeNode, judgePartial } from '../checkpoint/reuse.js'
import { GitHubApiError } from '../transport/service-errors.js'
import type { GitHubClient, RestArtifact } from '../transport/rest-client.js'
import {
  currentRun,
  defaultBranch,
  distrust,
  earlierRuns,
  workflowOf,
  type CurrentRun,
  type WorkflowRun
} from '../transport/workflow-runs.js'
import { archivesElsewhere, restClient } from './foreign-archives.js'
import { placeParts, setReason, take, type Found, type SourceRequest } from './found.js'

/** How many of a run's newest checkpoints are tried before the run is passed over. */
const DOCUMENTS_PER_RUN = 3

/** The permission the runs source needs, as the warning names it. */
const PERMISSION =
  "Resuming from earlier runs needs the job's token to read Actions (permissions: actions: read)"

/**
 * The `runs` source: earlier completed runs of this workflow, newest first, each one's newest
 * checkpoint of the scope verified exactly as this run's are (digest, name, signature); each
 * node in it is taken, offered to its run step or refused by the reuse rule. Older runs are
 * looked at only for nodes still wanted: those named in `keys` not yet taken, and those whose
 * checkpoint or files did not verify. A missing permission or a failing API is one warning,
 * and the next source is tried.
 */
export async function fromRuns(request: SourceRequest, found: Found): Promise<void> {
  const current = currentRun()
  const client = restClient(request.token)
  if (!current || !client) {
    core.warning(
      `${PERMISSION}: no token (input github-token) or repository. Trying the next source.`
    )
    return
  }
  const scratch = await mkdtemp(join(request.context.runnerTemp, 'checkpoint-runs-'))
  try {
    await lookThroughRuns(client, current, request, found, scratch)
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 403) {
      core.warning(`${PERMISSION}; the API answered 403. Trying the next source.`)
      return
    }
    if (request.failOnError) throw error
    core.warning(`Earlier runs could not be read (${describe(error)}): trying the next source.`)
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

async function lookThroughRuns(
  client: GitHubClient,
  current: CurrentRun,
  request: SourceRequest,
  found: Found,
  scratch: string
): Promise<void> {
  const { match, maxRuns } = request.sources
  const workflow = await workflowOf(client, current)
  const branch = match === 'ref' ? await defaultBranch(client, current.repository) : undefined
  const query = { match, maxRuns, defaultBranch: branch }
  let looked = 0
  for await (const run of earlierRuns(client, current, workflow, query)) {
    looked++
    const refused = distrust(run, current)
    if (refused) {
      core.info(`Run ${run.id} is passed over: ${refused}.`)
      continue
    }
    const document = await newestDocument(client, current, run, request, found, scratch)
    if (!document) continue
    await takeFromRun(client, current, document, run, request, found, scratch)
    if (!stillWanted(found, request)) break
  }
  core.info(`Looked at ${looked} earlier run(s) of ${workflow} (max-runs: ${maxRuns}).`)
}

/** This scope's newest checkpoint of a run that verifies, trying a few before giving up. */
async function newestDocument(
  client: GitHubClient,
  current: CurrentRun,
  run: WorkflowRun,
  request: SourceRequest,
  found: Found,
  scratch: string
): Promise<CheckpointDocument | undefined> {
  const artifacts = await client.listRunArtifacts(current.repository, run.id)
  const documents = artifacts
    .map(artifact => ({ artifact, ref: parseCheckpointName(artifact.name) }))
    .filter((item): item is { artifact: RestArtifact; ref: CheckpointRef } => {
      return item.ref?.scope === request.scope && !item.artifact.expired
    })
    .sort((a, b) => compareRefs(b.ref, a.ref))
    .slice(0, DOCUMENTS_PER_RUN)
  const codec = new CheckpointCodec(request.keys)
  for (const { artifact, ref } of documents) {
    try {
      return await readDocument(client, current, run, artifact, ref, codec, scratch)
    } catch (error) {
      if (!(error instanceof CheckpointError) || error instanceof GitHubApiError) throw error
      const reason = error instanceof UntrustedCheckpointError ? 'untrusted' : 'corrupt'
      setReason(found, ref.node, reason)
      core.warning(`Checkpoint ${artifact.name} of run ${run.id} is not used: ${describe(error)}`)
    }
  }
  return undefined
}

async function readDocument(
  client: GitHubClient,
  current: CurrentRun,
  run: WorkflowRun,
  artifact: RestArtifact,
  ref: CheckpointRef,
  codec: CheckpointCodec,
  scratch: string
): Promise<CheckpointDocument> {
  const source = `run ${run.id}/${artifact.name}`
  const file = join(scratch, `${run.id}.${artifact.name}`)
  const { digest } = await client.download(current.repository, artifact, file)
  if (artifact.digest !== undefined && digest !== artifact.digest) {
    throw new CorruptCheckpointError(source, 'its bytes do not match the digest recorded at upload')
  }
  const document = codec.decode(decodeUtf8(await readFile(file), source), source, ref)
  if (document.run.runId !== String(run.id)) {
    throw new CorruptCheckpointError(source, `it says run ${document.run.runId} wrote it`)
  }
  return document
}

/** Decides each node of a run's checkpoint and takes the ones whose files verify. */
async function takeFromRun(
  client: GitHubClient,
  current: CurrentRun,
  document: CheckpointDocument,
  run: WorkflowRun,
  request: SourceRequest,
  found: Found,
  scratch: string
): Promise<void> {
  const source = `run ${run.id}`
  const rerun = invalidate(document, request.invalidation).rerun
  const request_ = { keys: request.sources.keys, sameCommit: request.sources.match === 'sha' }
  const wanted: string[] = []
  for (const node of document.nodes) {
    found.known.add(node.id)
    if (found.reuse.sources[node.id] !== undefined || found.reuse.offers[node.id]) continue
    if (rerun.includes(node.id) || request.invalidation.rerun.includes(node.id)) {
      setReason(found, node.id, 'rerun-requested')
      continue
    }
    const verdict = judgeNode(node, request_)
    setReason(found, node.id, verdict.reason)
    if (verdict.take === 'now') wanted.push(node.id)
    if (verdict.take === 'by-run-step') {
      found.reuse.offers[node.id] = { source, document: restrictTo(document, [node.id]) }
    }
  }
  offerProgress(document, source, request, found)
  const elsewhere = archivesElsewhere({ client, repository: current.repository })
  const placed = await placeParts(document, wanted, elsewhere, request, found, scratch)
  if (placed.length > 0) take(found, restrictTo(document, placed), () => source)
}

/** Progress of nodes stopped part-way crosses runs as done nodes do: left to the run step. */
function offerProgress(
  document: CheckpointDocument,
  source: string,
  request: SourceRequest,
  found: Found
): void {
  const sameCommit = request.sources.match === 'sha'
  for (const partial of document.partials ?? []) {
    const id = partial.id
    found.known.add(id)
    if (found.reuse.sources[id] !== undefined || found.reuse.offers[id]) continue
    if (request.invalidation.rerun.includes(id) || request.invalidation.rerunFrom === id) continue
    const verdict = judgePartial(partial, { keys: request.sources.keys, sameCommit })
    setReason(found, id, verdict.reason)
    const part = partialPart(document, id)
    if (verdict.take === 'by-run-step' && part) found.reuse.offers[id] = { source, document: part }
  }
}

const RETRY_ELSEWHERE = new Set(['files-missing', 'corrupt', 'untrusted'])

/** Whether an older run could still give something: a keyed node not found, a bad one. */
function stillWanted(found: Found, request: SourceRequest): boolean {
  const reasons = found.reuse.reasons
  for (const node of request.sources.keys.keys()) {
    if (reasons[node] !== 'done' && reasons[node] !== 'offered') return true
  }
  return Object.values(reasons).some(reason => RETRY_ELSEWHERE.has(reason))
}
