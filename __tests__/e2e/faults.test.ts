// Service faults against the bundled entries (dist/), as a runner runs them: each test breaks
// GitHub's services in one deterministic way (local/ `standIn.faults`) and checks one promise:
// - retried and succeeded: the step ends as if nothing happened and the checkpoint is whole;
// - fell back: the restore warns about the newest checkpoint and restores the previous valid
//   one, byte for byte, and nothing of the bad one lands in the workspace;
// - warned: the step exits 0 (a save with `saved=false`) with a warning, and every earlier
//   checkpoint is still restorable afterwards; with `fail-on-error: true` the same failure fails
//   the step.
// Most of these tests wait out retry back-offs and timeouts: each gets its own stand-in, so they
// run concurrently (jest's maxConcurrency at a time) without one test's faults reaching another.
// Their jobs wait a tenth of the real schedule (CHECKPOINT_RETRY_SCALE); the tests of the
// schedule itself run it at full length.
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { FaultTarget, Faults, Run } from '../../local/index.js'
import type { JobRunner, StepResult } from '../../local/runner.js'
import { inOwnWorld, type E2eWorld } from '../../__fixtures__/e2e.js'
import {
  annotations,
  buildCheckpoint,
  digests,
  expectRestored,
  fetchCheckpoint,
  label,
  requestsSince,
  writeTree,
  type ExpectedCheckpoint as Expected,
  type Restored,
  type Tree
} from '../../__fixtures__/checkpoints.js'

const FETCHED: Tree = {
  'data/rows.csv': Buffer.from('id,name\n1,a\n2,b\n'),
  'data/fetch.sh': Buffer.from('#!/bin/sh\necho fetch\n')
}
// Random bytes do not shrink: the archive is as large as the model, so a cut at 100 KiB is in
// the middle of the transfer.
const BUILT: Tree = {
  'build/model.bin': randomBytes(300 * 1024),
  'build/notes.txt': Buffer.from('built from rows.csv\n')
}
const CP1 = fetchCheckpoint(FETCHED)
const CP2 = buildCheckpoint({ ...FETCHED, ...BUILT })
const FILES_2 = 'checkpoint.pipeline.a1.s002.build.files'
const KEEP_GOING = '(the step goes on: set fail-on-error: true to fail it instead)'
const FAIL_ON_ERROR = { 'fail-on-error': 'true' }
const CHECKOUT: Tree = { 'README.md': Buffer.from('# pipeline\n') }

/** A fault a test sets once the checkpoints before its step are saved (`job` runs a save). */
type Fault = (s: Scenario, run: Run, job: JobRunner) => unknown
/** What ends a fault once the step is over, so that a later step goes through. */
type FaultEnd = (s: Scenario) => Promise<void>

/** A step taken under a fault: its run, what it left, and the faults the stand-in applied. */
interface Trial<Step> {
  run: Run
  step: Step
  /** The faults of one kind applied since the fault was set, as [label, status]. */
  injected: (kind?: 'fail' | 'reset' | 'delay' | 'truncate') => [string, number][]
}

/** One test's own stand-in, and the steps the tests take in it. */
class Scenario {
  constructor(readonly world: E2eWorld) {}

  get faults(): Faults {
    return this.world.standIn.faults
  }

  /** Attempt 1 of a new run has saved node 'fetch' (CP1); the job goes on. */
  async firstNodeSaved(): Promise<{ run: Run; job: JobRunner }> {
    const run = this.world.createRun()
    const job = await this.world.job(run, 1)
    await writeTree(job.options.workspace, FETCHED)
    const fetch = await job.uses('save', { node: 'fetch', paths: 'data/', state: 'rows=2' })
    expect(fetch.outputs).toMatchObject({ saved: 'true', checkpoint: CP1.name })
    return { run, job }
  }

  /** Saves node 'build' (CP2) in `job`, with `inputs` added. */
  async saveBuild(job: JobRunner, inputs: Record<string, string> = {}): Promise<StepResult> {
    await writeTree(job.options.workspace, BUILT)
    return job.uses('save', { node: 'build', paths: 'build/', state: 'built=true', ...inputs })
  }

