import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument, NodeRecord } from '../checkpoint/document.js'

/** What this job's checkpoint steps tell each other, per scope, in the runner's temp folder. */
export interface JobContext {
  scope: string
  /** The newest checkpoint this job restored or saved: what the next save extends. */
  base?: CheckpointDocument | undefined
  /** The checkpoint restored at the start of the job, if any. */
  restored?: { checkpoint: string; attempt: number; runId: string; nodes: NodeRecord[] } | undefined
  /** What each save step did, in order. */
  events: JobEvent[]
  /** When the last checkpoint step ended: a save measures its node's duration from here. */
  lastStepEndedAt: string
}

/** One save step's outcome, for the summary. */
export interface JobEvent {
  node: string
  outcome: 'saved' | 'already-restored' | 'failed'
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
