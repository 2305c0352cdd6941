// Area: the figure users care about. A six-node pipeline, each node a `run` step of fixed
// duration (sleep) that writes a small file, fails at node five on attempt 1 (a flaky step: the
// same command text, failing through an environment switch, as a network error would). Attempt 2
// with resume: restore, six run steps (four skipped, two run and saved) and the post steps, timed
// as a whole. Without resume: the six commands again as plain `run:` steps (bash, as a runner
// starts them). The work left: the two remaining commands as plain steps. All three interleaved;
// each repetition uses a fresh run whose attempt 1 is not timed. The node duration comes from
// $BENCH_NODE_SECONDS, so the command text (part of the fingerprint) is the same in both attempts
// while attempt 1, which only sets the scene, does not sleep.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { run } from '../lib/lab.mjs'
import { field, interleave } from '../lib/stats.mjs'

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, config: any, log: (line: string) => void}} ctx
 */
export async function pipelineArea(ctx) {
  const { lab, config } = ctx
  const { nodes: count, nodeSeconds, failAt } = config.pipeline
  const nodes = Array.from({ length: count }, (_, index) => `n${index + 1}`)
  const command = node =>
    [
      'sleep "$BENCH_NODE_SECONDS"',
      `if [ "$BENCH_FAIL_AT" = "${node}" ]; then echo "flaky failure"; exit 1; fi`,
      'mkdir -p out',
      `head -c 65536 /dev/zero | tr '\\0' '${node.at(-1)}' > out/${node}.txt`
    ].join('\n')
  const inputs = node => ({ node, run: command(node), paths: `out/${node}.txt` })

  const scripts = await lab.dir('pipeline-bare')
  for (const node of nodes) await writeFile(join(scripts, `${node}.sh`), command(node), 'utf8')
  /** Plain `run:` steps: bash as the runner starts it, one process per step. */
  const bare = async which => {
    const cwd = await lab.dir('pipeline-bare-ws')
    let ms = 0
    for (const node of which) {
      const outcome = await run(
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', join(scripts, `${node}.sh`)],
        { cwd, env: { ...process.env, BENCH_NODE_SECONDS: String(nodeSeconds), BENCH_FAIL_AT: '' } }
      )
      if (outcome.code !== 0) throw new Error(`bare ${node} failed: ${outcome.stderr}`)
      ms += outcome.ms
    }
    return { ms }
  }

  const measured = await interleave({
    warmup: config.pipeline.warmup,
    reps: config.pipeline.reps,
    label: 'pipeline ',
    log: ctx.log,
    variants: {
      'attempt 2 with resume': async () => {
        const pipelineRun = lab.newRun()
        // Attempt 1 (not timed): nodes 1-4 done and saved, node 5 fails, the job ends.
        const first = await lab.runner(lab.job(pipelineRun, 1), {
          env: { BENCH_FAIL_AT: `n${failAt}`, BENCH_NODE_SECONDS: '0' }
        })
        await lab.stepOk(first, '.')
        for (const node of nodes) {
          const step = await lab.step(first, 'run', inputs(node))
          if (node === `n${failAt}`) {
            if (step.result.code === 0) throw new Error('node 5 did not fail')
            break
          }
          if (step.result.code !== 0) throw new Error(step.result.stdout)
        }
        await lab.posts(first)
        await lab.dispose(first)
        // Attempt 2: a fresh runner, timed from the restore step to the last post step.
        const second = await lab.runner(lab.job(pipelineRun, 2), {
          env: { BENCH_FAIL_AT: '', BENCH_NODE_SECONDS: String(nodeSeconds) }
        })
        const started = performance.now()
        const restore = await lab.stepOk(second, '.')
        const skipped = []
        const steps = { skipped: 0, ran: 0 }
        for (const node of nodes) {
          const step = await lab.stepOk(second, 'run', inputs(node))
          if (step.result.outputs.skipped === 'true') {
            skipped.push(node)
            steps.skipped += step.ms
          } else {
            steps.ran += step.ms
          }
        }
        const posts = await lab.posts(second)
        const ms = performance.now() - started
        if (skipped.length !== failAt - 1 || restore.result.outputs.resumed !== 'true') {
          throw new Error(`attempt 2 skipped ${skipped.join(',')}:\n${restore.result.stdout}`)
        }
        if (posts.some(post => post.result.code !== 0)) throw new Error('a post step failed')
        await lab.dispose(second)
        return {
          ms,
          restoreMs: restore.ms,
          skippedMs: steps.skipped,
          ranMs: steps.ran,
          postsMs: posts.reduce((total, post) => total + post.ms, 0),
          posts: posts.length
        }
      },
      'without resume (six plain steps)': () => bare(nodes),
      'work left (two plain steps)': () => bare(nodes.slice(failAt - 1))
    }
  })
  return {
    nodes: count,
    nodeSeconds,
    failAt,
    withResume: measured['attempt 2 with resume'].time,
    breakdown: {
      restore: field(measured['attempt 2 with resume'].runs, r => r.restoreMs),
      skipped: field(measured['attempt 2 with resume'].runs, r => r.skippedMs),
      ran: field(measured['attempt 2 with resume'].runs, r => r.ranMs),
      posts: field(measured['attempt 2 with resume'].runs, r => r.postsMs)
    },
    postCount: measured['attempt 2 with resume'].runs[0].posts,
    without: measured['without resume (six plain steps)'].time,
    workLeft: measured['work left (two plain steps)'].time
  }
}
