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
import { beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FaultTarget, Faults, Run } from '../../local/index.js'
import type { JobRunner, StepResult } from '../../local/runner.js'
import { E2eWorld, ROOT } from '../../__fixtures__/e2e.js'
import {
  annotations,
  digests,
  label,
  readTree,
  requestsSince,
  writeTree,
  type Tree
} from '../../__fixtures__/checkpoints.js'

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/save/index.js')))
    throw new Error('dist/ is missing: run npm run bundle')
})

/** What a checkpoint must put back: its name, the pipeline state, the nodes and every file. */
interface Expected {
  name: string
  completed: string[]
  state: Record<string, unknown>
  files: Tree
}

interface Restored {
  result: StepResult
  tree: Tree
}

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
const CP1: Expected = {
  name: 'checkpoint.pipeline.a1.s001.fetch.json',
  completed: ['fetch'],
  state: { rows: '2' },
  files: FETCHED
}
const CP2: Expected = {
  name: 'checkpoint.pipeline.a1.s002.build.json',
  completed: ['fetch', 'build'],
  state: { rows: '2', built: 'true' },
  files: { ...FETCHED, ...BUILT }
}
const FILES_2 = 'checkpoint.pipeline.a1.s002.build.files'
const KEEP_GOING = '(the step goes on: set fail-on-error: true to fail it instead)'

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

  /** A restore step in a fresh job of `attempt`; its workspace holds `before` (a checkout). */
  async restore(
    run: Run,
    attempt: number,
    inputs: Record<string, string> = {},
    before: Tree = {}
  ): Promise<Restored> {
    const job = await this.world.job(run, attempt)
    await writeTree(job.options.workspace, before)
    const result = await job.uses('.', inputs)
    return { result, tree: await readTree(job.options.workspace) }
  }

  /** Nothing of the failed save was committed: its document is not among the run's artifacts. */
  expectNoDocument(run: Run, name: string): void {
    expect(this.world.standIn.listArtifacts(run).map(a => a.name)).not.toContain(name)
  }

  /** Blob requests for one artifact: its blob path ends with the artifact id. */
  blobOf(run: Run, name: string): FaultTarget {
    const found = this.world.standIn.listArtifacts(run).find(a => a.name === name)
    if (!found) throw new Error(`no artifact ${name}`)
    const id = `/${String(found.id)}`
    return { service: 'blob', match: r => r.path.endsWith(id) }
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

/** The retry waits of most tests: a tenth of the real schedule. */
const SHORT_WAITS = { CHECKPOINT_RETRY_SCALE: '0.1' }

/**
 * A test body run against a stand-in of its own, stopped at the end whatever happens; its jobs
 * wait `env`'s share of the real retry schedule (SHORT_WAITS unless given `{}`).
 */
function scenario(
  body: (s: Scenario) => Promise<void>,
  env: Record<string, string> = SHORT_WAITS
): () => Promise<void> {
  return async () => {
    const world = await E2eWorld.start({ env })
    try {
      await body(new Scenario(world))
    } finally {
      await world.stop()
    }
  }
}

/** The restore put `expected` back exactly: outputs, state, and the workspace's files. */
function expectRestored(restored: Restored, expected: Expected, before: Tree = {}): void {
  const { result, tree } = restored
  expect(result.code).toBe(0)
  expect(result.outputs).toMatchObject({
    resumed: 'true',
    checkpoint: expected.name,
    completed: JSON.stringify(expected.completed)
  })
  expect(JSON.parse(result.outputs.state ?? 'null')).toEqual(expected.state)
  expect(digests(tree)).toEqual(digests({ ...before, ...expected.files }))
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

const CHECKOUT: Tree = { 'README.md': Buffer.from('# pipeline\n') }

describe('retried and succeeded: 5xx bursts and 429 from the artifact service', () => {
  const saveCalls = [
    { method: 'ListArtifacts', nth: 1, what: 'the listing before any upload', status: 503 },
    { method: 'CreateArtifact', nth: 1, what: 'the files archive', status: 500 },
    { method: 'FinalizeArtifact', nth: 1, what: 'the files archive', status: 502 },
    { method: 'CreateArtifact', nth: 2, what: 'the checkpoint document', status: 504 },
    { method: 'FinalizeArtifact', nth: 2, what: 'the checkpoint document', status: 503 },
    { method: 'ListArtifacts', nth: 2, what: 'the owner check after the commit', status: 500 }
  ]

  it.concurrent.each(saveCalls)(
    'save: $status, $status, 429 on $method #$nth ($what) is retried and the checkpoint is saved whole',
    ({ method, nth, status }) =>
      scenario(async s => {
        const { run, job } = await s.firstNodeSaved()
        const before = s.world.standIn.requestCount
        s.burst(fromNthCall(method, nth), status)

        const save = await s.saveBuild(job)

        expect(s.injected(before)).toEqual([
          [`artifact ${method}`, status],
          [`artifact ${method}`, status],
          [`artifact ${method}`, 429]
        ])
        expect(save.code).toBe(0)
        expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
        expect(annotations(save, 'warning')).toEqual([])
        expectRestored(await s.restore(run, 2), CP2)
      })(),
    120_000
  )

  const restoreCalls = [
    { method: 'ListArtifacts', nth: 1, what: 'the listing', status: 503 },
    { method: 'GetSignedArtifactURL', nth: 1, what: 'the newest document', status: 502 },
    { method: 'GetSignedArtifactURL', nth: 3, what: 'its second files archive', status: 504 }
  ]

  it.concurrent.each(restoreCalls)(
    'restore: $status, $status, 429 on $method #$nth ($what) is retried and the newest checkpoint restored',
    ({ method, nth, status }) =>
      scenario(async s => {
        const run = await s.bothSaved()
        const before = s.world.standIn.requestCount
        s.burst(fromNthCall(method, nth), status)

        const restored = await s.restore(run, 2)

        expect(s.injected(before)).toEqual([
          [`artifact ${method}`, status],
          [`artifact ${method}`, status],
          [`artifact ${method}`, 429]
        ])
        expect(annotations(restored.result, 'warning')).toEqual([])
        expectRestored(restored, CP2)
      })(),
    120_000
  )

  it.concurrent(
    'restore: 502, 502, 429 from the REST API on the 404 fallback path are retried and the newest checkpoint restored',
    scenario(async s => {
      const run = await s.bothSaved()
      s.faults.signedUrl404ForEarlierAttempts = true
      const before = s.world.standIn.requestCount
      s.burst({ service: 'rest' }, 502)

      const restored = await s.restore(run, 2)

      expect(restored.result.stdout).toContain('trying the REST API')
      expect(annotations(restored.result, 'warning')).toEqual([])
      expectRestored(restored, CP2)
      expect(s.injected(before)).toEqual([
        ['rest GET', 502],
        ['rest GET', 502],
        ['rest GET', 429]
      ])
    }),
    120_000
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

  async function saveTestNode(s: Scenario, run: Run): Promise<StepResult> {
    const job = await s.world.job(run, 2)
    return job.uses('save', { node: 'test', state: 'passed=true' })
  }

  it.concurrent(
    'save: 503, 503, 429 on GetSignedArtifactURL (the newest checkpoint) is retried and the save extends it',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      s.burst(fromNthCall('GetSignedArtifactURL', 1), 503)

      const save = await saveTestNode(s, run)

      expect(s.injected(before)).toEqual([
        ['artifact GetSignedArtifactURL', 503],
        ['artifact GetSignedArtifactURL', 503],
        ['artifact GetSignedArtifactURL', 429]
      ])
      expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP3.name })
      expect(annotations(save, 'warning')).toEqual([])
      expectRestored(await s.restore(run, 3), CP3)
    }),
    120_000
  )

  it.concurrent(
    'save: a truncated download of the newest checkpoint does not make the save build on an older one; nothing of it is lost',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      s.faults.truncateDownload({ ...s.blobOf(run, CP2.name), method: 'GET' }, { bytes: 100 })

      await saveTestNode(s, run)
      expect(s.injected(before, 'truncate')).toEqual([['blob GetBlob', 200]])

      // Whether the save read CP2 again and extended it, or gave up without a checkpoint, the
      // next attempt resumes with everything CP2 had: nodes, state and files.
      const restored = await s.restore(run, 3)
      const expected = restored.result.outputs.checkpoint === CP3.name ? CP3 : CP2
      expectRestored(restored, expected)
    }),
    120_000
  )
})

