import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  parseCheckpoint,
  serializeCheckpoint,
  type CheckpointDocument,
  type NodeRecord,
  type PartialRecord
} from '../checkpoint/document.js'
import type { Invalidation } from '../checkpoint/invalidation.js'
import { checkpointName } from '../checkpoint/naming.js'
import type { ReuseContext } from '../checkpoint/reuse.js'
import { stepFolder, uniqueTemp, withScopeLock } from './step-lock.js'

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
  /** What restore found in every source it was given; absent before this was recorded. */
  reuse?: ReuseContext | undefined
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

/**
 * The context as stored in `<scope>.json`: small, because the base checkpoint (whose state can
 * be tens of MB) is not in it but in a file of its own, `<scope>.base.<digest hex>.json`, written
 * once per checkpoint as the document's own text. Steps that do not change the base (a skipped
 * node, the summary) then read and write only the small file.
 */
interface StoredJobContext extends Omit<JobContext, 'base'> {
  /** The base's file name in the same folder; older versions kept the document in `base`. */
  baseFile?: string
  base?: CheckpointDocument
}

const folderOf = stepFolder

function contextFile(runnerTemp: string, scope: string): string {
  return join(folderOf(runnerTemp), `${scope}.json`)
}

/** The file of a base checkpoint: named by its digest, so the same document is written once. */
export function baseFileName(scope: string, base: CheckpointDocument): string {
  return `${scope}.base.${base.digest.replace(/^sha256:/, '')}.json`
}

/**
 * The job's context for a scope, or undefined before any checkpoint step ran (or when it cannot
 * be read). The base checkpoint is read and verified (digest, shape, depth) unless `base` is
 * false, for steps that only need the rest.
 */
export async function loadJobContext(
  runnerTemp: string,
  scope: string,
  options: { base?: boolean } = {}
): Promise<JobContext | undefined> {
  try {
    const stored = JSON.parse(
      await readFile(contextFile(runnerTemp, scope), 'utf8')
    ) as StoredJobContext
    const { baseFile, base: inline, ...rest } = stored
    if (options.base === false || baseFile === undefined) return { ...rest, base: inline }
    if (!baseFile.startsWith(`${scope}.base.`) || /[/\\]/.test(baseFile)) return undefined
    const base = await readBase(join(folderOf(runnerTemp), baseFile))
    // Only a file of this scope named by the digest of what it holds is taken as the base.
    if (baseFileName(scope, base) !== baseFile) return undefined
    return { ...rest, base }
  } catch {
    return undefined
  }
}

/**
 * The bases this process read and verified, or wrote, by file: the text and its document. A
 * save reads the job's context three times (before its lock, under it, and to record its
 * event); verifying the base again each time would cost its digest over every node per read.
 * A file whose text is still exactly the one verified is that document; any other text (a
 * changed file) is parsed and verified again.
 */
const knownBases = new Map<string, { text: string; document: CheckpointDocument }>()

/** The base checkpoint in `file`, verified (digest, shape, depth) unless its text is known. */
async function readBase(file: string): Promise<CheckpointDocument> {
  const text = await readFile(file, 'utf8')
  const known = knownBases.get(file)
  if (known?.text === text) return known.document
  const document = parseCheckpoint(text, file)
  rememberBase(file, text, document)
  return document
}

function rememberBase(file: string, text: string, document: CheckpointDocument): void {
  knownBases.clear()
  knownBases.set(file, { text, document })
}

/**
 * Writes the job's context for its scope, whole or not at all: the base's file first (unless a
 * file of its digest is there already), then the small context naming it; bases it no longer
 * names are removed after.
 */
export async function saveJobContext(runnerTemp: string, context: JobContext): Promise<void> {
  const folder = folderOf(runnerTemp)
  const file = contextFile(runnerTemp, context.scope)
  await mkdir(folder, { recursive: true })
  const { base, ...rest } = context
  const baseFile = base ? await writeBase(folder, context.scope, base) : undefined
  const stored: StoredJobContext = baseFile ? { ...rest, baseFile } : rest
  // Parallel steps of the job write here too: each its own temporary file.
  const temp = uniqueTemp(file)
  await writeFile(temp, JSON.stringify(stored), 'utf8')
  await rename(temp, file)
  await removeOtherBases(folder, context.scope, baseFile)
}

