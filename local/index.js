// A local stand-in of GitHub's artifact service, cache v2 and v1 (GHES) services and REST endpoints,
// for in-process end-to-end tests, the demo and benchmarks. See index.d.ts for the API.
import { ARTIFACT_CONTAINER, createArtifactService } from './artifacts.js'
import { startAzurite } from './azurite.js'
import { CACHE_CONTAINER, createCacheService } from './cache.js'
import { createCacheV1 } from './cache-v1.js'
import { createFaultEngine } from './faults.js'
import { startBlobProxy } from './proxy.js'
import { createRecorder } from './recorder.js'
import { createRestApi } from './rest.js'
import { startServer } from './server.js'
import { createStore } from './store.js'
import { randomBytes } from 'node:crypto'
import { createTokenMinter } from './token.js'

/**
 * Starts Azurite (a child process) and the stand-in's HTTP server on 127.0.0.1.
 * @param {import('./index.js').StandInOptions} [options]
 * @returns {Promise<import('./index.js').StandIn>}
 */
export async function startStandIn({ log = () => {}, artifactsPerJob, deferDigests = false } = {}) {
  const azurite = await startAzurite({ log })
  try {
    await Promise.all([ARTIFACT_CONTAINER, CACHE_CONTAINER].map(c => azurite.ensureContainer(c)))
    return await assemble(azurite, log, { artifactsPerJob, deferDigests })
  } catch (error) {
    await azurite.stop()
    throw error
  }
}

async function assemble(azurite, log, { artifactsPerJob, deferDigests }) {
  const minter = createTokenMinter()
  const store = createStore(minter)
  const engine = createFaultEngine({ log })
  const { faults } = engine
  const requests = []
  const recorder = createRecorder()
  const proxy = await startBlobProxy({
    upstreamPort: azurite.port,
    engine,
    requests,
    recorder,
    log
  })
  engine.bindBlobStore(proxy)
  azurite.signUrlsFor(proxy.origin)
  const artifacts = createArtifactService({
    store,
    azurite,
    faults,
    artifactsPerJob,
    deferDigests
  })
  const cache = createCacheService({ store, azurite })
  const cacheV1 = createCacheV1({ store, azurite })
  let url = ''
  const rest = createRestApi({ store, artifacts, apiUrl: () => `${url}/api` })
  const server = await startServer({
    services: { ArtifactService: artifacts.methods, CacheService: cache.methods },
    rest,
    cacheV1,
    callerOf: token => callerOf(store, minter, token),
    requests,
    recorder,
    engine,
    log
  }).catch(async error => {
    await proxy.close()
    throw error
  })
  url = `http://127.0.0.1:${server.address().port}`
  log(
    `[stand-in] listening on ${url}, blob proxy on port ${proxy.port}, Azurite on port ${azurite.port}`
  )
  return buildApi({ url, store, artifacts, engine, requests, recorder, server, proxy, azurite })
}

/** The job a runtime token belongs to, if this stand-in minted it and the job exists. */
function callerOf(store, minter, token) {
  const ids = token ? minter.verifyRuntimeToken(token) : undefined
  const job = ids ? store.jobs.get(ids.jobBackendId) : undefined
  return job && job.run.runBackendId === ids.runBackendId ? job : undefined
}

function buildApi({ url, store, artifacts, engine, requests, recorder, server, proxy, azurite }) {
  let stopping
  return {
    url,
    azuritePort: azurite.port,
    blobUrl: proxy.origin,
    faults: engine.faults,
    requests,
    get requestCount() {
      return engine.count
    },
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
    settleDigests: () => artifacts.settleDigests(),
    listCacheEntries: () => store.cacheEntries.filter(e => e.finalized).map(publicCacheEntry),
    async corruptCacheEntry(key, options = {}) {
      const entry = finalizedEntry(store, key)
      const bytes = options.like
        ? await azurite.readBlob(CACHE_CONTAINER, finalizedEntry(store, options.like).blob)
        : randomBytes(entry.size)
      await azurite.writeBlob(CACHE_CONTAINER, entry.blob, bytes)
      entry.size = bytes.length
    },
    resetRequests() {
      requests.length = 0
    },
    record: () => recorder.start(),
    stop() {
      stopping ??= stopAll(engine, server, proxy, azurite)
      return stopping
    }
  }
}

async function stopAll(engine, server, proxy, azurite) {
  // Held and delayed requests resume at once and find their connections closed.
  engine.stop()
  const closed = new Promise(resolve => server.close(() => resolve(undefined)))
  // Keep-alive sockets from the toolkit's HTTP clients would otherwise hold close() open.
  server.closeAllConnections()
  await Promise.all([closed, proxy.close()])
  await azurite.stop()
}

function publicRun(run) {
  const { runId, runBackendId, repository, repositoryId, owner, repo, workflow, workflowId } = run
  const { runNumber, ref, sha, defaultBranch, event, headBranch, headRepository, pullRequest } = run
  return {
    headBranch,
    headRepository,
    pullRequest,
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
    GITHUB_EVENT_NAME: run.event,
    ...(run.pullRequest === null
      ? {}
      : { GITHUB_HEAD_REF: run.headBranch ?? '', GITHUB_BASE_REF: run.defaultBranch })
  }
}

function finalizedEntry(store, key) {
  const entry = store.cacheEntries.find(e => e.finalized && e.key === key)
  if (!entry) throw new Error(`no cache entry with key ${key}`)
  return entry
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
