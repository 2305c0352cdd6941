// The committed report, plot and README summary are what the committed raw figures render:
// nobody edits a figure by hand, and a change to the rendering is committed with its output.
import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT as root } from '../../__fixtures__/e2e.js'

function check(cwd: string) {
  return spawnSync(process.execPath, ['bench/render.mjs', '--check'], { cwd, encoding: 'utf8' })
}

describe('the bench report, the plot and the README summary', () => {
  it('equal what bench/results.json renders', () => {
    const outcome = check(root)
    expect(outcome.stderr).toContain('match bench/results.json')
    expect(outcome.status).toBe(0)
  })

  it('are reported stale when the README summary was edited by hand', () => {
    const copy = mkdtempSync(join(tmpdir(), 'bench-check-'))
    try {
      for (const name of ['bench', 'README.md', '.prettierrc.json', 'package.json'])
        cpSync(join(root, name), join(copy, name), { recursive: true })
      symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
      const readme = join(copy, 'README.md')
      const edited = readFileSync(readme, 'utf8').replace(/targets met/, 'targets met, all of them')
      writeFileSync(readme, edited)
      const outcome = check(copy)
      expect(outcome.status).not.toBe(0)
      expect(outcome.stderr).toContain('README.md differ(s) from what bench/results.json renders')
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
