import { downloadToFile, type DownloadOptions } from './blob-transfer.js'
import { CALL_TIMEOUT_MS } from './config.js'
import { readBody, request } from './http.js'
import { SERVICE_CALLS, withRetries, type Log } from './retry.js'
import { GitHubApiError, ServiceError } from './service-errors.js'

/** The default of `GITHUB_API_URL`. */
export const DEFAULT_API_URL = 'https://api.github.com'

const PAGE_SIZE = 100
const MAX_PAGES = 100

/** An artifact of a workflow run, as the REST API lists it. */
export interface RestArtifact {
  id: number
  name: string
  size: number
  /** `sha256:<hex>` recorded at upload, when the API reports it. */
  digest: string | undefined
  expired: boolean
}

/** A repository, `owner/name`. */
export interface Repository {
  owner: string
  name: string
}

/** Reports how much of a download has arrived. */
export type ProgressReporter = (bytes: number) => void

/**
 * The few REST calls `pull` makes, retried as the action's calls are (transport/retry.ts). The
 * token goes to the API host only: the artifact download answers 302 to a blob URL, followed
 * without the Authorization header, and a pagination link that leaves the API host is refused.
 */
export class GitHubClient {
  private readonly origin: string

  /** `log` hears of each retry (the CLI's stderr). */
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly log?: Log
  ) {
    this.apiUrl = apiUrl.replace(/\/+$/, '')
    this.origin = new URL(this.apiUrl).origin
  }

  /** Every artifact of a run, all attempts, following the `Link: rel="next"` pages. */
  async listRunArtifacts(repository: Repository, runId: number): Promise<RestArtifact[]> {
    let url: string | undefined =
      `${repoUrl(this.apiUrl, repository)}/actions/runs/${runId}/artifacts?per_page=${PAGE_SIZE}`
    const artifacts: RestArtifact[] = []
    const what = `run ${runId} of ${repository.owner}/${repository.name}`
    for (let pages = 0; url !== undefined && pages < MAX_PAGES; pages++) {
      const page = await this.getJson(url, what)
      const body = page.json as { artifacts?: unknown[] }
      artifacts.push(...(body.artifacts ?? []).map(toArtifact))
      url = page.next
    }
    return artifacts
  }

  /**
   * Downloads an artifact's bytes (a zip, or the plain file of an artifact uploaded without
   * one) into `target`.
   * @returns the bytes written and their `sha256:<hex>`
   */
  async download(
    repository: Repository,
    artifact: RestArtifact,
    target: string,
    progress?: ProgressReporter
  ): Promise<{ bytes: number; digest: string }> {
    const api = { apiUrl: this.apiUrl, token: this.token }
    const transfer = { what: `Download of ${artifact.name}`, log: this.log, progress }
    const { size, digest } = await asApiError(
      downloadArtifact(api, repository, artifact.id, target, transfer),
      `artifact ${artifact.name}`,
      artifactZipUrl(this.apiUrl, repository, artifact.id)
    )
    return { bytes: size, digest }
  }

  /**
   * One GET of the API: its JSON and the URL of its next page (`Link: rel="next"`). `path` is
   * taken from the API root, or is a full URL on the API host, as Link headers give them. The
   * token never leaves the API host: a link elsewhere is refused, and a redirect elsewhere (one
   * is followed) gets no token.
   */
  async getJson(path: string, what: string): Promise<{ json: unknown; next: string | undefined }> {
    const url = /^https?:/.test(path) ? path : `${this.apiUrl}${path}`
    if (new URL(url).origin !== this.origin) {
      throw new GitHubApiError(
        0,
        `Refused to send the token to ${new URL(url).origin}, not the API`
      )
    }
    const retry = { what: `GitHub API: ${what}`, policy: SERVICE_CALLS, log: this.log }
    const page = await asApiError(
      withRetries(retry, async ({ remainingMs }) => {
        const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs)
        const headers = apiHeaders(this.token)
        const response = await request(url, { headers, timeoutMs, redirected: () => undefined })
        const link = [response.headers.link ?? []].flat().join(', ')
        return { text: (await readBody(response)).toString('utf8'), link }
      }),
      what,
      url
    )
    return { json: JSON.parse(page.text) as unknown, next: nextLink(page.link) }
  }
}

/** What the REST API is sent: the token, and the media type and version it answers in. */
function apiHeaders(token: string): Record<string, string> {
  return {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${token}`,
    'x-github-api-version': '2022-11-28'
  }
}

/**
 * Downloads an artifact through the REST API into `target` (DOWNLOADS schedule): GET
 * .../actions/artifacts/{id}/zip answers 302 to a signed blob URL, which is followed once
 * without the token; `transfer.redirected` hears that URL first, to mask it.
 * @returns the size and `sha256:<hex>` of the bytes written
 */
export async function downloadArtifact(
  api: { apiUrl: string; token: string },
  repository: Repository,
  artifactId: number,
  target: string,
  transfer: Omit<DownloadOptions, 'headers'>
): Promise<{ size: number; digest: string }> {
  const url = artifactZipUrl(api.apiUrl, repository, artifactId)
  return downloadToFile(url, target, {
    ...transfer,
    headers: apiHeaders(api.token),
    redirected: transfer.redirected ?? (() => undefined)
  })
}

/** The REST URL an artifact downloads from; it answers 302 to a signed blob URL. */
function artifactZipUrl(apiUrl: string, repository: Repository, artifactId: number): string {
  return `${repoUrl(apiUrl, repository)}/actions/artifacts/${String(artifactId)}/zip`
}

/**
 * A failed call as the exit codes see it: an answer GitHub gave (not found, bad credentials)
 * becomes a GitHubApiError; a retried failure keeps its message, which names the attempts. One
 * that got no answer at all (a timeout, a refused or broken connection) also names the URL it
 * went to (the API's, never the signed blob URL), so a wrong GITHUB_API_URL or an unreachable
 * host shows.
 */
async function asApiError<T>(call: Promise<T>, what: string, url: string): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error
    if (error.status === undefined) {
      throw new ServiceError(`${error.message} (${url})`, undefined, { cause: error })
    }
    if ([401, 403, 404].includes(error.status)) throw apiError(error.status, what)
    throw new GitHubApiError(error.status, `GitHub API: ${error.message}`)
  }
}

function apiError(status: number, what: string): GitHubApiError {
  const meaning =
    status === 404
      ? 'not found (or the token cannot see it)'
      : status === 401
        ? 'bad credentials: check GITHUB_TOKEN'
        : status === 403
          ? 'forbidden: the token needs actions: read on the repository (or a rate limit was hit)'
          : `HTTP ${status}`
  return new GitHubApiError(status, `GitHub API: ${what}: ${meaning}`)
}

function toArtifact(item: unknown): RestArtifact {
  const value = (item ?? {}) as Record<string, unknown>
  return {
    id: Number(value.id),
    name: typeof value.name === 'string' ? value.name : '',
    size: Number(value.size_in_bytes ?? 0),
    digest: typeof value.digest === 'string' && value.digest !== '' ? value.digest : undefined,
    expired: value.expired === true
  }
}

/** A repository's REST URL. */
function repoUrl(apiUrl: string, repository: Repository): string {
  const owner = encodeURIComponent(repository.owner)
  return `${apiUrl.replace(/\/+$/, '')}/repos/${owner}/${encodeURIComponent(repository.name)}`
}

/** The `rel="next"` URL of a Link header. */
export function nextLink(header: string | null | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)
    if (match) return match[1]
  }
  return undefined
}
