// In-memory records of repositories, runs, jobs, artifacts and cache entries.
import { randomInt, randomUUID } from 'node:crypto'

/** Artifact and cache ids: 10 digits, mostly above 2^31 like today's real ids. */
const ID_MIN = 1_000_000_000
const ID_MAX = 9_000_000_000

/**
 * @param {{mintRuntimeToken: Function, mintRestToken: () => string}} minter
 */
export function createStore(minter) {
  const repos = new Map()
  const runs = new Map()
  const jobs = new Map()
  const jobsByRestToken = new Map()
  const usedIds = new Set()
  let nextRunId = 10_000_000_000 + randomInt(1_000_000)
  let sequence = 0

  /**
   * Random unique ids: real artifact ids are not monotonic across attempts, so nothing may
   * rely on their order.
   */
  const newId = () => {
    let id
    do id = randomInt(ID_MIN, ID_MAX)
    while (usedIds.has(id))
    usedIds.add(id)
    return id
  }

  /** Strictly increasing; orders records without reading the clock. */
  const nextSequence = () => ++sequence

  const repoFor = (fullName, defaultBranch) => {
    if (!repos.has(fullName)) {
      const [owner, name] = fullName.split('/')
      const id = randomInt(100_000_000, 999_999_999)
      repos.set(fullName, { id, owner, name, fullName, defaultBranch, workflows: new Map() })
    }
    return repos.get(fullName)
  }

  const workflowFor = (repo, file) => {
    if (!repo.workflows.has(file)) {
      repo.workflows.set(file, { id: randomInt(10_000_000, 99_999_999), file, runCount: 0 })
    }
    return repo.workflows.get(file)
  }

  return {
    repos,
    runs,
    jobs,
    /** @type {any[]} */ artifacts: [],
    /** @type {any[]} */ cacheEntries: [],
    newId,
    nextSequence,

    createRun(options) {
      const repo = repoFor(validRepository(options?.repository), options.defaultBranch ?? 'main')
      const workflow = workflowFor(repo, options.workflow ?? 'ci.yml')
      const now = new Date().toISOString()
      const run = {
        runId: (nextRunId += randomInt(1, 5000)),
        runBackendId: randomUUID(),
        repository: repo.fullName,
        repositoryId: repo.id,
        owner: repo.owner,
        repo: repo.name,
        workflow: workflow.file,
        workflowId: workflow.id,
        runNumber: ++workflow.runCount,
        ref: options.ref ?? 'refs/heads/main',
        sha: options.sha ?? randomSha(),
        defaultBranch: options.defaultBranch ?? 'main',
        event: options.event ?? 'push',
        headBranch: options.headBranch ?? branchOfRef(options.ref ?? 'refs/heads/main'),
        headRepository: options.headRepository ?? repo.fullName,
        pullRequest: options.pullRequest ?? null,
        attempt: 0,
        status: 'in_progress',
        conclusion: null,
        createdAt: now,
        updatedAt: now
      }
      runs.set(run.runId, run)
      return run
    },

    runFor(runOrId) {
      const run = runs.get(typeof runOrId === 'object' ? runOrId?.runId : runOrId)
      if (!run) throw new Error(`unknown run: ${JSON.stringify(runOrId)}`)
      return run
    },

    startJob(run, { attempt, job: jobName, actionsRead }) {
      if (!Number.isInteger(attempt) || attempt < 1)
        throw new Error('attempt must be an integer >= 1')
      run.attempt = Math.max(run.attempt, attempt)
      run.status = 'in_progress'
      run.conclusion = null
      run.updatedAt = new Date().toISOString()
      const job = {
        run,
        attempt,
        job: jobName ?? 'pipeline',
        jobBackendId: randomUUID(),
        actionsRead: actionsRead !== false
      }
      job.runtimeToken = minter.mintRuntimeToken({
        runBackendId: run.runBackendId,
        jobBackendId: job.jobBackendId,
        cacheScopes: cacheScopesOf(run)
      })
      job.token = minter.mintRestToken()
      jobs.set(job.jobBackendId, job)
      jobsByRestToken.set(job.token, job)
      return job
    },

    jobByRestToken: token => jobsByRestToken.get(token)
  }
}

/** @param {unknown} repository */
function validRepository(repository) {
  if (typeof repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    throw new Error(`repository must look like 'owner/name', got ${JSON.stringify(repository)}`)
  }
  return repository
}

/** The branch a ref names, as REST's head_branch gives it; null for other refs. */
function branchOfRef(ref) {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null
}

function randomSha() {
  return Array.from({ length: 40 }, () => randomInt(16).toString(16)).join('')
}

/** The scopes a runner's token grants: write to the run's ref, read the default branch. */
export function cacheScopesOf(run) {
  const defaultRef = `refs/heads/${run.defaultBranch}`
  const scopes = [{ Scope: run.ref, Permission: 3 }]
  if (defaultRef !== run.ref) scopes.push({ Scope: defaultRef, Permission: 1 })
  return scopes
}
