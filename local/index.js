// A local stand-in of GitHub's artifact service, cache v2 service and REST artifact endpoints,
// for in-process end-to-end tests, the demo and benchmarks. See index.d.ts for the API.
import { ARTIFACT_CONTAINER, createArtifactService } from './artifacts.js'
import { startAzurite } from './azurite.js'
import { CACHE_CONTAINER, createCacheService } from './cache.js'
import { createRestApi } from './rest.js'
import { startServer } from './server.js'
import { createStore } from './store.js'
import { createTokenMinter } from './token.js'

/**
 * Starts Azurite (a child process) and the stand-in's HTTP server on 127.0.0.1.
 * @param {{log?: (line: string) => void}} [options]
 * @returns {Promise<import('./index.js').StandIn>}
 */
export async function startStandIn({ log = () => {} } = {}) {
  const azurite = await startAzurite({ log })
  try {
    await Promise.all([ARTIFACT_CONTAINER, CACHE_CONTAINER].map(c => azurite.ensureContainer(c)))
    return await assemble(azurite, log)
  } catch (error) {
    await azurite.stop()
    throw error
  }
}

async function assemble(azurite, log) {
  const minter = createTokenMinter()
  const store = createStore(minter)
  const faults = { signedUrl404ForEarlierAttempts: false }
  const artifacts = createArtifactService({ store, azurite, faults })
  const cache = createCacheService({ store, azurite })
  const requests = []
  let url = ''
  const rest = createRestApi({ store, artifacts, apiUrl: () => `${url}/api` })
  const server = await startServer({
    services: { ArtifactService: artifacts.methods, CacheService: cache.methods },
    rest,
    callerOf: token => callerOf(store, minter, token),
    requests,
    log
  })
  url = `http://127.0.0.1:${server.address().port}`
  log(`[stand-in] listening on ${url}, Azurite blob on port ${azurite.port}`)
  return buildApi({ url, store, artifacts, faults, requests, server, azurite })
}

/** The job a runtime token belongs to, if this stand-in minted it and the job exists. */
function callerOf(store, minter, token) {
  const ids = token ? minter.verifyRuntimeToken(token) : undefined
  const job = ids ? store.jobs.get(ids.jobBackendId) : undefined
  return job && job.run.runBackendId === ids.runBackendId ? job : undefined
}

function buildApi({ url, store, artifacts, faults, requests, server, azurite }) {
  let stopping
  return {
    url,
    azuritePort: azurite.port,
    faults,
    requests,
    createRun: options => publicRun(store.createRun(options)),
    startJob: (run, options) => publicJob(store.startJob(store.runFor(run), options ?? {}), url),
    completeRun(run, conclusion = 'success') {
      const record = store.runFor(run)
      Object.assign(record, {
        status: 'completed',
        conclusion,
        updatedAt: new Date().toISOString()
      })
    },
    corruptArtifact: (run, name, options) => artifacts.corrupt(store.runFor(run), name, options),
    listArtifacts: run => artifacts.listed(store.runFor(run)).map(publicArtifact),
    listCacheEntries: () => store.cacheEntries.filter(e => e.finalized).map(publicCacheEntry),
    resetRequests() {
      requests.length = 0
    },
    stop() {
      stopping ??= stopAll(server, azurite)
      return stopping
    }
  }
}

async function stopAll(server, azurite) {
  const closed = new Promise(resolve => server.close(() => resolve(undefined)))
  // Keep-alive sockets from the toolkit's HTTP clients would otherwise hold close() open.
  server.closeAllConnections()
  await closed
  await azurite.stop()
}

function publicRun(run) {
  const { runId, runBackendId, repository, repositoryId, owner, repo, workflow, workflowId } = run
  const { runNumber, ref, sha, defaultBranch, event } = run
  return {
    runId,
    runBackendId,
    repository,
    repositoryId,
    owner,
    repo,
    workflow,
    workflowId,
    runNumber,
    ref,
    sha,
    defaultBranch,
    event
  }
}

function publicJob(job, url) {
  const { run } = job
  return {
    runId: run.runId,
    runBackendId: run.runBackendId,
    attempt: job.attempt,
    job: job.job,
    jobBackendId: job.jobBackendId,
    token: job.token,
    runtimeToken: job.runtimeToken,
    env: jobEnv(job, url)
  }
}

/** Everything the toolkit clients read, as a runner would set it. */
function jobEnv(job, url) {
  const { run } = job
  const refName = run.ref.replace(/^refs\/(heads|tags)\//, '')
  return {
    ACTIONS_RUNTIME_TOKEN: job.runtimeToken,
    ACTIONS_RESULTS_URL: `${url}/`,
    ACTIONS_CACHE_URL: `${url}/`,
    ACTIONS_CACHE_SERVICE_V2: 'True',
    // github.com, or the artifact client throws GHESNotSupportedError and cache falls back to v1.
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: `${url}/api`,
    GITHUB_TOKEN: job.token,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: run.repository,
    GITHUB_REPOSITORY_OWNER: run.owner,
    GITHUB_REPOSITORY_ID: String(run.repositoryId),
    GITHUB_RUN_ID: String(run.runId),
    GITHUB_RUN_ATTEMPT: String(job.attempt),
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_JOB: job.job,
    GITHUB_WORKFLOW: run.workflow,
    GITHUB_WORKFLOW_REF: `${run.repository}/.github/workflows/${run.workflow}@${run.ref}`,
    GITHUB_SHA: run.sha,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: run.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_EVENT_NAME: run.event
  }
}

function publicArtifact(a) {
  return {
    id: a.id,
    name: a.name,
    size: a.size,
    digest: a.digest,
    mimeType: a.mimeType,
    attempt: a.attempt,
    jobBackendId: a.jobBackendId,
    createdAt: a.createdAt
  }
}

function publicCacheEntry(e) {
  const { id, key, version, scope, size, createdAt } = e
  return { id, key, version, scope, size, createdAt }
}
