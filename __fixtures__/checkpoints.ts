// Helpers for end-to-end tests that check what a checkpoint holds and what lands in a workspace:
// file trees compared byte for byte, annotations by level, requests as the stand-in saw them,
// and waits on the stand-in's and the runner's own events (never on the clock).
import { expect } from '@jest/globals'
import { createHash } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Hold, RequestInfo, RequestRecord, StandIn } from '../local/index.js'
import type { StepHandle, StepResult } from '../local/runner.js'

/** Files by workspace-relative path ('/' separated). */
export type Tree = Record<string, Buffer>

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** Writes every file of `tree` under `root`, creating folders. */
export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [path, bytes] of Object.entries(tree)) {
    const file = join(root, path)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, bytes)
  }
}

/** Every regular file under `root` (links and folders left out), by relative path. */
export async function readTree(root: string): Promise<Tree> {
  const tree: Tree = {}
  const walk = async (folder: string, prefix: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name
      const absolute = join(folder, entry.name)
      if (entry.isDirectory()) await walk(absolute, path)
      else if ((await lstat(absolute)).isFile()) tree[path] = await readFile(absolute)
    }
  }
  await walk(root, '')
  return tree
}

/** A tree as path -> size and sha256, so that a mismatch reads well in a test failure. */
export function digests(tree: Tree): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, bytes]) => [path, `${String(bytes.length)} B ${sha256(bytes)}`])
  )
}

/** The messages of a step's annotations of one level. */
export function annotations(result: StepResult, level: 'warning' | 'error' | 'notice'): string[] {
  return result.annotations.filter(a => a.level === level).map(a => a.message)
}

/** The requests the stand-in finished with that arrived after `after`, in arrival order. */
export function requestsSince(standIn: StandIn, after: number): RequestRecord[] {
  return standIn.requests.filter(r => r.seq > after).sort((a, b) => a.seq - b.seq)
}

/** A short label of a request: 'artifact CreateArtifact', 'blob PutBlock', 'rest GET'. */
export function label(request: RequestInfo | RequestRecord): string {
  return `${request.service} ${request.rpc ?? request.operation ?? request.method}`
}

/**
 * Whichever comes first: the held request arrives (its info), or the step ends without making
 * it (its result). A step that ends first must not leave the test waiting forever.
 */
export async function reachedOrEnded(
  hold: Hold,
  step: StepHandle
): Promise<{ reached: RequestInfo } | { ended: StepResult }> {
  const reached = hold.reached.then(info => ({ reached: info }))
  // A hold the step never reached is cancelled later (release, reset): not an unhandled error.
  reached.catch(() => undefined)
  return Promise.race([reached, step.result.then(ended => ({ ended }))])
}

/**
 * Waits until the stand-in is done with request `seq` (answered, failed, or its client gone):
 * the request log gets the entry when the connection is finished with. The log is a plain
 * array, so this checks it again every millisecond until the entry is there (`limitMs` only
 * bounds a test that would otherwise hang; nothing waits for a guessed duration).
 */
export async function finishedWith(
  standIn: StandIn,
  seq: number,
  limitMs = 30_000
): Promise<RequestRecord> {
  const started = Date.now()
  for (;;) {
    const record = standIn.requests.find(r => r.seq === seq)
    if (record) return record
    if (Date.now() - started > limitMs) {
      throw new Error(`the stand-in never finished with request #${String(seq)}`)
    }
    await new Promise(resolve => setTimeout(resolve, 1))
  }
}

/** What a checkpoint must put back: its name, the pipeline state, the nodes and every file. */
export interface ExpectedCheckpoint {
  name: string
  completed: string[]
  state: Record<string, unknown>
  files: Tree
}

/** A restore step's result, and the workspace it left. */
export interface Restored {
  result: StepResult
  tree: Tree
}

/** The restore put `expected` back exactly: outputs, state, and the workspace's files. */
export function expectRestored(
  restored: Restored,
  expected: ExpectedCheckpoint,
  checkout: Tree = {}
): void {
  const { result, tree } = restored
  expect(result.code).toBe(0)
  expect(result.outputs).toMatchObject({
    resumed: 'true',
    checkpoint: expected.name,
    completed: JSON.stringify(expected.completed)
  })
  expect(JSON.parse(result.outputs.state ?? 'null')).toEqual(expected.state)
  expect(digests(tree)).toEqual(digests({ ...checkout, ...expected.files }))
}

/** The first checkpoint of the e2e pipelines: attempt 1 saved node 'fetch' (rows=2) with `files`. */
export function fetchCheckpoint(files: Tree): ExpectedCheckpoint {
  return {
    name: 'checkpoint.pipeline.a1.s001.fetch.json',
    completed: ['fetch'],
    state: { rows: '2' },
    files
  }
}

/** The second: attempt 1 saved node 'build' (built=true) after 'fetch'; `files` are both's. */
export function buildCheckpoint(files: Tree): ExpectedCheckpoint {
  return {
    name: 'checkpoint.pipeline.a1.s002.build.json',
    completed: ['fetch', 'build'],
    state: { rows: '2', built: 'true' },
    files
  }
}

/**
 * A run step's command that records progress (out/part1.txt, `processed: 3`), says READY and,
 * unless resumed from that progress, waits to be cancelled; resumed, it finishes (`processed:
 * 10`) and says what it resumed from.
 */
export const PARTIAL_SCRIPT = [
  'if [ "$CHECKPOINT_PARTIAL" = true ]; then echo "resumed from $(cat "$CHECKPOINT_STATE_FILE")"; fi',
  'mkdir -p out && echo part > out/part1.txt',
  'echo \'{"processed": 3}\' > "$CHECKPOINT_STATE_FILE"',
  'echo READY',
  'if [ "$CHECKPOINT_PARTIAL" != true ]; then sleep 600; fi',
  'echo \'{"processed": 10}\' > "$CHECKPOINT_STATE_FILE"'
].join('\n')
