// The run step's post step without a bundle: a command that did not finish has its progress
// kept as a partial checkpoint. The toolkit is a stand-in in memory, checkpointNode a mock.
import { describe, expect, it } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { computeFingerprint } from '../../src/checkpoint/fingerprint.js'
import { eventsOf, mockResume, mockToolkit, useJob } from '../../__fixtures__/steps.js'

const runner = mockToolkit()
const { checkpointNode } = mockResume()

const { runRun } = await import('../../src/run/main.js')
const { runRunPost } = await import('../../src/run/post.js')

const startJob = useJob()

/** The state a main step saved for a command that was cancelled after writing `progress`. */
async function cancelledCommand(
  runnerTemp: string,
  progress: string
): Promise<Record<string, string>> {
  const file = join(runnerTemp, 'build.progress.json')
  await writeFile(file, progress)
  return { status: 'cancelled', node: 'build', scope: 'pipeline', 'state-file': file }
}

describe('the run post step', () => {
  it('keeps the progress of a command that failed part-way, for the next attempt', async () => {
    const { runnerTemp } = await startJob(1)
    // A post step is given the same inputs as its main step.
    const inputs = {
      node: 'build',
      run: `echo '{"step": 3}' > "$CHECKPOINT_STATE_FILE"\nexit 1`,
      key: 'k1'
    }
    runner.startStep(inputs, {})
    await runRun()
    expect(checkpointNode).not.toHaveBeenCalled()

    runner.startStep(inputs)
    await runRunPost()

    expect(runner.failures).toEqual([])
    expect(checkpointNode).toHaveBeenCalledTimes(1)
    const [save, paths] = checkpointNode.mock.calls[0] ?? []
    expect(save).toMatchObject({
      node: 'build',
      scope: 'pipeline',
      state: { step: 3 },
      partial: true
    })
    // The whole fingerprint, as the run step computes it: progress crosses runs only with it.
    expect(save?.fingerprint).toEqual(
      computeFingerprint({ key: 'k1', command: inputs.run, shell: 'bash' })
    )
    expect(paths).toEqual([])
    expect(runner.infos).toContain(
      "Node 'build' did not finish: its progress is kept in checkpoint.pipeline.a1.s001.build.json for the next attempt."
    )
    expect((await eventsOf(runnerTemp))?.at(-1)).toEqual({
      node: 'build',
      status: 'partial',
      reason: 'cancelled',
      checkpoint: 'checkpoint.pipeline.a1.s001.build.json'
    })
  })

  it('keeps the files of a cancelled command though it recorded no state', async () => {
    const { runnerTemp } = await startJob(1)
    runner.startStep({ node: 'build', paths: 'out/' }, await cancelledCommand(runnerTemp, ''))

    await runRunPost()

    expect(checkpointNode.mock.calls[0]?.[1]).toEqual(['out/'])
    expect(checkpointNode.mock.calls[0]?.[0].state).toEqual({})
  })

  it('keeps nothing when the command recorded no progress and has no paths', async () => {
    const { runnerTemp } = await startJob(1)
    runner.startStep({ node: 'build' }, await cancelledCommand(runnerTemp, ''))

    await runRunPost()

    expect(checkpointNode).not.toHaveBeenCalled()
    expect(runner.infos).toEqual([
      "Node 'build' did not finish and recorded no progress: nothing to keep."
    ])
  })

  it('does nothing after a command that completed', async () => {
    const { runnerTemp } = await startJob(1)
    const state = { ...(await cancelledCommand(runnerTemp, '{"step": 3}')), status: 'completed' }
    runner.startStep({ node: 'build' }, state)

    await runRunPost()

    expect(checkpointNode).not.toHaveBeenCalled()
    expect(runner.infos).toEqual([])
  })

  it('warns when the progress cannot be kept, and fails the step with fail-on-error', async () => {
    const { runnerTemp } = await startJob(1)
    checkpointNode.mockRejectedValue(new Error('the upload was refused (503)'))
    const state = await cancelledCommand(runnerTemp, '{"step": 3}')
    runner.startStep({ node: 'build' }, state)

    await runRunPost()

    expect(runner.warnings).toEqual([
      "Could not keep the progress of node 'build': the upload was refused (503)"
    ])
    expect(runner.failures).toEqual([])

    runner.startStep({ node: 'build', 'fail-on-error': 'true' }, state)
    await runRunPost()
    expect(runner.failures).toEqual([
      "Could not keep the progress of node 'build': the upload was refused (503)"
    ])
  })
})