describe('warned, or failed when asked: an artifact service that stays down', () => {
  const down = (s: Scenario): void => {
    s.faults.failNext({ service: 'artifact', method: 'ListArtifacts' }, { status: 503, count: 50 })
  }

  it.concurrent(
    'save: warns with saved=false and exit 0; every earlier checkpoint is still restorable',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      down(s)
      const save = await s.saveBuild(job)
      await s.faults.reset()

      expectWarned(save, /ListArtifacts answered 503/)
      expect(save.outputs.saved).toBe('false')
      expect(annotations(save, 'warning')).toContainEqual(expect.stringContaining(KEEP_GOING))
      s.expectNoDocument(run, CP2.name)
      expectRestored(await s.restore(run, 2), CP1)
    }),
    120_000
  )

  it.concurrent(
    'save with fail-on-error: true fails the step, and the earlier checkpoints stay restorable',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      down(s)
      const save = await s.saveBuild(job, { 'fail-on-error': 'true' })
      await s.faults.reset()

      expectFailed(save, /ListArtifacts answered 503/)
      expect(save.outputs.saved).toBe('false')
      expectRestored(await s.restore(run, 2), CP1)
    }),
    120_000
  )

  it.concurrent(
    'restore: warns, resumes nothing and touches no file; once the service is back the newest checkpoint restores',
    scenario(async s => {
      const run = await s.bothSaved()
      down(s)
      const failed = await s.restore(run, 2, {}, CHECKOUT)
      await s.faults.reset()

      expectWarned(failed.result, /ListArtifacts answered 503/)
      expectNothingRestored(failed, CHECKOUT)
      expectRestored(await s.restore(run, 3), CP2)
    }),
    120_000
  )

  it.concurrent(
    'restore with fail-on-error: true fails the step and touches no file',
    scenario(async s => {
      const run = await s.bothSaved()
      down(s)
      const failed = await s.restore(run, 2, { 'fail-on-error': 'true' }, CHECKOUT)

      expectFailed(failed.result, /ListArtifacts answered 503/)
      expectNothingRestored(failed, CHECKOUT)
    }),
    120_000
  )
})

