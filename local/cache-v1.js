// The v1 REST cache service (`ACTIONS_CACHE_URL` + `_apis/artifactcache/...`) that @actions/cache
// uses on GitHub Enterprise Server: look up, reserve, upload in Content-Range chunks, commit.
// Entries are the same records as cache v2's, in the same scopes.
import { CACHE_CONTAINER, lookup, newEntry } from './cache.js'
import { RestError, discardBody, parseJson, readBody } from './http.js'

export const CACHE_V1_PREFIX = '/_apis/artifactcache/'

/** Chunks of one PATCH are at most the client's upload chunk size (32 MiB by default). */
const MAX_CHUNK_BYTES = 64 * 1024 * 1024

/**
 * @param {{store: any, azurite: import('./azurite.js').Azurite}} deps
 */
export function createCacheV1({ store, azurite }) {
  const entriesOf = run => store.cacheEntries.filter(e => e.repositoryId === run.repositoryId)
  const chunks = new Map()

  async function getEntry(url, caller) {
    const keys = (url.searchParams.get('keys') ?? '').split(',').filter(key => key !== '')
    const version = url.searchParams.get('version') ?? ''
    if (keys.length === 0 || version === '')
      throw new RestError(400, 'keys and version are required')
    const [key, ...restoreKeys] = keys
    const entry = lookup(entriesOf(caller.run), caller.run, key, restoreKeys, version)
    if (!entry) return { status: 204, body: undefined }
    return {
      status: 200,
      body: {
        cacheKey: entry.key,
        scope: entry.scope,
        cacheVersion: entry.version,
        creationTime: entry.createdAt,
        archiveLocation: azurite.sasUrl(CACHE_CONTAINER, entry.blob, { permissions: 'r' })
      }
    }
  }

  function reserve(body, caller) {
    const { key, version } = body
    if (typeof key !== 'string' || key === '' || typeof version !== 'string' || version === '') {
      throw new RestError(400, 'key and version are required')
    }
    const scope = caller.run.ref
    const clash = entriesOf(caller.run).find(
      e => e.key === key && e.version === version && e.scope === scope
    )
    // Keys are immutable: the client reports this as "Unable to reserve cache" and goes on.
    if (clash)
      throw new RestError(
        409,
        `Cache already exists. Scope: ${scope}, Key: ${key}, Version: ${version}`
      )
    const entry = newEntry(store, caller, key, version, scope)
    store.cacheEntries.push(entry)
    chunks.set(entry.id, [])
    return { status: 201, body: { cacheId: entry.id } }
  }

  async function uploadChunk(req, entry) {
    const range = /^bytes (\d+)-(\d+)\/\*$/.exec(req.headers['content-range'] ?? '')
    const data = await readBody(req, MAX_CHUNK_BYTES)
    if (!range || Number(range[2]) - Number(range[1]) + 1 !== data.length) {
      throw new RestError(400, 'Content-Range does not match the chunk')
    }
    chunks.get(entry.id).push({ start: Number(range[1]), data })
    return { status: 204, body: undefined }
  }

  async function commit(body, entry) {
    const parts = chunks.get(entry.id).sort((a, b) => a.start - b.start)
    const data = Buffer.concat(parts.map(part => part.data))
    if (Number(body.size) !== data.length) {
      throw new RestError(
        400,
        `cache size mismatch: declared ${body.size}, uploaded ${data.length}`
      )
    }
    await azurite.writeBlob(CACHE_CONTAINER, entry.blob, data, 'application/octet-stream')
    chunks.delete(entry.id)
    Object.assign(entry, { finalized: true, size: data.length, sequence: store.nextSequence() })
    return { status: 204, body: undefined }
  }

  function pending(caller, id) {
    const entry = entriesOf(caller.run).find(e => e.id === Number(id) && !e.finalized)
    if (!entry || !chunks.has(entry.id)) throw new RestError(404, 'cache entry not found')
    return entry
  }

  /**
   * Answers one request under /_apis/artifactcache/.
   * @param {import('node:http').IncomingMessage} req
   * @param {URL} url
   * @param {any} caller the job of the runtime token, or undefined
   */
  async function handle(req, url, caller) {
    if (!caller) {
      await discardBody(req)
      throw new RestError(401, 'missing or invalid runtime token')
    }
    const resource = url.pathname.slice(CACHE_V1_PREFIX.length)
    const id = /^caches\/(\d+)$/.exec(resource)?.[1]
    if (req.method === 'GET' && resource === 'cache') return getEntry(url, caller)
    if (req.method === 'GET' && resource === 'caches') {
      return { status: 200, body: { totalCount: 0, artifactCaches: [] } }
    }
    if (req.method === 'POST' && resource === 'caches')
      return reserve(parseJson(await readBody(req)), caller)
    if (req.method === 'PATCH' && id) return uploadChunk(req, pending(caller, id))
    if (req.method === 'POST' && id)
      return commit(parseJson(await readBody(req)), pending(caller, id))
    await discardBody(req)
    throw new RestError(404, `no handler for ${req.method} ${url.pathname}`)
  }

  return { handle }
}
