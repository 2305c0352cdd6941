// The self-test workflow (.github/workflows/self-test.yml) replayed against the stand-in, both
// attempts, as GitHub runs it with self-test-rerun.yml re-running the failed job once.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { Run } from '../../local/index.js'
import { e2eWorld, ROOT } from '../../__fixtures__/e2e.js'
import {
  replayJob,
  type ReplayedStep,
  type WorkflowStep
} from '../../__fixtures__/workflow-replay.js'

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/self-test.yml'), 'utf8')) as {
  jobs: Record<string, { steps: WorkflowStep[] }>
}
const jobs = Object.entries(workflow.jobs)
if (jobs.length !== 1)
  throw new Error(`self-test.yml: the replay expects one job, not ${jobs.length}`)
const [[jobId, job]] = jobs as [[string, { steps: WorkflowStep[] }]]

const DELIBERATE = /^Fail on purpose/

const world = e2eWorld({ runs: ['restore', 'save', 'run'] })
let run: Run
let attempt1: Awaited<ReturnType<typeof replayJob>>

beforeAll(async () => {
  run = world.createRun()
  attempt1 = await replayJob(await world.job(run, 1, { job: jobId }), job.steps)
})

function step(steps: ReplayedStep[], id: string): ReplayedStep {
  const found = steps.find(item => item.id === id)
  if (!found) throw new Error(`self-test.yml has no step with id ${id}`)
  return found
}

/** Each step's outcome, with its output when it failed, for a readable failure. */
function outcomes(steps: ReplayedStep[]) {
  return steps.map(item => ({
    step: item.label,
    outcome: item.outcome,
    ...(item.outcome === 'failure'
      ? { output: `${item.result?.stdout ?? ''}${item.result?.stderr ?? ''}` }
      : {})
  }))
}

describe('the self-test workflow, replayed', () => {
  it('attempt 1 saves its nodes, then fails at the deliberate step', () => {
    const failing = attempt1.steps.findIndex(item => item.outcome === 'failure')
    expect(attempt1.steps[failing]?.label).toMatch(DELIBERATE)
    expect(
      outcomes(attempt1.steps.slice(0, failing)).filter(item => item.outcome !== 'success')
    ).toEqual([])
    expect(attempt1.steps.slice(failing + 1).every(item => item.outcome === 'skipped')).toBe(true)
    expect(step(attempt1.steps, 'resume').result?.outputs.resumed).toBe('false')
    expect(step(attempt1.steps, 'save-produce').result?.outputs.saved).toBe('true')
    expect(step(attempt1.steps, 'count').result?.outputs).toMatchObject({
      skipped: 'false',
      'exit-code': '0'
    })
    expect(attempt1.posts.map(post => post.code)).toEqual([0, 0])
  })

  it('attempt 2 resumes: restored outputs, files byte-identical, the wrapped command skipped', async () => {
    const attempt2 = await replayJob(await world.job(run, 2, { job: jobId }), job.steps)
    expect(outcomes(attempt2.steps).filter(item => item.outcome === 'failure')).toEqual([])
    expect(attempt2.steps.find(item => DELIBERATE.test(item.label))?.outcome).toBe('skipped')
    expect(step(attempt2.steps, 'produce').outcome).toBe('skipped')
    expect(step(attempt2.steps, 'resume').result?.outputs).toMatchObject({
      resumed: 'true',
      'done-produce': 'true',
      'done-count': 'true'
    })
    expect(step(attempt2.steps, 'count').result?.outputs.skipped).toBe('true')
    const check = attempt2.steps.at(-1)
    expect(check?.label).toBe('Check that the re-run resumed')
    expect(check?.outcome).toBe('success')
    expect(check?.result?.stdout).toContain(
      'Resumed: both nodes restored, payload.bin byte-identical'
    )
    expect(attempt2.posts.map(post => post.code)).toEqual([0, 0])
  })
})
