import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { e2eWorld, ROOT } from '../../__fixtures__/e2e.js'
import { PARTIAL_SCRIPT } from '../../__fixtures__/checkpoints.js'

const world = e2eWorld({ runs: ['restore', 'run'] })

const fetchScript = 'mkdir -p data && echo "rows" > data/rows.txt && echo fetched'
const trainScript = 'echo \'{"epochs": 3}\' > "$CHECKPOINT_STATE_FILE"; echo trained > model.txt'
/** The inputs of the pipeline's two wrapped nodes; train's key is what a re-run changes. */
const fetchNode = { node: 'fetch', run: fetchScript, paths: 'data/', key: 'k1' }
const trainNode = (key: string) => ({
  node: 'train',
  run: trainScript,
  paths: 'model.txt',
  key,
  state: 'lr=0.1'
})

describe('the run wrapper', () => {
  it('runs, checkpoints, and on a re-run skips exactly the nodes whose fingerprint matches', async () => {
    const { run, job: first } = await world.newRun()
    await first.uses('.')
    const fetch = await first.uses('run', fetchNode)
    expect(fetch.code).toBe(0)
    expect(fetch.stdout).toContain('fetched')
    expect(fetch.outputs).toMatchObject({ skipped: 'false', reason: 'not-done', 'exit-code': '0' })
    const train = await first.uses('run', trainNode('k1'))
    expect(train.outputs).toMatchObject({ skipped: 'false', reason: 'not-done' })
    expect(JSON.parse(train.outputs.state ?? '')).toEqual({ lr: '0.1', epochs: 3 })
    const failing = await first.uses('run', { node: 'test', run: 'echo testing; exit 7' })
    expect(failing.code).toBe(7)
    expect(failing.outputs).toMatchObject({ 'exit-code': '7', reason: 'not-done' })
    expect(failing.annotations).toContainEqual({
      level: 'error',
      message: "The command of node 'test' exited with code 7: no checkpoint was written."
    })
    await first.complete()

    const second = await world.job(run, 2)
    await second.uses('.')
    const fetch2 = await second.uses('run', fetchNode)
    expect(fetch2.outputs).toMatchObject({ skipped: 'true', reason: 'done', 'exit-code': '' })
    expect(fetch2.stdout).not.toContain('fetched')
    expect(await readFile(join(second.options.workspace, 'data/rows.txt'), 'utf8')).toBe('rows\n')
    const train2 = await second.uses('run', trainNode('k2'))
    expect(train2.outputs).toMatchObject({
      skipped: 'false',
      reason: 'stale:key',
      'exit-code': '0'
    })
    const test2 = await second.uses('run', { node: 'test', run: 'echo testing' })
    expect(test2.outputs).toMatchObject({ skipped: 'false', reason: 'not-done' })
    await second.complete()
    const summary = second.summary()
    expect(summary).toMatch(/\| fetch \| restored \| done before \|/)
    expect(summary).toMatch(/\| train \| stale \| its key changed \|/)
    expect(summary).toMatch(/\| test \| ran \| not done before \|/)
    expect(summary).toContain(
      '```mermaid\nflowchart LR\n  n0["fetch<br/>restored"]:::restored\n  n0 --> n1["train<br/>stale"]:::stale\n  n1 --> n2["test<br/>ran"]:::ran'
    )
  })

  it('treats a changed command as stale and skips nothing when a node was never saved', async () => {
    const { run, job: first } = await world.newRun()
    await first.uses('run', { node: 'build', run: 'echo v1' })
    const second = await world.job(run, 2)
    const changed = await second.uses('run', { node: 'build', run: 'echo v2' })
    expect(changed.outputs).toMatchObject({ skipped: 'false', reason: 'stale:command' })
    expect(changed.stdout).toContain('v2')
  })

  it.each([
    ['sh', 'echo "in sh"', 'in sh'],
    ['python', 'print("in python")', 'in python'],
    ['bash {0}', 'echo "custom $BASH_VERSION" | cut -c1-6', 'custom']
  ])('runs the %s shell', async (shell, script, expected) => {
    const { job } = await world.newRun()
    const step = await job.uses('run', { node: 'n', run: script, shell })
    expect(step.code).toBe(0)
    expect(step.stdout).toContain(expected)
  })

  it('runs again the nodes named by rerun-from and every node after them', async () => {
    const { run, job: first } = await world.newRun()
    for (const node of ['a', 'b', 'c']) await first.uses('run', { node, run: `echo ran-${node}` })
    const second = await world.job(run, 2)
    const restore = await second.uses('.', { 'rerun-from': 'b' })
    expect(restore.outputs).toMatchObject({ completed: '["a"]', 'done-a': 'true' })
    expect(restore.outputs['done-b']).toBeUndefined()
    const reasons = []
    for (const node of ['a', 'b', 'c'])
      reasons.push((await second.uses('run', { node, run: `echo ran-${node}` })).outputs.reason)
    expect(reasons).toEqual(['done', 'rerun-requested', 'rerun-requested'])
    const unknown = await (await world.job(run, 3)).uses('.', { rerun: 'zzz' })
    expect(unknown.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringMatching(/'zzz'.*known nodes: a, b, c/)
    })
    const reset = await (await world.job(run, 4)).uses('.', { reset: 'true' })
    expect(reset.outputs).toMatchObject({ resumed: 'false', completed: '[]' })
  })

  it("keeps a cancelled command's progress and hands it back on the next attempt", async () => {
    const { run, job: first } = await world.newRun()
    await first.uses('.')
    const script = PARTIAL_SCRIPT
    const step = first.start('run', { node: 'train', run: script, paths: 'out/' })
    await step.waitForOutput('READY')
    step.kill('SIGTERM')
    const killed = await step.result
    expect(killed.code).not.toBe(0)
    expect(killed.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('was cancelled (SIGTERM)')
    })
    const posts = await first.complete()
    expect(posts[0]?.stdout).toContain(
      "Node 'train' did not finish: its progress is kept in checkpoint.pipeline.a1.s001.train.json"
    )
    expect(first.summary()).toMatch(/\| train \| partial \| cancelled, its progress kept \|/)

    const second = await world.job(run, 2)
    const restore = await second.uses('.')
    expect(restore.outputs).toMatchObject({ completed: '[]', partial: '["train"]' })
    expect(await readFile(join(second.options.workspace, 'out/part1.txt'), 'utf8')).toBe('part\n')
    const resumed = await second.uses('run', { node: 'train', run: script, paths: 'out/' })
    expect(resumed.outputs).toMatchObject({ reason: 'partial', skipped: 'false', 'exit-code': '0' })
    expect(resumed.stdout).toContain('resumed from {"processed":3}')
    expect(JSON.parse(resumed.outputs.state ?? '')).toEqual({ processed: 10 })
    await second.complete()
    const third = await (await world.job(run, 3)).uses('.')
    expect(third.outputs).toMatchObject({ completed: '["train"]', partial: '[]' })
  })
})

