import { readFile } from 'node:fs/promises'
import type { GitHubClient, Repository } from './rest-client.js'

/** An earlier run of this workflow, as the REST API lists it. */
export interface WorkflowRun {
  id: number
  event: string
  headSha: string
  headBranch: string
  /** Pull requests of this repository the run is of (GitHub lists none for a fork's). */
  pullRequests: number[]
  /** `owner/name` of the repository the run's commit came from. */
  headRepository: string | undefined
}

/** This run, as far as the choice of earlier runs depends on it. */
export interface CurrentRun {
  repository: Repository
  runId: number
  /** The workflow's file name (`ci.yml`) as the REST API takes it; undefined when unknown. */
  workflow: string | undefined
  event: string
  sha: string
  /** The branch the run is of: the pushed branch, or a pull request's head branch. */
  branch: string | undefined
  /** The pull request a pull_request run is of. */
  pullRequest: number | undefined
}

/** Reads this run from the runner's environment; undefined outside a job. */
export function currentRun(env: NodeJS.ProcessEnv = process.env): CurrentRun | undefined {
  const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const runId = Number(env.GITHUB_RUN_ID)
  if (!owner || !name || !Number.isSafeInteger(runId)) return undefined
  const ref = env.GITHUB_REF ?? ''
  const event = env.GITHUB_EVENT_NAME ?? ''
  const pull = /^refs\/pull\/(\d+)\//.exec(ref)
  const branch = isPullRequestEvent(event)
    ? env.GITHUB_HEAD_REF || undefined
    : ref.startsWith('refs/heads/')
      ? ref.slice('refs/heads/'.length)
      : env.GITHUB_REF_NAME || undefined
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/ci.yml@refs/heads/main
  const path = (env.GITHUB_WORKFLOW_REF ?? '').split('@')[0] ?? ''
  const workflow = /\/\.github\/workflows\/([^/]+)$/.exec(path)?.[1]
  return {
    repository: { owner, name },
    runId,
    workflow,
    event,
    sha: env.GITHUB_SHA ?? '',
    branch,
    pullRequest: pull ? Number(pull[1]) : undefined
  }
}

/** A run triggered by a pull request (`pull_request`, `pull_request_target`, reviews...). */
export function isPullRequestEvent(event: string): boolean {
  return event.startsWith('pull_request')
}

/**
 * Why an earlier run may not supply checkpoints to this one, or undefined when it may. Only
 * earlier runs of this repository's own commits count: never a fork's run; and a run triggered
 * by a pull request serves only later runs of the same pull request, never a push.
 */
export function distrust(candidate: WorkflowRun, current: CurrentRun): string | undefined {
  const repository = `${current.repository.owner}/${current.repository.name}`.toLowerCase()
  if (candidate.id >= current.runId) return 'it is not earlier than this run'
  if (candidate.headRepository?.toLowerCase() !== repository) {
    return `it ran on the commit of another repository (${candidate.headRepository ?? 'unknown'}), a fork`
  }
  if (!isPullRequestEvent(candidate.event)) return undefined
  if (!isPullRequestEvent(current.event) || current.pullRequest === undefined) {
    return `it was triggered by a pull request (${candidate.event}), and serves only later runs of the same pull request`
  }
  if (!candidate.pullRequests.includes(current.pullRequest)) {
    return `it is of another pull request than #${current.pullRequest}`
  }
  return undefined
}

/** Which earlier runs to list, and how many may be looked at in all. */
export interface RunQuery {
  match: 'ref' | 'sha'
  maxRuns: number
  defaultBranch: string | undefined
}

/**
 * Completed runs of this workflow, newest first: with `ref`, those of this branch, then those of
 * the default branch; with `sha`, those of this commit. At most `maxRuns` are yielded, all
 * listings together, whatever becomes of them.
 * @throws GitHubApiError (403 without `actions: read`)
 */
export async function* earlierRuns(
  client: GitHubClient,
  current: CurrentRun,
  workflow: string,
  query: RunQuery
): AsyncGenerator<WorkflowRun> {
  const seen = new Set<number>()
  for (const filter of listings(current, query)) {
    const path = `${repoPath(current.repository)}/actions/workflows/${encodeURIComponent(workflow)}/runs`
    let url: string | undefined =
      `${path}?${filter}&status=completed&per_page=${Math.min(100, query.maxRuns)}`
    while (url !== undefined && seen.size < query.maxRuns) {
      const page = await client.getJson(url, `the runs of workflow ${workflow}`)
      const runs = (page.json as { workflow_runs?: unknown[] }).workflow_runs ?? []
      for (const run of runs.map(toWorkflowRun)) {
        if (seen.has(run.id) || seen.size >= query.maxRuns) continue
        seen.add(run.id)
        yield run
      }
      url = runs.length > 0 ? page.next : undefined
    }
  }
}

function listings(current: CurrentRun, query: RunQuery): string[] {
  if (query.match === 'sha') return [`head_sha=${encodeURIComponent(current.sha)}`]
  const branches = [current.branch, query.defaultBranch].filter(
    (branch): branch is string => branch !== undefined && branch !== ''
  )
  return [...new Set(branches)].map(branch => `branch=${encodeURIComponent(branch)}`)
}

function toWorkflowRun(item: unknown): WorkflowRun {
  const value = (item ?? {}) as Record<string, unknown>
  const head = (value.head_repository ?? {}) as Record<string, unknown>
  const pulls = Array.isArray(value.pull_requests) ? (value.pull_requests as unknown[]) : []
  return {
    id: Number(value.id),
    event: typeof value.event === 'string' ? value.event : '',
    headSha: typeof value.head_sha === 'string' ? value.head_sha : '',
    headBranch: typeof value.head_branch === 'string' ? value.head_branch : '',
    pullRequests: pulls.map(pull => Number((pull as { number?: unknown } | null)?.number)),
    headRepository: typeof head.full_name === 'string' ? head.full_name : undefined
  }
}

/**
 * The repository's default branch: from the event payload the runner wrote, else the REST API.
 * @throws GitHubApiError
 */
export async function defaultBranch(
  client: GitHubClient,
  repository: Repository,
  env: NodeJS.ProcessEnv = process.env
): Promise<string | undefined> {
  const fromEvent = await readFile(env.GITHUB_EVENT_PATH ?? '', 'utf8').then(
    text =>
      ((JSON.parse(text) as { repository?: { default_branch?: unknown } }).repository ?? {})
        .default_branch,
    () => undefined
  )
  if (typeof fromEvent === 'string' && fromEvent !== '') return fromEvent
  const { json } = await client.getJson(repoPath(repository), 'the repository')
  const branch = (json as { default_branch?: unknown }).default_branch
  return typeof branch === 'string' ? branch : undefined
}

/**
 * The workflow of this run, when the runner did not say it (GITHUB_WORKFLOW_REF): the id the
 * REST API records for the run.
 * @throws GitHubApiError
 */
export async function workflowOf(client: GitHubClient, current: CurrentRun): Promise<string> {
  if (current.workflow !== undefined) return current.workflow
  const { json } = await client.getJson(
    `${repoPath(current.repository)}/actions/runs/${current.runId}`,
    `run ${current.runId}`
  )
  return String((json as { workflow_id?: unknown }).workflow_id)
}

function repoPath(repository: Repository): string {
  return `/repos/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}`
}
