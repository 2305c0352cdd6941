import { describe, expect, it } from '@jest/globals'
import { mergeInto, partialPart, restrictTo } from '../../src/checkpoint/contribution.js'
import {
  parseCheckpoint,
  sealCheckpoint,
  serializeCheckpoint,
  type ArchiveRecord,
  type CheckpointDocument,
  type FileRecord
} from '../../src/checkpoint/document.js'
import { filesArchiveName } from '../../src/checkpoint/naming.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import { stateJson, type PipelineState } from '../../src/checkpoint/state.js'

const run = { runId: '7', attempt: 1 }

/** Saves `node` over `base` with files in its own archive (and links in none). */
function save(
  base: CheckpointDocument | undefined,
  node: string,
  state: PipelineState,
  paths: string[] = [],
  links: Record<string, string> = {}
): CheckpointDocument {
  const sequence = (base?.sequence ?? 0) + 1
  const name = filesArchiveName({ scope: 'ci', attempt: 1, sequence, node })
  const files: FileRecord[] = paths.map(path => ({
    path,
    size: path.length,
    sha256: `sha256:${node}-${path}`,
    mode: 0o644,
    archive: name
  }))
  for (const [path, target] of Object.entries(links)) {
    files.push({ path, size: 0, sha256: `sha256:${target}`, mode: 0o777, link: target })
  }
  const archive: ArchiveRecord = {
    name,
    runId: '7',
    size: 10,
    digest: `sha256:${name}`,
    packing: 'zip-stored'
  }
  return nextCheckpoint(base, {
    scope: 'ci',
    node,
    run,
    state,
    files,
    ...(paths.length > 0 ? { archive } : {})
  })
}

/** fetch, build, test; build and test overwrite some of fetch's state and files. */
function pipeline(): CheckpointDocument {
  const fetch = save(undefined, 'fetch', { rows: 1, source: 'api' }, ['data/a', 'data/b'], {
    'data/latest': 'a'
  })
  const build = save(fetch, 'build', { rows: 2, built: true }, ['build/app', 'data/b'])
  return save(build, 'test', { passed: true, rows: 3 }, ['report.xml'], { 'data/latest': 'b' })
}

function paths(document: CheckpointDocument): string[] {
  return document.files.map(file => `${file.path}<${file.archive ?? file.link ?? ''}`)
}

