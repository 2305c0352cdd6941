import { describe, expect, it } from '@jest/globals'
import {
  currentRun,
  distrust,
  type CurrentRun,
  type WorkflowRun
} from '../../src/transport/workflow-runs.js'

const env = {
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '500',
  GITHUB_WORKFLOW_REF: 'octo/app/.github/workflows/ci.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_SHA: 'abc',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REF_NAME: 'main'
}

const push: CurrentRun = {
  repository: { owner: 'octo', name: 'app' },
  runId: 500,
  workflow: 'ci.yml',
  event: 'push',
  sha: 'abc',
  branch: 'main',
  pullRequest: undefined
}

const earlier: WorkflowRun = {
  id: 400,
  event: 'push',
  headSha: 'abd',
  headBranch: 'main',
  pullRequests: [],
  headRepository: 'octo/app'
}

describe('this run, from the environment', () => {
  it('reads a push', () => {
    expect(currentRun(env)).toEqual(push)
  })

  it("reads a pull request's number and head branch", () => {
    expect(
      currentRun({
        ...env,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/12/merge',
        GITHUB_HEAD_REF: 'feature'
      })
    ).toMatchObject({ event: 'pull_request', branch: 'feature', pullRequest: 12 })
  })

  it('knows nothing outside a job', () => {
    expect(currentRun({})).toBeUndefined()
    expect(currentRun({ ...env, GITHUB_WORKFLOW_REF: undefined })?.workflow).toBeUndefined()
  })
})

describe('which earlier runs may serve this one', () => {
  it('takes an earlier push of this repository', () => {
    expect(distrust(earlier, push)).toBeUndefined()
    expect(distrust({ ...earlier, headRepository: 'Octo/App' }, push)).toBeUndefined()
  })

  it('refuses runs not earlier than this one', () => {
    expect(distrust({ ...earlier, id: 500 }, push)).toBe('it is not earlier than this run')
    expect(distrust({ ...earlier, id: 501 }, push)).toBe('it is not earlier than this run')
  })

  it("refuses a fork's run, whatever it is triggered by", () => {
    const fork = { ...earlier, headRepository: 'mallory/app' }
    expect(distrust(fork, push)).toMatch(/another repository \(mallory\/app\), a fork/)
    const pr = { ...push, event: 'pull_request', pullRequest: 3 }
    expect(distrust({ ...fork, event: 'pull_request', pullRequests: [3] }, pr)).toMatch(/a fork/)
    expect(distrust({ ...earlier, headRepository: undefined }, push)).toMatch(/a fork/)
  })

  it("lets a pull request's run serve only later runs of the same pull request", () => {
    const fromPr = { ...earlier, event: 'pull_request', pullRequests: [3] }
    expect(distrust(fromPr, push)).toMatch(/serves only later runs of the same pull request/)
    expect(distrust({ ...fromPr, event: 'pull_request_target' }, push)).toMatch(/pull request/)
    const pr3 = { ...push, event: 'pull_request', pullRequest: 3, branch: 'feature' }
    expect(distrust(fromPr, pr3)).toBeUndefined()
    expect(distrust(fromPr, { ...pr3, pullRequest: 4 })).toBe(
      'it is of another pull request than #4'
    )
    // A push of this repository may serve a pull request's run.
    expect(distrust(earlier, pr3)).toBeUndefined()
  })
})
