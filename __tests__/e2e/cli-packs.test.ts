// The CLI on what the save entry really writes once packs form: a job of 8 nodes, each with a
// file of its own, leaves packs holding small archives and retired documents; the CLI lists,
// verifies and restores them from the run page's downloads and from `pull`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Run } from '../../local/index.js'
import { downloadLikeABrowser } from '../../__fixtures__/cli/browser.js'
import { digests, readTree, type Tree } from '../../__fixtures__/checkpoints.js'
import { e2eWorld, runCli as cli } from '../../__fixtures__/e2e.js'

const NODES = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']
const world = e2eWorld({ runs: ['save', 'cli'] })
let scratch: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'checkpoint-cli-packs-'))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** Attempt 1 saves every node, each with `out/<node>.txt`: the files all nodes leave. */
async function savePipeline(): Promise<{ run: Run; token: string; files: Tree }> {
  const { run, job } = await world.newRun()
  const files: Tree = {}
  for (const node of NODES) {
    const path = `out/${node}.txt`
    files[path] = Buffer.from(`${node} `.repeat(100))
    await mkdir(join(job.options.workspace, 'out'), { recursive: true })
    await writeFile(join(job.options.workspace, path), files[path])
    const saved = await job.uses('save', { node, paths: path, state: `${node}=done` })
    expect(saved.code).toBe(0)
  }
  await job.complete()
  return { run, token: job.meta.token, files }
}

describe('packs the save entry wrote, read by the CLI', () => {
  let downloads: string
  let files: Tree
  let run: Run
  let token: string

  beforeAll(async () => {
    ;({ run, token, files } = await savePipeline())
    downloads = join(scratch, 'downloads')
    await mkdir(downloads)
    const names = await downloadLikeABrowser(world, run, token, downloads)
    expect(names.filter(name => name.endsWith('.pack.zip')).length).toBeGreaterThan(0)
  })

  it('lists the newest checkpoints and those retired into packs, all valid', async () => {
    const listed = await cli(['list', '--json'], downloads)
    expect(listed).toMatchObject({ code: 0, stderr: '' })
    const { checkpoints } = JSON.parse(listed.stdout) as {
      checkpoints: { node: string; status: string; origin: string }[]
    }
    expect(checkpoints.every(item => item.status === 'valid')).toBe(true)
    expect(checkpoints.at(-1)?.node).toBe('n8')
    const retired = checkpoints.filter(item => /\.pack\.zip!checkpoint\./.test(item.origin))
    expect(retired.length).toBeGreaterThan(0)
    const table = await cli(['list'], downloads)
    expect(table.stdout.split('\n')[0]).toMatch(/\sLOCATION$/)
  })

  it('verifies every archive, inside packs or not, and restores every node byte for byte', async () => {
    const verified = await cli(['verify'], downloads)
    expect(verified).toMatchObject({ code: 0 })
    expect(verified.stdout).toContain('All verified.')
    const to = join(scratch, 'replay')
    const restored = await cli(['restore', '--to', to, '--json'], downloads)
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    const tree = await readTree(to)
    delete tree['state.json']
    expect(digests(tree)).toEqual(digests(files))
  })

  it('pull fetches the packs too, and the pulled folder restores the same', async () => {
    const pulled = join(scratch, 'pulled')
    const env = { GITHUB_TOKEN: token, GITHUB_API_URL: `${world.standIn.url}/api` }
    const args = ['pull', '--repo', run.repository, '--run', String(run.runId), '--to', pulled]
    expect(await cli(args, scratch, env)).toMatchObject({ code: 0 })
    const to = join(scratch, 'replay-pulled')
    expect((await cli(['restore', '--to', to], pulled)).code).toBe(0)
    const tree = await readTree(to)
    delete tree['state.json']
    expect(digests(tree)).toEqual(digests(files))
  })
})
