import { mkdir, mkdtemp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointNotFoundError, describe } from '../checkpoint/errors.js'
import type { CheckpointStore } from '../checkpoint/store.js'
import type { RunContext } from './run-context.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import { decodeUtf8 } from '../checkpoint/document.js'
import { apiUrl, uploadSettings, type UploadSettings } from './config.js'
import { signatureSecrets } from './http.js'
import { downloadToFile, uploadStream } from './blob-transfer.js'
import { downloadArtifact } from './rest-client.js'
import { withProgress } from '../packing/progress-report.js'
import {
  ServiceError,
  backendIds,
  callArtifactService,
  serviceEndpoint,
  type ServiceEndpoint
} from './twirp-client.js'

/**
 * Where the store reports what it does: the step's log, and the values to mask in it. The
 * runner adapter passes its own; transport knows nothing of the toolkit.
 */
export interface StepLog {
  info(line: string): void
  /** A transfer's progress line; `info` when left out. */
  progress?(line: string): void
  mask(secret: string): void
}

/** An artifact of the current run, as the artifact service lists it. */
export interface RunArtifact {
  id: number
  name: string
  size: number
  digest: string | undefined
  /** The job that uploaded it: how a save tells another job's checkpoints from its own. */
  jobBackendId: string
  /** The run it belongs to, at the artifact service. */
  runBackendId: string
  /** When the service created it (ISO 8601); decides which job owns a scope in an attempt. */
  createdAt: string
}

/** What an upload recorded. */
export interface UploadedArtifact {
  id: number
  size: number
  digest: string
}

interface ListedArtifact {
  workflow_run_backend_id?: string
  workflowRunBackendId?: string
  database_id?: string
  databaseId?: string
  name?: string
  size?: string
  digest?: string | { value?: string }
  workflow_job_run_backend_id?: string
  workflowJobRunBackendId?: string
  created_at?: string
  createdAt?: string
}

/**
 * The run's artifacts: listed through the artifact service (which records the uploading job),
 * moved with @actions/artifact. Downloads are never unpacked by the client: the bytes are checked
 * against the digest recorded at upload, then unpacked by the caller against its manifest.
 */
export class ArtifactStore {
  private readonly endpoint: ServiceEndpoint
  private upload: UploadSettings | undefined
  /** Retries go to the step's log as they happen. */
  private readonly log = (line: string): void => {
    this.stepLog.info(line)
  }

  /**
   * @throws ArtifactsUnavailableError on GitHub Enterprise Server
   * @throws ServiceError outside a job
   */
  constructor(
    private readonly context: RunContext,
    private readonly token: string,
    private readonly stepLog: StepLog
  ) {
    this.endpoint = serviceEndpoint()
  }

  /** This job's id at the artifact service. */
  get jobBackendId(): string {
    return backendIds(this.endpoint.token).jobBackendId
  }

  /** This run's id at the artifact service. */
  get runBackendId(): string {
    return backendIds(this.endpoint.token).runBackendId
  }

  /** Every artifact of this run, all attempts and jobs. */
  async list(): Promise<RunArtifact[]> {
    const ids = backendIds(this.endpoint.token)
    const response = (await this.call('ListArtifacts', {
      workflow_run_backend_id: ids.runBackendId,
      workflow_job_run_backend_id: ids.jobBackendId
    })) as { artifacts?: ListedArtifact[] }
    return (response.artifacts ?? []).map(item => ({
      id: Number(item.database_id ?? item.databaseId),
      name: item.name ?? '',
      size: Number(item.size ?? 0),
      digest: typeof item.digest === 'object' ? item.digest.value : item.digest,
      jobBackendId: item.workflow_job_run_backend_id ?? item.workflowJobRunBackendId ?? '',
      runBackendId: item.workflow_run_backend_id ?? item.workflowRunBackendId ?? ids.runBackendId,
      createdAt: item.created_at ?? item.createdAt ?? ''
    }))
  }

