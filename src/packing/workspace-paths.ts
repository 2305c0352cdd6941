import { isAbsolute, relative, resolve, sep } from 'node:path'
import { InvalidInputError } from '../checkpoint/errors.js'

/** True when `path` is `root` or below it (both absolute and resolved). */
export function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path)
  return (
    fromRoot === '' ||
    (!fromRoot.startsWith(`..${sep}`) && fromRoot !== '..' && !isAbsolute(fromRoot))
  )
}

/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
export function resolveInside(workspace: string, path: string, input: string): string {
  const absolute = resolve(workspace, path)
  if (!isInside(workspace, absolute)) {
    throw new InvalidInputError(input, path, `must be inside the workspace ${workspace}`)
  }
  return absolute
}

/** The workspace-relative form of an absolute path inside it, with forward slashes. */
export function toRelative(workspace: string, absolute: string): string {
  return relative(workspace, absolute).split(sep).join('/')
}
