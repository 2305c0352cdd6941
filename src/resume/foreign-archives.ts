import { mkdtemp } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArchiveRecord } from '../checkpoint/document.js'
import {
  DEFAULT_API_URL,
  GitHubClient,
  type RestArtifact,
  type Repository
} from '../transport/rest-client.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'
import type { ArchiveFetcher, ArchiveSource } from './stage-archive.js'
import { logProgress } from '../action/step-log.js'
import { withProgress } from '../packing/progress-report.js'

/** Fetches an archive kept in the Actions cache into `downloads`; its path. */
export type CacheArchiveFetch = (record: ArchiveRecord, downloads: string) => Promise<string>

/** What reaches archives kept outside this run. */
export interface ElsewhereOptions {
  /** The REST API with the job's token, for archives of earlier runs (`actions: read`). */
  client: GitHubClient | undefined
  repository: Repository | undefined
  /** Archives kept in the Actions cache. */
  cache?: CacheArchiveFetch | undefined
}

/** The REST client of the job's token, or undefined without one. */
export function restClient(token: string): GitHubClient | undefined {
  if (token === '') return undefined
  return new GitHubClient(process.env.GITHUB_API_URL ?? DEFAULT_API_URL, token)
}

/**
 * Archives of nodes taken from other runs or the cache, which later attempts of this run (and
 * steps that take an offered node) fetch from where they are kept: the cache entry when the
 * record names one, else the run that uploaded it, through the REST API. Each is checked
 * against the digest its checkpoint recorded before anything is extracted from it.
 */
export function archivesElsewhere(options: ElsewhereOptions): ArchiveSource {
  const listings = new Map<string, Promise<RestArtifact[]>>()
  const listing = (client: GitHubClient, repository: Repository, runId: string) => {
    let artifacts = listings.get(runId)
    if (!artifacts) {
      artifacts = client.listRunArtifacts(repository, Number(runId))
      listings.set(runId, artifacts)
    }
    return artifacts
  }
  return (record: ArchiveRecord): ArchiveFetcher => ({
    download: async downloads => {
      if (record.cache !== undefined) {
        if (!options.cache) {
          throw new ArchiveIntegrityError(
            record.name,
            'is kept in the Actions cache, which this step does not read'
          )
        }
        return options.cache(record, downloads)
      }
      const { client, repository } = options
      if (!client || !repository) {
        throw new ArchiveIntegrityError(
          record.name,
          `is kept in run ${record.runId}: reading it needs github-token`
        )
      }
      const artifacts = await listing(client, repository, record.runId)
      return downloadFromRun(client, repository, artifacts, record, downloads)
    }
  })
}

/** Downloads an archive of another run through the REST API, checked against its digest. */
async function downloadFromRun(
  client: GitHubClient,
  repository: Repository,
  artifacts: RestArtifact[],
  record: ArchiveRecord,
  downloads: string
): Promise<string> {
  const artifact = artifacts.find(item => item.name === record.name && !item.expired)
  if (!artifact) {
    throw new ArchiveIntegrityError(record.name, `is not among run ${record.runId}'s artifacts`)
  }
  const file = join(await mkdtemp(join(downloads, 'run-')), 'artifact')
  let bytes = 0
  const report = { label: `Downloading ${record.name}`, total: artifact.size, log: logProgress }
  const { digest } = await withProgress(
    report,
    () => bytes,
    () =>
      client.download(repository, artifact, file, count => {
        bytes = count
      })
  )
  if (digest !== record.digest) {
    throw new ArchiveIntegrityError(
      record.name,
      'its bytes do not match the digest recorded at upload'
    )
  }
  return file
}