describe('retried and succeeded: a connection reset in the middle of a transfer', () => {
  it.concurrent(
    "save: the files archive's upload cut after 100 KiB is sent again and the checkpoint is saved whole",
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      const before = s.world.standIn.requestCount
      // The files archive goes up first; it fits in one block, so it is one Put Blob.
      s.faults.resetConnection({ service: 'blob', method: 'PUT' }, { afterBytes: 100 * 1024 })

      const save = await s.saveBuild(job)

      expect(s.injected(before, 'reset')).toEqual([['blob PutBlob', 0]])
      expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
      expect(annotations(save, 'warning')).toEqual([])
      expectRestored(await s.restore(run, 2), CP2)
    }),
    120_000
  )

  it.concurrent(
    'save: the upload of the checkpoint document cut after 100 bytes is sent again and the checkpoint is saved',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      const before = s.world.standIn.requestCount
      // The files archive goes up first (one Put Blob, answered 201); the next blob PUT is the
      // document's.
      let archiveUp = false
      s.faults.resetConnection(
        {
          service: 'blob',
          method: 'PUT',
          match: () => {
            const document = archiveUp
            archiveUp = true
            return document
          }
        },
        { afterBytes: 100 }
      )

      const save = await s.saveBuild(job)

      expect(s.injected(before, 'reset')).toHaveLength(1)
      expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
      expect(annotations(save, 'warning')).toEqual([])
      expectRestored(await s.restore(run, 2), CP2)
    }),
    120_000
  )

  it.concurrent(
    'restore: a download of the files archive cut after 100 KiB is fetched again and the newest checkpoint restored',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      s.faults.resetConnection(
        { ...s.blobOf(run, FILES_2), method: 'GET' },
        { afterBytes: 100 * 1024 }
      )

      const restored = await s.restore(run, 2)

      expect(s.injected(before, 'reset')).toHaveLength(1)
      expect(annotations(restored.result, 'warning')).toEqual([])
      expectRestored(restored, CP2)
    }),
    120_000
  )
})

