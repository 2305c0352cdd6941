// The layout's import rules: data flows one way, from an entry through the domain to the
// transport, and no import runs back up a layer.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { ROOT } from '../../__fixtures__/e2e.js'

const SRC = join(ROOT, 'src')

/** What each folder of src/ may import from, besides itself and node: modules. */
const ALLOWED: Record<string, string[]> = {
  checkpoint: [],
  packing: ['checkpoint'],
  transport: ['checkpoint', 'packing'],
  offline: ['checkpoint', 'packing', 'transport'],
  cli: ['checkpoint', 'packing', 'transport', 'offline'],
  action: ['checkpoint', 'packing', 'transport'],
  resume: ['checkpoint', 'packing', 'transport', 'action'],
  restore: ['checkpoint', 'packing', 'transport', 'action', 'resume'],
  save: ['checkpoint', 'packing', 'transport', 'action', 'resume'],
  run: ['checkpoint', 'packing', 'transport', 'action', 'resume'],
  'restore-post': ['restore'],
  'run-post': ['run'],
  '.': ['checkpoint', 'packing', 'offline', 'transport']
}

/** Every .ts file below `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : []
  )
}

/** The top folder of src/ a file is in ('.' for src/index.ts). */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep)
  return parts.length === 1 ? '.' : (parts[0] ?? '.')
}

/** The import specifiers of a file, static and dynamic. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [
    ...staticImportsOf(file),
    ...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map(match => match[1] ?? '')
  ]
}

/** The modules a file imports as it loads (`import ... from`, `export ... from`, `import '...'`). */
function staticImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^;']*?\bfrom\s*'([^']+)'/gm),
    ...text.matchAll(/^\s*import\s*'([^']+)'/gm)
  ].map(match => match[1] ?? '')
}

const files = sources(SRC)

/** package.json, read for its version (copied into the bundles at build time): data, no layer. */
const MANIFEST = join(ROOT, 'package.json')

describe('the layout', () => {
  it('has a rule for every folder of src/', () => {
    expect([...new Set(files.map(folderOf))].filter(folder => !(folder in ALLOWED))).toEqual([])
  })

  it('imports only down the layers', () => {
    const upward: string[] = []
    for (const file of files) {
      const from = folderOf(file)
      for (const spec of importsOf(file).filter(spec => spec.startsWith('.'))) {
        if (resolve(dirname(file), spec) === MANIFEST) continue
        const to = folderOf(resolve(dirname(file), spec))
        if (to !== from && !(ALLOWED[from] ?? []).includes(to)) {
          upward.push(`${relative(ROOT, file)} imports ${spec}`)
        }
      }
    }
    expect(upward).toEqual([])
  })

  it('keeps @actions/core out of src/: src/action/ writes the runner commands itself', () => {
    // @actions/core loads its HTTP client (undici) as it loads: about 90 ms of every step's
    // start. src/action/light-toolkit.ts writes the same commands, checked against @actions/core
    // in its tests; @actions/core comes only with @actions/glob and @actions/cache.
    const importers = files
      .filter(file => importsOf(file).includes('@actions/core'))
      .map(file => relative(ROOT, file))
    expect(importers).toEqual([])
  })

  it('loads @actions/glob and @actions/cache only where they are needed', () => {
    // Each brings @actions/core and its HTTP client: imported when a wildcard is globbed or the
    // cache is used, never as a step starts.
    const eager = files.filter(file =>
      staticImportsOf(file).some(spec => spec === '@actions/glob' || spec === '@actions/cache')
    )
    expect(eager.map(file => relative(ROOT, file))).toEqual([])
  })

  it('gives every module a name of its own, entries aside', () => {
    const names = files.map(file => file.split(sep).pop() ?? '')
    const repeated = names.filter(
      (name, index) =>
        !['index.ts', 'main.ts', 'post.ts'].includes(name) && names.indexOf(name) !== index
    )
    expect(repeated).toEqual([])
  })
})
