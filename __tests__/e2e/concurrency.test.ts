// Jobs of one run that save at the same time: matrix jobs with their own scopes stay apart, and
// two jobs that share a scope by mistake get one clear error and lose nothing.
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { Job, Run } from '../../local/index.js'
import type { JobRunner, StepHandle, StepResult } from '../../local/runner.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'
import {
  annotations,
  digests,
  reachedOrEnded,
  writeTree,
  type Tree
} from '../../__fixtures__/checkpoints.js'

const world = e2eWorld({ runs: ['restore', 'save'] })

/** Bytes that depend on a label only: each job's files differ from every other job's. */
function bytesOf(text: string, size: number): Buffer {
  const blocks: Buffer[] = []
  for (let i = 0; blocks.length * 32 < size; i++) {
    blocks.push(
      createHash('sha256')
        .update(`${text}#${String(i)}`)
        .digest()
    )
  }
  return Buffer.concat(blocks).subarray(0, size)
}

/**
 * What one node of one job writes: a file of its own, and a file at a path every job and node
 * writes (a mix of two pipelines would show there first).
 */
function filesOf(who: string, node: string): Tree {
  return {
    [`out/${node}.bin`]: bytesOf(`${who}/${node}`, 3000),
    'out/last-node.txt': Buffer.from(`${who} after ${node}\n`)
  }
}

describe('eight matrix jobs with their own scopes, saving at once', () => {
  const SCOPES = [
    'build-ubuntu-x64',
    'build-ubuntu-arm64',
    'build-macos-x64',
    'build-macos-arm64',
    'build-windows-x64',
    'build-windows-arm64',
    'build-alpine',
    'build-freebsd'
  ]
  const NODES = ['fetch', 'compile', 'test']

  /** One matrix job: every node writes its files and saves them with its scope. */
  async function matrixJob(run: Run, scope: string): Promise<StepResult[]> {
    const job = await world.job(run, 1, { job: 'build' })
    const saves: StepResult[] = []
    for (const node of NODES) {
      await writeTree(job.options.workspace, filesOf(scope, node))
      saves.push(
        await job.uses('save', { scope, node, paths: 'out/', state: `os=${scope}\n${node}=done` })
      )
    }
    return saves
  }

  it('each scope restores in a retry exactly its own state and files, with nothing of the other seven', async () => {
    const run = world.createRun()

    // All eight jobs start together; each saves its three nodes one after the other.
    const saves = await Promise.all(SCOPES.map(scope => matrixJob(run, scope)))

    for (const [index, scope] of SCOPES.entries()) {
      expect(
        saves[index]?.map(save => [save.code, save.outputs.saved, save.outputs.checkpoint])
      ).toEqual(
        NODES.map((node, i) => [
          0,
          'true',
          `checkpoint.${scope}.a1.s00${String(i + 1)}.${node}.json`
        ])
      )
      for (const save of saves[index] ?? []) expect(save.annotations).toEqual([])
    }
    // Every artifact of a scope was uploaded by one job, and no two scopes by the same job.
    const uploaders = new Map<string, Set<string>>()
    for (const artifact of world.standIn.listArtifacts(run)) {
      const scope = artifact.name.split('.')[1] ?? ''
      uploaders.set(scope, (uploaders.get(scope) ?? new Set()).add(artifact.jobBackendId))
    }
    expect([...uploaders.keys()].sort()).toEqual([...SCOPES].sort())
    expect([...uploaders.values()].map(jobs => jobs.size)).toEqual(SCOPES.map(() => 1))
    expect(new Set([...uploaders.values()].flatMap(jobs => [...jobs])).size).toBe(SCOPES.length)

    // The retry: eight new jobs restore at once, each its own scope.
    const restores = await Promise.all(
      SCOPES.map(scope => world.restore(run, 2, { job: 'build', inputs: { scope } }))
    )

    for (const [index, scope] of SCOPES.entries()) {
      const restored = restores[index]
      if (!restored) throw new Error(`no restore for ${scope}`)
      expect(restored.result.code).toBe(0)
      expect(restored.result.annotations).toEqual([])
      expect(restored.result.outputs).toMatchObject({
        resumed: 'true',
        checkpoint: `checkpoint.${scope}.a1.s003.test.json`,
        completed: JSON.stringify(NODES)
      })
      expect(JSON.parse(restored.result.outputs.state ?? 'null')).toEqual({
        os: scope,
        fetch: 'done',
        compile: 'done',
        test: 'done'
      })
      const expected = Object.assign({}, ...NODES.map(node => filesOf(scope, node))) as Tree
      expect(digests(restored.tree)).toEqual(digests(expected))
    }
  }, 120_000)
})