  /**
   * Downloads an artifact's bytes, as stored (never unpacked), into a fresh folder under `into`
   * and returns the file's path. When the artifact service will not sign a URL for it (earlier
   * attempts' artifacts can answer 404 "workflow run not found"), it goes through the REST API
   * with the job's token.
   * @throws ArchiveIntegrityError when the bytes do not match the digest recorded at upload
   */
  async download(artifact: RunArtifact, into: string): Promise<string> {
    const folder = await mkdtemp(join(into, 'download-'))
    const file = join(folder, 'artifact')
    const matches = async (): Promise<boolean> => {
      const { digest } = await this.fetchBytes(artifact, file)
      return artifact.digest === undefined || digest === artifact.digest
    }
    if (await matches()) return file
    // A transfer cut short looks like changed bytes: fetched once more before they are called
    // changed (not a retry of the request, which succeeded: a second look at what it gave).
    this.stepLog.info(`Download of ${artifact.name} does not match its digest; fetching it again`)
    if (await matches()) return file
    throw new ArchiveIntegrityError(
      artifact.name,
      'its bytes do not match the digest recorded at upload'
    )
  }

  /** The artifact's bytes into `file`, a progress line every interval while they come. */
  private async fetchBytes(artifact: RunArtifact, file: string): Promise<{ digest: string }> {
    let bytes = 0
    const progress = (count: number): void => {
      bytes = count
    }
    const log = (line: string): void => {
      if (this.stepLog.progress) this.stepLog.progress(line)
      else this.stepLog.info(line)
    }
    const report = { label: `Downloading ${artifact.name}`, total: artifact.size, log }
    return withProgress(
      report,
      () => bytes,
      async () => {
        try {
          const url = await this.signedUrl(artifact)
          return await downloadToFile(url, file, { ...this.transfer(artifact), progress })
        } catch (error) {
          if (!this.restLookup()) throw error
          this.stepLog.info(
            `Download of ${artifact.name} failed (${describe(error)}); trying the REST API`
          )
          return this.downloadThroughRest(artifact, file, progress)
        }
      }
    )
  }

  /** A URL that downloads the artifact's bytes for a while, without credentials. */
  async signedUrl(artifact: RunArtifact): Promise<string> {
    const response = (await this.call('GetSignedArtifactURL', {
      workflow_run_backend_id: artifact.runBackendId,
      workflow_job_run_backend_id: artifact.jobBackendId,
      name: artifact.name
    })) as { signed_url?: string; signedUrl?: string }
    const url = response.signed_url ?? response.signedUrl
    if (!url)
      throw new ServiceError(`The artifact service gave no download URL for ${artifact.name}`)
    return url
  }

  /** How a transfer of `artifact` is named in messages and where its retries are logged. */
  transfer(artifact: RunArtifact): { what: string; log: (line: string) => void } {
    return { what: `Download of ${artifact.name}`, log: this.log }
  }

  /** Through the REST API with the job's token; the signed URL it redirects to is masked first. */
  private async downloadThroughRest(
    artifact: RunArtifact,
    file: string,
    progress: (bytes: number) => void
  ): Promise<{ digest: string }> {
    const lookup = this.restLookup()
    if (!lookup) throw new ServiceError('No token or repository for the REST API')
    return downloadArtifact({ apiUrl: apiUrl(), token: lookup.token }, lookup, artifact.id, file, {
      what: `REST API download of ${artifact.name}`,
      log: this.log,
      redirected: location => {
        this.mask(location)
      },
      progress
    })
  }

  /**
   * Uploads a zip as it is being written (see ZipPacker): create, the bytes in blocks, finalize
   * with their digest. Nothing is listed until the finalize: a failed upload leaves no artifact.
   */
  async uploadZip(
    name: string,
    bytes: AsyncIterable<Buffer>,
    options: { retentionDays: number | undefined }
  ): Promise<UploadedArtifact> {
    return this.uploadArtifact(name, 'application/zip', options, url =>
      uploadStream(url, bytes, this.uploadOptions(name, 'application/zip'))
    )
  }

  /**
   * Uploads one text document as an artifact without a zip around it, so it downloads from the
   * run page as the plain file: create, one Put Blob, finalize with its digest.
   */
  async uploadDocument(
    name: string,
    text: string,
    options: { retentionDays: number | undefined }
  ): Promise<UploadedArtifact> {
    const body = Buffer.from(text, 'utf8')
    // One block larger than the body: it goes up in one Put Blob, whatever its size.
    return this.uploadArtifact(name, 'application/json', options, url =>
      uploadStream(url, [body], {
        ...this.uploadOptions(name, 'application/json'),
        blockBytes: body.length + 1
      })
    )
  }

