import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Run } from '../../local/index.js'
import type { JobRunner } from '../../local/runner.js'
import { sealCheckpoint, serializeCheckpoint } from '../../src/checkpoint/document.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import { e2eWorld, ROOT } from '../../__fixtures__/e2e.js'

const world = e2eWorld({ runs: ['restore', 'save'] })
let run: Run

beforeAll(async () => {
  run = world.createRun()
  const first = await world.job(run, 1)
  await first.uses('save', { node: 'fetch', state: 'rows=10' })
  await first.uses('save', { node: 'Build', state: 'built=yes' })
})

function expectUntouched(): void {
  const names = world.standIn.listArtifacts(run).map(artifact => artifact.name)
  expect(names).toEqual([
    'checkpoint.pipeline.a1.s001.fetch.json',
    'checkpoint.pipeline.a1.s002.Build.json'
  ])
}

describe('save refuses bad input, naming the input, the value and the rule', () => {
  let job: JobRunner
  beforeAll(async () => {
    job = await world.job(run, 2)
    await mkdir(job.options.workspace, { recursive: true })
  })

  it.each([
    [{ node: '' }, `Input 'node' has an invalid value "": is required`],
    ...['../x', 'a/b', 'a b', 'a.b', 'x'.repeat(65)].map(id => [
      { node: id },
      `Input 'node' has an invalid value ${JSON.stringify(id)}: must be 1-64 characters`
    ]),
    [
      { node: 'build' },
      `Input 'node' has an invalid value "build": differs only in case from the saved node 'Build'`
    ],
    [
      { node: 'n', scope: 'my scope' },
      `Input 'scope' has an invalid value "my scope": must be 1-64 characters`
    ],
    [
      { node: 'n', state: '[1, 2]' },
      `Input 'state' has an invalid value "[1, 2]": must be a JSON object, or key=value lines`
    ],
    [{ node: 'n', state: 'just words' }, `Input 'state' has an invalid value "just words": line 1`],
    [
      { node: 'n', state: '{"rows": 1, "cfg": {"constructor": {"prototype": {"x": 1}}}}' },
      `Input 'state' has an invalid value "{\\"rows\\": 1, \\"cfg\\": {\\"constructor\\": {\\"prototype\\": {\\"x\\": 1}}}}": holds the key 'constructor' at cfg.constructor: keys named __proto__, constructor or prototype are refused`
    ],
    [
      { node: 'n', state: 'rows=1\n__proto__=x' },
      `Input 'state' has an invalid value "rows=1\\n__proto__=x": line 2 has the key '__proto__'`
    ],
    [
      { node: 'n', paths: '../outside' },
      `Input 'paths' has an invalid value "../outside": must be inside the workspace`
    ],
    [
      { node: 'n', 'retention-days': '91' },
      `Input 'retention-days' has an invalid value "91": must be a whole number from 1 to 90`
    ],
    [{ node: 'n', 'retention-days': '0' }, `Input 'retention-days' has an invalid value "0"`],
    [
      { node: 'n', 'compression-level': '10' },
      `Input 'compression-level' has an invalid value "10": must be a whole number from 0 to 9`
    ],
    [
      { node: 'n', 'compression-level': 'fast' },
      `Input 'compression-level' has an invalid value "fast"`
    ],
    [
      { node: 'n', 'fail-on-error': 'yes please' },
      `Input 'fail-on-error' has an invalid value "yes please": must be true or false`
    ]
  ] as [Record<string, string>, string][])('%j', async (inputs, message) => {
    const step = await job.uses('save', inputs)
    expect(step.code).toBe(1)
    expect(step.outputs.saved).toBe('false')
    expect(step.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining(message)
    })
    expectUntouched()
  })

  it('warns when paths match nothing and saves the state', async () => {
    const other = world.createRun()
    const step = await (
      await world.job(other, 1)
    ).uses('save', { node: 'n', paths: 'nothing/**', state: 'a=1' })
    expect(step.code).toBe(0)
    expect(step.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining("Input 'paths' matched no files (nothing/**)")
    })
  })
})

describe('restore', () => {
  it('refuses a checkpoint from a newer schema clearly and restores the previous valid one', async () => {
    const other = world.createRun()
    const first = await world.job(other, 1)
    await first.uses('save', { node: 'fetch', state: 'a=1' })
    const valid = nextCheckpoint(undefined, {
      scope: 'pipeline',
      node: 'future',
      run: { runId: String(other.runId), attempt: 1 },
      state: {}
    })
    const future = sealCheckpoint({ ...valid, sequence: 2, schema: 2 })
    const file = join(first.options.runnerTemp, 'checkpoint.pipeline.a1.s002.future.json')
    await writeFile(file, serializeCheckpoint(future))
    await uploadWithToolkit(first.meta.env, file)
    const restore = await (await world.job(other, 2)).uses('.')
    expect(restore.code).toBe(0)
    expect(restore.outputs).toMatchObject({
      completed: '["fetch"]',
      checkpoint: 'checkpoint.pipeline.a1.s001.fetch.json'
    })
    expect(restore.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining(
        'has schema version 2; this version of checkpoint-action reads versions up to 1. Upgrade the action to read it.'
      )
    })
  })

  it('leaves a state over 1 MB out of the outputs and hands it over in state-file', async () => {
    const other = world.createRun()
    const job = await world.job(other, 1)
    const big = { blob: 'x'.repeat(1_200_000) }
    await mkdir(job.options.workspace, { recursive: true })
    await writeFile(join(job.options.workspace, 'state.json'), JSON.stringify(big))
    expect((await job.uses('save', { node: 'big', 'state-file': 'state.json' })).code).toBe(0)
    const restore = await (await world.job(other, 2)).uses('.')
    expect(restore.outputs.state).toBeUndefined()
    expect(restore.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining("output 'state' is left out")
    })
    const { readFile } = await import('node:fs/promises')
    expect(JSON.parse(await readFile(restore.outputs['state-file'] ?? '', 'utf8'))).toEqual(big)
  })
})

async function uploadWithToolkit(env: Record<string, string>, file: string): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, '__fixtures__/upload-artifact.mjs'), file], {
    env: { ...process.env, ...env },
    stdio: 'inherit'
  })
  const code = await new Promise(resolve => child.on('close', resolve))
  expect(code).toBe(0)
}
