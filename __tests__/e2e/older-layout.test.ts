// Issue 13 item 3: a run whose attempt 1 saved checkpoints in the layout before packs (a
// document and a files archive artifact per node) is resumed by attempt 2 with today's restore.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectRestored } from '../../__fixtures__/checkpoints.js'
import { e2eWorld, ROOT } from '../../__fixtures__/e2e.js'
import { plantInRun } from '../../__fixtures__/hostile/plant.js'
import {
  OLDER_LAYOUT_NODES,
  olderLayoutFiles,
  olderLayoutKey,
  writeOlderLayout
} from '../../__fixtures__/older-layout/generate.js'
import type { Run } from '../../local/index.js'

const world = e2eWorld({ runs: ['restore'] })
const RUN_7001 = join(ROOT, '__fixtures__/older-layout/run-7001')

/**
 * The committed checkpoints as attempt 1 of `runId` uploads them: the archives are the committed
 * bytes (asserted), the documents the same checkpoints naming this run.
 */
async function olderLayoutOf(runId: string, scratch: string) {
  const documents = await writeOlderLayout(scratch, runId)
  const names = (await readdir(scratch)).sort()
  const archives = names.filter(name => name.endsWith('.files.zip'))
  for (const name of archives) {
    expect(await readFile(join(scratch, name))).toEqual(await readFile(join(RUN_7001, name)))
  }
  return Promise.all(
    documents.map(async document => {
      const stem = `checkpoint.pipeline.a1.s${String(document.sequence).padStart(3, '0')}.${document.node}`
      const archive = archives.includes(`${stem}.files.zip`)
        ? { name: `${stem}.files`, bytes: await readFile(join(scratch, `${stem}.files.zip`)) }
        : undefined
      const bytes = await readFile(join(scratch, `${stem}.json`))
      return { document: { name: `${stem}.json`, bytes }, ...(archive ? { archive } : {}) }
    })
  )
}

/** A run whose attempt 1 saved the committed checkpoints (uploaded as a save uploads them). */
async function runWithOlderLayout(repository?: string): Promise<Run> {
  const run = world.createRun(repository === undefined ? {} : { repository })
  const first = await world.job(run, 1)
  const scratch = await mkdtemp(join(tmpdir(), 'older-layout-'))
  try {
    for (const built of await olderLayoutOf(String(run.runId), join(scratch, 'downloads'))) {
      await plantInRun(first.meta.env, built, scratch)
    }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  return run
}

const RESTORED = {
  name: 'checkpoint.pipeline.a1.s003.test.json',
  completed: ['fetch', 'build', 'test'],
  state: { rows: '1201', source: 'api', built: true, passed: true },
  files: olderLayoutFiles()
}

describe('checkpoints of the layout before packs', () => {
  it('saved by attempt 1 are restored by attempt 2', async () => {
    const run = await runWithOlderLayout()
    expect(world.standIn.listArtifacts(run).map(artifact => artifact.name)).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.files',
      'checkpoint.pipeline.a1.s001.fetch.json',
      'checkpoint.pipeline.a1.s002.build.files',
      'checkpoint.pipeline.a1.s002.build.json',
      'checkpoint.pipeline.a1.s003.test.json'
    ])
    expectRestored(await world.restore(run, 2), RESTORED)
  })

  it('saved by an earlier run are taken by a new run with `from: runs`', async () => {
    const repository = 'octo/older-layout'
    const earlier = await runWithOlderLayout(repository)
    world.standIn.completeRun(earlier, 'failure')
    const keys = OLDER_LAYOUT_NODES.map(node => `${node.node}=${olderLayoutKey(node.node)}`)
    const restored = await world.restore(world.createRun({ repository }), 1, {
      inputs: { from: 'runs', keys: keys.join('\n') }
    })
    expectRestored(restored, RESTORED)
    expect(restored.result.outputs['from-run-id']).toBe(String(earlier.runId))
  })
})
