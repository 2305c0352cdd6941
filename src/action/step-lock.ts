import { randomBytes } from 'node:crypto'
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigurationError } from '../checkpoint/errors.js'

/**
 * Steps of one job may run at the same time (`background:`, `parallel:`), each its own process
 * sharing RUNNER_TEMP. What they tell each other about a scope (the job's context, the base the
 * next save extends) is changed by one step at a time, under a lock file created exclusively;
 * a lock whose process is gone is stale and taken over.
 */

/** How a lock waits and decides a holder is gone; tests replace the clock and the pause. */
export interface LockOptions {
  /** Gives up after this long, in milliseconds (default 15 minutes). */
  timeoutMs?: number
  now?: () => number
  /** Pauses between two tries. */
  pause?: (ms: number) => Promise<void>
  /** Whether the process of `pid` still runs. */
  isAlive?: (pid: number) => boolean
  /** Told once when the lock is held by another step and this one waits. */
  onWait?: (message: string) => void
}

const FIFTEEN_MINUTES = 15 * 60 * 1000

/** The folder of the job's checkpoint files in RUNNER_TEMP. */
export function stepFolder(runnerTemp: string): string {
  return join(runnerTemp, 'checkpoint-action')
}

/** A name no other step (process) of the job uses for a temporary file next to `file`. */
export function uniqueTemp(file: string): string {
  return `${file}.${String(process.pid)}.${randomBytes(6).toString('hex')}.tmp`
}

/**
 * Runs `work` while holding the lock of `scope`, released after (also when it throws).
 * @throws Error naming the lock file when it stays held by a live process past the timeout
 */
export async function withScopeLock<T>(
  runnerTemp: string,
  scope: string,
  work: () => Promise<T>,
  options: LockOptions = {}
): Promise<T> {
  const file = join(stepFolder(runnerTemp), `${scope}.lock`)
  const release = await acquire(file, options)
  try {
    return await work()
  } finally {
    await release()
  }
}

/**
 * Marks `node` of `scope` as being saved by this step; the returned function unmarks it.
 * @throws ConfigurationError when another live step of the job saves the same node now
 */
export async function claimNode(
  runnerTemp: string,
  scope: string,
  node: string,
  options: LockOptions = {}
): Promise<() => Promise<void>> {
  const file = join(stepFolder(runnerTemp), `${scope}.${node}.saving`)
  await mkdir(stepFolder(runnerTemp), { recursive: true })
  const got = await tryAcquire(file, options.isAlive ?? isAlive)
  if (typeof got === 'function') return got
  throw new ConfigurationError(
    `Node '${node}' of scope '${scope}' is being saved by another step of this job (process ${String(got)}) at the same time: steps that run in parallel must save different nodes. This save is refused; the other one goes on.`
  )
}

/**
 * Runs `work` while `node` of `scope` is claimed by this step (see {@link claimNode}).
 * @throws ConfigurationError when another live step of the job saves the same node now
 */
export async function withNodeClaim<T>(
  runnerTemp: string,
  scope: string,
  node: string,
  work: () => Promise<T>
): Promise<T> {
  const unclaim = await claimNode(runnerTemp, scope, node)
  try {
    return await work()
  } finally {
    await unclaim()
  }
}

/** Takes the lock in `file`, trying again after a growing pause while a live process holds it. */
async function acquire(file: string, options: LockOptions): Promise<() => Promise<void>> {
  const now = options.now ?? Date.now
  const pause = options.pause ?? defaultPause
  const timeoutMs = options.timeoutMs ?? FIFTEEN_MINUTES
  const started = now()
  await mkdir(join(file, '..'), { recursive: true })
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    const got = await tryAcquire(file, options.isAlive ?? isAlive)
    if (typeof got === 'function') return got
    if (delay === 10)
      (options.onWait ?? logLine)(
        `Waiting for ${file}: process ${String(got)} of this job holds it.`
      )
    if (now() - started >= timeoutMs) {
      throw new Error(
        `Waited ${String(Math.round(timeoutMs / 1000))} s for the lock ${file}, held by process ${String(got)} of this job: another checkpoint step of the job did not finish. Remove the file if that process is stuck.`
      )
    }
    await pause(delay)
  }
}

/**
 * Creates `file` holding this process's id and a token, or answers the pid of its live holder.
 * The content is written first and linked into place: the name appears whole or not at all.
 */
async function tryAcquire(
  file: string,
  alive: (pid: number) => boolean
): Promise<(() => Promise<void>) | number> {
  const token = `${String(process.pid)} ${randomBytes(8).toString('hex')}`
  const temp = uniqueTemp(file)
  await writeFile(temp, token, 'utf8')
  try {
    for (;;) {
      if (await linked(temp, file)) return () => releaseIfOurs(file, token)
      const holder = await holderOf(file)
      // Released since the link failed: link again. Taking over a lock seen gone could move
      // aside the one another step has just taken, and two steps would hold it.
      if (holder === undefined) continue
      if (alive(holder)) return holder
      await takeOverStale(file, alive)
    }
  } finally {
    await rm(temp, { force: true })
  }
}

async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** The pid in a lock file; undefined when it is gone. */
async function holderOf(file: string): Promise<number | undefined> {
  try {
    return Number.parseInt(await readFile(file, 'utf8'), 10)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Moves a stale lock aside under a name of its own, so two steps taking it over at once cannot
 * remove a lock one of them just took; a live lock moved by mistake is put back.
 */
async function takeOverStale(file: string, alive: (pid: number) => boolean): Promise<void> {
  const aside = uniqueTemp(`${file}.stale`)
  try {
    await rename(file, aside)
  } catch {
    return // gone already: the next try creates it
  }
  const holder = await holderOf(aside)
  if (holder !== undefined && alive(holder)) await linked(aside, file)
  await rm(aside, { force: true })
}

async function releaseIfOurs(file: string, token: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  if (text === token) await rm(file, { force: true })
}

/** Whether a process runs: signal 0 checks without sending; EPERM means it runs as another user. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A line of the step's log, as core.info writes it: the job context (which takes this lock) is
 * read by code that does not load the toolkit.
 */
function logLine(message: string): void {
  process.stdout.write(`${message}\n`)
}

function defaultPause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
