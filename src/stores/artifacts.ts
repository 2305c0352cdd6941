import * as core from '@actions/core'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArtifactClient } from '@actions/artifact'
import { CheckpointNotFoundError, describe } from '../checkpoint/errors.js'
import type { CheckpointStore } from '../checkpoint/store.js'
import type { RunContext } from '../github/run-context.js'
import { ArchiveIntegrityError } from '../packing/extract.js'
import {
  backendIds,
  callArtifactService,
  serviceEndpoint,
  settles,
  type ServiceEndpoint
} from './twirp.js'

/** An artifact of the current run, as the artifact service lists it. */
export interface RunArtifact {
  id: number
  name: string
  size: number
  digest: string | undefined
  /** The job that uploaded it: how a save tells another job's checkpoints from its own. */
  jobBackendId: string
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
  private client: ArtifactClient | undefined

  constructor(
    private readonly context: RunContext,
    private readonly token: string
  ) {
    this.endpoint = serviceEndpoint()
  }

  /** This job's id at the artifact service. */
  get jobBackendId(): string {
    return backendIds(this.endpoint.token).jobBackendId
  }

  /** Every artifact of this run, all attempts and jobs. */
  async list(): Promise<RunArtifact[]> {
    const ids = backendIds(this.endpoint.token)
    const response = (await callArtifactService(this.endpoint, 'ListArtifacts', {
      workflow_run_backend_id: ids.runBackendId,
      workflow_job_run_backend_id: ids.jobBackendId
    })) as { artifacts?: ListedArtifact[] }
    return (response.artifacts ?? []).map(item => ({
      id: Number(item.database_id ?? item.databaseId),
      name: item.name ?? '',
      size: Number(item.size ?? 0),
      digest: typeof item.digest === 'object' ? item.digest.value : item.digest,
      jobBackendId: item.workflow_job_run_backend_id ?? item.workflowJobRunBackendId ?? '',
      createdAt: item.created_at ?? item.createdAt ?? ''
    }))
  }

  /**
   * Downloads an artifact's bytes into a fresh folder under `into` and returns the file's path.
   * When the internal download fails (earlier attempts' artifacts can answer 404 "workflow run
   * not found"), it tries the REST API with the job's token.
   * @throws ArchiveIntegrityError when the bytes do not match the recorded digest
   */
  async download(artifact: RunArtifact, into: string): Promise<string> {
    const client = await this.artifactClient()
    const options = {
      skipDecompress: true,
      ...(artifact.digest ? { expectedHash: artifact.digest } : {})
    }
    let folder = await mkdtemp(join(into, 'download-'))
    let result
    try {
      result = await settles(
        client.downloadArtifact(artifact.id, { ...options, path: folder }),
        `Download of ${artifact.name}`
      )
    } catch (error) {
      const findBy = this.restLookup()
      if (!findBy) throw error
      core.info(`Download of ${artifact.name} failed (${describe(error)}); trying the REST API`)
      await rm(folder, { recursive: true, force: true })
      folder = await mkdtemp(join(into, 'download-'))
      result = await settles(
        client.downloadArtifact(artifact.id, { ...options, path: folder, findBy }),
        `Download of ${artifact.name} through the REST API`
      )
    }
    if (result.digestMismatch) {
      throw new ArchiveIntegrityError(
        artifact.name,
        'its bytes do not match the digest recorded at upload'
      )
    }
    const [file] = await readdir(folder)
    if (!file) throw new ArchiveIntegrityError(artifact.name, 'the download produced no file')
    return join(folder, file)
  }

  /** Uploads files as one zip artifact at the given level. */
  async uploadFiles(
    name: string,
    files: string[],
    root: string,
    options: { level: number; retentionDays: number | undefined }
  ): Promise<UploadedArtifact> {
    const client = await this.artifactClient()
    const upload = client.uploadArtifact(name, files, root, {
      compressionLevel: options.level,
      ...(options.retentionDays ? { retentionDays: options.retentionDays } : {})
    })
    const response = await settles(upload, `Upload of ${name}`)
    return uploaded(name, response)
  }

