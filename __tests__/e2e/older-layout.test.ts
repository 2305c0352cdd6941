// Issue 13 item 3: a run whose attempt 1 saved checkpoints in the layout before packs (a
// document and a files archive artifact per node) is resumed by attempt 2 with today's restore.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectRestored } from '../../__fixtures__/checkpoints.js'
import { e2eWorld, ROOT } from '../../__fixtures__/e2e.js'
import { plantInRun } from '../../__fixtures__/hostile/plant.js'
import { olderLayoutFiles, writeOlderLayout } from '../../__fixtures__/older-layout/generate.js'

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

describe('checkpoints of the layout before packs', () => {
  it('saved by attempt 1 are restored by attempt 2', async () => {
    const { run, job: first } = await world.newRun()
    const scratch = await mkdtemp(join(tmpdir(), 'older-layout-'))
    try {
      for (const built of await olderLayoutOf(String(run.runId), join(scratch, 'downloads'))) {
        await plantInRun(first.meta.env, built, scratch)
      }
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
    expect(world.standIn.listArtifacts(run).map(artifact => artifact.name)).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.files',
      'checkpoint.pipeline.a1.s001.fetch.json',
      'checkpoint.pipeline.a1.s002.build.files',
      'checkpoint.pipeline.a1.s002.build.json',
      'checkpoint.pipeline.a1.s003.test.json'
    ])
    const restored = await world.restore(run, 2)
    expectRestored(restored, {
      name: 'checkpoint.pipeline.a1.s003.test.json',
      completed: ['fetch', 'build', 'test'],
      state: { rows: '1201', source: 'api', built: true, passed: true },
      files: olderLayoutFiles()
    })
  })
})