  /** Attempt 1 of a new run has saved CP1 and CP2 without a fault. */
  async bothSaved(): Promise<Run> {
    const { run, job } = await this.firstNodeSaved()
    const build = await this.saveBuild(job)
    expect(build.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
    return run
  }

  /** A restore step in a fresh job of `attempt`; its workspace holds `checkout`. */
  restore(run: Run, attempt: number, inputs = {}, checkout: Tree = {}): Promise<Restored> {
    return this.world.restore(run, attempt, { inputs, checkout })
  }

  /** Attempt 1 saves CP1; then, under `fault`, the save of CP2 with `inputs`. */
  async saveUnder(
    fault: Fault,
    options: { inputs?: Record<string, string>; end?: FaultEnd } = {}
  ): Promise<Trial<StepResult>> {
    const { run, job } = await this.firstNodeSaved()
    return this.trial(
      run,
      () => fault(this, run, job),
      options.end,
      () => this.saveBuild(job, options.inputs)
    )
  }

  /** Attempt 1 saves CP1 and CP2; then, under `fault`, a restore in attempt 2. */
  restoreUnder(
    fault: (s: Scenario, run: Run) => unknown,
    options: { inputs?: Record<string, string>; checkout?: Tree; end?: FaultEnd } = {}
  ): Promise<Trial<Restored>> {
    const restore = (run: Run): Promise<Restored> =>
      this.restore(run, 2, options.inputs, options.checkout)
    return this.afterBothSaved(fault, restore, options.end)
  }

  /** Attempt 1 saves CP1 and CP2; then, under `fault`, `step`; `end` ends the fault. */
  async afterBothSaved<Step>(
    fault: (s: Scenario, run: Run) => unknown,
    step: (run: Run) => Promise<Step>,
    end?: FaultEnd
  ): Promise<Trial<Step>> {
    const run = await this.bothSaved()
    return this.trial(
      run,
      () => fault(this, run),
      end,
      () => step(run)
    )
  }

  private async trial<Step>(
    run: Run,
    fault: () => unknown,
    end: FaultEnd | undefined,
    take: () => Promise<Step>
  ): Promise<Trial<Step>> {
    const before = this.world.standIn.requestCount
    await fault()
    const step = await take()
    await end?.(this)
    return { run, step, injected: kind => this.injected(before, kind) }
  }

  /** Nothing of the failed save was committed: its document is not among the run's artifacts. */
  expectNoDocument(run: Run, name: string): void {
    expect(this.world.standIn.listArtifacts(run).map(a => a.name)).not.toContain(name)
  }

  /** The save committed `expected` without a warning, and attempt `attempt` restores it. */
  async expectSavedWhole(run: Run, save: StepResult, expected = CP2, attempt = 2): Promise<void> {
    expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: expected.name })
    expect(annotations(save, 'warning')).toEqual([])
    expectRestored(await this.restore(run, attempt), expected)
  }

  /** The save of CP2 saved nothing, and CP1 is still restorable. */
  async expectSaveLost(run: Run, save: StepResult): Promise<void> {
    expect(save.outputs.saved).toBe('false')
    expectRestored(await this.restore(run, 2), CP1)
  }

  /** Blob requests for one artifact: its blob path ends with the artifact id. */
  blobOf(run: Run, name: string): FaultTarget {
    return this.world.blobOf(run, name)
  }

  /**
   * A burst of three failures on one call, as a busy service answers: `status` twice, then
   * 429 (with Retry-After). Three fit every retry policy of the entries and of the toolkit
   * (at least 4 attempts).
   */
  burst(target: FaultTarget, status: number): void {
    this.faults.failNext(target, { status, count: 2 })
    this.faults.failNext(target, { status: 429, count: 1, retryAfter: 1 })
  }

  /** The faults of one kind the stand-in applied since request `after`, as [label, status]. */
  injected(
    after: number,
    kind: 'fail' | 'reset' | 'delay' | 'truncate' = 'fail'
  ): [string, number][] {
    return requestsSince(this.world.standIn, after)
      .filter(r => r.fault === kind)
      .map(r => [label(r), r.status])
  }
}

/** A burst as the stand-in reports it (see `burst`): `status` twice, then 429. */
function burstOf(call: string, status: number): [string, number][] {
  return [
    [call, status],
    [call, status],
    [call, 429]
  ]
}

