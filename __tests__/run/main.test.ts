// The run step without a bundle: the toolkit is a stand-in in memory, the resume layer (which
// would talk to the artifact service) mocks; the command really runs, under bash.
import { describe, expect, it } from '@jest/globals'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointDocument } from '../../src/checkpoint/document.js'
import { computeFingerprint } from '../../src/checkpoint/fingerprint.js'
import {
  checkpointsOf,
  eventsOf,
  mockResume,
  mockToolkit,
  useJob
} from '../../__fixtures__/steps.js'

const runner = mockToolkit()
const { checkpointNode, restoreLatest } = mockResume()

const { runRun } = await import('../../src/run/main.js')
const { skipIfDone } = await import('../../src/run/skip.js')
const { rememberRestore } = await import('../../src/action/job-context.js')

const startJob = useJob()

/** Writes the build's state where the run step tells it to, as a command of a pipeline does. */
const BUILD = `echo '{"built": "yes"}' > "$CHECKPOINT_STATE_FILE"`

/** What a run step of BUILD is done with. */
const BUILD_FINGERPRINT = computeFingerprint({ command: BUILD, shell: 'bash' })

/** What restore found: `fetch` done, then `build` done with BUILD. */
function restoredPipeline(buildFingerprint = BUILD_FINGERPRINT): CheckpointDocument | undefined {
  return checkpointsOf(1, [
    { id: 'fetch', state: { rows: '10' } },
    { id: 'build', state: { built: 'before' }, fingerprint: buildFingerprint }
  ]).at(-1)
}