  /** ACTIONS_ARTIFACT_UPLOAD_* read on the first upload; a lowered concurrency is said once. */
  private uploadOptions(
    name: string,
    contentType: string
  ): { what: string; log: (line: string) => void; contentType: string } & UploadSettings {
    if (this.upload === undefined) {
      this.upload = uploadSettings()
      if (this.upload.concurrencyAsked !== undefined) {
        this.stepLog.info(
          `ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY is ${this.upload.concurrencyAsked}, more than the cap of ${this.upload.concurrency} for this machine: ${this.upload.concurrency} blocks go up at once.`
        )
      }
    }
    return { ...this.upload, what: `Upload of ${name}`, log: this.log, contentType }
  }

  /**
   * Create, upload, finalize. The artifact is created when `put` first asks for its URL: an
   * upload whose source fails before any byte is ready (a file holding a secret) creates none.
   */
  private async uploadArtifact(
    name: string,
    mimeType: string,
    options: { retentionDays: number | undefined },
    put: (url: () => Promise<string>) => Promise<{ size: number; digest: string }>
  ): Promise<UploadedArtifact> {
    const ids = backendIds(this.endpoint.token)
    const scope = {
      workflow_run_backend_id: ids.runBackendId,
      workflow_job_run_backend_id: ids.jobBackendId
    }
    let created: Promise<string> | undefined
    const url = (): Promise<string> => {
      created ??= this.createArtifact(name, mimeType, scope, options.retentionDays)
      return created
    }
    const { size, digest } = await put(url)
    await url()
    const finalized = (await this.call('FinalizeArtifact', {
      ...scope,
      name,
      size: String(size),
      hash: digest
    })) as { ok?: boolean; artifact_id?: string; artifactId?: string }
    assertOk('FinalizeArtifact', name, finalized)
    const id = Number(finalized.artifact_id ?? finalized.artifactId)
    if (!Number.isSafeInteger(id)) {
      throw new ServiceError(
        `Artifact service FinalizeArtifact gave no artifact id for ${name} (${JSON.stringify(finalized)})`
      )
    }
    return { id, size, digest }
  }

  private async createArtifact(
    name: string,
    mimeType: string,
    scope: { workflow_run_backend_id: string; workflow_job_run_backend_id: string },
    retentionDays: number | undefined
  ): Promise<string> {
    const expiresAt = retentionDays
      ? { expires_at: new Date(Date.now() + retentionDays * 86_400_000).toISOString() }
      : {}
    const created = (await this.call('CreateArtifact', {
      ...scope,
      name,
      version: 7,
      mime_type: mimeType,
      ...expiresAt
    }).catch((error: unknown) => {
      throw artifactLimitError(error, name) ?? error
    })) as { ok?: boolean; signed_upload_url?: string; signedUploadUrl?: string }
    assertOk('CreateArtifact', name, created)
    const url = created.signed_upload_url ?? created.signedUploadUrl
    if (!url) throw new ServiceError(`The artifact service gave no upload URL for ${name}`)
    return url
  }

  /**
   * Deletes an artifact this job uploaded (DeleteArtifact, through the one retry schedule):
   * how a save removes what a pack it committed now holds.
   * @throws ServiceError when the service refuses or cannot be reached
   */
  async delete(name: string): Promise<void> {
    const ids = backendIds(this.endpoint.token)
    await this.call('DeleteArtifact', {
      workflow_run_backend_id: ids.runBackendId,
      workflow_job_run_backend_id: ids.jobBackendId,
      name
    })
  }

  /** One Twirp call; the signed URLs in its answer are masked before anything can log them. */
  private async call(method: string, body: object): Promise<unknown> {
    const answer = await callArtifactService(this.endpoint, method, body, this.log)
    const urls = (answer ?? {}) as Record<string, unknown>
    for (const key of ['signed_upload_url', 'signedUploadUrl', 'signed_url', 'signedUrl']) {
      const url = urls[key]
      if (typeof url === 'string') this.mask(url)
    }
    return answer
  }