/** The retry waits of most tests: a tenth of the real schedule. */
const SHORT_WAITS = { CHECKPOINT_RETRY_SCALE: '0.1' }

/**
 * A test run concurrently with the others, against a stand-in of its own, stopped at the end
 * whatever happens; its jobs wait `env`'s share of the real retry schedule (SHORT_WAITS unless
 * given `{}`).
 */
function faultTest(
  title: string,
  body: (s: Scenario) => Promise<void>,
  options: { env?: Record<string, string>; timeout?: number } = {}
): void {
  const worldOptions = { runs: ['restore', 'save'] as const, env: options.env ?? SHORT_WAITS }
  it.concurrent(
    title,
    () => inOwnWorld(worldOptions, world => body(new Scenario(world))),
    options.timeout ?? 120_000
  )
}

/** A restore that warned about nothing and put `expected` back. */
function expectRestoredQuietly(restored: Restored, expected: Expected): void {
  expect(annotations(restored.result, 'warning')).toEqual([])
  expectRestored(restored, expected)
}

/** A restore that warned about `newest` and restored `fallback` instead. */
function expectFellBack(restored: Restored, newest: string, fallback: Expected): void {
  expect(annotations(restored.result, 'warning')).toContainEqual(
    expect.stringContaining(`Checkpoint ${newest} was not restored`)
  )
  expectRestored(restored, fallback)
}