describe('a response slower than the client waits for', () => {
  it.concurrent(
    'save: an upload held past the upload timeout is given up and sent again, and the checkpoint is saved',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      // The stall timeout (ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS, as the toolkit names it; 5 min by
      // default) is shortened so that the test stays bounded; the held request would outlast it.
      job.options.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS = '1000'
      s.faults.delay({ service: 'blob', method: 'PUT' }, { ms: 75_000 })

      const save = await s.saveBuild(job)

      expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
      expect(annotations(save, 'warning')).toEqual([])
      expectRestored(await s.restore(run, 2), CP2)
    }),
    60_000
  )

  it.concurrent(
    'save: an upload held past the timeout on every try makes the save warn and the step end; earlier checkpoints stay restorable',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      job.options.env.ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS = '1000'
      // Every one of the 4 tries a blob PUT gets.
      s.faults.delay({ service: 'blob', method: 'PUT' }, { ms: 75_000, count: 4 })

      const save = await s.saveBuild(job)
      // The stand-in logs a held request only once its delay ends, after the step is long gone:
      // the warning names the stall, and nothing was committed.
      expectWarned(save, /no answer within 1000 ms \(upload stalled\)/)
      expect(save.outputs.saved).toBe('false')
      s.expectNoDocument(run, CP2.name)
      await s.faults.reset()
      expectRestored(await s.restore(run, 2), CP1)
    }),
    60_000
  )

  it.concurrent(
    'restore: a download that sends nothing past the idle timeout is fetched again and the newest checkpoint restored',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      s.faults.delay(
        { ...s.blobOf(run, CP2.name), method: 'GET' },
        { ms: 600_000, phase: 'response' }
      )

      const restored = await s.restore(run, 2)

      // The held answer was given up (status 0), and the document fetched again.
      expect(s.injected(before, 'delay')).toEqual([['blob GetBlob', 0]])
      expect(annotations(restored.result, 'warning')).toEqual([])
      expectRestored(restored, CP2)
    }),
    120_000
  )
})

