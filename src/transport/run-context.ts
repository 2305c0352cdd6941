import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import type { RunInfo } from '../checkpoint/document.js'

/** What the runner tells an action about where and when it runs. */
export interface RunContext {
  workspace: string
  runnerTemp: string
  run: RunInfo
  repository: { owner: string; name: string } | undefined
}

/** Reads the run context from the runner's environment, with local fallbacks. */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  return {
    workspace: resolve(env.GITHUB_WORKSPACE ?? process.cwd()),
    runnerTemp: resolve(env.RUNNER_TEMP ?? tmpdir()),
    run: definedOnly({
      runId: env.GITHUB_RUN_ID ?? 'local',
      attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1,
      repository: env.GITHUB_REPOSITORY,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF
    }),
    repository: owner && name ? { owner, name } : undefined
  }
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T
}