/*
 * Two jobs that share a scope by mistake (a matrix without `scope`: both are job 'matrix')
 * save at the same time, in interleavings forced with held requests. "One clear error and lose
 * nothing" means, checked in every interleaving:
 * 1. exactly one of the two save steps fails: exit code 1 although fail-on-error is false,
 *    with an error annotation telling to set the `scope` input; the other step saves;
 * 2. the job that saved owns the scope: its first artifact of the scope is the one the artifact
 *    service recorded first (not the job that listed first or finished first);
 * 3. the owner's pipeline goes on: its next node saves in the same attempt;
 * 4. every checkpoint the owner saved stays in the run with the digest recorded at upload;
 * 5. a retry restores the owner's newest checkpoint, its state and files byte for byte, and no
 *    file or state of the other job: a checkpoint of ONE job, never a mix.
 */
describe('two jobs that share a scope, saving at the same time', () => {
  const SCOPE_ERROR = "set the 'scope' input"
  type Who = 'A' | 'B'
  const otherThan = (who: Who): Who => (who === 'A' ? 'B' : 'A')

  interface Pair {
    run: Run
    jobs: Record<Who, JobRunner & { meta: Job }>
  }

  async function pair(): Promise<Pair> {
    const run = world.createRun()
    const A = await world.job(run, 1, { job: 'matrix' })
    const B = await world.job(run, 1, { job: 'matrix' })
    return { run, jobs: { A, B } }
  }

  /** Starts a save of `node` in job `who`, with files and a state that name the job. */
  async function startSave(p: Pair, who: Who, node: string): Promise<StepHandle> {
    const job = p.jobs[who]
    await writeTree(job.options.workspace, filesOf(who, node))
    return job.start('save', { node, paths: 'out/', state: `who=${who}\n${node}=${who}` })
  }

  /**
   * Starts A's save, then B's, and holds each at its first write (CreateArtifact, which comes
   * after its listing): both have listed the run's artifacts before either wrote anything.
   */
  async function bothListed(
    p: Pair,
    nodes: Record<Who, string>
  ): Promise<{ steps: Record<Who, StepHandle>; release: (who: Who) => void }> {
    const steps = {} as Record<Who, StepHandle>
    const holds = {} as Record<Who, { release: () => void }>
    for (const who of ['A', 'B'] as const) {
      const hold = world.standIn.faults.holdRequest(1, { method: 'CreateArtifact' })
      steps[who] = await startSave(p, who, nodes[who])
      const got = await reachedOrEnded(hold, steps[who])
      if ('ended' in got) throw new Error(`${who}'s save ended before its first write`)
      holds[who] = hold
    }
    return {
      steps,
      release: who => {
        holds[who].release()
      }
    }
  }

  /** Checks 1-5 above; `owner` is the job whose first write the service recorded first. */
  async function expectOneErrorNothingLost(
    p: Pair,
    owner: Who,
    nodes: Record<Who, string>,
    results: Record<Who, StepResult>
  ): Promise<void> {
    const other = otherThan(owner)
    // 1. One clear error, one save.
    const loser = results[other]
    expect(loser.code).toBe(1)
    expect(loser.outputs.saved).toBe('false')
    expect(annotations(loser, 'error')).toEqual([expect.stringContaining(SCOPE_ERROR)])
    const winner = results[owner]
    expect(winner.code).toBe(0)
    expect(winner.outputs).toMatchObject({
      saved: 'true',
      checkpoint: `checkpoint.matrix.a1.s001.${nodes[owner]}.json`
    })
    expect(annotations(winner, 'error')).toEqual([])

    // 2. The owner is the job whose first artifact the service recorded first.
    const ownerId = p.jobs[owner].meta.jobBackendId
    // (The service's creation times, then job ids for a tie within one millisecond.)
    const recorded = [...world.standIn.listArtifacts(p.run)].sort(
      (a, b) =>
        a.createdAt.localeCompare(b.createdAt) || a.jobBackendId.localeCompare(b.jobBackendId)
    )
    expect(recorded[0]?.jobBackendId).toBe(ownerId)
    const savedByOwner = recorded.filter(a => a.jobBackendId === ownerId)

    // 3. The owner's pipeline goes on.
    const next = await p.jobs[owner].uses('save', { node: 'deploy', state: `deployed=${owner}` })
    expect(next.code).toBe(0)
    expect(next.outputs).toMatchObject({
      saved: 'true',
      checkpoint: 'checkpoint.matrix.a1.s002.deploy.json'
    })

    // 4. Everything the owner saved is still there, as recorded at upload.
    const listed = world.standIn.listArtifacts(p.run)
    for (const artifact of savedByOwner) expect(listed).toContainEqual(artifact)
    const owned = listed.filter(a => a.jobBackendId === ownerId).map(a => a.name)
    expect(owned.sort()).toEqual(
      [
        `checkpoint.matrix.a1.s001.${nodes[owner]}.files`,
        `checkpoint.matrix.a1.s001.${nodes[owner]}.json`,
        'checkpoint.matrix.a1.s002.deploy.json'
      ].sort()
    )

    // 5. The retry restores the owner's newest checkpoint and nothing of the other job.
    const restored = await world.restore(p.run, 2, { job: 'matrix' })
    expect(restored.result.code).toBe(0)
    expect(restored.result.outputs).toMatchObject({
      resumed: 'true',
      checkpoint: 'checkpoint.matrix.a1.s002.deploy.json',
      completed: JSON.stringify([nodes[owner], 'deploy'])
    })
    expect(JSON.parse(restored.result.outputs.state ?? 'null')).toEqual({
      who: owner,
      [nodes[owner]]: owner,
      deployed: owner
    })
    expect(digests(restored.tree)).toEqual(digests(filesOf(owner, nodes[owner])))
  }

  /** Both list before either writes; then `first` writes and ends before the other writes. */
  async function oneAfterTheOther(nodes: Record<Who, string>, first: Who): Promise<void> {
    const p = await pair()
    const { steps, release } = await bothListed(p, nodes)
    const results = {} as Record<Who, StepResult>
    for (const who of [first, otherThan(first)]) {
      release(who)
      results[who] = await steps[who].result
    }
    await expectOneErrorNothingLost(p, first, nodes, results)
  }

  const cases = [
    { nodes: { A: 'build', B: 'build' }, what: 'the same node' },
    // The other job's node sorts after the owner's: were its checkpoint taken, it would win.
    { nodes: { A: 'build', B: 'fetch' }, what: 'different nodes' }
  ]

  describe.each(cases)('saving $what', ({ nodes }) => {
    it('both listed before either wrote; A wrote first and finished before B wrote', async () => {
      await oneAfterTheOther(nodes, 'A')
    }, 120_000)

    it('both listed before either wrote; B wrote first although A listed first', async () => {
      await oneAfterTheOther({ A: nodes.B, B: nodes.A }, 'B')
    }, 120_000)

    it('both listed before either wrote, and both uploaded before either checked again', async () => {
      const p = await pair()
      const { steps, release } = await bothListed(p, nodes)
      // Hold each job's next listing (its check after the upload) until both got that far.
      const checkA = world.standIn.faults.holdRequest(1, { method: 'ListArtifacts' })
      release('A')
      const gotA = await reachedOrEnded(checkA, steps.A)
      expect('reached' in gotA).toBe(true)
      // With the same node, B's upload is refused (the name is A's) and B never checks again.
      const checkB = world.standIn.faults.holdRequest(1, { method: 'ListArtifacts' })
      release('B')
      await reachedOrEnded(checkB, steps.B)
      checkA.release()
      checkB.release()
      const [a, b] = await Promise.all([steps.A.result, steps.B.result])
      await expectOneErrorNothingLost(p, 'A', nodes, { A: a, B: b })
    }, 120_000)
  })

  it('started at the same moment, in whatever order the service sees them', async () => {
    const p = await pair()
    const nodes = { A: 'build', B: 'fetch' }
    const [a, b] = await Promise.all([
      startSave(p, 'A', nodes.A).then(step => step.result),
      startSave(p, 'B', nodes.B).then(step => step.result)
    ])
    const owner = a.outputs.saved === 'true' ? 'A' : 'B'
    await expectOneErrorNothingLost(p, owner, nodes, { A: a, B: b })
  }, 120_000)
})

