// The restore step without a bundle: the toolkit and the artifact service are stand-ins in
// memory, the rest (inputs, the resume layer, the job's context) is the step's own code.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serializeCheckpoint, type CheckpointDocument } from '../../src/checkpoint/document.js'
import { CheckpointNotFoundError } from '../../src/checkpoint/errors.js'
import { checkpointName } from '../../src/checkpoint/naming.js'
import type { RunArtifact } from '../../src/transport/artifact-store.js'
import { checkpointsOf, mockToolkit, RUN_ID, useJob } from '../../__fixtures__/steps.js'

/** The run's artifacts as the artifact service lists them, and the documents' text. */
const service = {
  listing: [] as RunArtifact[],
  texts: new Map<string, string>(),
  /** Every list fails with it when set, as an unreachable service would. */
  failure: undefined as Error | undefined,
  /** How many times a step opened the artifact store. */
  opened: 0
}

function upload(name: string, text: string): void {
  service.listing.push({
    id: service.listing.length + 1,
    name,
    size: text.length,
    digest: undefined,
    jobBackendId: 'job-1',
    runBackendId: 'run-1',
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, service.listing.length)).toISOString()
  })
  service.texts.set(name, text)
}

function uploadCheckpoints(documents: CheckpointDocument[]): void {
  for (const document of documents) upload(checkpointName(document), serializeCheckpoint(document))
}

const runner = mockToolkit()
jest.unstable_mockModule('../../src/transport/artifact-store.js', () => ({
  ArtifactStore: class {
    constructor() {
      service.opened++
    }

    list(): Promise<RunArtifact[]> {
      if (service.failure) return Promise.reject(service.failure)
      return Promise.resolve([...service.listing])
    }
  },
  RunCheckpointStore: class {
    readonly location = 'the run'
    constructor(
      _artifacts: unknown,
      private readonly listing: RunArtifact[]
    ) {}

    listNames(): Promise<string[]> {
      return Promise.resolve(this.listing.map(artifact => artifact.name))
    }

    listArtifactNames(): Promise<string[]> {
      return this.listNames()
    }

    /** No packs in these listings: nothing retired into one. */
    addRetired(): void {
      // Nothing to add.
    }

    artifact(name: string): RunArtifact | undefined {
      return this.listing.find(artifact => artifact.name === name)
    }

    readText(name: string): Promise<string> {
      const text = service.texts.get(name)
      if (text === undefined) return Promise.reject(new CheckpointNotFoundError(name))
      return Promise.resolve(text)
    }
  }
}))

const { runRestore } = await import('../../src/restore/main.js')
const { loadJobContext } = await import('../../src/action/job-context.js')

const startJob = useJob()

const PIPELINE = checkpointsOf(1, [
  { id: 'fetch', state: { rows: '1200' } },
  { id: 'build', state: { built: 'yes' } }
])

beforeEach(() => {
  service.listing = []
  service.texts.clear()
  service.failure = undefined
  service.opened = 0
})

/** The outputs of a restore that found nothing to resume from. */
function freshStart(runnerTemp: string): Record<string, string> {
  return {
    resumed: 'false',
    completed: '[]',
    partial: '[]',
    checkpoint: '',
    'from-attempt': '',
    'from-run-id': '',
    sources: '{}',
    reasons: '{}',
    state: '{}',
    'state-file': join(runnerTemp, 'checkpoint-action', 'pipeline.state.json')
  }
}

/** `done-<node>`: true, for each node. */
function doneOutputs(...nodes: string[]): Record<string, string> {
  return Object.fromEntries(nodes.map(node => [`done-${node}`, 'true']))
}