describe('a cancel that comes as the command starts', () => {
  it('is passed on to the command, which stops, and the step ends saying so', async () => {
    const preload = join(ROOT, '__fixtures__/signal-on-spawn.mjs')
    const job = await world.job(world.createRun(), 1, {
      env: { NODE_OPTIONS: `--import ${preload}` }
    })
    const step = await job.uses('run', {
      node: 'crawl',
      run: 'sleep 600\necho finished > finished.txt'
    })
    expect(step.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining("Node 'crawl' was cancelled (SIGTERM)")
    })
    expect(step.outputs['exit-code']).toBe('143')
    expect(existsSync(join(job.options.workspace, 'finished.txt'))).toBe(false)
  })
})

describe('run finds its shell as a run: step does', () => {
  it.each([
    ['sh', 'printf %s "$0" > script.txt', /\/checkpoint-action\/pipeline\.x\.sh$/],
    ['python', 'open("script.txt", "w").write(__file__)', /\/checkpoint-action\/pipeline\.x\.py$/],
    [
      'perl {0}',
      'open(my $f, ">", "script.txt"); print $f $0;',
      /\/checkpoint-action\/pipeline\.x$/
    ]
  ])('%s: the script gets its extension and runs', async (shell, command, script) => {
    const { job } = await world.newRun()
    const step = await job.uses('run', { node: 'x', run: command, shell, paths: 'script.txt' })
    expect({ code: step.code, skipped: step.outputs.skipped }).toEqual({
      code: 0,
      skipped: 'false'
    })
    expect(await readFile(join(job.options.workspace, 'script.txt'), 'utf8')).toMatch(script)
  })
})

describe('run refuses bad input', () => {
  it.each([
    [{ node: 'x', run: '  ' }, 'Input \'run\' has an invalid value "  ": is required'],
    [
      { node: 'x', run: 'true', shell: 'fish' },
      'Input \'shell\' has an invalid value "fish": must be bash, sh, python, pwsh, cmd or powershell (Windows), or a command line containing {0}'
    ],
    [
      { node: 'x', run: 'dir', shell: 'cmd' },
      "Input 'shell' has an invalid value \"cmd\": 'cmd' exists on Windows runners only"
    ],
    [
      { node: 'x', run: 'true', 'working-directory': '../..' },
      'Input \'working-directory\' has an invalid value "../..": must be inside the workspace'
    ],
    [
      { node: 'x', run: 'true', 'working-directory': 'missing' },
      'Input \'working-directory\' has an invalid value "missing": must be an existing folder'
    ],
    [{ node: 'a.b', run: 'true' }, 'Input \'node\' has an invalid value "a.b"']
  ])('%j', async (inputs, message) => {
    const { job } = await world.newRun()
    const step = await job.uses('run', inputs)
    expect(step.code).toBe(1)
    expect(step.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining(message)
    })
  })

  it.each([
    [
      'a state file that is not a JSON object',
      {
        run: 'echo "[1, 2, 3] not an object" > "$CHECKPOINT_STATE_FILE"',
        'fail-on-error': 'false'
      },
      'left $CHECKPOINT_STATE_FILE holding "[1, 2, 3] not an object\\n", not a JSON object: no checkpoint was written'
    ],
    [
      'a state holding a prototype key',
      {
        run: `echo '{"ok": 1, "list": [{"__proto__": {"admin": true}}]}' > "$CHECKPOINT_STATE_FILE"`
      },
      "left a state in $CHECKPOINT_STATE_FILE that holds the key '__proto__' at list[0].__proto__: keys named __proto__, constructor or prototype are refused"
    ]
  ])('fails when the command leaves %s, writing no checkpoint', async (_what, inputs, message) => {
    const { run, job } = await world.newRun()
    const step = await job.uses('run', { node: 'x', ...inputs })
    expect(step.code).toBe(1)
    expect(step.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining(message)
    })
    expect(world.standIn.listArtifacts(run)).toEqual([])
  })
})
