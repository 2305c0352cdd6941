// Area: pipeline state of 1 KB, 1 MB and 50 MB of JSON.
// End to end: the save entry with `state-file` (after a restore step on a first attempt), and the
// restore entry on a re-run (its `state-file` output checked), against the bare way: a child that
// parses and serializes the same JSON and uploads it with upload-artifact's defaults, and one that
// downloads and parses it. Pure: in-process, the product's domain code turning the state object
// into the document it uploads (nextCheckpoint: merge, JSON text and sha256 of the state,
// canonical JSON of the envelope; then serializeCheckpoint) and the document back into the state
// and the text of the state file (parseCheckpoint: parse, depth, shape, digest check; stateJson),
// against a bare JSON.stringify / JSON.parse of the same object.
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { stateObject } from '../lib/payloads.mjs'
import { blob, marksOf, medianPhases, phasesBetween, request, rpc } from '../lib/phases.mjs'
import { interleave } from '../lib/stats.mjs'

/** Phases of each end-to-end step: its log lines and the requests the stand-in served. */
const PHASES = {
  save: [
    [
      'start, read and parse the state, list, build and seal the document, create',
      request(rpc('CreateArtifact'))
    ],
    ['put the document (one Put Blob)', request(blob('PutBlob'))],
    ['finalize (stand-in re-reads the blob)', request(rpc('FinalizeArtifact'))],
    ['list again (scope ownership)', 'Saved checkpoint'],
    ['write the job context, exit', null]
  ],
  directSave: [
    ['start, read, parse, serialize, write, create', 'Beginning upload of artifact content'],
    ['zip and upload', 'Finished uploading artifact content'],
    ['finalize (stand-in re-reads the blob)', 'successfully finalized'],
    ['exit', null]
  ],
  load: [
    ['start, list, sign, download the document', request(blob('GetBlob'))],
    ['parse and verify (shape, canonical JSON, digest)', 'Restored checkpoint'],
    ['outputs, state file, job context, exit', null]
  ],
  directLoad: [
    ['start, find, sign', 'Starting download of artifact'],
    ['download and unzip', 'Artifact download completed'],
    ['read, parse, exit', null]
  ]
}

/**
 * @param {{lab: import('../lib/lab.mjs').Lab, direct: {dir: string}, config: any, domain: any,
 *   log: (line: string) => void}} ctx
 */
export async function stateArea(ctx) {
  const results = []
  for (const size of ctx.config.state.sizes) {
    ctx.log(`state: ${size} bytes`)
    results.push(await stateCase(ctx, size))
  }
  return results
}

