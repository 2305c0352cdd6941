import { getBoolean } from '../action/inputs.js'
import { isGhes } from '../transport/config.js'

/** The save and run entries' input that also keeps a keyed node's checkpoint in the cache. */
export const CACHE_INPUT = 'cache'

/**
 * Whether to save keyed nodes to the Actions cache too: `cache`, by default true on GitHub
 * Enterprise Server (where the cache is the only store) and false elsewhere.
 * @throws InvalidInputError
 */
export function getCacheInput(env: NodeJS.ProcessEnv = process.env): boolean {
  return getBoolean(CACHE_INPUT, isGhes(env))
}