describe('fell back: bytes that are not what was uploaded', () => {
  it.concurrent(
    'restore: a truncated download of the newest document is reported and the previous checkpoint restored; nothing is lost',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      s.faults.truncateDownload(
        { ...s.blobOf(run, CP2.name), method: 'GET' },
        { bytes: 100, count: 2 }
      )

      expectFellBack(await s.restore(run, 2), CP2.name, CP1)
      expect(s.injected(before, 'truncate')).toEqual([
        ['blob GetBlob', 200],
        ['blob GetBlob', 200]
      ])
      // The stored checkpoint was never bad: without the fault it restores.
      expectRestored(await s.restore(run, 3), CP2)
    }),
    120_000
  )

  it.concurrent(
    'restore: a truncated download of a files archive is reported and the previous checkpoint restored, without its files',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      // Every GET of it: the streaming reader's first (the zip's end), then the whole download
      // and the one fetch again that a digest mismatch gets.
      s.faults.truncateDownload(
        { ...s.blobOf(run, FILES_2), method: 'GET' },
        { bytes: 100 * 1024, count: 3 }
      )

      expectFellBack(await s.restore(run, 2), CP2.name, CP1)
      expect(s.injected(before, 'truncate')).toEqual([
        ['blob GetBlob', 206],
        ['blob GetBlob', 200],
        ['blob GetBlob', 200]
      ])
      expectRestored(await s.restore(run, 3), CP2)
    }),
    120_000
  )

  it.concurrent(
    'restore: a document whose stored bytes changed is reported and the previous checkpoint restored',
    scenario(async s => {
      const run = await s.bothSaved()
      await s.world.standIn.corruptArtifact(run, CP2.name, { mode: 'flip' })

      expectFellBack(await s.restore(run, 2), CP2.name, CP1)
    }),
    120_000
  )

  it.concurrent(
    'restore: a files archive cut short in storage is reported and the previous checkpoint restored, without its files',
    scenario(async s => {
      const run = await s.bothSaved()
      await s.world.standIn.corruptArtifact(run, FILES_2, { mode: 'truncate' })

      expectFellBack(await s.restore(run, 2), CP2.name, CP1)
    }),
    120_000
  )
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

  async function threeNodes(s: Scenario): Promise<Run> {
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
    return run
  }

  it.concurrent(
    "when the newest checkpoint's second archive is bad, only the fallback's files land: none of the newest's",
    scenario(async s => {
      const run = await threeNodes(s)
      // The newest checkpoint (s003) takes files from three archives in order; the second
      // (train's) is bad, after the first was staged. s002 needs it too: s001 is restored.
      await s.world.standIn.corruptArtifact(run, 'checkpoint.pipeline.a1.s002.train.files')

      const restored = await s.restore(run, 2, {}, CHECKED_OUT)

      expect(annotations(restored.result, 'warning')).toEqual([
        expect.stringContaining(
          'Checkpoint checkpoint.pipeline.a1.s003.test.json was not restored'
        ),
        expect.stringContaining(
          'Checkpoint checkpoint.pipeline.a1.s002.train.json was not restored'
        )
      ])
      expectRestored(restored, CP1, CHECKED_OUT)
    }),
    120_000
  )

  it.concurrent(
    'when no checkpoint is good, no file lands and the workspace is as the checkout left it',
    scenario(async s => {
      const run = await threeNodes(s)
      // s003 and s002 need train's archive, s001 needs fetch's.
      await s.world.standIn.corruptArtifact(run, 'checkpoint.pipeline.a1.s002.train.files')
      await s.world.standIn.corruptArtifact(run, 'checkpoint.pipeline.a1.s001.fetch.files')

      const restored = await s.restore(run, 2, {}, CHECKED_OUT)

      expect(restored.result.code).toBe(0)
      expect(annotations(restored.result, 'warning')).toContainEqual(
        expect.stringContaining('None of the 3 checkpoint(s)')
      )
      expectNothingRestored(restored, CHECKED_OUT)
    }),
    120_000
  )
})

