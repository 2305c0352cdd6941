import { afterAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CheckpointCodec } from '../../src/checkpoint/codec.js'
import { parseCheckpoint } from '../../src/checkpoint/document.js'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import { checkpointName } from '../../src/checkpoint/naming.js'
import { mergeStates, parseStateText } from '../../src/checkpoint/state.js'
import { main } from '../../src/cli/main.js'
import { annotations } from '../../__fixtures__/checkpoints.js'
import { e2eWorld, runCli, type Ran } from '../../__fixtures__/e2e.js'
import {
  HOSTILE_CORPUS,
  HOSTILE_REF,
  PROTO_STATE,
  type BuiltCase,
  type HostileCase,
  type Layout
} from '../../__fixtures__/hostile/corpus.js'
import { plantInRun, writeAsDownloads } from '../../__fixtures__/hostile/plant.js'
import {
  changes,
  linksLeadingOut,
  sentinelTree,
  snapshot,
  type SentinelTree
} from '../../__fixtures__/hostile/tree.js'

/**
 * Issue 6, item 4: every hostile checkpoint of the corpus, planted in a run as a save would
 * upload it, is refused by the restore step with a warning naming the checkpoint and the reason;
 * restore falls back to the previous checkpoint; nothing changes outside the workspace (a watched
 * tree of sentinels surrounds it) and no file of the hostile checkpoint lands in it. The same
 * corpus, downloaded, is refused by `checkpoint-action restore` and `verify`.
 *
 * Each case collects every problem it sees and asserts the list is empty, so a failing case
 * reports all of what went wrong at once.
 */

const HOSTILE_NAME = checkpointName(HOSTILE_REF)
const BASE_NAME = checkpointName({ ...HOSTILE_REF, sequence: 1, node: 'fetch' })
/** Raw system errors are not a clear refusal. */
const RAW_ERROR = /\b(ENOTDIR|EEXIST|ENOENT|EISDIR|ELOOP|EACCES|EPERM|ERR_[A-Z_]+)\b|out of range/

const world = e2eWorld({ runs: ['restore', 'save', 'cli'] })
const made: string[] = []

afterAll(async () => {
  await Promise.all(made.map(dir => rm(dir, { recursive: true, force: true })))
})

async function watchedTree(target: string): Promise<SentinelTree> {
  const tree = await sentinelTree(target)
  made.push(tree.tree)
  return tree
}

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'checkpoint-hostile-scratch-'))
  made.push(dir)
  return dir
}

/** What a restore must leave as it was: the tree around the target, the target, its links. */
interface Watch {
  around: Map<string, string>
  target: Map<string, string>
  links: string[]
}

async function watch(tree: SentinelTree): Promise<Watch> {
  return {
    around: await snapshot(tree.tree, [tree.target]),
    target: await snapshot(tree.target),
    links: await linksLeadingOut(tree.target)
  }
}

/**
 * Problems: anything written outside the target, a new link out of it, any change in it but
 * the paths `allowed` (and the folders above them), and an allowed path that does not hold
 * its expected content as a regular file.
 */
async function damage(
  tree: SentinelTree,
  before: Watch,
  where: string,
  allowed: Record<string, string> = {}
): Promise<string[]> {
  const after = await watch(tree)
  const expected = new Set<string>()
  for (const path of Object.keys(allowed)) {
    const parts = path.split('/')
    for (let end = 1; end <= parts.length; end++) expected.add(parts.slice(0, end).join('/'))
  }
  const problems = [
    ...changes(before.around, after.around).map(line => `written outside the ${where}: ${line}`),
    ...changes(before.target, after.target)
      .filter(line => !expected.has(line.slice(2, line.indexOf(' (', 2))))
      .map(line => `changed in the ${where}: ${line}`),
    ...after.links
      .filter(link => !before.links.includes(link))
      .map(link => `link leading out of the ${where}: ${link}`)
  ]
  for (const [path, content] of Object.entries(allowed)) {
    const stats = await lstat(join(tree.target, path)).catch(() => undefined)
    const text = stats?.isFile() ? await readFile(join(tree.target, path), 'utf8') : undefined
    if (text !== content) problems.push(`${path} in the ${where} is not the file restored`)
  }
  return problems
}

const cases = HOSTILE_CORPUS.map(hostile => [hostile.id, hostile] as const)

