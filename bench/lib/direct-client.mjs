// The baseline: what a workflow does without checkpoint-action, i.e. actions/upload-artifact and
// actions/download-artifact calling @actions/artifact directly with their defaults. Bundled with
// ncc (as those actions are) into a temporary action folder and run through the same JobRunner
// as the candidate, so both pay process start and bundle loading. Input `mode` selects the work;
// `noop` imports @actions/core and @actions/artifact and exits (the cold-start baseline).
// `cache-save` / `cache-restore` call @actions/cache as actions/cache does: the rival a user
// could pick instead of a checkpoint (tar + zstd, one stream).
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { DefaultArtifactClient } from '@actions/artifact'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CALLING_RESTORE_CACHE, CALLING_SAVE_CACHE } from './markers.mjs'

const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()

/** Every regular file under a folder, sorted (upload-artifact globs `path/**`). */
async function filesUnder(folder) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath ?? entry.path, entry.name))
    .sort()
}

/** upload-artifact: the files under `path`, zipped at `compression-level` (its default 6). */
async function upload(client) {
  const folder = resolve(workspace, core.getInput('path'))
  const files = await filesUnder(folder)
  const level = Number(core.getInput('compression-level') || '6')
  const response = await client.uploadArtifact(core.getInput('name'), files, folder, {
    compressionLevel: level
  })
  core.setOutput('artifact-id', String(response.id))
  core.setOutput('size', String(response.size))
}

/** download-artifact with `name`: find it, download it (digest checked) and unzip it. */
async function download(client) {
  const { artifact } = await client.getArtifact(core.getInput('name'))
  const path = resolve(workspace, core.getInput('path'))
  await mkdir(path, { recursive: true })
  const result = await client.downloadArtifact(artifact.id, {
    path,
    ...(artifact.digest ? { expectedHash: artifact.digest } : {})
  })
  if (result.digestMismatch) throw new Error('digest mismatch')
}

/** State the bare way: parse the state file, serialize it, upload it as upload-artifact does. */
async function saveState(client) {
  const text = await readFile(resolve(workspace, core.getInput('path')), 'utf8')
  const serialized = JSON.stringify(JSON.parse(text))
  const folder = join(process.env.RUNNER_TEMP ?? workspace, 'bare-state')
  await mkdir(folder, { recursive: true })
  await writeFile(join(folder, 'state.json'), serialized, 'utf8')
  await client.uploadArtifact(core.getInput('name'), [join(folder, 'state.json')], folder, {
    compressionLevel: 6
  })
}

/** ...and back: download it (digest checked), unzip it, parse it. */
async function loadState(client) {
  await download(client)
  // Joined apart from the workspace: ncc takes resolve(workspace, ..., 'state.json') for an asset
  // path and rewrites it to one inside the bundle.
  const folder = resolve(workspace, core.getInput('path'))
  const path = join(folder, 'state.json')
  const state = JSON.parse(await readFile(path, 'utf8'))
  core.setOutput('keys', String(Object.keys(state).length))
}

/** Uploads every file of a folder as its own unzipped artifact (a checkpoint history). */
async function uploadDocuments(client) {
  const folder = resolve(workspace, core.getInput('path'))
  const files = await filesUnder(folder)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]
      await client.uploadArtifact(file.slice(folder.length + 1), [file], folder, {
        skipArchive: true
      })
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
}

/** actions/cache's save: `path` under key `name` (saveCache, as its post step calls it). */
async function cacheSave() {
  core.info(CALLING_SAVE_CACHE)
  const id = await cache.saveCache([core.getInput('path')], core.getInput('name'))
  if (id === -1) throw new Error(`saveCache did not save ${core.getInput('name')}`)
  core.setOutput('cache-id', String(id))
}

/** actions/cache's restore: exact key `name` (restoreCache, as its main step calls it). */
async function cacheRestore() {
  core.info(CALLING_RESTORE_CACHE)
  const hit = await cache.restoreCache([core.getInput('path')], core.getInput('name'))
  if (hit !== core.getInput('name')) throw new Error(`restoreCache missed ${core.getInput('name')}`)
}

const modes = {
  'cache-save': cacheSave,
  'cache-restore': cacheRestore,
  upload,
  download,
  'save-state': saveState,
  'load-state': loadState,
  'upload-documents': uploadDocuments
}

const mode = core.getInput('mode') || 'noop'
if (mode !== 'noop') {
  const work = modes[mode]
  if (!work) core.setFailed(`unknown mode ${mode}`)
  else
    await work(new DefaultArtifactClient()).catch(error =>
      core.setFailed(String(error?.stack ?? error))
    )
}
