import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { actionMetadataFiles } from '../../__fixtures__/project-files.js'
import { ROOT } from '../../__fixtures__/root.js'

// A sub-action's README is what the Marketplace and a reader of `save/` or `run/` see first: its
// tables must say what its action.yml declares, or a renamed or added input goes undocumented.

interface ActionYaml {
  inputs?: Record<string, { required?: boolean; default?: string }>
  outputs?: Record<string, unknown>
}

/** The rows of the first table under `## <heading>`: each row's cells, backticks kept. */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  if (start < 0) throw new Error(`no '## ${heading}' section`)
  const rows: string[][] = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break
    if (!line.startsWith('|')) {
      if (rows.length > 0) break
      continue
    }
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map(cell => cell.trim())
    )
  }
  return rows.slice(2) // the header and the separator
}

const nameOf = (cell: string) => cell.replace(/^`|`$/g, '')

const subActions = actionMetadataFiles().filter(file => dirname(file) !== '.')

it('finds the sub-actions', () => {
  expect(subActions).toEqual(expect.arrayContaining(['save/action.yml', 'run/action.yml']))
})

describe.each(subActions)('%s', file => {
  const readme = join(ROOT, dirname(file), 'README.md')
  const action = parse(readFileSync(join(ROOT, file), 'utf8')) as ActionYaml
  const markdown = () => readFileSync(readme, 'utf8')

  it('has a README beside it', () => {
    expect(existsSync(readme)).toBe(true)
  })

  it('lists every input, in the order action.yml declares them', () => {
    const listed = tableUnder(markdown(), 'Inputs').map(row => nameOf(row[0] ?? ''))
    expect(listed).toEqual(Object.keys(action.inputs ?? {}))
  })

  it('gives each input the default action.yml declares, or says it is required', () => {
    const rows = new Map(tableUnder(markdown(), 'Inputs').map(row => [nameOf(row[0] ?? ''), row]))
    for (const [name, input] of Object.entries(action.inputs ?? {})) {
      const shown = rows.get(name)?.[1]
      if (input.required === true) expect({ name, shown }).toEqual({ name, shown: 'required' })
      else if (input.default !== undefined && input.default !== '')
        expect({ name, shown }).toEqual({ name, shown: `\`${input.default}\`` })
    }
  })

  it('lists every output', () => {
    const listed = tableUnder(markdown(), 'Outputs').map(row => nameOf(row[0] ?? ''))
    expect(listed).toEqual(Object.keys(action.outputs ?? {}))
  })
})
