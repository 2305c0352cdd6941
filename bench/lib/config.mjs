// What the bench runs, in full and in quick mode (BENCH_QUICK=1). Everything is fixed here:
// the same sizes, seeds and repetition counts on every run.
const KiB = 1024
const MiB = 1024 * KiB
const GiB = 1024 * MiB

export function benchConfig(env = process.env) {
  const config = configFor(env)
  // BENCH_CASES='<id>;<id>' keeps only those payload cases (for working on one; nothing is written
  // unless every area and case runs).
  if (env.BENCH_CASES) {
    const wanted = new Set(env.BENCH_CASES.split(';'))
    config.payload.cases = config.payload.cases.filter(item => wanted.has(item.id))
  }
  // BENCH_NODES='10,100,1000' sets the node counts of the nodes-with-files area (in quick mode
  // too), so the 1,000-node restore can be timed without the whole bench.
  if (env.BENCH_NODES) config.nodesWithFiles.nodes = nodeCounts(env.BENCH_NODES)
  return config
}

function nodeCounts(text) {
  const counts = text.split(',').map(item => Number(item.trim()))
  if (counts.some(count => !Number.isInteger(count) || count < 1)) {
    throw new Error(
      `BENCH_NODES '${text}': give node counts, whole numbers of 1 or more, separated by commas`
    )
  }
  return counts
}

function configFor(env) {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true'
  if (quick) {
    // Under a minute on 2 busy cores: the smallest case of each area, 2 repetitions.
    return {
      quick,
      payload: {
        warmup: 1,
        reps: 2,
        cases: [
          { id: '1 MiB random', kind: 'random', total: MiB, fileSize: MiB, memory: true },
          { id: '100 small files', kind: 'small', count: 100 }
        ]
      },
      history: { warmup: 1, reps: 2, lengths: [1, 10], payload: MiB },
      nodesWithFiles: { warmup: 0, reps: 2, nodes: [1, 10], fileBytes: KiB },
      state: { warmup: 1, reps: 2, pureReps: 5, sizes: [1_000_000] },
      coldStart: { warmup: 1, reps: 2 },
      pipeline: { warmup: 0, reps: 1, nodeSeconds: 0.2, nodes: 6, failAt: 5 },
      longPipeline: { nodes: 30, failAt: 28 }
    }
  }
  return {
    quick,
    payload: {
      warmup: 1,
      reps: 5,
      cases: [
        { id: '1 MiB random', kind: 'random', total: MiB, fileSize: MiB },
        { id: '1 MiB JSON', kind: 'json', total: MiB, fileSize: MiB },
        { id: '100 MiB random', kind: 'random', total: 100 * MiB, fileSize: 25 * MiB },
        { id: '100 MiB JSON', kind: 'json', total: 100 * MiB, fileSize: 25 * MiB },
        // 1 GiB: 3 timed repetitions; the warm-up runs under GNU time and gives the peak RSS;
        // upload-artifact's save (50 s on random bytes) skips its warm-up.
        {
          id: '1 GiB random',
          kind: 'random',
          total: GiB,
          fileSize: 64 * MiB,
          reps: 3,
          memory: true,
          directSaveWarmup: false
        },
        {
          id: '1 GiB JSON',
          kind: 'json',
          total: GiB,
          fileSize: 64 * MiB,
          reps: 3,
          memory: true,
          directSaveWarmup: false
        },
        { id: '1,000 small files', kind: 'small', count: 1000 }
      ]
    },
    history: { warmup: 1, reps: 5, lengths: [1, 10, 100, 400], payload: MiB },
    nodesWithFiles: { warmup: 1, reps: 5, nodes: [1, 10, 100, 1000], fileBytes: KiB },
    state: { warmup: 1, reps: 5, pureReps: 5, sizes: [1_000, 1_000_000, 50_000_000] },
    coldStart: { warmup: 1, reps: 7 },
    pipeline: { warmup: 1, reps: 5, nodeSeconds: 2, nodes: 6, failAt: 5 },
    // One run of each attempt: attempt 1 alone is N steps of about a second.
    longPipeline: { nodes: 300, failAt: 298 }
  }
}

export const units = { KiB, MiB, GiB }
