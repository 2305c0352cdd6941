// A save killed at every point it can be killed loses nothing. Each trial is a new run whose
// attempt 1 has saved one checkpoint (the previous one) and then starts a second save that is
// stopped at one deterministic point:
// - SIGKILL while its k-th request is held on arrival (for every k: the service has done
//   requests 1..k-1 and never sees k);
// - the answer to its k-th request lost after the service acted on it (for every k);
// - SIGKILL once it printed that it saved (the commit point is behind it).
// Then a fresh attempt restores. The promise, checked after every trial:
// - the restore returns the previous checkpoint or the new complete one, never anything else,
//   with every file byte-identical to what that checkpoint saved, and without passing over a
//   half-written checkpoint (no warning);
// - it returns the new one exactly when the new checkpoint's document was committed;
// - the previous checkpoint's artifacts are untouched, and it is still restorable when the new
//   one is gone (its document is corrupted and a third attempt restores).
import { beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { Run, StoredArtifact } from '../../local/index.js'
import type { JobRunner } from '../../local/runner.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'
import {
  annotations,
  buildCheckpoint,
  expectRestored,
  fetchCheckpoint,
  finishedWith,
  label,
  reachedOrEnded,
  requestsSince,
  writeTree,
  type ExpectedCheckpoint as Expected,
  type Tree
} from '../../__fixtures__/checkpoints.js'

const world = e2eWorld({ runs: ['restore', 'save'] })
/** Stopped saves checked, over every test of the file. */
let trials = 0

/** One kind of payload: the previous checkpoint, then the save that is killed. */
interface Payload {
  title: string
  /** Inputs every step of the job gets (the encryption key). */
  common: Record<string, string>
  previousFiles: Tree
  previous: Expected
  /** Written into the workspace after the previous save, before the killed one. */
  newFiles: Tree
  save: Record<string, string>
  next: Expected
}

// Small files (a few KiB per request body) so that the stand-in notices a killed client while
// its request is held, before the request is released: the held request then never reaches
// the service, whatever the timing.
const FETCHED: Tree = {
  'data/a.txt': Buffer.from('a, as fetch wrote it\n'),
  'data/b.csv': Buffer.from('id\n1\n2\n')
}
const PREVIOUS = fetchCheckpoint(FETCHED)
// The killed save changes a file of the previous checkpoint and adds one: a restore of the
// previous checkpoint must put back the old bytes, one of the new checkpoint the new bytes.
const BUILT: Tree = {
  'data/a.txt': Buffer.from('a, as build rewrote it\n'),
  'build/out.bin': randomBytes(6 * 1024)
}
const KEY = 'a secret the test passes as the encryption key'

/** The save of node 'build', which writes BUILT; every step of the job gets `common`. */
function buildPayload(title: string, common: Record<string, string>): Payload {
  return {
    title,
    common,
    previousFiles: FETCHED,
    previous: PREVIOUS,
    newFiles: BUILT,
    save: { node: 'build', paths: 'data/a.txt\nbuild/', state: 'built=true' },
    next: buildCheckpoint({ ...FETCHED, ...BUILT })
  }
}

const PAYLOADS: Payload[] = [
  buildPayload('files', {}),
  {
    title: 'no files',
    common: {},
    previousFiles: FETCHED,
    previous: PREVIOUS,
    newFiles: {},
    save: { node: 'report', state: 'pages=7' },
    next: {
      name: 'checkpoint.pipeline.a1.s002.report.json',
      completed: ['fetch', 'report'],
      state: { rows: '2', pages: '7' },
      files: FETCHED
    }
  },
  buildPayload('encrypted files', { 'encryption-key': KEY })
]

interface Trial {
  run: Run
  job: JobRunner
  /** The previous checkpoint's artifacts as the service recorded them. */
  before: StoredArtifact[]
}

/** A new run whose attempt 1 saved the previous checkpoint and wrote the next node's files. */
async function prepare(payload: Payload): Promise<Trial> {
  const { run, job } = await world.newRun()
  await writeTree(job.options.workspace, payload.previousFiles)
  const previous = await job.uses('save', {
    ...payload.common,
    node: 'fetch',
    paths: 'data/',
    state: 'rows=2'
  })
  expect(previous.outputs).toMatchObject({ saved: 'true', checkpoint: payload.previous.name })
  await writeTree(job.options.workspace, payload.newFiles)
  return { run, job, before: world.standIn.listArtifacts(run) }
}

function startSave(trial: Trial, payload: Payload): ReturnType<JobRunner['start']> {
  return trial.job.start('save', { ...payload.common, ...payload.save })
}

/**
 * The promise after a stopped save: the previous checkpoint's artifacts are untouched; a fresh
 * attempt restores the new checkpoint if its document was committed, else the previous one,
 * exactly; and the previous one is still restorable when the new one is gone.
 * @returns whether the new checkpoint was committed
 */
async function expectNothingLost(trial: Trial, payload: Payload): Promise<boolean> {
  const after = world.standIn.listArtifacts(trial.run)
  for (const artifact of trial.before) {
    expect(after).toContainEqual(artifact)
  }
  const committed = after.some(artifact => artifact.name === payload.next.name)
  const restored = await world.restore(trial.run, 2, { inputs: payload.common })
  // Nothing half-written for the restore to pass over: the document is written last.
  expect(annotations(restored.result, 'warning')).toEqual([])
  expectRestored(restored, committed ? payload.next : payload.previous)
  if (committed) {
    await world.standIn.corruptArtifact(trial.run, payload.next.name)
    const fallback = await world.restore(trial.run, 3, { inputs: payload.common })
    expect(annotations(fallback.result, 'warning')).toEqual([
      expect.stringContaining(`Checkpoint ${payload.next.name} was not restored`)
    ])
    expectRestored(fallback, payload.previous)
  }
  return committed
}

/** Runs every trial, collecting failures, so one report shows every point that broke. */
async function everyTrial(count: number, trial: (k: number) => Promise<void>): Promise<void> {
  const failures: string[] = []
  for (let k = 1; k <= count; k++) {
    trials += 1
    try {
      await trial(k)
    } catch (error) {
      failures.push(`k=${String(k)}: ${(error as Error).message}`)
    }
    await world.standIn.faults.reset()
  }
  expect(failures).toEqual([])
}

describe.each(PAYLOADS)('a save of $title', payload => {
  /** The requests one whole save makes, in order, e.g. 'artifact CreateArtifact'. */
  let plan: string[] = []
  /** Where the new checkpoint's document is finalized: the save's last FinalizeArtifact. */
  let commitAt = 0

  beforeAll(async () => {
    const trial = await prepare(payload)
    const from = world.standIn.requestCount
    const save = await startSave(trial, payload).result
    expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: payload.next.name })
    const made = requestsSince(world.standIn, from)
    expect(made).toHaveLength(world.standIn.requestCount - from)
    plan = made.map(label)
    commitAt = plan.lastIndexOf('artifact FinalizeArtifact') + 1
    expect(commitAt).toBeGreaterThan(0)
    await expectNothingLost(trial, payload)
  }, 120_000)

  it('killed with SIGKILL while each of its requests is held: the restore returns the previous checkpoint or the new complete one', async () => {
    await everyTrial(plan.length, async k => {
      const trial = await prepare(payload)
      const hold = world.standIn.faults.holdRequest(k)
      const save = startSave(trial, payload)
      const got = await reachedOrEnded(hold, save)
      if ('ended' in got) throw new Error(`the save ended before its request ${String(k)}`)
      expect(label(got.reached)).toBe(plan[k - 1])
      expect(save.kill('SIGKILL')).toBe(true)
      expect((await save.result).signal).toBe('SIGKILL')
      // The stand-in sees the client leave before the request may go on: it never gets an answer.
      expect((await finishedWith(world.standIn, got.reached.seq)).status).toBe(0)
      hold.release()

      const committed = await expectNothingLost(trial, payload)
      // Deterministic: the document is committed by the save's last FinalizeArtifact.
      expect(committed).toBe(k > commitAt)
    })
  }, 120_000)

  it('killed with SIGKILL once it printed that it saved: the restore returns the new checkpoint', async () => {
    const trial = await prepare(payload)
    const save = startSave(trial, payload)
    await save.waitForOutput(`Saved ${payload.next.name}`)
    trials += 1
    save.kill('SIGKILL')
    await save.result
    expect(await expectNothingLost(trial, payload)).toBe(true)
  }, 120_000)

  if (payload.title === 'encrypted files') return

  it('the answer to each of its requests lost after the service acted: the step ends, and the restore returns the previous checkpoint or the new complete one', async () => {
    await everyTrial(plan.length, async k => {
      const trial = await prepare(payload)
      const seq = world.standIn.requestCount + k
      world.standIn.faults.resetConnection(
        { match: request => request.seq === seq },
        { afterBytes: 0, phase: 'response' }
      )
      const save = await startSave(trial, payload).result
      expect(requestsSince(world.standIn, seq - 1).find(r => r.seq === seq)).toMatchObject({
        fault: 'reset'
      })

      expect(save.code).toBe(0)
      const committed = await expectNothingLost(trial, payload)
      if (save.outputs.saved === 'true') {
        expect(save.outputs.checkpoint).toBe(payload.next.name)
        expect(committed).toBe(true)
      } else {
        expect(annotations(save, 'warning')).not.toEqual([])
      }
      // An answer lost at or after the commit point (the document's FinalizeArtifact) finds the
      // checkpoint committed; before it, the save may still commit it (blob uploads retry).
      if (k >= commitAt) expect(committed).toBe(true)
    })
  }, 120_000)
})

it('stopped saves at 30 or more distinct points in all', () => {
  expect(trials).toBeGreaterThanOrEqual(30)
})
