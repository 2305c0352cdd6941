import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import * as library from '../../src/index.js'
import { ROOT } from '../../__fixtures__/e2e.js'

/** Every module src/index.ts reaches through relative imports, and what they import. */
function importGraph(entry: string): { modules: string[]; packages: string[] } {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\b[^;']*?\bfrom\s*'([^']+)'/gm),
      ...text.matchAll(/^\s*import\s*'([^']+)'/gm),
      ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)
    ]
    for (const [, spec = ''] of specifiers) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
      else packages.add(spec)
    }
  }
  visit(entry)
  return { modules: [...seen], packages: [...packages].sort() }
}

describe('the library', () => {
  it('imports nothing from the Actions toolkit, only node: modules and yauzl', () => {
    const { modules, packages } = importGraph(join(ROOT, 'src/index.ts'))
    expect(modules.length).toBeGreaterThan(10)
    expect(packages.filter(name => !name.startsWith('node:'))).toEqual(['yauzl'])
  })

  it('exports the model, the manager over a folder and the download reader', () => {
    for (const name of [
      'parseCheckpoint',
      'serializeCheckpoint',
      'checkpointName',
      'parseArtifactName',
      'CorruptCheckpointError',
      'CheckpointManager',
      'LocalDirectoryStore',
      'readCheckpointSource',
      'verifySource',
      'restoreCheckpoint',
      'diffCheckpoints'
    ]) {
      expect(typeof (library as Record<string, unknown>)[name]).toBe('function')
    }
  })
})
