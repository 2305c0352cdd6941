/**
 * A local stand-in of GitHub's artifact service (Twirp), cache v2 service (Twirp) and the REST
 * artifact/run endpoints, backed by Azurite behind a small proxy (so blob traffic can be counted
 * and broken too: see `Faults`). Binds 127.0.0.1 on random ports only.
 */

export interface StandInOptions {
  /** Receives Azurite's output and the stand-in's diagnostics, one line per call. */
  log?: (line: string) => void
  /**
   * FinalizeArtifact takes the declared digest at once (checking the size) and hashes the blob
   * in the background, so its own hashing is not charged to the step being timed (the bench);
   * `settleDigests` gives the verdicts. Default false: finalize refuses a mismatch at once.
   */
  deferDigests?: boolean
  /** How many artifacts a job may hold at once before CreateArtifact is refused (default 500). */
  artifactsPerJob?: number
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
  /**
   * The branch the run's commit is on, as REST's head_branch and its `branch` filter give it
   * (default: the branch of `ref`). For a pull request's run: its head branch (GITHUB_HEAD_REF).
   */
  headBranch?: string
  /** 'owner/name' of the repository the commit came from (default: `repository`); a fork's run sets another. */
  headRepository?: string
  /** The pull request a pull_request run is of: listed in REST's pull_requests unless from a fork. */
  pullRequest?: number
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
  headBranch: string | null
  headRepository: string
  pullRequest: number | null
}

export interface StartJobOptions {
  /** GITHUB_RUN_ATTEMPT, from 1. A higher attempt is a re-run of the same run. */
  attempt: number
  /** GITHUB_JOB (default 'pipeline'). */
  job?: string
  /** The job's token may read Actions (`actions: read`); false makes REST's /actions/ paths answer 403. */
  actionsRead?: boolean
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

/** Which part of the stand-in answered a request. 'other' is a path no service owns. */
export type ServiceName = 'artifact' | 'cache' | 'rest' | 'blob' | 'other'

/**
 * Blob operations as the proxy names them (from the HTTP method and `comp`/`restype`):
 * uploads are 'PutBlock' then 'PutBlockList' (the toolkit always stages blocks), downloads
 * 'GetBlob' (the cache client first sends 'GetBlobProperties').
 */
export type BlobOperation =
  | 'PutBlock'
  | 'PutBlockList'
  | 'PutBlob'
  | 'GetBlob'
  | 'GetBlobProperties'
  | 'GetBlockList'
  | 'DeleteBlob'
  | 'CreateContainer'
  | (string & {})

/** One request as the stand-in saw it arrive. */
export interface RequestInfo {
  /**
   * 1-based arrival number over every request the stand-in received (Twirp, REST and blob proxy
   * alike), in arrival order; `StandIn.requestCount` is the last one handed out.
   */
  seq: number
  service: ServiceName
  /** The HTTP method ('POST' for every Twirp call). */
  method: string
  /** The Twirp method ('CreateArtifact', 'GetCacheEntryDownloadURL'...), artifact/cache only. */
  rpc?: string
  /** The Blob operation, blob only. */
  operation?: BlobOperation
  /** Path without the query string. */
  path: string
}

/**
 * Which requests a fault applies to; every given field must match, `{}` matches all.
 * Examples: `{service: 'artifact', method: 'ListArtifacts'}`, `{service: 'blob', method: 'GET'}`,
 * `{service: 'blob', operation: 'PutBlockList'}`, `{service: 'rest', match: r => r.path.endsWith('/zip')}`.
 */
export interface FaultTarget {
  service?: ServiceName
  /** A Twirp method name (matched against `rpc`) or an HTTP method (matched against `method`). */
  method?: string
  operation?: BlobOperation
  /** Any further condition. */
  match?: (request: RequestInfo) => boolean
}

export type FaultKind = 'fail' | 'reset' | 'delay' | 'truncate'

export interface FailOptions {
  /** The HTTP status to answer, e.g. 500, 502, 503, 504, 429, 404. */
  status: number
  /** How many matching requests fail (default 1). */
  count?: number
  /**
   * The body to answer (a string is sent as text/plain, anything else as JSON). Default: what the
   * service would send: Twirp `{"code": "unavailable"|"internal"|..., "msg": "injected fault: HTTP
   * <status>"}`, REST `{"message": ..., "documentation_url": ...}`, blob an Azure Storage XML
   * `<Error><Code>ServerBusy|InternalError|...</Code>` with `x-ms-error-code`.
   */
  body?: unknown
  /** Extra response headers (override the defaults). */
  headers?: Record<string, string>
  /** Sets `Retry-After: <seconds>` (the toolkit's Twirp client ignores it; Octokit honours it). */
  retryAfter?: number
}

export interface FailForOptions extends Omit<FailOptions, 'count'> {
  /** How long every matching request is failed, from the first one that matched. */
  ms: number
}

export interface ResetOptions {
  /**
   * Bytes of body that pass before the connection is destroyed (0: none). A request body no
   * longer than this is read whole and the connection then destroyed (the service never sees
   * it); a response body no longer than this is delivered whole.
   */
  afterBytes: number
  /** How many matching requests are cut (default 1). */
  count?: number
  /**
   * Which body `afterBytes` counts. Default: the request body if the request has one (uploads,
   * Twirp calls: the service never sees the request), else the response body (downloads).
   * 'response' on a Twirp call lets the service handle it and loses the answer.
   */
  phase?: 'request' | 'response'
}

export interface DelayOptions {
  /** How long the request or its answer is held. Cancelled by reset(), stop() or the client leaving. */
  ms: number
  /** How many matching requests are delayed (default 1). */
  count?: number
  /**
   * 'request' (default): held before the service or Azurite sees it, so a client that gives up
   * leaves no trace. 'response': the service handles it, then the answer is held (a committed
   * operation whose answer comes late or never).
   */
  phase?: 'request' | 'response'
}

export interface TruncateOptions {
  /** How many bytes of the response body are sent. */
  bytes: number
  /** How many matching requests are truncated (default 1). */
  count?: number
}

export interface Hold {
  /**
   * Resolves when the Nth matching request arrives (its headers were read, its body not yet), with
   * that request. Rejects if release(), faults.reset() or stop() comes first.
   */
  readonly reached: Promise<RequestInfo>
  /**
   * Lets the held request go on (if its client is still there) or, before it arrived, cancels the
   * hold. Idempotent.
   */
  release(): void
}

/**
 * Per-test switches that break the services deterministically. Every fault is bounded by its
 * count, consumed in arrival order, at most one per request (the first matching rule, in the order
 * they were added), and noted in the request's `RequestRecord.fault`. Blob faults act in the
 * proxy in front of Azurite (the signed URLs point to it); the stand-in's own reads of Azurite
 * (FinalizeArtifact's digest, corruptArtifact) bypass it.
 */
export interface Faults {
  /**
   * GetSignedArtifactURL answers 404 {"code":"not_found","msg":"workflow run not found"} for
   * an artifact uploaded by an earlier attempt than the caller's (actions/download-artifact#486).
   * Cleared by reset().
   */
  signedUrl404ForEarlierAttempts: boolean

