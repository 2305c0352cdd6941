// The save step without a bundle: the toolkit is a stand-in in memory and the resume layer's
// checkpointNode (which would talk to the artifact service) a mock; the decisions are the step's.
import { describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/checkpoint/errors.js'
import { computeFingerprint } from '../../src/checkpoint/fingerprint.js'
import {
  checkpointsOf,
  eventsOf,
  mockResume,
  mockToolkit,
  RUN_ID,
  useJob
} from '../../__fixtures__/steps.js'

const runner = mockToolkit()
const { checkpointNode } = mockResume()

const { runSave } = await import('../../src/save/main.js')
const { rememberRestore } = await import('../../src/action/job-context.js')

const startJob = useJob()

/** The checkpoint of `fetch` that the tests' earlier attempt saved. */
const RESTORED = 'checkpoint.pipeline.a1.s001.fetch.json'

describe('save', () => {
  it('folds its details in a group and ends with one line: what was saved, files, bytes, time', async () => {
    await startJob(1)
    const [document] = checkpointsOf(1, [{ id: 'fetch', state: {} }])
    if (!document) throw new Error('checkpointsOf made no checkpoint')
    checkpointNode.mockResolvedValueOnce({ document, files: 2, bytes: 3 * 1024 * 1024 })
    runner.startStep({ node: 'fetch' })

    await runSave()

    expect(runner.failures).toEqual([])
    expect(runner.log[0]).toBe("::group::Save node 'fetch'")
    expect(runner.log.slice(-2, -1)).toEqual(['::endgroup::'])
    expect(runner.log[runner.log.length - 1]).toMatch(
      /^Saved node 'fetch' as checkpoint\.pipeline\.a1\.s001\.fetch\.json: 2 file\(s\), 3\.0 MiB, in [\d.]+ m?s\.$/
    )
  })

  it('saves a node and sets saved, checkpoint and sequence; the job context records it', async () => {
    const { runnerTemp } = await startJob(1)
    // What the resume layer saved: the checkpoint, 2 files of 10 bytes.
    const [document] = checkpointsOf(1, [{ id: 'fetch', state: { rows: '10' } }])
    if (!document) throw new Error('checkpointsOf made no checkpoint')
    checkpointNode.mockResolvedValueOnce({ document, files: 2, bytes: 10 })
    runner.startStep({ node: 'fetch', state: 'rows=10', paths: 'data/\n!data/tmp' })

    await runSave()

    expect(runner.failures).toEqual([])
    expect(runner.outputsObject()).toEqual({
      saved: 'true',
      checkpoint: 'checkpoint.pipeline.a1.s001.fetch.json',
      sequence: '1'
    })
    expect(checkpointNode).toHaveBeenCalledTimes(1)
    const [save, paths] = checkpointNode.mock.calls[0] ?? []
    expect(save).toMatchObject({ node: 'fetch', scope: 'pipeline', state: { rows: '10' } })
    expect(save?.fingerprint).toBeUndefined()
    expect(paths).toEqual(['data/', '!data/tmp'])
    expect(await eventsOf(runnerTemp)).toEqual([
      {
        node: 'fetch',
        status: 'ran',
        reason: 'not-done',
        checkpoint: 'checkpoint.pipeline.a1.s001.fetch.json',
        files: 2,
        bytes: 10
      }
    ])
  })

  it('merges state-file under state, the input winning', async () => {
    const { workspace } = await startJob(1)
    await writeFile(join(workspace, 'state.json'), '{"a": "file", "b": "file"}')
    runner.startStep({ node: 'fetch', 'state-file': 'state.json', state: 'b=input' })

    await runSave()

    expect(runner.failures).toEqual([])
    expect(checkpointNode.mock.calls[0]?.[0].state).toEqual({ a: 'file', b: 'input' })
  })

  it('saves nothing for a node this job restored as done, and names the restored checkpoint', async () => {
    const { runnerTemp } = await startJob(2)
    const [fetched] = checkpointsOf(1, [{ id: 'fetch' }])
    await rememberRestore(runnerTemp, 'pipeline', fetched, undefined)
    runner.startStep({ node: 'fetch', state: 'rows=10' })

    await runSave()

    expect(checkpointNode).not.toHaveBeenCalled()
    expect(runner.outputsObject()).toEqual({ saved: 'false', checkpoint: RESTORED })
    expect(runner.infos).toContain(
      `Node 'fetch' was restored as done from ${RESTORED}: nothing to save.`
    )
    expect(await eventsOf(runnerTemp)).toEqual([
      { node: 'fetch', status: 'skipped', reason: 'done', checkpoint: RESTORED }
    ])
  })

  it('saves a restored node again when its key changed', async () => {
    const { runnerTemp } = await startJob(2)
    const [fetched] = checkpointsOf(1, [
      { id: 'fetch', fingerprint: computeFingerprint({ key: 'data-v1' }) }
    ])
    await rememberRestore(runnerTemp, 'pipeline', fetched, undefined)
    runner.startStep({ node: 'fetch', key: 'data-v2' })

    await runSave()

    expect(runner.infos).toContain(
      "Node 'fetch' was restored as done, but its key changed: saving it again."
    )
    expect(checkpointNode.mock.calls[0]?.[0].fingerprint).toEqual(
      computeFingerprint({ key: 'data-v2' })
    )
    expect(runner.outputs.get('checkpoint')).toBe('checkpoint.pipeline.a2.s002.fetch.json')
    expect(runner.outputs.get('sequence')).toBe('2')
    const events = await eventsOf(runnerTemp)
    expect(events?.map(event => [event.status, event.reason])).toEqual([['ran', 'stale:key']])
  })

  it.each([
    [{ node: '' }, `Input 'node' has an invalid value "": is required: name the node saved`],
    [{ node: 'a b' }, `Input 'node' has an invalid value "a b": must be 1-64 characters`],
    [
      { node: 'n', 'state-file': 'missing.json' },
      `Input 'state-file' has an invalid value "missing.json": must name a readable file`
    ],
    [
      { node: 'n', 'compression-level': 'fast' },
      `Input 'compression-level' has an invalid value "fast": must be a whole number from 0 to 9`
    ]
  ])('fails on an invalid input %j with an error naming it', async (inputs, message) => {
    await startJob(1)
    runner.startStep(inputs)

    await runSave()

    expect(runner.failures).toEqual([expect.stringContaining(message)])
    expect(runner.outputsObject()).toEqual({ saved: 'false' })
    expect(checkpointNode).not.toHaveBeenCalled()
  })

  it.each([
    [
      'false',
      [],
      [
        'the upload was refused (503) (the step goes on: set fail-on-error: true to fail it instead)'
      ]
    ],
    ['true', ['the upload was refused (503)'], []]
  ])(
    'with fail-on-error: %s, a checkpoint that cannot be written fails the step %j or warns %j',
    async (failOnError, failures, warnings) => {
      const { runnerTemp } = await startJob(1)
      checkpointNode.mockRejectedValue(new Error('the upload was refused (503)'))
      runner.startStep({ node: 'fetch', 'fail-on-error': failOnError })

      await runSave()

      expect(runner.failures).toEqual(failures)
      expect(runner.warnings).toEqual(warnings)
      expect(runner.outputsObject()).toEqual({ saved: 'false' })
      expect(await eventsOf(runnerTemp)).toEqual([
        { node: 'fetch', status: 'save-failed', message: 'the upload was refused (503)' }
      ])
    }
  )

  it('fails the step on a configuration mistake whatever fail-on-error says', async () => {
    await startJob(1)
    checkpointNode.mockRejectedValue(new ConfigurationError('Another job saves this scope'))
    runner.startStep({ node: 'fetch', 'fail-on-error': 'false' })

    await runSave()

    expect(runner.failures).toEqual(['Another job saves this scope'])
    expect(runner.outputs.get('saved')).toBe('false')
  })

  it('hands the run it saves in to the resume layer', async () => {
    await startJob(3)
    runner.startStep({ node: 'fetch' })

    await runSave()

    expect(checkpointNode.mock.calls[0]?.[2].run).toMatchObject({ runId: RUN_ID, attempt: 3 })
  })
})
