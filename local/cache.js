// github.actions.results.api.v1.CacheService (cache v2) as @actions/cache 6.x calls it.
import { TwirpError } from './http.js'

export const CACHE_CONTAINER = 'actions-cache'
const MAX_KEY_LENGTH = 512

/**
 * @param {{store: any, azurite: import('./azurite.js').Azurite}} deps
 */
export function createCacheService({ store, azurite }) {
  const entriesOf = repositoryId => store.cacheEntries.filter(e => e.repositoryId === repositoryId)

  const methods = {
    async CreateCacheEntry(body, caller) {
      const { key, version } = validKeyAndVersion(body)
      const scope = caller.run.ref
      const clash = entriesOf(caller.run.repositoryId).find(
        e => e.key === key && e.version === version && e.scope === scope
      )
      // Entries are immutable: the real service answers 409 and the client logs
      // "Unable to reserve cache ..." and returns -1 instead of throwing.
      if (clash) {
        throw new TwirpError(
          'already_exists',
          'cache entry with the same key, version, and scope already exists'
        )
      }
      const entry = newEntry(store, caller, key, version, scope)
      store.cacheEntries.push(entry)
      const url = azurite.sasUrl(CACHE_CONTAINER, entry.blob, { permissions: 'cw' })
      return { ok: true, signed_upload_url: url }
    },

    async FinalizeCacheEntryUpload(body, caller) {
      const { key, version } = validKeyAndVersion(body)
      const entry = entriesOf(caller.run.repositoryId).find(
        e => e.key === key && e.version === version && e.scope === caller.run.ref
      )
      if (!entry) throw new TwirpError('not_found', 'cache entry not found')
      if (entry.finalized)
        throw new TwirpError('failed_precondition', 'cache entry already finalized')
      const stored = await azurite.blobProperties(CACHE_CONTAINER, entry.blob)
      const declared = Number(body.size_bytes ?? 0)
      if (!stored || stored.size !== declared) {
        throw new TwirpError(
          'invalid_argument',
          `cache size mismatch: declared ${declared} bytes, uploaded ${stored?.size ?? 0} bytes`
        )
      }
      Object.assign(entry, { finalized: true, size: stored.size, sequence: store.nextSequence() })
      return { ok: true, entry_id: String(entry.id) }
    },

    async GetCacheEntryDownloadURL(body, caller) {
      const { key, version } = validKeyAndVersion(body)
      const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys : []
      const entry = lookup(
        entriesOf(caller.run.repositoryId),
        caller.run,
        key,
        restoreKeys,
        version
      )
      // A miss is a successful call with ok=false, not a 404.
      if (!entry) return { ok: false }
      const url = azurite.sasUrl(CACHE_CONTAINER, entry.blob, { permissions: 'r' })
      return { ok: true, signed_download_url: url, matched_key: entry.key }
    }
  }

  return { methods }
}

export function newEntry(store, caller, key, version, scope) {
  const id = store.newId()
  return {
    id,
    key,
    version,
    scope,
    repositoryId: caller.run.repositoryId,
    blob: `${caller.run.repositoryId}/${id}`,
    finalized: false,
    size: 0,
    sequence: store.nextSequence(),
    createdAt: new Date().toISOString()
  }
}

/**
 * GitHub's matching: the run's own ref first, then the default branch; in each scope the
 * exact key, then each restore key exactly, then as a prefix (newest entry wins).
 */
export function lookup(entries, run, key, restoreKeys, version) {
  const scopes = [run.ref, `refs/heads/${run.defaultBranch}`]
  for (const scope of [...new Set(scopes)]) {
    const candidates = entries
      .filter(e => e.finalized && e.scope === scope && e.version === version)
      .sort((a, b) => b.sequence - a.sequence)
    const exact = candidates.find(e => e.key === key)
    if (exact) return exact
    for (const restoreKey of restoreKeys) {
      const hit =
        candidates.find(e => e.key === restoreKey) ??
        candidates.find(e => e.key.startsWith(restoreKey))
      if (hit) return hit
    }
  }
  return undefined
}

function validKeyAndVersion(body) {
  const { key, version } = body
  if (typeof key !== 'string' || key.length === 0) {
    throw new TwirpError('invalid_argument', 'cache key must not be empty')
  }
  if (key.length > MAX_KEY_LENGTH || key.includes(',')) {
    throw new TwirpError(
      'invalid_argument',
      `cache key must be at most ${MAX_KEY_LENGTH} characters and contain no commas`
    )
  }
  if (typeof version !== 'string' || version.length === 0) {
    throw new TwirpError('invalid_argument', 'cache version must not be empty')
  }
  return { key, version }
}