describe('the restore step refuses a hostile checkpoint planted in the run', () => {
  it.each(cases)('%s', async (_id, hostile) => {
    const tree = await watchedTree('workspace')
    const { run, job: first } = await world.newRun()
    const saved = await first.uses('save', { node: 'fetch', state: 'base=1' })
    if (saved.outputs.checkpoint !== BASE_NAME) {
      throw new Error(`the save of the base checkpoint failed:\n${saved.stdout}${saved.stderr}`)
    }
    const layout: Layout = { runId: String(run.runId), outside: tree.outside }
    const built = hostile.build(layout)
    await plantInRun(first.meta.env, built, await scratchDir())
    expect(world.standIn.listArtifacts(run).map(artifact => artifact.name)).toEqual([
      BASE_NAME,
      ...(built.archive ? [built.archive.name] : []),
      built.document.name
    ])

    const job = await world.job(run, 2, { workspace: tree.target })
    await hostile.prepare?.(tree.target, layout)
    const before = await watch(tree)
    const restore = await job.uses('.')
    const [post] = await job.complete()

    const problems: string[] = []
    if (restore.code !== 0) problems.push(`restore exited ${String(restore.code)}`)
    if (post?.code !== 0) problems.push(`the post step exited ${String(post?.code)}`)
    for (const { level, message } of restore.annotations) {
      if (level === 'error') problems.push(`error annotation: ${message}`)
    }
    problems.push(...(await damage(tree, before, 'workspace', hostile.restores)))
    const seen = { outputs: restore.outputs, warnings: annotations(restore, 'warning') }
    if (hostile.refusal) {
      problems.push(...refusedAndFellBack(hostile, seen))
    } else {
      problems.push(...restoredAsData(built, seen))
    }
    expect({ case: hostile.title, problems }).toEqual({ case: hostile.title, problems: [] })
  })
})

/** What the restore step left: its outputs, and its warnings' messages. */
interface Seen {
  outputs: Record<string, string>
  warnings: string[]
}

/** The warning names the checkpoint and the reason; restore took the previous checkpoint. */
function refusedAndFellBack(hostile: HostileCase, { outputs, warnings }: Seen): string[] {
  const problems: string[] = []
  const warning = warnings.find(message =>
    message.startsWith(`Checkpoint ${HOSTILE_NAME} was not restored:`)
  )
  if (!warning) {
    problems.push(`no warning refusing ${HOSTILE_NAME} (warnings: ${JSON.stringify(warnings)})`)
  } else {
    if (hostile.refusal && !hostile.refusal.test(warning)) {
      problems.push(`the warning does not give the reason ${String(hostile.refusal)}: ${warning}`)
    }
    if (RAW_ERROR.test(warning)) problems.push(`the warning is a raw system error: ${warning}`)
  }
  const fellBack = {
    resumed: outputs.resumed,
    checkpoint: outputs.checkpoint,
    completed: outputs.completed,
    state: outputs.state
  }
  const expected = {
    resumed: 'true',
    checkpoint: BASE_NAME,
    completed: '["fetch"]',
    state: '{"base":"1"}'
  }
  if (JSON.stringify(fellBack) !== JSON.stringify(expected)) {
    problems.push(`did not fall back to ${BASE_NAME}: ${JSON.stringify(fellBack)}`)
  }
  return problems
}

/** A case that must be restored: as it is, its keys kept as keys, nothing else set. */
function restoredAsData(built: BuiltCase, { outputs, warnings }: Seen): string[] {
  const problems: string[] = []
  const document = JSON.parse(built.document.bytes.toString('utf8')) as { state: unknown }
  if (warnings.length > 0) problems.push(`warnings: ${JSON.stringify(warnings)}`)
  if (outputs.checkpoint !== HOSTILE_NAME) {
    problems.push(`restored ${String(outputs.checkpoint)}, not ${HOSTILE_NAME}`)
  }
  if (outputs.state !== JSON.stringify(document.state)) {
    problems.push(`state output ${String(outputs.state)}`)
  }
  const done = Object.keys(outputs).filter(name => name.startsWith('done-'))
  if (done.sort().join() !== 'done-evil,done-fetch') problems.push(`outputs ${done.join()}`)
  if (outputs.completed !== '["fetch","evil"]') problems.push(`completed ${outputs.completed}`)
  return problems
}

/** Runs the bundled CLI as a user would, with its own TMPDIR (to see what it leaves there). */
function cli(args: string[], cwd: string, temp: string): Promise<Ran> {
  return runCli(args, cwd, { TMPDIR: temp })
}