/*
 * Steps of ONE job running in parallel (`background:`, `parallel:`): their saves share the
 * job's RUNNER_TEMP and take turns per scope, so every node is kept, no sequence is used twice,
 * and the same node saved by two of them at once is refused for the second with its name.
 */
describe('parallel steps of one job, saving the same scope', () => {
  const SCOPE = 'pipeline'

  /** Starts a save of `node` with files of its own and a state naming it. */
  async function startNode(
    job: JobRunner,
    node: string,
    write = true,
    state = `${node}=done`
  ): Promise<StepHandle> {
    // (A save of a node already being saved leaves its files as they are: they are read.)
    if (write) {
      await writeTree(job.options.workspace, {
        [`out/${node}/result.bin`]: bytesOf(`one job/${node}`, 2000)
      })
    }
    return job.start('save', {
      scope: SCOPE,
      node,
      paths: `out/${node}/`,
      state
    })
  }

  /** What a retry restores: every node of `nodes` done, with its state and files. */
  async function expectEveryNodeRestored(run: Run, nodes: string[]): Promise<void> {
    const restored = await world.restore(run, 2, { job: 'build', inputs: { scope: SCOPE } })
    expect(restored.result.code).toBe(0)
    expect(restored.result.outputs.resumed).toBe('true')
    expect((JSON.parse(restored.result.outputs.completed ?? '[]') as string[]).sort()).toEqual(
      [...nodes].sort()
    )
    expect(JSON.parse(restored.result.outputs.state ?? 'null')).toEqual(
      Object.fromEntries(nodes.map(node => [node, 'done']))
    )
    const files: Tree = Object.fromEntries(
      nodes.map(node => [`out/${node}/result.bin`, bytesOf(`one job/${node}`, 2000)])
    )
    expect(digests(restored.tree)).toEqual(digests(files))
  }

  /** The sequence number in a checkpoint's name. */
  const sequenceOf = (checkpoint: string | undefined): string =>
    /\.s(\d+)\./.exec(checkpoint ?? '')?.[1] ?? ''

  it('eight saves started together keep every node, each with a sequence of its own', async () => {
    const run = world.createRun()
    const job = await world.job(run, 1, { job: 'build' })
    const nodes = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8']
    const results = await Promise.all(
      nodes.map(node => startNode(job, node).then(step => step.result))
    )
    for (const result of results) {
      expect([result.code, result.outputs.saved, result.annotations]).toEqual([0, 'true', []])
    }
    const sequences = results.map(result => sequenceOf(result.outputs.checkpoint)).sort()
    expect(sequences).toEqual(['001', '002', '003', '004', '005', '006', '007', '008'])
    await expectEveryNodeRestored(run, nodes)
  }, 180_000)

  describe.each([
    { first: 'build', second: 'test' },
    { first: 'test', second: 'build' }
  ])('$first holds the scope while $second waits', ({ first, second }) => {
    it('the waiting save extends the first one; the same node saved meanwhile is refused', async () => {
      const run = world.createRun()
      const job = await world.job(run, 1, { job: 'build' })
      // The first save is held at its first write, inside the scope's turn.
      const hold = world.standIn.faults.holdRequest(1, { method: 'CreateArtifact' })
      const one = await startNode(job, first)
      const got = await reachedOrEnded(hold, one)
      if ('ended' in got) throw new Error(`the save of ${first} ended before its first write`)
      const two = await startNode(job, second)
      await two.waitForOutput(`${SCOPE}.lock`)
      // The same node as the held save, in a third step: refused at once, naming the node.
      const again = await (await startNode(job, first, false)).result
      expect(again.code).toBe(1)
      expect(again.outputs.saved).toBe('false')
      expect(annotations(again, 'error')).toEqual([
        expect.stringContaining(
          `Node '${first}' of scope '${SCOPE}' is being saved by another step`
        )
      ])

      hold.release()
      const [a, b] = await Promise.all([one.result, two.result])
      expect([a.code, a.outputs.checkpoint, a.annotations]).toEqual([
        0,
        `checkpoint.${SCOPE}.a1.s001.${first}.json`,
        []
      ])
      expect([b.code, b.outputs.checkpoint, b.annotations]).toEqual([
        0,
        `checkpoint.${SCOPE}.a1.s002.${second}.json`,
        []
      ])
      // The refused save wrote nothing: the run holds the two saves' artifacts only.
      expect(
        world.standIn
          .listArtifacts(run)
          .map(artifact => artifact.name)
          .sort()
      ).toEqual(
        [
          `checkpoint.${SCOPE}.a1.s001.${first}.files`,
          `checkpoint.${SCOPE}.a1.s001.${first}.json`,
          `checkpoint.${SCOPE}.a1.s002.${second}.files`,
          `checkpoint.${SCOPE}.a1.s002.${second}.json`
        ].sort()
      )
      await expectEveryNodeRestored(run, [first, second])
    }, 180_000)
  })

  describe.each([
    { first: 'build', second: 'test' },
    { first: 'test', second: 'build' }
  ])('two parallel nodes write one state key, $first saved first', ({ first, second }) => {
    it('the node whose id sorts last keeps the key, whichever saved first', async () => {
      const run = world.createRun()
      const job = await world.job(run, 1, { job: 'build' })
      const stateOf = (node: string): string => `${node}=done\nreport=from ${node}`
      const hold = world.standIn.faults.holdRequest(1, { method: 'CreateArtifact' })
      const one = await startNode(job, first, true, stateOf(first))
      const got = await reachedOrEnded(hold, one)
      if ('ended' in got) throw new Error(`the save of ${first} ended before its first write`)
      // The second starts while the first is inside its turn: the two ran at the same time.
      const two = await startNode(job, second, true, stateOf(second))
      await two.waitForOutput(`${SCOPE}.lock`)
      hold.release()
      const [a, b] = await Promise.all([one.result, two.result])
      expect([a.code, b.code, a.annotations, b.annotations]).toEqual([0, 0, [], []])
      const restored = await world.restore(run, 2, { job: 'build', inputs: { scope: SCOPE } })
      expect(JSON.parse(restored.result.outputs.state ?? 'null')).toEqual({
        build: 'done',
        test: 'done',
        report: 'from test'
      })
    }, 180_000)
  })
})