describe('the blob store down', () => {
  it.concurrent(
    'save: warns with saved=false and exit 0, commits nothing, and every earlier checkpoint is still restorable',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      await s.faults.blobStoreDown(true)
      const save = await s.saveBuild(job)
      await s.faults.blobStoreDown(false)

      expectWarned(save, /ECONNREFUSED/)
      expect(save.outputs.saved).toBe('false')
      expect(annotations(save, 'warning')).toContainEqual(expect.stringContaining(KEEP_GOING))
      s.expectNoDocument(run, CP2.name)
      expectRestored(await s.restore(run, 2), CP1)
    }),
    120_000
  )

  it.concurrent(
    'save with fail-on-error: true fails the step; the earlier checkpoints stay restorable',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      await s.faults.blobStoreDown(true)
      const save = await s.saveBuild(job, { 'fail-on-error': 'true' })
      await s.faults.blobStoreDown(false)

      expectFailed(save, /ECONNREFUSED/)
      expect(save.outputs.saved).toBe('false')
      expectRestored(await s.restore(run, 2), CP1)
    }),
    120_000
  )

  it.concurrent(
    'restore: warns, resumes nothing and touches no file; once the store is back the newest checkpoint restores',
    scenario(async s => {
      const run = await s.bothSaved()
      await s.faults.blobStoreDown(true)
      const failed = await s.restore(run, 2, {}, CHECKOUT)
      await s.faults.blobStoreDown(false)

      expectWarned(failed.result, /ECONNREFUSED|fetch failed|Download failed/)
      expectNothingRestored(failed, CHECKOUT)
      expectRestored(await s.restore(run, 3), CP2)
    }),
    120_000
  )

  it.concurrent(
    'restore with fail-on-error: true fails the step and touches no file',
    scenario(async s => {
      const run = await s.bothSaved()
      await s.faults.blobStoreDown(true)
      const failed = await s.restore(run, 2, { 'fail-on-error': 'true' }, CHECKOUT)
      await s.faults.blobStoreDown(false)

      expect(failed.result.code).toBe(1)
      expect(annotations(failed.result, 'error')).not.toEqual([])
      expectNothingRestored(failed, CHECKOUT)
    }),
    120_000
  )
})

describe('checked: what the artifact service answers', () => {
  it.concurrent.each(['CreateArtifact', 'FinalizeArtifact'])(
    'save: %s answering ok: false warns naming the call, and nothing of the save is committed',
    method =>
      scenario(async s => {
        const { run, job } = await s.firstNodeSaved()
        s.faults.failNext({ service: 'artifact', method }, { status: 200, body: { ok: false } })

        const save = await s.saveBuild(job)

        expectWarned(
          save,
          new RegExp(`Artifact service ${method} answered ok: false for ${FILES_2}`)
        )
        expect(save.outputs.saved).toBe('false')
        s.expectNoDocument(run, CP2.name)
        expectRestored(await s.restore(run, 2), CP1)
      })(),
    120_000
  )
})

/** The step's log lines that announce a retry. */
function retryLines(step: StepResult): string[] {
  return step.stdout.split('\n').filter(line => / on attempt \d of \d; trying again in /.test(line))
}

/** What a save or restore says when the service never came back: the call, status, attempts. */
const GAVE_UP =
  /Artifact service ListArtifacts answered 503 \(injected fault: HTTP 503\); gave up after 5 attempts over \d+(\.\d)? s/

