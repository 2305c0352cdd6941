import { describe, expect, it } from '@jest/globals'
import { projectFiles } from '../../__fixtures__/project-files.js'

// Installed packages never belong in the repository: not as a folder, not as a symlink to another
// clone's install (a `node_modules/` rule in .gitignore does not match a symlink).
describe('the repository', () => {
  it('tracks nothing under node_modules', () => {
    const installed = projectFiles().filter(name => name.split('/').includes('node_modules'))
    expect(installed).toEqual([])
  })
})