/** A restore that resumed nothing and left the workspace as the checkout left it. */
function expectNothingRestored(restored: Restored, checkout: Tree): void {
  expect(restored.result.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
  expect(digests(restored.tree)).toEqual(digests(checkout))
}

/** A step that failed without failing: exit 0, one warning that says it goes on. */
function expectWarned(step: StepResult, because: RegExp): void {
  expect(step.code).toBe(0)
  expect(annotations(step, 'error')).toEqual([])
  expect(annotations(step, 'warning')).toContainEqual(expect.stringMatching(because))
}

/** A step failed as `fail-on-error: true` asks: exit 1 and an error annotation. */
function expectFailed(step: StepResult, because: RegExp): void {
  expect(step.code).toBe(1)
  expect(annotations(step, 'error')).toContainEqual(expect.stringMatching(because))
}

/** A Twirp target that matches the `nth` call of `method` and every later one. */
function fromNthCall(method: string, nth: number): FaultTarget {
  const seen = new Set<number>()
  return {
    service: 'artifact',
    method,
    match: request => {
      seen.add(request.seq)
      return seen.size >= nth
    }
  }
}

describe('retried and succeeded: 5xx bursts and 429 from the artifact service', () => {
  const saveCalls = [
    { method: 'ListArtifacts', nth: 1, what: 'the listing before any upload', status: 503 },
    { method: 'CreateArtifact', nth: 1, what: 'the files archive', status: 500 },
    { method: 'FinalizeArtifact', nth: 1, what: 'the files archive', status: 502 },
    { method: 'CreateArtifact', nth: 2, what: 'the checkpoint document', status: 504 },
    { method: 'FinalizeArtifact', nth: 2, what: 'the checkpoint document', status: 503 },
    { method: 'ListArtifacts', nth: 2, what: 'the owner check after the commit', status: 500 }
  ]

  for (const { method, nth, what, status } of saveCalls) {
    const burst = `${String(status)}, ${String(status)}, 429 on ${method} #${String(nth)}`
    faultTest(`save: ${burst} (${what}) is retried and the checkpoint is saved whole`, async s => {
      const trial = await s.saveUnder(s => {
        s.burst(fromNthCall(method, nth), status)
      })
      expect(trial.injected()).toEqual(burstOf(`artifact ${method}`, status))
      expect(trial.step.code).toBe(0)
      await s.expectSavedWhole(trial.run, trial.step)
    })
  }

  const restoreCalls = [
    { method: 'ListArtifacts', nth: 1, what: 'the listing', status: 503 },
    { method: 'GetSignedArtifactURL', nth: 1, what: 'the newest document', status: 502 },
    { method: 'GetSignedArtifactURL', nth: 3, what: 'its second files archive', status: 504 }
  ]

  for (const { method, nth, what, status } of restoreCalls) {
    const burst = `${String(status)}, ${String(status)}, 429 on ${method} #${String(nth)}`
    faultTest(
      `restore: ${burst} (${what}) is retried and the newest checkpoint restored`,
      async s => {
        const trial = await s.restoreUnder(s => {
          s.burst(fromNthCall(method, nth), status)
        })
        expect(trial.injected()).toEqual(burstOf(`artifact ${method}`, status))
        expectRestoredQuietly(trial.step, CP2)
      }
    )
  }

  faultTest(
    'restore: 502, 502, 429 from the REST API on the 404 fallback path are retried and the newest checkpoint restored',
    async s => {
      const { step: restored, injected } = await s.restoreUnder(s => {
        s.faults.signedUrl404ForEarlierAttempts = true
        s.burst({ service: 'rest' }, 502)
      })
      expect(restored.result.stdout).toContain('trying the REST API')
      expectRestoredQuietly(restored, CP2)
      expect(injected()).toEqual(burstOf('rest GET', 502))
    }
  )
})

describe('a save in a job without a restore step, which reads the latest checkpoint itself', () => {
  // Attempt 2 has no restore step: its save finds CP2 in the run, downloads it and extends it.
  const CP3: Expected = {
    name: 'checkpoint.pipeline.a2.s003.test.json',
    completed: ['fetch', 'build', 'test'],
    state: { ...CP2.state, passed: 'true' },
    files: CP2.files
  }

  /** Attempt 2's save of node 'test', in a job with no restore step. */
  const saveTestNode = (s: Scenario) => async (run: Run) => {
    const job = await s.world.job(run, 2)
    return job.uses('save', { node: 'test', state: 'passed=true' })
  }

  faultTest(
    'save: 503, 503, 429 on GetSignedArtifactURL (the newest checkpoint) is retried and the save extends it',
    async s => {
      const trial = await s.afterBothSaved(s => {
        s.burst(fromNthCall('GetSignedArtifactURL', 1), 503)
      }, saveTestNode(s))
      expect(trial.injected()).toEqual(burstOf('artifact GetSignedArtifactURL', 503))
      await s.expectSavedWhole(trial.run, trial.step, CP3, 3)
    }
  )

  faultTest(
    'save: a truncated download of the newest checkpoint does not make the save build on an older one; nothing of it is lost',
    async s => {
      const { run, injected } = await s.afterBothSaved((s, run) => {
        s.faults.truncateDownload({ ...s.blobOf(run, CP2.name), method: 'GET' }, { bytes: 100 })
      }, saveTestNode(s))
      expect(injected('truncate')).toEqual([['blob GetBlob', 200]])

      // Whether the save read CP2 again and extended it, or gave up without a checkpoint, the
      // next attempt resumes with everything CP2 had: nodes, state and files.
      const restored = await s.restore(run, 3)
      const expected = restored.result.outputs.checkpoint === CP3.name ? CP3 : CP2
      expectRestored(restored, expected)
    }
  )
})

/**
 * Outages that the steps outlast without failing the job: they warn, or fail when asked, and
 * lose nothing.
 */
const OUTAGES = [
  {
    title: 'warned, or failed when asked: an artifact service that stays down',
    part: 'service',
    start: (s: Scenario) => {
      s.faults.failNext(
        { service: 'artifact', method: 'ListArtifacts' },
        { status: 503, count: 50 }
      )
    },
    end: (s: Scenario) => s.faults.reset(),
    saveWarning: /ListArtifacts answered 503/,
    restoreWarning: /ListArtifacts answered 503/,
    expectRestoreFailed: (step: StepResult) => {
      expectFailed(step, /ListArtifacts answered 503/)
    }
  },
  {
    title: 'the blob store down',
    part: 'store',
    start: (s: Scenario) => s.faults.blobStoreDown(true),
    end: (s: Scenario) => s.faults.blobStoreDown(false),
    saveWarning: /ECONNREFUSED/,
    restoreWarning: /ECONNREFUSED|fetch failed|Download failed/,
    expectRestoreFailed: (step: StepResult) => {
      expect(step.code).toBe(1)
      expect(annotations(step, 'error')).not.toEqual([])
    }
  }
]

for (const outage of OUTAGES) {
  describe(outage.title, () => {
    faultTest(
      'save: warns with saved=false and exit 0, commits nothing, and every earlier checkpoint is still restorable',
      async s => {
        const { run, step: save } = await s.saveUnder(outage.start, { end: outage.end })
        expectWarned(save, outage.saveWarning)
        expect(annotations(save, 'warning')).toContainEqual(expect.stringContaining(KEEP_GOING))
        s.expectNoDocument(run, CP2.name)
        await s.expectSaveLost(run, save)
      }
    )

    faultTest(
      'save with fail-on-error: true fails the step; the earlier checkpoints stay restorable',
      async s => {
        const options = { inputs: FAIL_ON_ERROR, end: outage.end }
        const { run, step: save } = await s.saveUnder(outage.start, options)
        expectFailed(save, outage.saveWarning)
        await s.expectSaveLost(run, save)
      }
    )

    faultTest(
      `restore: warns, resumes nothing and touches no file; once the ${outage.part} is back the newest checkpoint restores`,
      async s => {
        const options = { checkout: CHECKOUT, end: outage.end }
        const { run, step: failed } = await s.restoreUnder(outage.start, options)
        expectWarned(failed.result, outage.restoreWarning)
        expectNothingRestored(failed, CHECKOUT)
        expectRestored(await s.restore(run, 3), CP2)
      }
    )

    faultTest('restore with fail-on-error: true fails the step and touches no file', async s => {
      const options = { inputs: FAIL_ON_ERROR, checkout: CHECKOUT, end: outage.end }
      const { step: failed } = await s.restoreUnder(outage.start, options)
      outage.expectRestoreFailed(failed.result)
      expectNothingRestored(failed, CHECKOUT)
    })
  })
}

describe('retried and succeeded: a connection reset in the middle of a transfer', () => {
  faultTest(
    "save: the files archive's upload cut after 100 KiB is sent again and the checkpoint is saved whole",
    async s => {
      // The files archive goes up first; it fits in one block, so it is one Put Blob.
      const { run, step, injected } = await s.saveUnder(s => {
        s.faults.resetConnection({ service: 'blob', method: 'PUT' }, { afterBytes: 100 * 1024 })
      })
      expect(injected('reset')).toEqual([['blob PutBlob', 0]])
      await s.expectSavedWhole(run, step)
    }
  )

  faultTest(
    'save: the upload of the checkpoint document cut after 100 bytes is sent again and the checkpoint is saved',
    async s => {
      // The files archive goes up first (one Put Blob, answered 201); the next blob PUT is the
      // document's.
      let archiveUp = false
      const documentPut = (): boolean => {
        const document = archiveUp
        archiveUp = true
        return document
      }
      const { run, step, injected } = await s.saveUnder(s => {
        const target = { service: 'blob', method: 'PUT', match: documentPut } as const
        s.faults.resetConnection(target, { afterBytes: 100 })
      })
      expect(injected('reset')).toHaveLength(1)
      await s.expectSavedWhole(run, step)
    }
  )

  faultTest(
    'restore: a download of the files archive cut after 100 KiB is fetched again and the newest checkpoint restored',
    async s => {
      const { step, injected } = await s.restoreUnder((s, run) => {
        const archive = { ...s.blobOf(run, FILES_2), method: 'GET' }
        s.faults.resetConnection(archive, { afterBytes: 100 * 1024 })
      })
      expect(injected('reset')).toHaveLength(1)
      expectRestoredQuietly(step, CP2)
    }
  )
})

describe('a response slower than the client waits for', () => {
  // The stall timeout (ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS, as the toolkit names it; 5 min by
  // default) is shortened so that the test stays bounded; the held request would outlast it.
  const uploadsHeld = (count: number): Fault => {
    return (s, _run, job) => {
      job.options.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS = '1000'
      s.faults.delay({ service: 'blob', method: 'PUT' }, { ms: 75_000, count })
    }
  }

  faultTest(
    'save: an upload held past the upload timeout is given up and sent again, and the checkpoint is saved',
    async s => {
      const { run, step } = await s.saveUnder(uploadsHeld(1))
      await s.expectSavedWhole(run, step)
    },
    { timeout: 60_000 }
  )

  faultTest(
    'save: an upload held past the timeout on every try makes the save warn and the step end; earlier checkpoints stay restorable',
    async s => {
      // Every one of the 4 tries a blob PUT gets.
      const { run, step } = await s.saveUnder(uploadsHeld(4))
      // The stand-in logs a held request only once its delay ends, after the step is long gone:
      // the warning names the stall, and nothing was committed.
      expectWarned(step, /no answer within 1000 ms \(upload stalled\)/)
      s.expectNoDocument(run, CP2.name)
      await s.faults.reset()
      await s.expectSaveLost(run, step)
    },
    { timeout: 60_000 }
  )

  faultTest(
    'restore: a download that sends nothing past the idle timeout is fetched again and the newest checkpoint restored',
    async s => {
      const { step, injected } = await s.restoreUnder((s, run) => {
        const document = { ...s.blobOf(run, CP2.name), method: 'GET' }
        s.faults.delay(document, { ms: 600_000, phase: 'response' })
      })
      // The held answer was given up (status 0), and the document fetched again.
      expect(injected('delay')).toEqual([['blob GetBlob', 0]])
      expectRestoredQuietly(step, CP2)
    }
  )
})

describe('fell back: bytes that are not what was uploaded', () => {
  const truncatedDownloads = [
    {
      what: 'the newest document',
      name: CP2.name,
      bytes: 100,
      statuses: [200, 200],
      and: '; nothing is lost'
    },
    // Every GET of it: a small archive (under 8 MiB) is downloaded whole, not streamed (see
    // packs in the README), then fetched once again, as a digest mismatch gets.
    {
      what: 'a files archive',
      name: FILES_2,
      bytes: 100 * 1024,
      statuses: [200, 200],
      and: ', without its files'
    }
  ]

  for (const { what, name, bytes, statuses, and } of truncatedDownloads) {
    faultTest(
      `restore: a truncated download of ${what} is reported and the previous checkpoint restored${and}`,
      async s => {
        const { run, step, injected } = await s.restoreUnder((s, run) => {
          const target = { ...s.blobOf(run, name), method: 'GET' }
          s.faults.truncateDownload(target, { bytes, count: statuses.length })
        })
        expectFellBack(step, CP2.name, CP1)
        expect(injected('truncate')).toEqual(statuses.map(status => ['blob GetBlob', status]))
        // The stored checkpoint was never bad: without the fault it restores.
        expectRestored(await s.restore(run, 3), CP2)
      }
    )
  }

  const corrupted = [
    { what: 'a document whose stored bytes changed', name: CP2.name, mode: 'flip', and: '' },
    {
      what: 'a files archive cut short in storage',
      name: FILES_2,
      mode: 'truncate',
      and: ', without its files'
    }
  ] as const

  for (const { what, name, mode, and } of corrupted) {
    faultTest(
      `restore: ${what} is reported and the previous checkpoint restored${and}`,
      async s => {
        const { step } = await s.restoreUnder((s, run) =>
          s.world.standIn.corruptArtifact(run, name, { mode })
        )
        expectFellBack(step, CP2.name, CP1)
      }
    )
  }
})

describe('never a half-restored workspace', () => {
  // Three nodes; 'train' and 'test' write files of their own and change files of earlier nodes.
  const TRAINED: Tree = {
    'model/weights.bin': randomBytes(64 * 1024),
    'data/rows.csv': Buffer.from('id,name\n1,a\n2,b\n3,c\n')
  }
  const TESTED: Tree = {
    'report/junit.xml': Buffer.from('<testsuite tests="3"/>\n'),
    'data/fetch.sh': Buffer.from('#!/bin/sh\necho fetch v2\n')
  }
  // What the job's checkout put there before the restore step: a file at a path the bad
  // checkpoints would replace, and one no checkpoint has.
  const CHECKED_OUT: Tree = {
    'model/weights.bin': Buffer.from('weights from the checkout\n'),
    'README.md': Buffer.from('# pipeline\n')
  }

  /** Attempt 1 saves three nodes; then the archives `corrupt` names are corrupted in storage. */
  async function threeNodesRestored(s: Scenario, corrupt: string[]): Promise<Restored> {
    const run = s.world.createRun()
    const job = await s.world.job(run, 1)
    await writeTree(job.options.workspace, FETCHED)
    await job.uses('save', { node: 'fetch', paths: 'data/', state: 'rows=2' })
    await writeTree(job.options.workspace, TRAINED)
    await job.uses('save', { node: 'train', paths: 'model/\ndata/rows.csv', state: 'rows=3' })
    await writeTree(job.options.workspace, TESTED)
    const test = await job.uses('save', {
      node: 'test',
      paths: 'report/\ndata/fetch.sh',
      state: 'passed=true'
    })
    expect(test.outputs).toMatchObject({ checkpoint: 'checkpoint.pipeline.a1.s003.test.json' })
    for (const name of corrupt) await s.world.standIn.corruptArtifact(run, name)
    return s.restore(run, 2, {}, CHECKED_OUT)
  }

  faultTest(
    "when the newest checkpoint's second archive is bad, only the fallback's files land: none of the newest's",
    async s => {
      // The newest checkpoint (s003) takes files from three archives in order; the second
      // (train's) is bad, after the first was staged. s002 needs it too: s001 is restored.
      const restored = await threeNodesRestored(s, ['checkpoint.pipeline.a1.s002.train.files'])

      expect(annotations(restored.result, 'warning')).toEqual([
        expect.stringContaining(
          'Checkpoint checkpoint.pipeline.a1.s003.test.json was not restored'
        ),
        expect.stringContaining(
          'Checkpoint checkpoint.pipeline.a1.s002.train.json was not restored'
        )
      ])
      expectRestored(restored, CP1, CHECKED_OUT)
    }
  )

  faultTest(
    'when no checkpoint is good, no file lands and the workspace is as the checkout left it',
    async s => {
      // s003 and s002 need train's archive, s001 needs fetch's.
      const restored = await threeNodesRestored(s, [
        'checkpoint.pipeline.a1.s002.train.files',
        'checkpoint.pipeline.a1.s001.fetch.files'
      ])

      expect(restored.result.code).toBe(0)
      expect(annotations(restored.result, 'warning')).toContainEqual(
        expect.stringContaining('None of the 3 checkpoint(s)')
      )
      expectNothingRestored(restored, CHECKED_OUT)
    }
  )
})

describe('checked: what the artifact service answers', () => {
  for (const method of ['CreateArtifact', 'FinalizeArtifact']) {
    faultTest(
      `save: ${method} answering ok: false warns naming the call, and nothing of the save is committed`,
      async s => {
        const { run, step } = await s.saveUnder(s => {
          s.faults.failNext({ service: 'artifact', method }, { status: 200, body: { ok: false } })
        })
        expectWarned(
          step,
          new RegExp(`Artifact service ${method} answered ok: false for ${FILES_2}`)
        )
        s.expectNoDocument(run, CP2.name)
        await s.expectSaveLost(run, step)
      }
    )
  }
})

/** The step's log lines that announce a retry. */
function retryLines(step: StepResult): string[] {
  return step.stdout.split('\n').filter(line => / on attempt \d of \d; trying again in /.test(line))
}

/** What a save or restore says when the service never came back: the call, status, attempts. */
const GAVE_UP =
  /Artifact service ListArtifacts answered 503 \(injected fault: HTTP 503\); gave up after 5 attempts over \d+(\.\d)? s/

describe('the real retry schedule, unshortened', () => {
  const FULL_WAITS = { env: {} }

  /** The artifact service answers 503 for `ms` (15 s) from its first call on, then is back. */
  const outage =
    (ms = 15_000) =>
    (s: Scenario): void => {
      s.faults.failFor({ service: 'artifact' }, { status: 503, ms })
    }
  const reset = (s: Scenario): Promise<void> => s.faults.reset()

  /** Every fault was a 503 on ListArtifacts, at least two, each followed by a retry. */
  function expectOutlasted(injected: [string, number][], step: StepResult): void {
    expect(injected.length).toBeGreaterThanOrEqual(2)
    expect(injected).toEqual(Array(injected.length).fill(['artifact ListArtifacts', 503]))
    expect(retryLines(step)).toHaveLength(injected.length)
  }

  faultTest(
    'save: an artifact service answering 503 for 15 s is outlasted, and the checkpoint saved whole',
    async s => {
      const { run, step, injected } = await s.saveUnder(outage())
      expectOutlasted(injected(), step)
      await s.expectSavedWhole(run, step)
    },
    FULL_WAITS
  )

  faultTest(
    'restore: an artifact service answering 503 for 15 s is outlasted, and the newest checkpoint restored',
    async s => {
      const { step, injected } = await s.restoreUnder(outage())
      expectOutlasted(injected(), step.result)
      expectRestoredQuietly(step, CP2)
    },
    FULL_WAITS
  )

  faultTest(
    'save: 429 with Retry-After: 2 is retried no sooner, said to be rate limiting, and the checkpoint saved',
    async s => {
      const target = { service: 'artifact' as const, method: 'CreateArtifact' }
      const { run, step, injected } = await s.saveUnder(s => {
        s.faults.failNext(target, { status: 429, count: 2, retryAfter: 2 })
      })

      expect(injected()).toEqual([
        ['artifact CreateArtifact', 429],
        ['artifact CreateArtifact', 429]
      ])
      // The schedule's 3 s and 4.5-6.75 s are longer than the 2 s asked: they are waited.
      expect(retryLines(step)).toEqual([
        'Artifact service CreateArtifact answered 429, rate limited (injected fault: HTTP 429) on attempt 1 of 5; trying again in 3 s',
        expect.stringMatching(
          /^Artifact service CreateArtifact answered 429, rate limited \(injected fault: HTTP 429\) on attempt 2 of 5; trying again in (4\.[5-9]|5(\.\d)?|6(\.[0-7])?) s$/
        )
      ])
      await s.expectSavedWhole(run, step)
    },
    FULL_WAITS
  )

  faultTest(
    'restore: 429 with a Retry-After date 20 s ahead is waited as asked, and the newest checkpoint restored',
    async s => {
      const { step, injected } = await s.restoreUnder(s => {
        const retryAt = new Date(Date.now() + 20_000).toUTCString()
        s.faults.failNext(
          { service: 'artifact', method: 'GetSignedArtifactURL' },
          { status: 429, headers: { 'Retry-After': retryAt } }
        )
      })

      expect(injected()).toEqual([['artifact GetSignedArtifactURL', 429]])
      expect(retryLines(step.result)).toEqual([
        expect.stringMatching(
          /^Artifact service GetSignedArtifactURL answered 429, rate limited .* on attempt 1 of 5; trying again in [\d.]+ s, as its Retry-After asks$/
        )
      ])
      expectRestoredQuietly(step, CP2)
    },
    FULL_WAITS
  )

  faultTest(
    'save against a service answering 503 for good: warns after 5 attempts, naming the call, the status and the attempts',
    async s => {
      const { run, step } = await s.saveUnder(outage(600_000), { end: reset })
      expectWarned(step, GAVE_UP)
      expect(retryLines(step)).toHaveLength(4)
      await s.expectSaveLost(run, step)
    },
    FULL_WAITS
  )

  faultTest(
    'save with fail-on-error: true against a service answering 503 for good: fails, with the same message',
    async s => {
      const options = { inputs: FAIL_ON_ERROR, end: reset }
      const { run, step } = await s.saveUnder(outage(600_000), options)
      expectFailed(step, GAVE_UP)
      await s.expectSaveLost(run, step)
    },
    FULL_WAITS
  )

  faultTest(
    'restore against a service rate limiting for good: warns that it is rate limited, resumes nothing',
    async s => {
      const { step: failed } = await s.restoreUnder(
        s => {
          s.faults.failFor({ service: 'artifact' }, { status: 429, ms: 600_000, retryAfter: 1 })
        },
        { checkout: CHECKOUT, end: reset }
      )

      expectWarned(
        failed.result,
        /Artifact service ListArtifacts answered 429, rate limited \(injected fault: HTTP 429\); gave up after 5 attempts over \d+(\.\d)? s/
      )
      expectNothingRestored(failed, CHECKOUT)
    },
    FULL_WAITS
  )
})