describe('checkpoint-action restore and verify refuse the same corpus, downloaded', () => {
  it.each(cases)('%s', async (_id, hostile) => {
    const tree = await watchedTree('target')
    const downloads = join(tree.parent, 'downloads')
    await mkdir(downloads)
    const layout: Layout = { runId: '1001', outside: tree.outside }
    const built = hostile.build(layout)
    await writeAsDownloads(built, downloads)
    await hostile.prepare?.(tree.target, layout)
    const temp = await scratchDir()
    const before = await watch(tree)

    // A case that prepares the target puts files where the restore writes: replacing them is
    // asked for (--force), as a user would after restore listed them; never writing through is
    // what the case checks.
    const force = hostile.prepare ? ['--force'] : []
    const restore = await cli(
      ['restore', ...force, '--to', tree.target, downloads],
      tree.tree,
      temp
    )
    const problems: string[] = []
    if (restore.code !== hostile.cli.restore) {
      problems.push(
        `restore exited ${String(restore.code)}, not ${hostile.cli.restore}: ${restore.stderr}`
      )
    }
    if (hostile.refusal && !hostile.refusal.test(restore.stderr)) {
      problems.push(`restore's stderr does not give the reason: ${restore.stderr}`)
    }
    if (hostile.refusal && RAW_ERROR.test(restore.stderr)) {
      problems.push(`restore's stderr is a raw system error: ${restore.stderr}`)
    }
    if (hostile.refusal) {
      problems.push(...(await damage(tree, before, 'target folder')))
    } else {
      const state = JSON.parse(built.document.bytes.toString('utf8')) as { state: unknown }
      const files = {
        ...hostile.restores,
        'state.json': `${JSON.stringify(state.state, null, 2)}\n`
      }
      problems.push(...(await damage(tree, before, 'target folder', files)))
    }

    const verify = await cli(['verify', downloads], tree.tree, temp)
    if (verify.code !== hostile.cli.verify) {
      problems.push(
        `verify exited ${String(verify.code)}, not ${hostile.cli.verify}: ${verify.stdout}${verify.stderr}`
      )
    }
    if (hostile.refusal && hostile.cli.verify === 3) {
      const said = `${verify.stdout}${verify.stderr}`.replace(/\s+/g, ' ')
      if (!hostile.refusal.test(said)) problems.push(`verify does not give the reason: ${said}`)
    }
    const left = await readdir(temp)
    if (left.length > 0) problems.push(`left in TMPDIR: ${left.join(', ')}`)
    expect({ case: hostile.title, problems }).toEqual({ case: hostile.title, problems: [] })
  })
})

describe('keys named __proto__, constructor and prototype are refused, and never reach a prototype', () => {
  it('by the loader, the state input and the CLI in this process; merging keeps them data', async () => {
    const guarded = [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    const names = guarded.map(prototype => Object.getOwnPropertyNames(prototype).sort().join())
    const proto = HOSTILE_CORPUS.find(hostile => hostile.id === 'proto-keys')
    if (!proto) throw new Error('the corpus has no proto-keys case')
    const built = proto.build({ runId: '1001', outside: '/nonexistent' })
    const text = built.document.bytes.toString('utf8')
    const refusal = /holds the key '__proto__' at state\.__proto__/

    expect(() => parseCheckpoint(text, built.document.name, HOSTILE_REF)).toThrow(refusal)
    expect(() => new CheckpointCodec().decode(text, built.document.name, HOSTILE_REF)).toThrow(
      refusal
    )
    expect(() => parseStateText('state', JSON.stringify(PROTO_STATE()))).toThrow(InvalidInputError)
    expect(() => parseStateText('state', 'rows=1\nconstructor=y')).toThrow(
      /line 2 has the key 'constructor'/
    )
    // Merging stays safe whatever it is given: keys are defined, never assigned.
    const merged = mergeStates({ base: '1' }, PROTO_STATE(), {})
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
    expect(Object.hasOwn(merged, '__proto__')).toBe(true)

    const folder = await scratchDir()
    const downloads = join(folder, 'downloads')
    await mkdir(downloads)
    await writeAsDownloads(built, downloads)
    const out: string[] = []
    const io = {
      stdout: { write: (chunk: string) => out.push(chunk) },
      stderr: { write: (chunk: string) => out.push(chunk) },
      env: {},
      cwd: folder
    }
    for (const [argv, code] of [
      [['verify', downloads], 3],
      [['restore', '--to', join(folder, 'replay'), downloads], 3]
    ] as const) {
      expect({ argv, code: await main([...argv], io) }).toEqual({ argv, code })
    }
    expect(out.join('')).toMatch(refusal)
    expect(existsSync(join(folder, 'replay'))).toBe(false)

    const empty: Record<string, unknown> = {}
    expect(empty.polluted).toBeUndefined()
    expect('polluted' in empty).toBe(false)
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined()
    expect(guarded.map(prototype => Object.getOwnPropertyNames(prototype).sort().join())).toEqual(
      names
    )
  })
})