  /**
   * Uploads one text document without a zip around it, so it downloads from the run page as
   * the plain file (the artifact takes the file's name, which is why the file is named so).
   */
  async uploadDocument(
    name: string,
    text: string,
    options: { retentionDays: number | undefined; scratch: string }
  ): Promise<UploadedArtifact> {
    const client = await this.artifactClient()
    const folder = await mkdtemp(join(options.scratch, 'upload-'))
    try {
      await writeFile(join(folder, name), text, 'utf8')
      const upload = client.uploadArtifact(name, [join(folder, name)], folder, {
        skipArchive: true,
        ...(options.retentionDays ? { retentionDays: options.retentionDays } : {})
      })
      const response = await settles(upload, `Upload of ${name}`)
      return uploaded(name, response)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }

  private restLookup() {
    const repository = this.context.repository
    const runId = Number(this.context.run.runId)
    if (!this.token || !repository || !Number.isSafeInteger(runId)) return undefined
    return {
      token: this.token,
      workflowRunId: runId,
      repositoryOwner: repository.owner,
      repositoryName: repository.name
    }
  }

  /** Loaded on first use: entries that never move bytes never pay for loading the client. */
  private async artifactClient(): Promise<ArtifactClient> {
    if (!this.client) {
      const { DefaultArtifactClient } = await import('@actions/artifact')
      this.client = new DefaultArtifactClient()
    }
    return this.client
  }
}

function uploaded(
  name: string,
  response: { id?: number; size?: number; digest?: string }
): UploadedArtifact {
  if (response.id === undefined || response.digest === undefined) {
    throw new Error(`Upload of ${name} returned no artifact id or digest`)
  }
  // The upload answers bare hex where the listing says `sha256:<hex>`: keep one form.
  const digest = response.digest.startsWith('sha256:')
    ? response.digest
    : `sha256:${response.digest}`
  return { id: response.id, size: response.size ?? 0, digest }
}

/**
 * The run's checkpoint documents as a {@link CheckpointStore}, over a listing taken once, so
 * the manager decides "latest" from names without a request per checkpoint.
 */
export class RunCheckpointStore implements CheckpointStore {
  readonly location: string
  private readonly byName: Map<string, RunArtifact>

  constructor(
    private readonly artifacts: ArtifactStore,
    listing: RunArtifact[],
    private readonly options: { scratch: string; runId: string; retentionDays?: number | undefined }
  ) {
    this.location = `run ${options.runId}`
    this.byName = new Map(listing.map(artifact => [artifact.name, artifact]))
  }

  listNames(): Promise<string[]> {
    return Promise.resolve([...this.byName.keys()])
  }

  /** The listed artifact of a name, for callers that need its id or uploader. */
  artifact(name: string): RunArtifact | undefined {
    return this.byName.get(name)
  }

  async readText(name: string): Promise<string> {
    const artifact = this.byName.get(name)
    if (!artifact) throw new CheckpointNotFoundError(`${this.location}/${name}`)
    await mkdir(this.options.scratch, { recursive: true })
    const file = await this.artifacts.download(artifact, this.options.scratch)
    return readFile(file, 'utf8')
  }

  /** Uploads a document as its own artifact, the commit point of a save. */
  async writeText(name: string, text: string): Promise<void> {
    await mkdir(this.options.scratch, { recursive: true })
    const result = await this.artifacts.uploadDocument(name, text, {
      retentionDays: this.options.retentionDays,
      scratch: this.options.scratch
    })
    this.byName.set(name, {
      id: result.id,
      name,
      size: result.size,
      digest: result.digest,
      jobBackendId: this.artifacts.jobBackendId,
      createdAt: new Date().toISOString()
    })
  }
}
