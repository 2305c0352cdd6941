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
import { copyArchiveOut, openPack, type OpenedPack } from '../packing/pack-file.js'
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
  const packs = new Map<string, Promise<OpenedPack>>()
  const run = (client: GitHubClient, repository: Repository, runId: string): OtherRun => ({
    runId,
    client,
    repository,
    artifacts: memo(listings, runId, () => client.listRunArtifacts(repository, Number(runId))),
    pack: (name, downloads) =>
      memo(packs, `${runId}/${name}`, () =>
        downloadPack(run(client, repository, runId), name, downloads)
      )
  })
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
      const other = run(client, repository, record.runId)
      if (record.pack !== undefined) return fromPackOfRun(other, record, record.pack, downloads)
      return downloadFromRun(other, record, downloads)
    }
  })
}

/** Another run's artifacts, listed once, and its packs, downloaded once each. */
interface OtherRun {
  runId: string
  client: GitHubClient
  repository: Repository
  artifacts: Promise<RestArtifact[]>
  pack: (name: string, downloads: string) => Promise<OpenedPack>
}

function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key)
  if (!value) {
    value = make()
    cache.set(key, value)
  }
  return value
}

/** Downloads an artifact of another run through the REST API; its path and sha256. */
async function downloadArtifactOf(
  run: OtherRun,
  name: string,
  downloads: string
): Promise<{ file: string; digest: string; recorded: string | undefined }> {
  const artifact = (await run.artifacts).find(item => item.name === name && !item.expired)
  if (!artifact) throw new ArchiveIntegrityError(name, `is not among run ${run.runId}'s artifacts`)
  const file = join(await mkdtemp(join(downloads, 'run-')), 'artifact')
  let bytes = 0
  const report = { label: `Downloading ${name}`, total: artifact.size, log: logProgress }
  const { digest } = await withProgress(
    report,
    () => bytes,
    () =>
      run.client.download(run.repository, artifact, file, count => {
        bytes = count
      })
  )
  return { file, digest, recorded: artifact.digest }
}

/** Downloads an archive of another run through the REST API, checked against its digest. */
async function downloadFromRun(
  run: OtherRun,
  record: ArchiveRecord,
  downloads: string
): Promise<string> {
  const { file, digest } = await downloadArtifactOf(run, record.name, downloads)
  if (digest !== record.digest) {
    throw new ArchiveIntegrityError(
      record.name,
      'its bytes do not match the digest recorded at upload'
    )
  }
  return file
}

/** A pack of another run, whole, checked against the digest recorded at its upload. */
async function downloadPack(run: OtherRun, name: string, downloads: string): Promise<OpenedPack> {
  const { file, digest, recorded } = await downloadArtifactOf(run, name, downloads)
  if (recorded !== undefined && digest !== recorded) {
    throw new ArchiveIntegrityError(name, 'its bytes do not match the digest recorded at upload')
  }
  return openPack(file)
}

/** An archive of another run read out of its pack by byte range, checked against its digest. */
async function fromPackOfRun(
  run: OtherRun,
  record: ArchiveRecord,
  pack: string,
  downloads: string
): Promise<string> {
  const target = join(await mkdtemp(join(downloads, 'packed-')), 'archive')
  await copyArchiveOut(await run.pack(pack, downloads), pack, record, target)
  return target
}