async function stateCase(ctx, size) {
  const { lab, direct, domain, config } = ctx
  const object = stateObject(size)
  const text = JSON.stringify(object)
  const source = await lab.dir('state-source')
  await writeFile(join(source, 'state.json'), text, 'utf8')
  const last = {}

  await lab.ensureCapacity((config.state.warmup + config.state.reps) * 3 * text.length)
  const save = await interleave({
    warmup: config.state.warmup,
    reps: config.state.reps,
    label: `state ${size} save `,
    log: ctx.log,
    variants: {
      candidate: async () => {
        const run = lab.newRun()
        const runner = await lab.runner(lab.job(run, 1), { workspace: source })
        await lab.stepOk(runner, '.')
        const step = await lab.stepOk(
          runner,
          'save',
          { node: 'state', 'state-file': 'state.json' },
          marksOf(PHASES.save)
        )
        if (step.result.outputs.saved !== 'true') throw new Error(step.result.stdout)
        await lab.dispose(runner)
        last.candidate = run
        const document = lab.standIn.listArtifacts(run).find(a => a.name.endsWith('.json'))
        return {
          ms: step.ms,
          documentBytes: document.size,
          phases: phasesBetween(step, PHASES.save)
        }
      },
      direct: async () => {
        const run = lab.newRun()
        const runner = await lab.runner(lab.job(run, 1), { workspace: source })
        const step = await lab.stepOk(
          runner,
          direct.dir,
          { mode: 'save-state', name: 'state', path: 'state.json' },
          marksOf(PHASES.directSave)
        )
        await lab.dispose(runner)
        last.direct = run
        return {
          ms: step.ms,
          bytes: lab.standIn.listArtifacts(run)[0].size,
          phases: phasesBetween(step, PHASES.directSave)
        }
      }
    }
  })

  const load = await interleave({
    warmup: config.state.warmup,
    reps: config.state.reps,
    label: `state ${size} load `,
    log: ctx.log,
    variants: {
      candidate: async ({ warm }) => {
        const runner = await lab.runner(lab.job(last.candidate, 2))
        const step = await lab.stepOk(runner, '.', {}, marksOf(PHASES.load))
        const file = step.result.outputs['state-file']
        if (!file || (await stat(file)).size !== text.length) {
          throw new Error(`restore's state-file is not the saved state:\n${step.result.stdout}`)
        }
        if (warm && (await readFile(file, 'utf8')) !== text) throw new Error('state differs')
        await lab.dispose(runner)
        return { ms: step.ms, phases: phasesBetween(step, PHASES.load) }
      },
      direct: async () => {
        const runner = await lab.runner(lab.job(last.direct, 2))
        const step = await lab.stepOk(
          runner,
          direct.dir,
          { mode: 'load-state', name: 'state', path: 'state' },
          marksOf(PHASES.directLoad)
        )
        await lab.dispose(runner)
        return { ms: step.ms, phases: phasesBetween(step, PHASES.directLoad) }
      }
    }
  })
  await lab.sync()

  // Pure costs, in-process. The document is built as the save entry builds it (fixed clock).
  const run = { runId: '12345', attempt: 1, repository: 'octo/bench', job: 'pipeline' }
  const now = new Date('2026-11-01T00:00:00Z')
  // A fresh top-level object each time, as the save entry parses one from the state file: the
  // product keeps a state's JSON text with the object, which must not carry over between runs.
  const build = (state = { ...object }) =>
    domain.progress.nextCheckpoint(undefined, {
      scope: 'pipeline',
      node: 'state',
      run,
      state,
      now
    })
  const documentText = domain.document.serializeCheckpoint(build())
  const clock =
    (fn, prepare = () => undefined) =>
    () => {
      const input = prepare()
      const started = performance.now()
      fn(input)
      return Promise.resolve({ ms: performance.now() - started })
    }
  const pureSave = await interleave({
    warmup: 1,
    reps: config.state.pureReps,
    variants: {
      candidate: clock(
        state => domain.document.serializeCheckpoint(build(state)),
        () => ({ ...object })
      ),
      bare: clock(() => JSON.stringify(object))
    }
  })
  const pureLoad = await interleave({
    warmup: 1,
    reps: config.state.pureReps,
    variants: {
      // The state file's text as the restore entry writes it (stateJson: the state's text as
      // read and verified, serialized again only when the document was laid out otherwise).
      candidate: clock(() =>
        domain.state.stateJson(domain.document.parseCheckpoint(documentText, 'bench').state)
      ),
      bare: clock(() => JSON.parse(text))
    }
  })
  // Where the pure time goes: each step of the candidate on its own.
  const body = build()
  const parts = await interleave({
    warmup: 1,
    reps: config.state.pureReps,
    variants: {
      sha256: clock(() => domain.canonical.sha256Digest(text)),
      depth: clock(() => domain.state.nestingDepth(object, 200)),
      serializeKnown: clock(() => domain.document.serializeCheckpoint(body)),
      parse: clock(() => JSON.parse(documentText))
    }
  })

  return {
    size: text.length,
    documentBytes: save.candidate.runs[0].documentBytes,
    directBytes: save.direct.runs[0].bytes,
    save: { candidate: save.candidate.time, direct: save.direct.time },
    load: { candidate: load.candidate.time, direct: load.direct.time },
    phases: {
      save: medianPhases(save.candidate.runs),
      directSave: medianPhases(save.direct.runs),
      load: medianPhases(load.candidate.runs),
      directLoad: medianPhases(load.direct.runs)
    },
    pure: {
      save: { candidate: pureSave.candidate.time, bare: pureSave.bare.time },
      load: { candidate: pureLoad.candidate.time, bare: pureLoad.bare.time },
      parts: {
        sha256: parts.sha256.time,
        depth: parts.depth.time,
        serializeKnown: parts.serializeKnown.time,
        parse: parts.parse.time
      }
    }
  }
}
