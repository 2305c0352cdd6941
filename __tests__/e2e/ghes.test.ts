// GitHub Enterprise Server has no artifact service. Each entry says so in one notice and does
// nothing else: no request, no failure (fail-on-error is about failures, and this is none), and
// the wrapped command still runs.
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { e2eWorld } from '../../__fixtures__/e2e.js'
import { annotations, writeTree } from '../../__fixtures__/checkpoints.js'
import type { StepResult } from '../../local/runner.js'

const world = e2eWorld({ runs: ['restore', 'save', 'run'] })

const NOTICE =
  'Checkpoints are off: this job runs on GitHub Enterprise Server (ghes.example.com), which has ' +
  'no artifact service, where checkpoint-action keeps them. This step does nothing and every ' +
  'node runs. On GHES checkpoints need the Actions cache, which a coming version of ' +
  'checkpoint-action will support; until then, resuming re-runs works on github.com and GHE.com.'

/** Exit 0, the one notice, and nothing else to see. */
function expectNoticeOnly(step: StepResult): void {
  expect(step.code).toBe(0)
  expect(annotations(step, 'notice')).toEqual([NOTICE])
  expect(annotations(step, 'warning')).toEqual([])
  expect(annotations(step, 'error')).toEqual([])
}

describe('on GitHub Enterprise Server', () => {
  it.each([1, 2])(
    'attempt %i: restore, save and run each give the one notice, call no service and fail nothing, even with fail-on-error',
    async attempt => {
      const job = await world.job(world.createRun(), attempt)
      job.options.env.GITHUB_SERVER_URL = 'https://ghes.example.com'
      const before = world.standIn.requestCount

      const restore = await job.uses('.', { 'fail-on-error': 'true' })
      await writeTree(job.options.workspace, { 'data/rows.csv': Buffer.from('id\n1\n') })
      const save = await job.uses('save', {
        node: 'fetch',
        paths: 'data/',
        'fail-on-error': 'true'
      })
      const run = await job.uses('run', { node: 'build', run: 'echo built > built.txt' })
      const posts = await job.complete()

      for (const step of [restore, save, run]) expectNoticeOnly(step)
      expect(restore.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
      expect(save.outputs.saved).toBe('false')
      expect(run.outputs['exit-code']).toBe('0')
      expect(await readFile(join(job.options.workspace, 'built.txt'), 'utf8')).toBe('built\n')
      expect(posts.map(post => post.code)).toEqual(posts.map(() => 0))
      expect(world.standIn.requestCount).toBe(before)
    },
    120_000
  )
})
