// The REST endpoints (under /api) that @actions/artifact's findBy paths and a resuming
// pipeline call with a GITHUB_TOKEN.
import { RestError } from './http.js'

export const API_PREFIX = '/api'

/**
 * @param {{store: any, artifacts: ReturnType<typeof import('./artifacts.js').createArtifactService>, apiUrl: () => string}} deps
 */
export function createRestApi({ store, artifacts, apiUrl }) {
  const routes = [
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/, listRunArtifacts],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)$/, getRun],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)$/, getArtifact],
    ['DELETE', /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)$/, deleteArtifact],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/([^/]+)$/, downloadArtifact],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/, listWorkflowRuns],
    ['GET', /^\/repos\/([^/]+)\/([^/]+)$/, getRepository]
  ]

  function getRepository(url, repo) {
    return json({
      id: repo.id,
      name: repo.name,
      full_name: repo.fullName,
      owner: { login: repo.owner },
      default_branch: repo.defaultBranch
    })
  }

  function listRunArtifacts(url, repo, runId) {
    const run = runOf(repo, runId)
    const name = url.searchParams.get('name')
    const all = artifacts
      .listed(run)
      .filter(a => name === null || a.name === name)
      .sort((a, b) => b.sequence - a.sequence)
    const { items, headers } = paginate(url, all)
    return json({ total_count: all.length, artifacts: items.map(restArtifact) }, headers)
  }

  function getRun(url, repo, runId) {
    return json(restRun(runOf(repo, runId)))
  }

  function getArtifact(url, repo, id) {
    return json(restArtifact(artifactOf(repo, id)))
  }

  async function deleteArtifact(url, repo, id) {
    await artifacts.delete(artifactOf(repo, id))
    return { status: 204, body: undefined, headers: {} }
  }

  function downloadArtifact(url, repo, id, format) {
    const artifact = artifactOf(repo, id)
    if (format !== 'zip') throw new RestError(404, 'Not Found')
    // The toolkit requests with redirect: 'manual' and reads Location itself.
    return { status: 302, body: undefined, headers: { location: artifacts.readUrl(artifact) } }
  }

  function listWorkflowRuns(url, repo, workflowId) {
    const branch = url.searchParams.get('branch')
    const status = url.searchParams.get('status')
    const event = url.searchParams.get('event')
    const headSha = url.searchParams.get('head_sha')
    const workflow = decodeURIComponent(workflowId)
    const runs = [...store.runs.values()]
      .filter(r => r.repositoryId === repo.id)
      .filter(r => r.workflow === workflow || String(r.workflowId) === workflow)
      .filter(r => branch === null || r.headBranch === branch)
      .filter(r => status === null || r.status === status || r.conclusion === status)
      .filter(r => event === null || r.event === event)
      .filter(r => headSha === null || r.sha === headSha)
      .sort((a, b) => b.runId - a.runId)
    if (runs.length === 0 && !knowsWorkflow(repo, workflow)) throw new RestError(404, 'Not Found')
    const { items, headers } = paginate(url, runs)
    return json({ total_count: runs.length, workflow_runs: items.map(restRun) }, headers)
  }

  const runOf = (repo, runId) => {
    const run = store.runs.get(Number(runId))
    if (!run || run.repositoryId !== repo.id) throw new RestError(404, 'Not Found')
    return run
  }

  const artifactOf = (repo, id) => {
    const artifact = store.artifacts.find(
      a => a.id === Number(id) && a.finalized && !a.deleted && a.run.repositoryId === repo.id
    )
    if (!artifact) throw new RestError(404, 'Not Found')
    return artifact
  }

  const knowsWorkflow = (repo, workflow) =>
    [...repo.workflows.values()].some(w => w.file === workflow || String(w.id) === workflow)

  const repoUrl = run => `${apiUrl()}/repos/${run.repository}`

  const restArtifact = a => {
    const url = `${repoUrl(a.run)}/actions/artifacts/${a.id}`
    return {
      id: a.id,
      node_id: Buffer.from(`Artifact${a.id}`).toString('base64'),
      name: a.name,
      size_in_bytes: a.size,
      url,
      archive_download_url: `${url}/zip`,
      expired: false,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
      expires_at: a.expiresAt,
      digest: a.digest,
      workflow_run: {
        id: a.run.runId,
        repository_id: a.run.repositoryId,
        head_repository_id: a.run.repositoryId,
        head_branch: a.run.headBranch,
        head_sha: a.run.sha
      }
    }
  }

  const restRun = r => ({
    id: r.runId,
    name: r.workflow,
    node_id: Buffer.from(`WorkflowRun${r.runId}`).toString('base64'),
    head_branch: r.headBranch,
    head_sha: r.sha,
    path: `.github/workflows/${r.workflow}`,
    run_number: r.runNumber,
    run_attempt: r.attempt,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: r.workflowId,
    url: `${repoUrl(r)}/actions/runs/${r.runId}`,
    html_url: `https://github.com/${r.repository}/actions/runs/${r.runId}`,
    artifacts_url: `${repoUrl(r)}/actions/runs/${r.runId}/artifacts`,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    run_started_at: r.createdAt,
    repository: {
      id: r.repositoryId,
      name: r.repo,
      full_name: r.repository,
      owner: { login: r.owner }
    },
    head_repository: headRepository(r),
    // GitHub lists the pull requests of a run only when they are of this repository's branches.
    pull_requests:
      r.pullRequest !== null && r.headRepository === r.repository ? [pullRequestOf(r)] : []
  })

  const headRepository = r => {
    if (r.headRepository === r.repository) {
      return { id: r.repositoryId, name: r.repo, full_name: r.repository }
    }
    const [owner, name] = r.headRepository.split('/')
    return {
      id: forkId(r.headRepository),
      name,
      full_name: r.headRepository,
      owner: { login: owner }
    }
  }

  const pullRequestOf = r => ({
    id: r.pullRequest,
    number: r.pullRequest,
    url: `${repoUrl(r)}/pulls/${r.pullRequest}`,
    head: { ref: r.headBranch, sha: r.sha, repo: { id: r.repositoryId, name: r.repo } },
    base: { ref: r.defaultBranch, repo: { id: r.repositoryId, name: r.repo } }
  })

  /**
   * Routes one request under /api; throws RestError for answers other than success.
   * @param {string} method
   * @param {URL} url  the full request URL, its path starting with /api
   * @param {string | undefined} token
   */
  async function handle(method, url, token) {
    const job = token ? store.jobByRestToken(token) : undefined
    if (!job) throw new RestError(401, 'Bad credentials')
    const path = url.pathname.slice(API_PREFIX.length)
    // A token without `actions: read` is refused every Actions endpoint, as GitHub does.
    if (!job.actionsRead && /^\/repos\/[^/]+\/[^/]+\/actions\//.test(path)) {
      throw new RestError(403, 'Resource not accessible by integration')
    }
    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(path)
      if (match && routeMethod === method) {
        const repo = repoNamed(store, decodeURIComponent(match[1]), decodeURIComponent(match[2]))
        return handler(url, repo, ...match.slice(3))
      }
    }
    throw new RestError(404, 'Not Found')
  }

  return { handle }
}