  /**
   * The next `count` matching requests are answered `status` without reaching the service (the
   * request body is read and dropped). Measured with the toolkit clients:
   * - @actions/artifact Twirp calls retry 429/500/502/503/504 (not other 4xx; Retry-After is
   *   ignored) up to 5 attempts, 3 s then x1.5 (randomised) apart: a burst of 2 costs ~9 s, 5
   *   or more fail the call after ~27 s with "Failed to <Method>: Failed to make request after 5
   *   attempts: Failed request: (503) Service Unavailable: injected fault: HTTP 503". A 404
   *   fails at once: "Failed to <Method>: Received non-retryable error: Failed request: (404)
   *   Not Found: injected fault: HTTP 404".
   * - Blob uploads (@azure/storage-blob) retry 500 and 503 only, 4 tries, 0 s, 4 s, 12 s apart:
   *   one 503 costs nothing, 4 fail the upload after ~16 s with RestError "injected fault: HTTP
   *   503" (code 'ServerBusy'); other statuses fail at once.
   * - Artifact downloads (plain GET) treat any status but 200 alike: 5 tries, 5 s apart, then
   *   "Unable to download and extract artifact: Artifact download failed after 5 retries.".
   * - REST through Octokit's retry plugin (findBy paths): 5xx retried after 1 s, 4 s, ...
   */
  failNext(target: FaultTarget, options: FailOptions): void

  /**
   * Every matching request for `ms` from the first one is answered `status`, as failNext
   * answers it; then the service is back. A service down for a while rather than for a number
   * of requests: how long a client keeps trying decides whether it comes through. Measured:
   * with `{service: 'artifact'}, {status: 503, ms: 15_000}` the @actions/artifact Twirp client
   * comes through (its 5th attempt starts after 24.4-35.1 s of waiting), as the action does;
   * Octokit's REST retries (1 + 4 + 9 s) would not. Cleared by reset().
   */
  failFor(target: FaultTarget, options: FailForOptions): void