describe('the real retry schedule, unshortened', () => {
  /** The artifact service answers 503 for 15 s from its first call on, then is back. */
  const outage = (s: Scenario, ms = 15_000): void => {
    s.faults.failFor({ service: 'artifact' }, { status: 503, ms })
  }

  it.concurrent(
    'save: an artifact service answering 503 for 15 s is outlasted, and the checkpoint saved whole',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      const before = s.world.standIn.requestCount
      outage(s)

      const save = await s.saveBuild(job)

      const injected = s.injected(before)
      expect(injected.length).toBeGreaterThanOrEqual(2)
      expect(injected).toEqual(Array(injected.length).fill(['artifact ListArtifacts', 503]))
      expect(retryLines(save)).toHaveLength(injected.length)
      expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
      expect(annotations(save, 'warning')).toEqual([])
      expectRestored(await s.restore(run, 2), CP2)
    }, {}),
    120_000
  )

  it.concurrent(
    'restore: an artifact service answering 503 for 15 s is outlasted, and the newest checkpoint restored',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      outage(s)

      const restored = await s.restore(run, 2)

      const injected = s.injected(before)
      expect(injected.length).toBeGreaterThanOrEqual(2)
      expect(injected).toEqual(Array(injected.length).fill(['artifact ListArtifacts', 503]))
      expect(retryLines(restored.result)).toHaveLength(injected.length)
      expect(annotations(restored.result, 'warning')).toEqual([])
      expectRestored(restored, CP2)
    }, {}),
    120_000
  )

  it.concurrent(
    'save: 429 with Retry-After: 2 is retried no sooner, said to be rate limiting, and the checkpoint saved',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      const before = s.world.standIn.requestCount
      const target = { service: 'artifact' as const, method: 'CreateArtifact' }
      s.faults.failNext(target, { status: 429, count: 2, retryAfter: 2 })

      const save = await s.saveBuild(job)

      expect(s.injected(before)).toEqual([
        ['artifact CreateArtifact', 429],
        ['artifact CreateArtifact', 429]
      ])
      // The schedule's 3 s and 4.5-6.75 s are longer than the 2 s asked: they are waited.
      expect(retryLines(save)).toEqual([
        'Artifact service CreateArtifact answered 429, rate limited (injected fault: HTTP 429) on attempt 1 of 5; trying again in 3 s',
        expect.stringMatching(
          /^Artifact service CreateArtifact answered 429, rate limited \(injected fault: HTTP 429\) on attempt 2 of 5; trying again in (4\.[5-9]|5(\.\d)?|6(\.[0-7])?) s$/
        )
      ])
      expect(save.outputs).toMatchObject({ saved: 'true', checkpoint: CP2.name })
      expect(annotations(save, 'warning')).toEqual([])
      expectRestored(await s.restore(run, 2), CP2)
    }, {}),
    120_000
  )

  it.concurrent(
    'restore: 429 with a Retry-After date 20 s ahead is waited as asked, and the newest checkpoint restored',
    scenario(async s => {
      const run = await s.bothSaved()
      const before = s.world.standIn.requestCount
      const retryAt = new Date(Date.now() + 20_000).toUTCString()
      s.faults.failNext(
        { service: 'artifact', method: 'GetSignedArtifactURL' },
        { status: 429, headers: { 'Retry-After': retryAt } }
      )

      const restored = await s.restore(run, 2)

      expect(s.injected(before)).toEqual([['artifact GetSignedArtifactURL', 429]])
      expect(retryLines(restored.result)).toEqual([
        expect.stringMatching(
          /^Artifact service GetSignedArtifactURL answered 429, rate limited .* on attempt 1 of 5; trying again in [\d.]+ s, as its Retry-After asks$/
        )
      ])
      expect(annotations(restored.result, 'warning')).toEqual([])
      expectRestored(restored, CP2)
    }, {}),
    120_000
  )

  it.concurrent(
    'save against a service answering 503 for good: warns after 5 attempts, naming the call, the status and the attempts',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      outage(s, 600_000)
      const save = await s.saveBuild(job)
      await s.faults.reset()

      expectWarned(save, GAVE_UP)
      expect(retryLines(save)).toHaveLength(4)
      expect(save.outputs.saved).toBe('false')
      expectRestored(await s.restore(run, 2), CP1)
    }, {}),
    120_000
  )

  it.concurrent(
    'save with fail-on-error: true against a service answering 503 for good: fails, with the same message',
    scenario(async s => {
      const { run, job } = await s.firstNodeSaved()
      outage(s, 600_000)
      const save = await s.saveBuild(job, { 'fail-on-error': 'true' })
      await s.faults.reset()

      expectFailed(save, GAVE_UP)
      expect(save.outputs.saved).toBe('false')
      expectRestored(await s.restore(run, 2), CP1)
    }, {}),
    120_000
  )

  it.concurrent(
    'restore against a service rate limiting for good: warns that it is rate limited, resumes nothing',
    scenario(async s => {
      const run = await s.bothSaved()
      s.faults.failFor({ service: 'artifact' }, { status: 429, ms: 600_000, retryAfter: 1 })
      const failed = await s.restore(run, 2, {}, CHECKOUT)
      await s.faults.reset()

      expectWarned(
        failed.result,
        /Artifact service ListArtifacts answered 429, rate limited \(injected fault: HTTP 429\); gave up after 5 attempts over \d+(\.\d)? s/
      )
      expectNothingRestored(failed, CHECKOUT)
    }, {}),
    120_000
  )
})