/** GitHub treats owner/repo case-insensitively. */
function repoNamed(store, owner, name) {
  const wanted = `${owner}/${name}`.toLowerCase()
  const repo = [...store.repos.values()].find(r => r.fullName.toLowerCase() === wanted)
  if (!repo) throw new RestError(404, 'Not Found')
  return repo
}

/** A stable id for a fork, which the stand-in does not otherwise know. */
function forkId(fullName) {
  let hash = 0
  for (const char of fullName) hash = (hash * 31 + char.charCodeAt(0)) % 900_000_000
  return 100_000_000 + hash
}

function json(body, headers = {}) {
  return { status: 200, body, headers }
}

/** per_page (default 30, max 100) and page, with a Link header like api.github.com sends. */
function paginate(url, all) {
  const perPage = clamp(Number(url.searchParams.get('per_page') ?? 30), 1, 100)
  const page = Math.max(1, Math.floor(Number(url.searchParams.get('page') ?? 1)) || 1)
  const items = all.slice((page - 1) * perPage, page * perPage)
  const last = Math.max(1, Math.ceil(all.length / perPage))
  const link = pageLink(url, page, last)
  return { items, headers: link ? { link } : {} }
}

function pageLink(url, page, last) {
  const at = n => {
    const target = new URL(url)
    target.searchParams.set('page', String(n))
    return target.href
  }
  const links = []
  if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`)
  if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`)
  return links.join(', ')
}

function clamp(value, min, max) {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min
}