describe('restore', () => {
  it('folds its details in a group and ends with one line: what was restored, files, bytes, time', async () => {
    await startJob(2)
    uploadCheckpoints(PIPELINE)
    runner.startStep({}, {})

    await runRestore()

    expect(runner.failures).toEqual([])
    expect(runner.log[0]).toBe("::group::Restore scope 'pipeline'")
    expect(runner.log.slice(-2, -1)).toEqual(['::endgroup::'])
    expect(runner.log[runner.log.length - 1]).toMatch(
      /^Restored scope 'pipeline' from checkpoint\.pipeline\.a1\.s002\.build\.json \(attempt 1\): 2 node\(s\) done \[fetch, build\], 0 file\(s\), 0 B, in [\d.]+ m?s\.$/
    )
  })

  it('says in its final line that it restored nothing on a first attempt', async () => {
    await startJob(1)
    runner.startStep({}, {})

    await runRestore()

    expect(runner.log[runner.log.length - 1]).toMatch(
      /^Restored nothing of scope 'pipeline': no checkpoint to resume from, the pipeline runs from the beginning \([\d.]+ m?s\)\.$/
    )
  })

  it('on the first attempt asks no service and sets the outputs of a fresh start', async () => {
    const { runnerTemp } = await startJob(1)
    uploadCheckpoints(PIPELINE)
    runner.startStep({}, {})

    await runRestore()

    expect(service.opened).toBe(0)
    expect(runner.outputsObject()).toEqual(freshStart(runnerTemp))
    expect(
      await readFile(join(runnerTemp, 'checkpoint-action', 'pipeline.state.json'), 'utf8')
    ).toBe('{}')
    expect(runner.state.get('scope')).toBe('pipeline')
    expect(runner.failures).toEqual([])
    expect(runner.warnings).toEqual([])
    expect(runner.infos).toContain(
      'This is the first attempt of the run: there is no earlier checkpoint to restore.'
    )
    const job = await loadJobContext(runnerTemp, 'pipeline')
    expect(job?.restored).toBeUndefined()
    expect(job?.base).toBeUndefined()
  })

  it('on a later attempt restores the newest checkpoint: done-<node> outputs, state, job context', async () => {
    const { runnerTemp } = await startJob(2)
    uploadCheckpoints(PIPELINE)
    runner.startStep({}, {})

    await runRestore()

    expect(runner.outputsObject()).toEqual({
      ...freshStart(runnerTemp),
      resumed: 'true',
      completed: '["fetch","build"]',
      ...doneOutputs('fetch', 'build'),
      checkpoint: 'checkpoint.pipeline.a1.s002.build.json',
      'from-attempt': '1',
      'from-run-id': RUN_ID,
      sources: '{"fetch":"attempt 1","build":"attempt 1"}',
      reasons: '{"fetch":"done","build":"done"}',
      state: '{"rows":"1200","built":"yes"}'
    })
    expect(runner.failures).toEqual([])
    expect(runner.warnings).toEqual([])
    const job = await loadJobContext(runnerTemp, 'pipeline')
    expect(job?.restored?.checkpoint).toBe('checkpoint.pipeline.a1.s002.build.json')
    expect(job?.restored?.nodes.map(node => node.id)).toEqual(['fetch', 'build'])
    expect(job?.base?.digest).toBe(PIPELINE[1]?.digest)
  })

  it('passes over a corrupt newest checkpoint with a warning and restores the one before', async () => {
    await startJob(2)
    uploadCheckpoints(PIPELINE.slice(0, 1))
    upload('checkpoint.pipeline.a1.s002.build.json', '{"kind": "not a checkpoint"')
    runner.startStep({}, {})

    await runRestore()

    expect(runner.outputs.get('checkpoint')).toBe('checkpoint.pipeline.a1.s001.fetch.json')
    expect(runner.outputs.get('completed')).toBe('["fetch"]')
    expect(runner.outputs.has('done-build')).toBe(false)
    expect(runner.warnings).toEqual([
      expect.stringMatching(
        /^Checkpoint checkpoint\.pipeline\.a1\.s002\.build\.json was not restored: .*Trying the previous one\.$/
      )
    ])
    expect(runner.failures).toEqual([])
  })

  it('with reset: true ignores every checkpoint and asks no service', async () => {
    const { runnerTemp } = await startJob(2)
    uploadCheckpoints(PIPELINE)
    runner.startStep({ reset: 'true' }, {})

    await runRestore()

    expect(service.opened).toBe(0)
    expect(runner.outputsObject()).toEqual(freshStart(runnerTemp))
    expect(runner.infos).toContain(
      "Input 'reset' is true: checkpoints of scope 'pipeline' (attempts) are ignored and the pipeline runs from the beginning."
    )
  })

  it('takes the nodes of rerun out of the outputs, and warns of a node it does not know', async () => {
    const { runnerTemp } = await startJob(2)
    uploadCheckpoints(PIPELINE)
    runner.startStep({ rerun: 'build, deploy' }, {})

    await runRestore()

    expect(runner.outputs.get('completed')).toBe('["fetch"]')
    expect(runner.outputs.get('done-fetch')).toBe('true')
    expect(runner.outputs.has('done-build')).toBe(false)
    expect(runner.infos).toContain('Running again on request: build.')
    expect(runner.warnings).toEqual([
      "Asked to re-run 'deploy', which no checkpoint records as done (known nodes: fetch, build)."
    ])
    expect((await loadJobContext(runnerTemp, 'pipeline'))?.restored?.rerun).toEqual(['build'])
  })

  it('warns when the artifact service fails, and goes on with the outputs of a fresh start', async () => {
    const { runnerTemp } = await startJob(2)
    service.failure = new Error('the artifact service did not answer')
    runner.startStep({}, {})

    await runRestore()

    expect(runner.failures).toEqual([])
    expect(runner.warnings).toEqual([
      'the artifact service did not answer (the step goes on: set fail-on-error: true to fail it instead)'
    ])
    expect(runner.outputsObject()).toEqual(freshStart(runnerTemp))
    // No job context: a later save finds the run's latest checkpoint itself.
    expect(await loadJobContext(runnerTemp, 'pipeline')).toBeUndefined()
  })

  it('fails the step on a service failure when fail-on-error is true', async () => {
    await startJob(2)
    service.failure = new Error('the artifact service did not answer')
    runner.startStep({ 'fail-on-error': 'true' }, {})

    await runRestore()

    expect(runner.failures).toEqual(['the artifact service did not answer'])
    expect(runner.warnings).toEqual([])
    expect(runner.outputs.get('resumed')).toBe('false')
  })

  it.each([
    [
      { scope: 'my scope' },
      `Input 'scope' has an invalid value "my scope": must be 1-64 characters`
    ],
    [{ rerun: '../x' }, `Input 'rerun' has an invalid value "../x": must be 1-64 characters`],
    [{ reset: 'yes' }, `Input 'reset' has an invalid value "yes": must be true or false`]
  ])('fails on an invalid input %j whatever fail-on-error says', async (inputs, message) => {
    await startJob(2)
    uploadCheckpoints(PIPELINE)
    runner.startStep({ ...inputs, 'fail-on-error': 'false' }, {})

    await runRestore()

    expect(runner.failures).toEqual([expect.stringContaining(message)])
    expect(service.opened).toBe(0)
    expect(runner.outputs.get('resumed')).toBe('false')
  })
})
