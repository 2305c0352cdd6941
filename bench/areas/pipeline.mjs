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
  const bare = which => plainSteps(lab, scripts, which, { BENCH_NODE_SECONDS: String(nodeSeconds) })

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

// Area: a long pipeline end to end (issue 13): N nodes (300; 30 in quick mode), each a `run`
// step writing a 1 KiB file that is its checkpointed output. Attempt 1 runs them from the restore
// step on and fails at a node near the end (a flaky step, as above); attempt 2 resumes: it skips
// the nodes done, runs the rest. Both attempts are timed from their restore step to their last
// post step, against the same commands as plain bash steps (the work itself: all N for attempt 1,
// the work left for attempt 2). Counted: the restore's requests and blob downloads on attempt 2,
// and the artifacts the run holds after each attempt (a job may hold 500).

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, config: any, log: (line: string) => void}} ctx
 */
export async function longPipelineArea(ctx) {
  const { lab, config } = ctx
  const { nodes: count, failAt } = config.longPipeline
  const nodes = Array.from({ length: count }, (_, index) => `n${index + 1}`)
  const command = node =>
    [
      `if [ "$BENCH_FAIL_AT" = "${node}" ]; then echo "flaky failure"; exit 1; fi`,
      'mkdir -p out',
      `printf '%01024d' ${node.slice(1)} > out/${node}.txt`
    ].join('\n')
  const inputs = node => ({ node, run: command(node), paths: `out/${node}.txt` })
  const scripts = await lab.dir('long-pipeline-bare')
  for (const node of nodes) await writeFile(join(scripts, `${node}.sh`), command(node), 'utf8')

  const pipelineRun = lab.newRun()
  ctx.log(`long pipeline: attempt 1, ${failAt} of ${count} nodes (node ${failAt} fails)`)
  const first = await longAttempt(lab, pipelineRun, 1, nodes, inputs, `n${failAt}`)
  const artifactsAfterFirst = lab.standIn.listArtifacts(pipelineRun).length
  ctx.log(`long pipeline: attempt 2, ${count - failAt + 1} node(s) left`)
  const second = await longAttempt(lab, pipelineRun, 2, nodes, inputs, '')
  if (second.skipped !== failAt - 1 || second.resumed !== 'true') {
    throw new Error(`long pipeline: attempt 2 skipped ${second.skipped} of ${failAt - 1} nodes`)
  }
  const bareFirst = await plainSteps(lab, scripts, nodes.slice(0, failAt), {})
  const bareLeft = await plainSteps(lab, scripts, nodes.slice(failAt - 1), {})
  return {
    nodes: count,
    failAt,
    first,
    second,
    bareFirstMs: bareFirst.ms,
    bareLeftMs: bareLeft.ms,
    artifactsAfterFirst,
    artifactsAfterSecond: lab.standIn.listArtifacts(pipelineRun).length
  }
}

/**
 * One attempt of the long pipeline on a fresh runner: the restore step, the run steps until
 * `failing` fails (or all of them), the post steps; timed as a whole, the restore's requests
 * counted.
 */
async function longAttempt(lab, pipelineRun, attempt, nodes, inputs, failing) {
  const runner = await lab.runner(lab.job(pipelineRun, attempt), {
    env: { BENCH_FAIL_AT: failing }
  })
  lab.standIn.resetRequests()
  const started = performance.now()
  const restore = await lab.stepOk(runner, '.')
  const requests = lab.standIn.requests.length
  const downloads = lab.standIn.requests.filter(
    request => request.service === 'blob' && request.method === 'GET'
  ).length
  const steps = { ran: 0, skipped: 0, ranMs: 0, skippedMs: 0 }
  for (const node of nodes) {
    const step = await lab.step(runner, 'run', inputs(node))
    if (node === failing) {
      if (step.result.code === 0) throw new Error(`long pipeline: ${node} did not fail`)
      break
    }
    if (step.result.code !== 0) throw new Error(`long pipeline: ${node}:\n${step.result.stdout}`)
    const kind = step.result.outputs.skipped === 'true' ? 'skipped' : 'ran'
    steps[kind]++
    steps[`${kind}Ms`] += step.ms
  }
  const posts = await lab.posts(runner)
  const ms = performance.now() - started
  if (posts.some(post => post.result.code !== 0)) throw new Error('a post step failed')
  await lab.dispose(runner)
  return {
    ms,
    restoreMs: restore.ms,
    requests,
    downloads,
    resumed: restore.result.outputs.resumed,
    ...steps,
    posts: posts.length,
    postsMs: posts.reduce((total, post) => total + post.ms, 0)
  }
}

/** The commands as plain `run:` steps: bash as the runner starts it, one process per step. */
async function plainSteps(lab, scripts, which, env) {
  const cwd = await lab.dir('pipeline-bare-ws')
  let ms = 0
  for (const node of which) {
    const outcome = await run(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', join(scripts, `${node}.sh`)],
      { cwd, env: { ...process.env, BENCH_FAIL_AT: '', ...env } }
    )
    if (outcome.code !== 0) throw new Error(`bare ${node} failed: ${outcome.stderr}`)
    ms += outcome.ms
  }
  return { ms }
}
