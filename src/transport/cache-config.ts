/**
 * What the runner's environment says about the Actions cache, read the way @actions/cache reads
 * it, so this action's choices (which sources to try, whether to write) agree with the client's.
 */

/** Whether this job may read and write the cache (`ACTIONS_CACHE_MODE`). */
export interface CacheAccess {
  /** The mode as the runner set it, lower case; empty when unset. */
  mode: string
  read: boolean
  write: boolean
}

const KNOWN_MODES = ['none', 'read', 'write', 'write-only']

/**
 * `ACTIONS_CACHE_MODE`: `none`, `read`, `write` or `write-only`. Unset or unknown modes allow
 * both, as @actions/cache treats them.
 */
export function cacheAccess(env: NodeJS.ProcessEnv = process.env): CacheAccess {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase()
  if (!KNOWN_MODES.includes(mode)) return { mode, read: true, write: true }
  return {
    mode,
    read: mode === 'read' || mode === 'write',
    write: mode === 'write' || mode === 'write-only'
  }
}
