// Issue 13 item 3: checkpoints in the layout written before packs (a document and a files
// archive per node), committed as bytes in __fixtures__/older-layout/, are still listed,
// verified and restored by the CLI.
import { describe, expect, it } from '@jest/globals'
import { readFile, readlink, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { runCliInProcess as cli } from '../../__fixtures__/cli/in-process.js'
import { digests, readTree } from '../../__fixtures__/checkpoints.js'
import { olderLayoutFiles } from '../../__fixtures__/older-layout/generate.js'
import { ROOT } from '../../__fixtures__/root.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()
const RUN_7001 = join(ROOT, '__fixtures__/older-layout/run-7001')

describe('the CLI on checkpoints of the layout before packs', () => {
  it('lists every checkpoint of the committed run as valid', async () => {
    const listed = await cli(['list', RUN_7001, '--json'], await tempDir())
    expect(listed).toMatchObject({ code: 0, stderr: '' })
    const { checkpoints } = JSON.parse(listed.stdout) as {
      checkpoints: { name: string; status: string; files: number }[]
    }
    expect(checkpoints.map(item => [item.name, item.status, item.files])).toEqual([
      ['checkpoint.pipeline.a1.s001.fetch.json', 'valid', 3],
      ['checkpoint.pipeline.a1.s002.build.json', 'valid', 4],
      ['checkpoint.pipeline.a1.s003.test.json', 'valid', 4]
    ])
  })

  it('verifies every document and archive against its digest and manifest', async () => {
    const verified = await cli(['verify', RUN_7001, '--json'], await tempDir())
    expect(verified.code).toBe(0)
    const report = JSON.parse(verified.stdout) as {
      ok: boolean
      items: { name: string; kind: string; result: string; files?: number }[]
      missing: string[]
    }
    expect(report).toMatchObject({ ok: true, missing: [] })
    expect(report.items.map(item => [item.kind, item.name, item.result, item.files])).toEqual([
      ['checkpoint', 'checkpoint.pipeline.a1.s001.fetch.json', 'ok', undefined],
      ['checkpoint', 'checkpoint.pipeline.a1.s002.build.json', 'ok', undefined],
      ['checkpoint', 'checkpoint.pipeline.a1.s003.test.json', 'ok', undefined],
      ['archive', 'checkpoint.pipeline.a1.s001.fetch.files', 'ok', 2],
      ['archive', 'checkpoint.pipeline.a1.s002.build.files', 'ok', 1]
    ])
  })

  it('restores the newest checkpoint: every file, its mode, the link and the state', async () => {
    const to = await tempDir()
    const restored = await cli(['restore', RUN_7001, '--to', to, '--json'], to)
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(restored.stdout)).toMatchObject({
      checkpoint: 'checkpoint.pipeline.a1.s003.test.json',
      files: 3,
      links: 1
    })
    const tree = await readTree(to)
    const state = JSON.parse(await readFile(join(to, 'state.json'), 'utf8')) as unknown
    delete tree['state.json']
    expect(digests(tree)).toEqual(digests(olderLayoutFiles()))
    expect(await readlink(join(to, 'data/latest.csv'))).toBe('rows.csv')
    expect((await stat(join(to, 'data/fetch.sh'))).mode & 0o777).toBe(0o755)
    expect(state).toEqual({ rows: '1201', source: 'api', built: true, passed: true })
  })
})
