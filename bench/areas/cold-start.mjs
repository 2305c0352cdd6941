// Area: cold start of every dist/ entry with nothing to do, and bundle sizes.
// Entries, each run by the JobRunner as a runner runs it: restore on a first attempt (no
// checkpoint yet), its post step after that, save of a node already restored (a no-op), run of a
// node done with the same fingerprint (skipped), and run's post step after that skip. Baselines
// in the same interleaved repetitions: `node -e ''` on the bundles' Node 24 and the ncc bundle of
// the direct client doing nothing (it imports @actions/core and @actions/artifact and exits), run
// through the runner too.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleNode } from '../../local/node24.js'
import { run } from '../lib/lab.mjs'
import { interleave } from '../lib/stats.mjs'

const RUN_INPUTS = { node: 'compile', run: 'true' }

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, direct: {dir: string, bundleBytes: number},
 *   config: any, actionRoot: string, log: (line: string) => void}} ctx
 */
export async function coldStartArea(ctx) {
  const { lab, direct, config } = ctx
  // A run whose attempt 1 ran node 'compile' through the run entry: attempt 2 restores it.
  const done = lab.newRun()
  const first = await lab.runner(lab.job(done, 1))
  await lab.stepOk(first, '.')
  const ran = await lab.stepOk(first, 'run', RUN_INPUTS)
  if (ran.result.outputs.skipped !== 'false')
    throw new Error(`setup run did not run:\n${ran.result.stdout}`)
  await lab.dispose(first)

  /** A re-run of `done` with its restore step already run (not timed). */
  const restored = async () => {
    const runner = await lab.runner(lab.job(done, 2))
    const step = await lab.stepOk(runner, '.')
    if (step.result.outputs['done-compile'] !== 'true') throw new Error(step.result.stdout)
    return runner
  }
  const timedStep = async (runner, actionDir, inputs, check) => {
    const step = await lab.stepOk(runner, actionDir, inputs)
    check?.(step.result)
    await lab.dispose(runner)
    return { ms: step.ms }
  }
  const timedPost = async (runner, entry) => {
    const post = runner.posts.find(item => item.entry.endsWith(join('dist', entry, 'index.js')))
    runner.posts = [post]
    const [timing] = await lab.posts(runner)
    if (timing.result.code !== 0) throw new Error(`${entry} failed:\n${timing.result.stdout}`)
    await lab.dispose(runner)
    return { ms: timing.ms }
  }
  const expect = (name, value) => result => {
    if (result.outputs[name] !== value) {
      throw new Error(`expected ${name}=${value}, got ${result.outputs[name]}:\n${result.stdout}`)
    }
  }

  const measured = await interleave({
    warmup: config.coldStart.warmup,
    reps: config.coldStart.reps,
    label: 'cold start ',
    log: ctx.log,
    variants: {
      'node -e ""': async () => {
        const outcome = await run(bundleNode(), ['-e', ''])
        return { ms: outcome.ms }
      },
      'direct client bundle, no-op': async () => {
        const runner = await lab.runner(lab.job(lab.newRun(), 1))
        return timedStep(runner, direct.dir, { mode: 'noop' })
      },
      'restore (first attempt)': async () => {
        const runner = await lab.runner(lab.job(lab.newRun(), 1))
        return timedStep(runner, '.', {}, expect('resumed', 'false'))
      },
      'restore-post (first attempt)': async () => {
        const runner = await lab.runner(lab.job(lab.newRun(), 1))
        await lab.stepOk(runner, '.')
        return timedPost(runner, 'restore-post')
      },
      'save (node restored: no-op)': async () => {
        const runner = await restored()
        return timedStep(runner, 'save', { node: 'compile' }, expect('saved', 'false'))
      },
      'run (fingerprint matches: skip)': async () => {
        const runner = await restored()
        return timedStep(runner, 'run', RUN_INPUTS, expect('skipped', 'true'))
      },
      'run-post (after a skip)': async () => {
        const runner = await restored()
        await lab.stepOk(runner, 'run', RUN_INPUTS)
        return timedPost(runner, 'run-post')
      }
    }
  })
  const times = Object.fromEntries(
    Object.entries(measured).map(([name, value]) => [name, value.time])
  )
  return {
    times,
    bundles: await bundleSizes(ctx.actionRoot),
    directBundleBytes: direct.bundleBytes
  }
}

/** Every dist/<entry>/ folder: the file node loads first, lazily loaded chunks, the total. */
async function bundleSizes(root) {
  const dist = join(root, 'dist')
  const entries = []
  // dist/lib is the library, a bundle that no entry loads: not a cost any step pays.
  const folders = (await readdir(dist, { withFileTypes: true })).filter(
    item => item.isDirectory() && item.name !== 'lib'
  )
  for (const entry of folders) {
    const folder = join(dist, entry.name)
    let main = 0
    let chunks = 0
    let total = 0
    for (const name of await readdir(folder, { recursive: true })) {
      const info = await stat(join(folder, name))
      if (!info.isFile() || !/\.(m?js|cjs|node|wasm)$/.test(name)) continue
      total += info.size
      if (name === 'index.js') main = info.size
      else chunks += info.size
    }
    entries.push({ entry: entry.name, main, chunks, total })
  }
  return entries.sort((a, b) => a.entry.localeCompare(b.entry))
}
