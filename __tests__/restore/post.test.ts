// The restore step's post step without a bundle: the job summary from the job's context.
import { describe, expect, it } from '@jest/globals'
import { checkpointsOf, mockToolkit, useJob } from '../../__fixtures__/steps.js'

const runner = mockToolkit()

const { runRestorePost } = await import('../../src/restore/post.js')
const { recordEvent, rememberRestore } = await import('../../src/action/job-context.js')

const startJob = useJob()

describe('the restore post step', () => {
  it('writes the summary of the scope its main step restored, and a notice of the work saved', async () => {
    const { runnerTemp } = await startJob(2)
    const [fetched] = checkpointsOf(1, [{ id: 'fetch', state: { rows: '1' } }])
    const job = await rememberRestore(runnerTemp, 'pipeline', fetched, undefined)
    await recordEvent(runnerTemp, job, { node: 'fetch', status: 'skipped', reason: 'done' })
    runner.startStep({}, { scope: 'pipeline' })

    await runRestorePost()

    expect(runner.summary).toContain('### Checkpoints of `pipeline`')
    expect(runner.summary).toContain(
      'Resumed from `checkpoint.pipeline.a1.s001.fetch.json` (attempt 1 of run 42): 1 node(s) skipped'
    )
    expect(runner.summary).toContain('| fetch | restored | done before |')
    expect(runner.notices).toEqual([
      expect.stringMatching(/^Resumed from attempt 1: 1 node\(s\) skipped \(fetch\)/)
    ])
    expect(runner.warnings).toEqual([])
  })

  it('says the restore did not complete when its main step left no job context', async () => {
    await startJob(2)
    runner.startStep({}, { scope: 'pipeline' })

    await runRestorePost()

    expect(runner.summary).toContain('The restore step did not complete: see its log.')
    expect(runner.notices).toEqual([])
  })

  it('writes nothing when its main step did not get as far as reading the scope', async () => {
    await startJob(2)
    runner.startStep({}, {})

    await runRestorePost()

    expect(runner.summary).toBe('')
    expect(runner.warnings).toEqual([])
  })
})
