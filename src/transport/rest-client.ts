import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { CALL_TIMEOUT_MS } from './config.js'
import { ServiceError } from './service-errors.js'
import { USER_AGENT, send, statusError } from './http.js'
import { DOWNLOADS, SERVICE_CALLS, withRetries, type Log } from './retry.js'
import { GitHubApiError } from './service-errors.js'
import { ByteMeter } from '../packing/meter.js'

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
 * The few REST calls `pull` makes, with global fetch, retried as the action's calls are
 * (transport/retry.ts). The token goes to the API host only: the artifact download answers 302
 * to a blob URL, followed without the Authorization header, and a pagination link that leaves
 * the API host is refused.
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
      `${this.repoUrl(repository)}/actions/runs/${runId}/artifacts?per_page=${PAGE_SIZE}`
    const artifacts: RestArtifact[] = []
    for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
      const response = await this.request(
        url,
        `run ${runId} of ${repository.owner}/${repository.name}`
      )
      const body = (await response.json()) as { artifacts?: unknown[] }
      artifacts.push(...(body.artifacts ?? []).map(toArtifact))
      url = nextLink(response.headers.get('link'))
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
    const url = `${this.repoUrl(repository)}/actions/artifacts/${artifact.id}/zip`
    const what = `artifact ${artifact.name}`
    const retry = { what: `Download of ${artifact.name}`, policy: DOWNLOADS, log: this.log }
    return asApiError(
      withRetries(retry, async ({ remainingMs }) => {
        const timeout = Math.min(CALL_TIMEOUT_MS, remainingMs)
        const first = await send(url, { headers: this.headers(), redirect: 'manual' }, timeout)
        let response = first
        const location = first.headers.get('location')
        if (first.status >= 300 && first.status < 400 && location) {
          await first.body?.cancel()
          // The blob host gets no token: the signed URL is its own authorization.
          response = await fetch(new URL(location, url), { headers: { 'user-agent': USER_AGENT } })
        }
        if (!response.ok || !response.body) throw await statusError(response)
        const meter = new ByteMeter(Number.POSITIVE_INFINITY, undefined, progress)
        const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
        await pipeline(body, meter, createWriteStream(target, { mode: 0o644 }))
        return { bytes: meter.bytes, digest: meter.digest() }
      }),
      what
    )
  }

  /**
   * One JSON document of the API, `path` taken from the API root (or a full URL on the API host,
   * as Link headers give them), and the URL of its next page.
   */
  async getJson(path: string, what: string): Promise<{ body: unknown; next: string | undefined }> {
    const url = /^https?:/.test(path) ? path : `${this.apiUrl}${path}`
    const response = await this.request(url, what)
    return {
      body: await response.json(),
      next: nextLink(response.headers.get('link'))
    }
  }

  private async request(url: string, what: string): Promise<Response> {
    if (new URL(url).origin !== this.origin) {
      throw new GitHubApiError(
        0,
        `Refused to send the token to ${new URL(url).origin}, not the API`
      )
    }
    const retry = { what: `GitHub API: ${what}`, policy: SERVICE_CALLS, log: this.log }
    return asApiError(
      withRetries(retry, async ({ remainingMs }) => {
        const timeout = Math.min(CALL_TIMEOUT_MS, remainingMs)
        const response = await send(url, { headers: this.headers() }, timeout)
        if (!response.ok) throw await statusError(response)
        return response
      }),
      what
    )
  }

  private repoUrl(repository: Repository): string {
    const owner = encodeURIComponent(repository.owner)
    return `${this.apiUrl}/repos/${owner}/${encodeURIComponent(repository.name)}`
  }

  private headers(): Record<string, string> {
    return {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${this.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': USER_AGENT
    }
  }
}

/**
 * A failed call as the exit codes see it: an answer GitHub gave (not found, bad credentials)
 * becomes a GitHubApiError; a retried failure keeps its message, which names the attempts.
 */
async function asApiError<T>(call: Promise<T>, what: string): Promise<T> {
  try {
    return await call
  } catch (error) {
    if (!(error instanceof ServiceError) || error.status === undefined) throw error
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

/** The `rel="next"` URL of a Link header. */
export function nextLink(header: string | null): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)
    if (match) return match[1]
  }
  return undefined
}