async function writeBase(folder: string, scope: string, base: CheckpointDocument): Promise<string> {
  const name = baseFileName(scope, base)
  const file = join(folder, name)
  const there = await stat(file).then(
    found => found.isFile(),
    () => false
  )
  if (!there) {
    const text = serializeCheckpoint(base)
    const temp = uniqueTemp(file)
    await writeFile(temp, text, 'utf8')
    await rename(temp, file)
    rememberBase(file, text, base)
  }
  return name
}

async function removeOtherBases(
  folder: string,
  scope: string,
  keep: string | undefined
): Promise<void> {
  const prefix = `${scope}.base.`
  for (const name of await readdir(folder)) {
    // Only bases: a temporary file of another step's write is not one.
    if (name.startsWith(prefix) && name.endsWith('.json') && name !== keep) {
      await rm(join(folder, name), { force: true })
    }
  }
}

/**
 * Records what the restore step did, for the later steps of the job: the checkpoint they extend
 * (with re-run nodes taken out) and what was restored.
 */
export async function rememberRestore(
  runnerTemp: string,
  scope: string,
  restored: CheckpointDocument | undefined,
  invalidation: Invalidation | undefined,
  origin: { newest?: CheckpointDocument | undefined; reuse?: ReuseContext } = {}
): Promise<JobContext> {
  const base = invalidation?.document ?? restored
  // Taken from several sources, the checkpoint is named after the newest one it came from.
  const newest = origin.newest ?? restored
  const context: JobContext = {
    scope,
    base,
    ...(origin.reuse ? { reuse: origin.reuse } : {}),
    restored: restored &&
      newest && {
        checkpoint: checkpointName(newest),
        attempt: newest.attempt,
        runId: newest.run.runId,
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

/**
 * The job's context for a scope, or a new one when no checkpoint step ran before. Read under the
 * scope's lock: a step running in parallel replaces the files it is read from.
 */
export async function jobContextOrNew(runnerTemp: string, scope: string): Promise<JobContext> {
  const known = await withScopeLock(runnerTemp, scope, () => loadJobContext(runnerTemp, scope))
  return known ?? newJobContext(scope)
}

/** The context of a job in which no checkpoint step of `scope` ran yet. */
export function newJobContext(scope: string): JobContext {
  return { scope, events: [], lastStepEndedAt: '' }
}

/**
 * Changes the job's context under its scope's lock, on the newest version on disk (a step
 * running in parallel may have changed it since this one read it); `job` then holds the result.
 */
export async function updateJobContext(
  runnerTemp: string,
  job: JobContext,
  change: (current: JobContext) => void
): Promise<void> {
  await withScopeLock(runnerTemp, job.scope, async () => {
    const current = (await loadJobContext(runnerTemp, job.scope)) ?? job
    change(current)
    await saveJobContext(runnerTemp, current)
    Object.assign(job, current)
  })
}

/** Appends a step's event and marks the end of the step, for the next one's duration. */
export async function recordEvent(
  runnerTemp: string,
  job: JobContext,
  event: JobEvent
): Promise<void> {
  await updateJobContext(runnerTemp, job, current => {
    current.events.push(event)
    current.lastStepEndedAt = new Date().toISOString()
  })
}

/** The event of a node this step ran and checkpointed: its checkpoint and recorded duration. */
export function ranEvent(document: CheckpointDocument, node: string, reason: string): JobEvent {
  const durationMs = document.nodes.find(record => record.id === node)?.durationMs
  return {
    node,
    status: 'ran',
    reason,
    checkpoint: checkpointName(document),
    ...(durationMs === undefined ? {} : { durationMs })
  }
}
