// A long save's progress as the step's log shows it: packFiles reports how far packing and the
// upload got every 10 s, outside the step's group. The clock is jest's fake one: no sleeps.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CheckpointCodec } from '../../src/checkpoint/codec.js'
import { PROGRESS_INTERVAL_MS } from '../../src/packing/progress-report.js'
import { collectFiles } from '../../src/packing/collect.js'
import { mockToolkit } from '../../__fixtures__/steps.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const runner = mockToolkit()
const { packFiles } = await import('../../src/resume/save-node.js')
const { inGroup } = await import('../../src/action/step-log.js')

const tempDir = useTempDirs()
const MiB = 1024 * 1024

afterEach(() => {
  jest.useRealTimers()
})

describe('packing a save', () => {
  it('says how far it got every 10 s, outside the group of the step', async () => {
    const workspace = await tempDir()
    await mkdir(join(workspace, 'data'))
    for (const name of ['a', 'b', 'c'])
      await writeFile(join(workspace, 'data', name), Buffer.alloc(4 * MiB, name))
    const files = await collectFiles(workspace, ['data/'])
    const save = {
      scope: 'pipeline',
      node: 'fetch',
      state: {},
      retentionDays: undefined,
      compressionLevel: 0,
      protection: { signingKey: '', encryptionKey: '', allowSecrets: false, secrets: [] }
    }
    const context = {
      workspace,
      runnerTemp: workspace,
      run: { runId: '1', attempt: 1 },
      repository: undefined
    }
    const request = {
      save,
      context,
      job: { scope: 'pipeline', events: [], lastStepEndedAt: '' },
      files,
      scratch: workspace,
      durationMs: undefined
    }
    // Streams and file reads keep their real scheduling; only the clock and intervals are fake.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    // An upload that takes 10 s per 4 MiB file it is sent.
    const sink = async (_name: string, bytes: AsyncIterable<Buffer>) => {
      let size = 0
      for await (const chunk of bytes) {
        size += chunk.length
        if (size >= 4 * MiB) {
          size -= 4 * MiB
          jest.advanceTimersByTime(PROGRESS_INTERVAL_MS)
        }
      }
      return { size, digest: 'sha256:00' }
    }
    const ref = { scope: 'pipeline', attempt: 1, sequence: 1, node: 'fetch' }
    await inGroup("Save node 'fetch'", () => packFiles(sink, ref, request, new CheckpointCodec()))

    const progress = (mib: number, percent: number): string[] => [
      '::endgroup::',
      `Saving checkpoint.pipeline.a1.s001.fetch.files: ${mib}.0 MiB of 12.0 MiB (${percent}%), 0.4 MiB/s`,
      "::group::Save node 'fetch' (continued)"
    ]
    expect(runner.log).toEqual([
      "::group::Save node 'fetch'",
      'Packing 3 file(s) into checkpoint.pipeline.a1.s001.fetch.files at zip level 0 (compression-level set).',
      ...progress(4, 33),
      ...progress(8, 66),
      ...progress(12, 100),
      '::endgroup::'
    ])
  })
})