describe('run', () => {
  it("keeps the command's output out of groups and ends with one line: what ran and what was saved", async () => {
    await startJob(1)
    runner.startStep({ node: 'build', run: BUILD }, {})

    await runRun()

    expect(runner.failures).toEqual([])
    const log = runner.log.map(line =>
      line.replace(/\(\d+(\.\d+)? m?s\)|in \d+(\.\d+)? m?s/g, '<time>')
    )
    expect(log).toEqual([
      "::group::Check node 'build'",
      '::endgroup::',
      "Running node 'build' (not done yet).",
      "::group::Save node 'build'",
      '::endgroup::',
      "Ran node 'build' <time> and saved it as checkpoint.pipeline.a1.s001.build.json: 0 file(s), 0 B, <time>."
    ])
  })

  it('runs a pending node and checkpoints it with the state its command wrote', async () => {
    const { runnerTemp } = await startJob(1)
    runner.startStep({ node: 'build', run: BUILD, state: 'from=input' }, {})

    await runRun()

    expect(runner.failures).toEqual([])
    expect(runner.outputsObject()).toEqual({
      reason: 'not-done',
      'exit-code': '0',
      skipped: 'false',
      state: '{"from":"input","built":"yes"}'
    })
    expect(runner.infos).toContain("Running node 'build' (not done yet).")
    const [save] = checkpointNode.mock.calls[0] ?? []
    expect(save).toMatchObject({ node: 'build', scope: 'pipeline' })
    expect(save?.state).toEqual({ from: 'input', built: 'yes' })
    expect(save?.fingerprint).toEqual(BUILD_FINGERPRINT)
    expect(runner.state.get('status')).toBe('completed')
    expect(await eventsOf(runnerTemp)).toEqual([
      expect.objectContaining({
        node: 'build',
        status: 'ran',
        reason: 'not-done',
        checkpoint: 'checkpoint.pipeline.a1.s001.build.json'
      })
    ])
  })

  it('restores the latest checkpoint itself in a job without a restore step, and skips a done node', async () => {
    const { workspace, runnerTemp } = await startJob(2)
    // Recorded done with the command it runs now, whose last line shows whether it ran.
    const command = `${BUILD}\ntouch ran`
    restoreLatest.mockResolvedValue(
      restoredPipeline(computeFingerprint({ command, shell: 'bash' }))
    )
    runner.startStep({ node: 'build', run: command }, {})

    await runRun()

    expect(restoreLatest).toHaveBeenCalledTimes(1)
    expect(restoreLatest.mock.calls[0]?.[0]).toBe('pipeline')
    expect(checkpointNode).not.toHaveBeenCalled()
    await expect(stat(join(workspace, 'ran'))).rejects.toThrow('ENOENT')
    expect(runner.outputsObject()).toEqual({
      reason: 'done',
      skipped: 'true',
      'exit-code': '',
      state: '{"rows":"10","built":"before"}'
    })
    expect(runner.infos).toContain(
      "Node 'build' is done with the same fingerprint (restored from checkpoint.pipeline.a1.s002.build.json): skipped."
    )
    expect(await eventsOf(runnerTemp)).toEqual([
      { node: 'build', status: 'skipped', reason: 'done' }
    ])
  })

  it('runs a done node again when its command changed', async () => {
    await startJob(2)
    restoreLatest.mockResolvedValue(
      restoredPipeline(computeFingerprint({ command: 'make build', shell: 'bash' }))
    )
    runner.startStep({ node: 'build', run: BUILD }, {})

    await runRun()

    expect(runner.outputs.get('reason')).toBe('stale:command')
    expect(runner.infos).toContain("Running node 'build' (done before, but its command changed).")
    expect(runner.outputs.get('skipped')).toBe('false')
    expect(checkpointNode).toHaveBeenCalledTimes(1)
  })

  it('hands a node stopped part-way its progress back', async () => {
    const { workspace } = await startJob(2)
    const stopped = checkpointsOf(1, [
      { id: 'fetch' },
      { id: 'build', state: { step: 3 }, partial: true }
    ]).at(-1)
    restoreLatest.mockResolvedValue(stopped)
    const script = 'cp "$CHECKPOINT_STATE_FILE" seen.json\necho "$CHECKPOINT_PARTIAL" > partial.txt'
    runner.startStep({ node: 'build', run: script }, {})

    await runRun()

    expect(runner.outputs.get('reason')).toBe('partial')
    expect(JSON.parse(await readFile(join(workspace, 'seen.json'), 'utf8'))).toEqual({ step: 3 })
    expect(await readFile(join(workspace, 'partial.txt'), 'utf8')).toBe('true\n')
  })

  it("fails the step with the command's exit code and writes no checkpoint", async () => {
    const { runnerTemp } = await startJob(1)
    runner.startStep({ node: 'build', run: 'exit 3' }, {})

    await runRun()

    expect(runner.failures).toEqual([
      "The command of node 'build' exited with code 3: no checkpoint was written."
    ])
    expect(process.exitCode).toBe(3)
    expect(runner.outputs.get('exit-code')).toBe('3')
    expect(runner.outputs.get('skipped')).toBe('false')
    expect(checkpointNode).not.toHaveBeenCalled()
    // The post step sees a command that did not finish, and keeps what it recorded.
    expect(runner.state.get('status')).toBe('running')
    expect(await eventsOf(runnerTemp)).toEqual([
      { node: 'build', status: 'failed', reason: 'exit code 3' }
    ])
  })

  it('fails the step when the command leaves a state that is not a JSON object', async () => {
    await startJob(1)
    runner.startStep({ node: 'build', run: 'echo oops > "$CHECKPOINT_STATE_FILE"' }, {})

    await runRun()

    expect(runner.failures).toEqual([
      `The command of node 'build' left $CHECKPOINT_STATE_FILE holding "oops\\n", not a JSON object: no checkpoint was written.`
    ])
    expect(checkpointNode).not.toHaveBeenCalled()
  })

  it.each([
    [{ node: 'build', run: ' ' }, `Input 'run' has an invalid value " ": is required`],
    [{ run: 'true' }, `Input 'node' has an invalid value "": is required`],
    [
      { node: 'build', run: 'true', 'working-directory': 'nowhere' },
      `Input 'working-directory' has an invalid value "nowhere": must be an existing folder in the workspace`
    ],
    [{ node: 'build', run: 'true', shell: 'cmd' }, `Input 'shell' has an invalid value "cmd"`]
  ])('fails on an invalid input %j with an error naming it', async (inputs, message) => {
    await startJob(1)
    runner.startStep({ ...inputs, 'fail-on-error': 'false' }, {})

    await runRun()

    expect(runner.failures).toEqual([expect.stringContaining(message)])
    expect(restoreLatest).not.toHaveBeenCalled()
    expect(runner.outputs.has('exit-code')).toBe(false)
  })

  it('runs the node with a warning when the checkpoints cannot be read', async () => {
    const { workspace } = await startJob(2)
    restoreLatest.mockRejectedValue(new Error('the artifact service did not answer'))
    runner.startStep({ node: 'build', run: 'touch ran' }, {})

    await runRun()

    expect(runner.warnings).toEqual([
      "Could not read checkpoints (the artifact service did not answer): node 'build' runs."
    ])
    expect((await stat(join(workspace, 'ran'))).isFile()).toBe(true)
    expect(runner.outputs.get('reason')).toBe('not-done')
    expect(runner.failures).toEqual([])
  })

  it('fails the step, running nothing, when the checkpoints cannot be read and fail-on-error is true', async () => {
    const { workspace } = await startJob(2)
    restoreLatest.mockRejectedValue(new Error('the artifact service did not answer'))
    runner.startStep({ node: 'build', run: 'touch ran', 'fail-on-error': 'true' }, {})

    await runRun()

    expect(runner.failures).toEqual(['the artifact service did not answer'])
    await expect(stat(join(workspace, 'ran'))).rejects.toThrow('ENOENT')
  })

  it('warns when the checkpoint cannot be written, unless fail-on-error', async () => {
    await startJob(1)
    checkpointNode.mockRejectedValue(new Error('the upload was refused (503)'))
    runner.startStep({ node: 'build', run: BUILD }, {})

    await runRun()

    expect(runner.warnings).toEqual([
      'the upload was refused (503) (the step goes on: set fail-on-error: true to fail it instead)'
    ])
    expect(runner.failures).toEqual([])

    runner.startStep({ node: 'build', run: BUILD, 'fail-on-error': 'true' }, {})
    await runRun()
    expect(runner.failures).toEqual(['the upload was refused (503)'])
  })
})

