import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { ROOT } from './root.js'

/**
 * The project's files, relative to ROOT with `/` separators: those git tracks plus new ones it
 * does not ignore, so a file is checked from the moment it is written, not once committed.
 */
export function projectFiles(): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    { cwd: ROOT, encoding: 'utf8' }
  )
  const names = listed.split('\0').filter(name => name !== '' && existsSync(join(ROOT, name)))
  return [...new Set(names)].sort()
}

/** Every action metadata file of the project (`action.yml` or `action.yaml`, at any depth). */
export function actionMetadataFiles(): string[] {
  return projectFiles().filter(name => ['action.yml', 'action.yaml'].includes(basename(name)))
}
