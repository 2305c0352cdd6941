/**
 * A local stand-in of GitHub's artifact service (Twirp), cache v2 service (Twirp) and the REST
 * artifact/run endpoints, backed by Azurite. Binds 127.0.0.1 on random ports only.
 */

export interface StandInOptions {
  /** Receives Azurite's output and the stand-in's diagnostics, one line per call. */
  log?: (line: string) => void
}

export interface CreateRunOptions {
  /** 'owner/name' */
  repository: string
  /** Workflow file name, e.g. 'ci.yml' (default). Also accepted as workflow_id by REST. */
  workflow?: string
  /** Default 'refs/heads/main'. Also the cache scope the run writes to. */
  ref?: string
  /** 40 hex digits; random by default. */
  sha?: string
  /** The repository's default branch name (default 'main'): its cache entries are readable from every ref. */
  defaultBranch?: string
  /** GITHUB_EVENT_NAME (default 'push'). */
  event?: string
}

export interface Run {
  /** GITHUB_RUN_ID: a large, increasing number. */
  runId: number
  /** uuid; the first id of the Actions.Results scope. */
  runBackendId: string
  repository: string
  repositoryId: number
  owner: string
  repo: string
  workflow: string
  workflowId: number
  runNumber: number
  ref: string
  sha: string
  defaultBranch: string
  event: string
}

export interface StartJobOptions {
  /** GITHUB_RUN_ATTEMPT, from 1. A higher attempt is a re-run of the same run. */
  attempt: number
  /** GITHUB_JOB (default 'pipeline'). */
  job?: string
}

/** Environment a runner gives a step; every value is a string. */
export interface JobEnv {
  ACTIONS_RUNTIME_TOKEN: string
  ACTIONS_RESULTS_URL: string
  ACTIONS_CACHE_URL: string
  ACTIONS_CACHE_SERVICE_V2: string
  GITHUB_SERVER_URL: string
  GITHUB_API_URL: string
  GITHUB_TOKEN: string
  GITHUB_ACTIONS: string
  GITHUB_REPOSITORY: string
  GITHUB_REPOSITORY_OWNER: string
  GITHUB_REPOSITORY_ID: string
  GITHUB_RUN_ID: string
  GITHUB_RUN_ATTEMPT: string
  GITHUB_RUN_NUMBER: string
  GITHUB_JOB: string
  GITHUB_WORKFLOW: string
  GITHUB_WORKFLOW_REF: string
  GITHUB_SHA: string
  GITHUB_REF: string
  GITHUB_REF_NAME: string
  GITHUB_REF_TYPE: string
  GITHUB_EVENT_NAME: string
  [name: string]: string
}

export interface Job {
  runId: number
  runBackendId: string
  attempt: number
  job: string
  /** uuid, new for every startJob call (so new for every attempt). */
  jobBackendId: string
  /** GITHUB_TOKEN for the REST endpoints ('token <x>' or 'Bearer <x>'). */
  token: string
  /** ACTIONS_RUNTIME_TOKEN: an HS256 JWT with scp 'Actions.Results:<run>:<job>'. */
  runtimeToken: string
  env: JobEnv
}

export interface StoredArtifact {
  /** database id: random and unique, 10 digits (mostly above 2^31); never ordered by time. */
  id: number
  name: string
  size: number
  /** 'sha256:<hex>' computed from the bytes at finalize time (not changed by corruptArtifact). */
  digest: string
  /** The mime type recorded at CreateArtifact ('application/zip' for zipped uploads). */
  mimeType: string
  attempt: number
  jobBackendId: string
  /** ISO 8601 */
  createdAt: string
}

export interface StoredCacheEntry {
  id: number
  key: string
  version: string
  /** The ref that saved it, e.g. 'refs/heads/main'. */
  scope: string
  size: number
  createdAt: string
}

export interface Faults {
  /**
   * GetSignedArtifactURL answers 404 {"code":"not_found","msg":"workflow run not found"} for
   * an artifact uploaded by an earlier attempt than the caller's (actions/download-artifact#486).
   */
  signedUrl404ForEarlierAttempts: boolean
}

export interface RequestRecord {
  method: string
  /** Path without the query string. */
  path: string
  status: number
}

export interface StandIn {
  /** 'http://127.0.0.1:<port>' */
  readonly url: string
  readonly azuritePort: number
  readonly faults: Faults
  /** Every request the Twirp/REST server answered (not the blob traffic to Azurite). */
  readonly requests: RequestRecord[]
  createRun(options: CreateRunOptions): Run
  startJob(run: Run, options: StartJobOptions): Job
  /**
   * Marks the run completed with a conclusion ('success' by default; 'failure', 'cancelled'...),
   * for the status filter of the workflow-runs endpoint. startJob sets it in_progress again.
   */
  completeRun(run: Run, conclusion?: string): void
  /** Changes the stored bytes of a finalized artifact, not its recorded digest. */
  corruptArtifact(run: Run, name: string, options?: { mode: 'flip' | 'truncate' }): Promise<void>
  /** Finalized, undeleted artifacts of the run, all attempts and jobs, in upload order. */
  listArtifacts(run: Run): StoredArtifact[]
  /** Finalized cache entries of all repositories. */
  listCacheEntries(): StoredCacheEntry[]
  /** Empties `requests` in place. */
  resetRequests(): void
  /** Closes the server and its connections, kills Azurite, removes its temp dir. Idempotent. */
  stop(): Promise<void>
}

export function startStandIn(options?: StandInOptions): Promise<StandIn>
