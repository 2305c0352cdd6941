// GitHub Enterprise Server has no artifact service. Restore says so in one notice and goes on
// with the Actions cache; a node without a key is kept nowhere, and save and run say so in a
// warning. Nothing calls the artifact service, and nothing fails (fail-on-error is about
// failures, and this is none); the wrapped command still runs. Resuming there through the v1
// cache is tested in cache.test.ts.
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { e2eWorld } from '../../__fixtures__/e2e.js'
import { annotations, writeTree } from '../../__fixtures__/checkpoints.js'
import type { StepResult } from '../../local/runner.js'

const world = e2eWorld({ runs: ['restore', 'save', 'run'] })

const NOTICE =
  'GitHub Enterprise Server (ghes.example.com) has no artifact service: checkpoints are saved ' +
  'to and restored from the Actions cache only (nodes with a key); the other nodes run again.'

/** The warning of a node without a key on GHES. */
function notKept(node: string): string {
  return (
    `Node '${node}' is not kept anywhere: GitHub Enterprise Server has no artifacts, and the ` +
    'Actions cache keeps only nodes with a key (it has no key).'
  )
}

/** Exit 0, no error, the notices and warnings given. */
function expectOutcome(step: StepResult, notices: string[], warnings: string[]): void {
  expect(step.code).toBe(0)
  expect(annotations(step, 'notice')).toEqual(notices)
  expect(annotations(step, 'warning')).toEqual(warnings)
  expect(annotations(step, 'error')).toEqual([])
}

describe('on GitHub Enterprise Server', () => {
  it.each([1, 2])(
    'attempt %i: restore gives the one notice, save and run say an unkeyed node is kept nowhere; no artifact call, nothing fails, even with fail-on-error',
    async attempt => {
      const job = await world.job(world.createRun(), attempt)
      job.options.env.GITHUB_SERVER_URL = 'https://ghes.example.com'
      world.standIn.resetRequests()

      const restore = await job.uses('.', { 'fail-on-error': 'true' })
      await writeTree(job.options.workspace, { 'data/rows.csv': Buffer.from('id\n1\n') })
      const save = await job.uses('save', {
        node: 'fetch',
        paths: 'data/',
        'fail-on-error': 'true'
      })
      const run = await job.uses('run', { node: 'build', run: 'echo built > built.txt' })
      const posts = await job.complete()

      expectOutcome(restore, [NOTICE], [])
      expectOutcome(save, [], [notKept('fetch')])
      expectOutcome(run, [], [notKept('build')])
      expect(restore.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
      expect(save.outputs).toMatchObject({ saved: 'false', checkpoint: '' })
      expect(run.outputs['exit-code']).toBe('0')
      expect(await readFile(join(job.options.workspace, 'built.txt'), 'utf8')).toBe('built\n')
      expect(posts.map(post => post.code)).toEqual(posts.map(() => 0))
      expect(world.standIn.requests.filter(request => request.service === 'artifact')).toEqual([])
    },
    120_000
  )
})
