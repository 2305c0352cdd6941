import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root, where action.yml and dist/ are. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
