import { copyFile, mkdir, mkdtemp, rm, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheAccess } from './cache-config.js'
import { isGhes } from './config.js'

/**
 * A node's checkpoint in the Actions cache, through @actions/cache (loaded only by the steps
 * that use it). An entry holds the checkpoint document restricted to the node and its files
 * archive, packed as the artifacts are, under an exact key: never a restore-keys prefix.
 *
 * @actions/cache versions an entry by the path strings it is given, so the entry is saved from
 * a folder whose path reads the same on every runner: relative to the workspace (RUNNER_TEMP
 * differs between self-hosted runners). It is restored into a fresh folder under RUNNER_TEMP,
 * never into the workspace: the caller verifies it before anything is placed.
 */

/** The document's file name in an entry. */
export const ENTRY_DOCUMENT = 'checkpoint.json'

/** Where a node's entry is staged for saving, relative to the workspace: also its version. */
export function entryPath(scope: string, node: string): string {
  return `.checkpoint-cache/${scope}.${node}`
}

/** What a save to the cache came to. */
export type CacheSave = 'saved' | 'exists' | 'not-saved' | 'not-allowed'

/** Where the cache's notices go: the step's log. */
export type Notice = (line: string) => void

/** Reports once per step what `ACTIONS_CACHE_MODE` forbids. */
let modeReported = false

function allowed(what: 'read' | 'write', notice: Notice): boolean {
  const access = cacheAccess()
  if (!modeReported && (!access.read || !access.write)) {
    modeReported = true
    const can = access.read ? 'read from' : access.write ? 'written to' : 'neither read nor written'
    notice(
      `ACTIONS_CACHE_MODE is '${access.mode}': checkpoints in the Actions cache are ${can === 'neither read nor written' ? can : `only ${can}`} in this job.`
    )
  }
  return access[what]
}

/**
 * Saves a node's entry under `key`: its document text and its archive file. A key that is
 * already there is left as it is (keys are immutable), never an error.
 */
export async function saveEntry(
  entry: { key: string; scope: string; node: string; document: string },
  archive: { name: string; file: string } | undefined,
  workspace: string,
  notice: Notice
): Promise<CacheSave> {
  if (!allowed('write', notice)) return 'not-allowed'
  const cache = await import('@actions/cache')
  const path = entryPath(entry.scope, entry.node)
  if (allowed('read', notice) && (await lookUp(entry.key, path)) === entry.key) return 'exists'
  const folder = join(workspace, path)
  await rm(folder, { recursive: true, force: true })
  try {
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, ENTRY_DOCUMENT), entry.document, 'utf8')
    if (archive) await copyFile(archive.file, join(folder, archive.name))
    const id = await inFolder(workspace, () => cache.saveCache([path], entry.key))
    return id > 0 ? 'saved' : 'not-saved'
  } finally {
    await rm(folder, { recursive: true, force: true })
    // The parent goes too when no other step is staging in it.
    await rmdir(join(workspace, '.checkpoint-cache')).catch(() => undefined)
  }
}

async function lookUp(key: string, path: string): Promise<string | undefined> {
  const cache = await import('@actions/cache')
  return cache.restoreCache([path], key, [], { lookupOnly: true })
}

/**
 * Restores the entry of exactly `key` into a fresh folder under `runnerTemp`; the folder holding
 * the entry's files, or undefined on a miss. The caller verifies it, then removes `scratch`.
 */
export async function restoreEntry(
  entry: { key: string; scope: string; node: string },
  runnerTemp: string,
  notice: Notice
): Promise<{ folder: string; scratch: string } | undefined> {
  if (!allowed('read', notice)) return undefined
  const cache = await import('@actions/cache')
  const path = entryPath(entry.scope, entry.node)
  const scratch = await mkdtemp(join(runnerTemp, 'checkpoint-cache-'))
  // The archive is extracted relative to GITHUB_WORKSPACE: here, the scratch folder.
  const matched = await withWorkspace(scratch, () => cache.restoreCache([path], entry.key, []))
  if (matched !== entry.key) {
    // The service may match a longer key by prefix: only the exact key is an entry of ours.
    await rm(scratch, { recursive: true, force: true })
    return undefined
  }
  return { folder: join(scratch, path), scratch }
}

async function withWorkspace<T>(folder: string, call: () => Promise<T>): Promise<T> {
  const before = process.env.GITHUB_WORKSPACE
  process.env.GITHUB_WORKSPACE = folder
  try {
    return await call()
  } finally {
    if (before === undefined) delete process.env.GITHUB_WORKSPACE
    else process.env.GITHUB_WORKSPACE = before
  }
}

/** @actions/cache finds the paths to save relative to the working directory. */
async function inFolder<T>(folder: string, call: () => Promise<T>): Promise<T> {
  const before = process.cwd()
  process.chdir(folder)
  try {
    return await withWorkspace(folder, call)
  } finally {
    process.chdir(before)
  }
}

/** Whether the cache can be used at all here: a runtime token and a cache service. */
export function cacheAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.ACTIONS_RUNTIME_TOKEN) return false
  const v2 = !isGhes(env) && Boolean(env.ACTIONS_CACHE_SERVICE_V2)
  return Boolean(v2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL)
}
