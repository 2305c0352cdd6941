import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { loadActionMetadata, parseActionMetadata } from '../../__fixtures__/action-metadata.js'
import { actionMetadataFiles } from '../../__fixtures__/project-files.js'
import { ROOT } from '../../__fixtures__/root.js'

const files = actionMetadataFiles()

it('finds every entry of the action', () => {
  expect(files).toEqual(expect.arrayContaining(['action.yml', 'save/action.yml', 'run/action.yml']))
})

it("refuses an expression in a description, as the runner's parser does", () => {
  const loaded = parseActionMetadata(
    'bad/action.yml',
    [
      'name: bad',
      'description: bad',
      'inputs:',
      '  key:',
      "    description: e.g. ${{ hashFiles('src/**') }}",
      'runs:',
      '  using: node24',
      '  main: index.js'
    ].join('\n')
  )
  expect(loaded.errors).toEqual([
    "bad/action.yml (Line: 5, Col: 18): Unrecognized function: 'hashFiles'"
  ])
})

describe.each(files)('%s', file => {
  const loaded = loadActionMetadata(file)

  it("loads with GitHub's action parser", () => {
    expect(loaded.errors).toEqual([])
  })

  it('runs on node24, with its entries bundled in dist/', () => {
    const runs = loaded.template.runs
    if (runs?.using !== 'node24')
      throw new Error(`${file}: runs.using is ${String(runs?.using)}, not node24`)
    const entries = [runs.main, runs.pre, runs.post].filter(entry => entry !== undefined)
    for (const entry of entries) {
      const path = join(ROOT, dirname(file), entry)
      expect(relative(ROOT, path).split(sep)[0]).toBe('dist')
      expect(existsSync(path)).toBe(true)
    }
  })
})