  /**
   * Destroys the connection of the next `count` matching requests after `afterBytes` bytes of
   * the request body (upload, Twirp call) or of the response body (download); see
   * ResetOptions.phase. The client reads exactly `afterBytes` response bytes, then sees
   * ECONNRESET ('aborted'); a request cut while sending sees ECONNRESET ('socket hang up') or
   * EPIPE. Azurite receives the bytes before the cut, then an aborted request. Measured:
   * - Twirp call cut in the request: at once NetworkError "Failed to <Method>: Unable to make
   *   request: ECONNRESET ...", not retried.
   * - Twirp call cut in the response (phase 'response'): the service did the work, and
   *   @actions/http-client's readBody never settles: the call hangs forever; a process with
   *   nothing else pending exits with code 0 (13 under a top-level await) in the middle of it.
   * - Blob upload (Put Block): retried by the SDK at once, so one reset costs nothing; 4 fail
   *   the upload after ~16 s with NetworkError "Unable to make request: ECONNRESET".
   * - Artifact download: the toolkit notices nothing until its 30 s idle timer, then retries 5 s
   *   later: one reset costs ~35 s and then succeeds.
   * - Cache restore: no retry; "::warning::Failed to restore: aborted" and a miss (undefined).
   */
  resetConnection(target: FaultTarget, options: ResetOptions): void

  /**
   * Holds the next `count` matching requests (or their answers) for `ms`, to outlast a client's
   * timeout without leaking: the wait ends early when the client leaves (the request then goes
   * no further), and reset()/stop() end it at once. The toolkit's own deadlines are long: Twirp
   * calls 3 min, an artifact download 30 s without data, a blob upload
   * ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS (default 5 min) without progress: with 1000 the upload
   * fails after ~1-2 s with "Upload progress stalled.".
   */
  delay(target: FaultTarget, options: DelayOptions): void

  /**
   * Serves only the first `bytes` bytes of the next `count` matching response bodies and ends
   * the response cleanly: Content-Length is removed (the body goes chunked), so the client sees
   * a complete, shorter body and no error; only a digest or size check catches it. HEAD answers
   * are left alone. Measured: an artifact download of a non-zip artifact (or with
   * skipDecompress) succeeds with `digestMismatch: true` and the short file; a zip fails to
   * unzip, is retried 5 s later and succeeds; a cache restore warns "Failed to restore: ... tar
   * failed with exit code 2" and misses.
   */
  truncateDownload(target: FaultTarget, options: TruncateOptions): void

  /**
   * true: the blob proxy stops listening and drops its connections, so every blob request
   * (signed upload/download URLs) fails with ECONNREFUSED (in-flight ones with ECONNRESET) and
   * is never counted. false: it listens again on the same port (the signed URLs stay valid).
   * Resolves once the switch took effect; rejects if the port was taken meanwhile.
   * Measured: artifact uploads fail after the SDK's 4 tries (~16 s) with NetworkError "Unable to
   * make request: ECONNREFUSED ..."; artifact downloads after 5 tries (~25 s) with "Unable to
   * download and extract artifact: Artifact download failed after 5 retries."; cache saves
   * warn "Failed to save: connect ECONNREFUSED ..." and return -1 (~16 s).
   */
  blobStoreDown(down: boolean): Promise<void>

  /**
   * Holds the `n`th request (1-based) that arrives after this call and matches `target` (all
   * requests by default): `reached` resolves with it and it gets no answer until `release()`
   * (or reset()/stop()). Count first with `StandIn.requestCount`, e.g.
   * `const n0 = standIn.requestCount; await save(); const perSave = standIn.requestCount - n0`,
   * then `const hold = standIn.faults.holdRequest(k)` before starting the save again,
   * `await hold.reached`, kill the child, `hold.release()`. Several holds may be pending; each
   * counts on its own from its own call.
   */
  holdRequest(n: number, target?: FaultTarget): Hold

