import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type { Run } from '../../local/index.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'
import {
  annotations,
  digests,
  label,
  readTree,
  requestsSince,
  writeTree,
  type Tree
} from '../../__fixtures__/checkpoints.js'

// Payloads past one upload block (8 MiB): the files archive goes up in Put Blocks while it is
// written, and comes back through the streaming reader while it downloads.

const world = e2eWorld({ runs: ['restore', 'save'] })

const LARGE: Tree = {
  'out/random.bin': randomBytes(20 * 1024 * 1024),
  'out/log.txt': Buffer.from('a line of a build log that shrinks well\n'.repeat(100_000)),
  'out/small/one.txt': Buffer.from('one\n')
}
const ARCHIVE = 'checkpoint.pipeline.a1.s001.build.files'

/** Attempt 1 saves LARGE as node 'build'; returns the requests the save made. */
async function saveLarge(run: Run): Promise<string[]> {
  const job = await world.job(run, 1)
  await writeTree(job.options.workspace, LARGE)
  const before = world.standIn.requestCount
  const save = await job.uses('save', { node: 'build', paths: 'out/', state: 'built=true' })
  expect(save.outputs).toMatchObject({ saved: 'true' })
  expect(annotations(save, 'warning')).toEqual([])
  return requestsSince(world.standIn, before).map(label)
}

describe('a payload larger than one upload block', () => {
  it('goes up in blocks as it is zipped, and comes back whole while it downloads', async () => {
    const run = world.createRun()
    const requests = await saveLarge(run)
    // ~24 MiB (the random part stored or deflated, the text deflated): three or four blocks,
    // one block list; the only Put Blob is the document's.
    expect(requests.filter(r => r === 'blob PutBlock').length).toBeGreaterThanOrEqual(3)
    expect(requests.filter(r => r === 'blob PutBlockList')).toHaveLength(1)
    expect(requests.filter(r => r === 'blob PutBlob')).toHaveLength(1)

    const job = await world.job(run, 2)
    const before = world.standIn.requestCount
    const restore = await job.uses('.')
    expect(restore.outputs).toMatchObject({ resumed: 'true', 'done-build': 'true' })
    expect(restore.stdout).not.toContain('downloading it whole')
    expect(digests(await readTree(job.options.workspace))).toEqual(digests(LARGE))
    // The archive: its end (the zip's directory), then one streamed GET of the whole.
    const archive = world.blobOf(run, ARCHIVE).match
    expect(requestsSince(world.standIn, before).filter(archive).map(label)).toEqual([
      'blob GetBlob',
      'blob GetBlob'
    ])
  }, 180_000)

  it('a Put Block cut mid-way is sent again and the checkpoint restores whole', async () => {
    const run = world.createRun()
    const before = world.standIn.requestCount
    world.standIn.faults.resetConnection(
      { service: 'blob', operation: 'PutBlock' },
      { afterBytes: 1024 * 1024 }
    )
    await saveLarge(run)
    expect(
      requestsSince(world.standIn, before)
        .filter(r => r.fault === 'reset')
        .map(label)
    ).toEqual(['blob PutBlock'])

    const job = await world.job(run, 2)
    expect((await job.uses('.')).outputs).toMatchObject({ resumed: 'true' })
    expect(digests(await readTree(job.options.workspace))).toEqual(digests(LARGE))
  }, 180_000)

  it('a streamed download cut mid-way is downloaded again whole, checked, and restored', async () => {
    const run = world.createRun()
    await saveLarge(run)
    const archive = world.blobOf(run, ARCHIVE).match
    let gets = 0
    // The first GET of the archive is its end; the second is the streamed whole, cut at 5 MiB.
    world.standIn.faults.resetConnection(
      {
        service: 'blob',
        method: 'GET',
        match: r => archive(r) && ++gets === 2
      },
      { afterBytes: 5 * 1024 * 1024 }
    )

    const job = await world.job(run, 2)
    const restore = await job.uses('.')
    expect(restore.outputs).toMatchObject({ resumed: 'true' })
    expect(restore.stdout).toContain(`Reading ${ARCHIVE} while it downloads failed`)
    expect(annotations(restore, 'warning')).toEqual([])
    expect(digests(await readTree(job.options.workspace))).toEqual(digests(LARGE))
  }, 180_000)
})

describe('a payload that compresses past 100:1', () => {
  it('is stored compressed, and restores whole: its recorded sizes bound what it may inflate to', async () => {
    const run = world.createRun()
    const zeros: Tree = {
      'out/disk.img': Buffer.alloc(20 * 1024 * 1024),
      'out/sparse.log': Buffer.from(`${'0'.repeat(4000)}\n`.repeat(100))
    }
    const first = await world.job(run, 1)
    await writeTree(first.options.workspace, zeros)
    const save = await first.uses('save', { node: 'build', paths: 'out/' })
    expect(save.outputs).toMatchObject({ saved: 'true' })
    expect(save.stdout).toMatch(/fast deflate/)
    const archive = world.standIn.listArtifacts(run).find(artifact => artifact.name === ARCHIVE)
    // 20.4 MB of zeros deflate to a few tens of KB: stored, they would be the whole 20 MB.
    expect(Number(archive?.size)).toBeLessThan(1024 * 1024)

    const second = await world.job(run, 2)
    const restore = await second.uses('.')
    expect(restore.outputs).toMatchObject({ resumed: 'true', 'done-build': 'true' })
    expect(annotations(restore, 'warning')).toEqual([])
    expect(digests(await readTree(second.options.workspace))).toEqual(digests(zeros))
  }, 180_000)
})