describe("run's cheap path", () => {
  it("skips a node done with the same fingerprint from the job's context, reading nothing else", async () => {
    const { runnerTemp } = await startJob(2)
    await rememberRestore(runnerTemp, 'pipeline', restoredPipeline(), undefined)
    runner.startStep({ node: 'build', run: BUILD }, {})

    const cheap = await skipIfDone()

    expect(cheap.skipped).toBe(true)
    expect(restoreLatest).not.toHaveBeenCalled()
    expect(runner.outputsObject()).toEqual({
      reason: 'done',
      skipped: 'true',
      'exit-code': '',
      state: '{"rows":"10","built":"before"}'
    })
    expect(await eventsOf(runnerTemp)).toEqual([
      { node: 'build', status: 'skipped', reason: 'done' }
    ])
  })

  it('hands a node to run, and the job context it read, to the full entry', async () => {
    const { runnerTemp } = await startJob(2)
    await rememberRestore(runnerTemp, 'pipeline', restoredPipeline(), undefined)
    runner.startStep({ node: 'test', run: 'true' }, {})

    const cheap = await skipIfDone()

    expect(cheap.skipped).toBe(false)
    expect(cheap.job?.restored?.checkpoint).toBe('checkpoint.pipeline.a1.s002.build.json')
    expect(runner.outputsObject()).toEqual({})
  })

  it('leaves bad inputs and a job without context to the full entry', async () => {
    await startJob(2)
    runner.startStep({ node: 'build', run: BUILD }, {})
    expect(await skipIfDone()).toEqual({ skipped: false })

    runner.startStep({ node: 'a b', run: BUILD }, {})
    expect(await skipIfDone()).toEqual({ skipped: false })
    expect(runner.failures).toEqual([])
  })
})