  /**
   * Clears every rule and signedUrl404ForEarlierAttempts, releases held and delayed requests,
   * rejects holds not reached yet, and brings the blob store back up; resolves when it is up.
   */
  reset(): Promise<void>
}

export interface RequestRecord {
  /** Arrival number (see RequestInfo.seq); the log itself is in completion order. */
  seq: number
  service: ServiceName
  /** HTTP method. */
  method: string
  /** Twirp method, artifact/cache only. */
  rpc?: string
  /** Blob operation, blob only. */
  operation?: BlobOperation
  /** Path without the query string. */
  path: string
  /** The status sent, or 0 if the connection closed before an answer was started. */
  status: number
  /** The fault applied to this request, if any. */
  fault?: FaultKind
  /** Whether holdRequest held it. */
  held?: true
}

/**
 * One request as a recording saw it (see `StandIn.record`): what the client sent, field by
 * field, for comparing two clients' requests.
 */
export interface RecordedRequest {
  /** Arrival number (see RequestInfo.seq); recordings list requests in arrival order. */
  seq: number
  service: ServiceName
  /** HTTP method. */
  method: string
  /** Twirp method, artifact/cache only. */
  rpc?: string
  /** Blob operation, blob only. */
  operation?: BlobOperation
  /** Path without the query string. */
  path: string
  /**
   * The query as sent, except that the values of a shared access signature's keys (sig, sv, se,
   * sp, sr, rscd, ...) are '<redacted>'; the operation's own keys (comp, blockid, restype, ...)
   * keep their values.
   */
  query: Record<string, string>
  /**
   * Every request header as received, names lower-cased, repeated ones joined with ', ';
   * `authorization` keeps its scheme only ('Bearer <redacted>').
   */
  headers: Record<string, string>
  /** Twirp: the job whose runtime token authorised the call (absent for an unknown token). */
  caller?: { runBackendId: string; jobBackendId: string }
  /** Twirp: the JSON body as parsed (absent when a fault answered before the service read it). */
  json?: unknown
  /** Blob: bytes of request body forwarded to Azurite (set once the body ended). */
  bodySize?: number
  /** Blob: the body as text, when it is valid UTF-8 of at most 64 KiB (a block list, a document). */
  text?: string
  /** The status sent, or 0 while unanswered or if the connection closed before an answer. */
  status: number
}

/** A recording of the requests that reach the stand-in between `StandIn.record()` and stop(). */
export interface Recording {
  /** Copies of the requests recorded so far, in arrival order (Twirp, REST and blob alike). */
  requests(): RecordedRequest[]
  /** Ends the recording; requests() keeps answering what was recorded. Idempotent. */
  stop(): void
}

export interface StandIn {
  /** 'http://127.0.0.1:<port>' */
  readonly url: string
  /** Azurite's own port (the stand-in's direct reads go there, unproxied). */
  readonly azuritePort: number
  /** 'http://127.0.0.1:<port>' of the blob proxy in front of Azurite; signed URLs point here. */
  readonly blobUrl: string
  readonly faults: Faults
  /**
   * Every request the stand-in finished with (answered, failed or cut), Twirp, REST and blob
   * alike, appended when its connection is done with it.
   */
  readonly requests: RequestRecord[]
  /**
   * How many requests have arrived since start (Twirp, REST and blob proxy), counted on arrival;
   * not changed by resetRequests(). The difference before and after a save is the number of
   * requests the save makes.
   */
  readonly requestCount: number
  createRun(options: CreateRunOptions): Run
  startJob(run: Run, options: StartJobOptions): Job
  /**
   * Marks the run completed with a conclusion ('success' by default; 'failure', 'cancelled'...),
   * for the status filter of the workflow-runs endpoint. startJob sets it in_progress again.
   */
  /**
   * Replaces the bytes of the cache entry of `key`: with random bytes of the same size, or with
   * the bytes of the entry of `like` (a well-formed entry that is not the one its key names).
   */
  corruptCacheEntry(key: string, options?: { like?: string }): Promise<void>
  completeRun(run: Run, conclusion?: string): void
  /** Changes the stored bytes of a finalized artifact, not its recorded digest. */
  corruptArtifact(run: Run, name: string, options?: { mode: 'flip' | 'truncate' }): Promise<void>
  /** Finalized, undeleted artifacts of the run, all attempts and jobs, in upload order. */
  listArtifacts(run: Run): StoredArtifact[]
  /** Finalized cache entries of all repositories. */
  listCacheEntries(): StoredCacheEntry[]
  /**
   * With `deferDigests`: waits for the background digest checks of the finalizes so far, and
   * returns one line per upload whose bytes did not match the declared digest (none: empty).
   */
  settleDigests(): Promise<string[]>
  /** Empties `requests` in place. */
  resetRequests(): void
  /**
   * Starts recording every request that reaches the stand-in, headers and bodies included.
   * Recordings cost nothing while none runs; several may run at once, each on its own.
   */
  record(): Recording
  /**
   * Ends held and delayed requests, closes the server, the blob proxy and their connections,
   * kills Azurite, removes its temp dir. Does not wait for delays or holds. Idempotent.
   */
  stop(): Promise<void>
}

export function startStandIn(options?: StandInOptions): Promise<StandIn>