describe('what each node adds, and the pipeline rebuilt without the others', () => {
  it('records the state keys and links each node added, and what later nodes replaced', () => {
    const document = pipeline()
    const [fetch, build, test] = document.nodes
    expect(fetch?.added).toEqual({ state: ['rows', 'source'], links: ['data/latest'] })
    expect(fetch?.replaced?.state).toEqual({ rows: 1 })
    expect(fetch?.replaced?.files?.map(file => file.path).sort()).toEqual(['data/b', 'data/latest'])
    expect(build?.added).toEqual({ state: ['rows', 'built'] })
    expect(build?.replaced).toEqual({ state: { rows: 2 } })
    expect(test?.replaced).toBeUndefined()
    expect(document.state).toEqual({ rows: 3, source: 'api', built: true, passed: true })
    // Still a valid document: its digest covers the records, and it reads back whole.
    expect(parseCheckpoint(serializeCheckpoint(document), 'x.json')).toEqual(document)
    // An archive whose files were all replaced stays listed while a node's record needs it.
    expect(document.archives.map(archive => archive.name)).toHaveLength(3)
  })

  it('rebuilds one node alone: its own values and files, none of the others', () => {
    const fetch = restrictTo(pipeline(), ['fetch'])
    expect(fetch.nodes.map(node => node.id)).toEqual(['fetch'])
    expect(fetch.state).toEqual({ rows: 1, source: 'api' })
    expect(paths(fetch)).toEqual([
      'data/a<checkpoint.ci.a1.s001.fetch.files',
      'data/b<checkpoint.ci.a1.s001.fetch.files',
      'data/latest<a'
    ])
    expect(fetch.archives.map(archive => archive.name)).toEqual([
      'checkpoint.ci.a1.s001.fetch.files'
    ])
    expect(fetch.nodes[0]?.replaced).toBeUndefined()
    expect(parseCheckpoint(serializeCheckpoint(fetch), 'x.json').digest).toBe(fetch.digest)
  })

  it('rebuilds a subset in the order the nodes wrote, later ones winning', () => {
    const document = pipeline()
    const early = restrictTo(document, ['fetch', 'build'])
    expect(early.state).toEqual({ rows: 2, source: 'api', built: true })
    expect(paths(early)).toEqual([
      'build/app<checkpoint.ci.a1.s002.build.files',
      'data/a<checkpoint.ci.a1.s001.fetch.files',
      'data/b<checkpoint.ci.a1.s002.build.files',
      'data/latest<a'
    ])
    const ends = restrictTo(document, ['fetch', 'test'])
    expect(ends.state).toEqual({ rows: 3, source: 'api', passed: true })
    expect(paths(ends)).toContain('data/latest<b')
    expect(paths(ends)).toContain('data/b<checkpoint.ci.a1.s001.fetch.files')
    expect(restrictTo(document, ['fetch', 'build', 'test']).state).toEqual(document.state)
  })

  it('gives no part to nodes of older checkpoints that did not record what they added', () => {
    const document = pipeline()
    const older = sealCheckpoint({
      ...document,
      nodes: document.nodes.map(({ added: _added, replaced: _replaced, ...node }) => node)
    })
    const restricted = restrictTo(older, ['fetch'])
    expect(restricted.nodes).toEqual([])
    expect(restricted.state).toEqual({})
  })

  it("takes a stopped node's progress alone: its record and its own files", () => {
    const stopped = nextCheckpoint(pipeline(), {
      scope: 'ci',
      node: 'crawl',
      run,
      state: { next: 7 },
      partial: true,
      fingerprint: { key: 'sha256:k', version: 'v1' },
      files: [
        {
          path: 'pages/1',
          size: 1,
          sha256: 'sha256:p',
          mode: 0o644,
          archive: 'checkpoint.ci.a1.s004.crawl.files'
        }
      ],
      archive: {
        name: 'checkpoint.ci.a1.s004.crawl.files',
        runId: '7',
        size: 3,
        digest: 'sha256:a',
        packing: 'zip-stored'
      }
    })
    const part = partialPart(stopped, 'crawl')
    expect(part?.nodes).toEqual([])
    expect(part?.state).toEqual({})
    expect(part?.partials).toEqual([expect.objectContaining({ id: 'crawl', state: { next: 7 } })])
    expect(part?.partials?.[0]?.fingerprint).toEqual({ key: 'sha256:k', version: 'v1' })
    expect(paths(part as CheckpointDocument)).toEqual(['pages/1<checkpoint.ci.a1.s004.crawl.files'])
    expect(partialPart(stopped, 'fetch')).toBeUndefined()
    // Merged into a job's checkpoint, it is progress there, not a node done.
    const merged = mergeInto(save(undefined, 'lint', {}), part as CheckpointDocument)
    expect(merged.nodes.map(node => node.id)).toEqual(['lint'])
    expect(merged.partials?.map(partial => partial.id)).toEqual(['crawl'])
  })

  it('merges nodes from elsewhere into the job checkpoint, theirs winning', () => {
    const elsewhere = restrictTo(pipeline(), ['build'])
    const here = save(undefined, 'lint', { rows: 0, lint: 'ok' }, ['lint.txt'])
    const merged = mergeInto(here, elsewhere)
    expect(merged.nodes.map(node => node.id)).toEqual(['lint', 'build'])
    expect(merged.state).toEqual({ rows: 2, lint: 'ok', built: true })
    expect(merged.archives.map(archive => archive.name).sort()).toEqual([
      'checkpoint.ci.a1.s001.lint.files',
      'checkpoint.ci.a1.s002.build.files'
    ])
    // Its sequence stays above every part's, so the next names are new in any attempt.
    expect(merged.sequence).toBe(3)
    const next = save(merged, 'deploy', { deployed: true })
    expect(next.sequence).toBe(4)
    expect(restrictTo(next, ['lint']).state).toEqual({ rows: 0, lint: 'ok' })
    expect(mergeInto(undefined, elsewhere)).toBe(elsewhere)
  })

  it("records every value a node replaces in the earlier writer's record, in order", () => {
    const keys = [...Array.from({ length: 2000 }, (_, index) => `k${index}`), '__proto__']
    // Object.fromEntries defines `__proto__` as an own key, as JSON.parse does.
    const earlier: PipelineState = Object.fromEntries(keys.map((key, index) => [key, index]))
    const later: PipelineState = Object.fromEntries(keys.map(key => [key, `new ${key}`]))
    const first = save(undefined, 'fetch', { kept: true, ...earlier })
    const second = save(first, 'build', later)
    const replaced = second.nodes.find(node => node.id === 'fetch')?.replaced?.state ?? {}
    expect(Object.keys(replaced)).toEqual(keys)
    expect(Object.getPrototypeOf(replaced)).toBe(Object.prototype)
    expect(replaced.k1999).toBe(1999)
    expect(Object.getOwnPropertyDescriptor(replaced, '__proto__')?.value).toBe(2000)
    expect(second.state.kept).toBe(true)
    expect(second.state.k0).toBe('new k0')
    expect(restrictTo(second, ['fetch']).state).toEqual({ kept: true, ...earlier })
  })

  it("carries a first node's state as it is, not a copy, so its JSON text is made once", () => {
    const state = { rows: [1, 2, 3], name: 'x' }
    const text = stateJson(state)
    const first = save(undefined, 'fetch', state)
    expect(first.state).toBe(state)
    expect(stateJson(first.state)).toBe(text)
  })
})
