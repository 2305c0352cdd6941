import { noticeIfUnavailable } from '../action/failure.js'
import { archivesElsewhere, restClient } from './foreign-archives.js'
import type { Found, SourceRequest } from './found.js'
import { take } from './found.js'
import { cacheArchives, fromCache } from './from-cache.js'
import { fromRuns } from './from-runs.js'
import { restoreLatest } from './restore-latest.js'

export type { Found, SourceRequest }

/**
 * Tries each source of `from` in order; a node comes from the first source that has a verified
 * hit for it, and its files are in the workspace when this returns.
 */
export async function restoreFromSources(request: SourceRequest): Promise<Found> {
  const found: Found = {
    document: undefined,
    newest: undefined,
    known: new Set(),
    reuse: {
      from: request.sources.from,
      reset: false,
      rerun: [],
      sources: {},
      reasons: {},
      offers: {}
    }
  }
  for (const source of request.sources.from) {
    if (source === 'attempts') await fromAttempts(request, found)
    if (source === 'runs') await fromRuns(request, found)
    if (source === 'cache') await fromCache(request, found)
  }
  for (const node of request.sources.keys.keys()) {
    if (found.reuse.reasons[node] === undefined) found.reuse.reasons[node] = 'not-found'
  }
  return found
}

async function fromAttempts(request: SourceRequest, found: Found): Promise<void> {
  const { scope, token, context, keys } = request
  // Nodes this run took from other runs or the cache have their archives there.
  const elsewhere = archivesElsewhere({
    client: restClient(token),
    repository: context.repository,
    cache: cacheArchives(context.runnerTemp)
  })
  const document = await restoreLatest(scope, token, context, keys, elsewhere).catch(
    (error: unknown) => {
      // GitHub Enterprise Server: one notice, and the cache is the next source.
      if (noticeIfUnavailable(error)) return undefined
      throw error
    }
  )
  if (!document) return
  const thisRun = context.run.runId
  take(found, document, node =>
    node.runId === thisRun ? `attempt ${node.attempt}` : `attempt ${document.attempt}`
  )
}