  private mask(url: string): void {
    for (const secret of signatureSecrets(url)) this.stepLog.mask(secret)
  }

  private restLookup(): { token: string; owner: string; name: string } | undefined {
    const repository = this.context.repository
    if (!this.token || !repository) return undefined
    return { token: this.token, owner: repository.owner, name: repository.name }
  }
}

/** The service's limit on a job's artifacts, when it does not say another. */
export const ARTIFACTS_PER_JOB = 500

/**
 * A CreateArtifact refused because the job holds as many artifacts as the service allows, said
 * in words that name the limit (the service's own answer does not always); undefined for any
 * other failure.
 */
export function artifactLimitError(error: unknown, name: string): ServiceError | undefined {
  const text = describe(error)
  if (!/artifacts?\b.*\b(at most|limit|maximum|exceed)/i.test(text)) return undefined
  const limit = /at most (\d+) artifacts/i.exec(text)?.[1] ?? String(ARTIFACTS_PER_JOB)
  return new ServiceError(
    `the artifact service allows at most ${limit} artifacts per job, and this job holds that many: ${name} was not uploaded (${text}). Earlier checkpoints stay restorable.`,
    error instanceof ServiceError ? error.status : undefined,
    { cause: error }
  )
}

/**
 * A Create or Finalize the service declined: `ok` is false or missing (proto3 JSON leaves a false
 * `ok` out), which the official client treats as a failure too.
 */
function assertOk(method: string, name: string, answer: { ok?: boolean }): void {
  if (answer.ok !== true) {
    throw new ServiceError(`Artifact service ${method} answered ok: false for ${name}`)
  }
}

/**
 * The run's checkpoint documents as a {@link CheckpointStore}, over a listing taken once, so
 * the manager decides "latest" from names without a request per checkpoint.
 */
export class RunCheckpointStore implements CheckpointStore {
  readonly location: string
  private readonly byName: Map<string, RunArtifact>
  /** Documents retired into packs, once their packs were read: name to a reader of its text. */
  private readonly retired = new Map<string, () => Promise<string>>()

  constructor(
    private readonly artifacts: ArtifactStore,
    listing: RunArtifact[],
    private readonly options: { scratch: string; runId: string; retentionDays?: number | undefined }
  ) {
    this.location = `run ${options.runId}`
    this.byName = new Map(listing.map(artifact => [artifact.name, artifact]))
  }

  /** The listed artifacts' names, and the documents found retired into packs. */
  listNames(): Promise<string[]> {
    return Promise.resolve([...this.byName.keys(), ...this.retired.keys()])
  }

  /** The names of the run's listed artifacts only. */
  listArtifactNames(): Promise<string[]> {
    return Promise.resolve([...this.byName.keys()])
  }

  /** Makes documents retired into packs readable, and listed, as the others are. */
  addRetired(documents: Map<string, () => Promise<string>>): void {
    for (const [name, read] of documents) {
      if (!this.byName.has(name)) this.retired.set(name, read)
    }
  }

  /** The listed artifact of a name, for callers that need its id or uploader. */
  artifact(name: string): RunArtifact | undefined {
    return this.byName.get(name)
  }

  async readText(name: string): Promise<string> {
    const artifact = this.byName.get(name)
    const retired = this.retired.get(name)
    if (!artifact && retired) return retired()
    if (!artifact) throw new CheckpointNotFoundError(`${this.location}/${name}`)
    await mkdir(this.options.scratch, { recursive: true })
    const file = await this.artifacts.download(artifact, this.options.scratch)
    return decodeUtf8(await readFile(file), `${this.location}/${name}`)
  }

  /** Uploads a document as its own artifact, the commit point of a save. */
  async writeText(name: string, text: string): Promise<void> {
    await mkdir(this.options.scratch, { recursive: true })
    const result = await this.artifacts.uploadDocument(name, text, {
      retentionDays: this.options.retentionDays
    })
    this.byName.set(name, {
      id: result.id,
      name,
      size: result.size,
      digest: result.digest,
      jobBackendId: this.artifacts.jobBackendId,
      // A read of it later asks for a signed URL with these ids, as for a listed one.
      runBackendId: this.artifacts.runBackendId,
      createdAt: new Date().toISOString()
    })
  }
}
