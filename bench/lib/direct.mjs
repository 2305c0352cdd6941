// Builds the baseline action (direct-client.mjs bundled with ncc, as upload-artifact and
// download-artifact are) into a temporary folder, with an action.yml so that JobRunner runs it
// exactly as it runs the candidate's entries. The bundle is cached in the system temp folder by a
// hash of its source and the versions of ncc and the toolkit, since ncc takes ~10 s.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { runOk } from './lab.mjs'

const ACTION_YML = `name: bench direct client
description: upload-artifact / download-artifact defaults, for the bench
inputs:
  mode: { default: noop }
  name: { default: '' }
  path: { default: '' }
  compression-level: { default: '6' }
runs:
  using: node24
  main: index.mjs
`

/**
 * @param {string} root the project root
 * @returns {Promise<{dir: string, bundleBytes: number, built: boolean, buildMs: number}>}
 */
export async function directAction(root) {
  const source = join(root, 'bench', 'lib', 'direct-client.mjs')
  const versions = await Promise.all(
    ['@vercel/ncc', '@actions/artifact', '@actions/cache', '@actions/core'].map(async name => {
      const manifest = JSON.parse(
        await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')
      )
      return `${name}@${manifest.version}`
    })
  )
  const hash = createHash('sha256')
    .update(await readFile(source))
    .update(await readFile(join(root, 'bench', 'lib', 'markers.mjs')))
    .update(versions.join(','))
    .update(ACTION_YML)
    .digest('hex')
    .slice(0, 16)
  const dir = join(tmpdir(), `checkpoint-bench-direct-${hash}`)
  let built = false
  let buildMs = 0
  if (!existsSync(join(dir, 'index.mjs'))) {
    const staging = `${dir}.${process.pid}`
    const started = performance.now()
    await rm(staging, { recursive: true, force: true })
    await mkdir(staging, { recursive: true })
    const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
    await runOk(
      process.execPath,
      [ncc, 'build', source, '-o', staging, '--target', 'es2022', '--quiet'],
      { cwd: root }
    )
    await writeFile(join(staging, 'action.yml'), ACTION_YML, 'utf8')
    await rm(dir, { recursive: true, force: true })
    await rename(staging, dir)
    built = true
    buildMs = performance.now() - started
  }
  const bundleBytes = (await stat(join(dir, 'index.mjs'))).size
  return { dir, bundleBytes, built, buildMs, versions }
}
