import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument, NodeRecord, PartialRecord } from '../checkpoint/document.js'
import type { Invalidation } from '../checkpoint/invalidation.js'
import { checkpointName } from '../checkpoint/naming.js'

/** What this job's checkpoint steps tell each other, per scope, in the runner's temp folder. */
export interface JobContext {
  scope: string
  /** The newest checkpoint this job restored or saved: what the next save extends. */
  base?: CheckpointDocument | undefined
  /** The checkpoint restored at the start of the job, if any. */
  restored?: RestoredCheckpoint | undefined
  /** What each save step did, in order. */
  events: JobEvent[]
  /** When the last checkpoint step ended: a save measures its node's duration from here. */
  lastStepEndedAt: string
}

/** What the restore step found, as the later steps and the summary need it. */
export interface RestoredCheckpoint {
  checkpoint: string
  attempt: number
  runId: string
  /** Nodes done (after `rerun` and `rerun-from` took theirs out). */
  nodes: NodeRecord[]
  /** Nodes asked to run again. */
  rerun: string[]
  /** Nodes stopped part-way, with their progress. */
  partials: PartialRecord[]
}

/** What one step did with a node, for the summary. */
export interface JobEvent {
  node: string
  /**
   * `ran`: done in this attempt and checkpointed; `skipped`: restored as done, not run;
   * `failed`: its command failed; `partial`: stopped part-way, progress kept;
   * `save-failed`: done, but the checkpoint could not be written.
   */
  status: 'ran' | 'skipped' | 'failed' | 'partial' | 'save-failed'
  /** Why it ran or was skipped (`done`, `not-done`, `stale:<part>`, `rerun-requested`, `partial`). */
  reason?: string
  checkpoint?: string
  files?: number
  bytes?: number
  durationMs?: number
  message?: string
}

function contextFile(runnerTemp: string, scope: string): string {
  return join(runnerTemp, 'checkpoint-action', `${scope}.json`)
}

/** The job's context for a scope, or undefined before any checkpoint step ran. */
export async function loadJobContext(
  runnerTemp: string,
  scope: string
): Promise<JobContext | undefined> {
  try {
    return JSON.parse(await readFile(contextFile(runnerTemp, scope), 'utf8')) as JobContext
  } catch {
    return undefined
  }
}

/** Writes the job's context for its scope, whole or not at all. */
export async function saveJobContext(runnerTemp: string, context: JobContext): Promise<void> {
  const file = contextFile(runnerTemp, context.scope)
  await mkdir(join(runnerTemp, 'checkpoint-action'), { recursive: true })
  await writeFile(`${file}.tmp`, JSON.stringify(context), 'utf8')
  await rename(`${file}.tmp`, file)
}

/**
 * Records what the restore step did, for the later steps of the job: the checkpoint they extend
 * (with re-run nodes taken out) and what was restored.
 */
export async function rememberRestore(
  runnerTemp: string,
  scope: string,
  restored: CheckpointDocument | undefined,
  invalidation: Invalidation | undefined
): Promise<JobContext> {
  const base = invalidation?.document ?? restored
  const context: JobContext = {
    scope,
    base,
    restored: restored && {
      checkpoint: checkpointName(restored),
      attempt: restored.attempt,
      runId: restored.run.runId,
      nodes: base?.nodes ?? [],
      rerun: invalidation?.rerun ?? [],
      partials: restored.partials ?? []
    },
    events: [],
    lastStepEndedAt: new Date().toISOString()
  }
  await saveJobContext(runnerTemp, context)
  return context
}

/** The job's context for a scope, or a new one when no checkpoint step ran before. */
export async function jobContextOrNew(runnerTemp: string, scope: string): Promise<JobContext> {
  return (await loadJobContext(runnerTemp, scope)) ?? { scope, events: [], lastStepEndedAt: '' }
}

/** Appends a step's event and marks the end of the step, for the next one's duration. */
export async function recordEvent(
  runnerTemp: string,
  job: JobContext,
  event: JobEvent
): Promise<void> {
  job.events.push(event)
  job.lastStepEndedAt = new Date().toISOString()
  await saveJobContext(runnerTemp, job)
}
