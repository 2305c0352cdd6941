import { access, constants } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import { InvalidInputError } from '../checkpoint/errors.js'

/** How to run a script: the command line with `{0}` for the script's path, and its extension. */
export interface Shell {
  /** As the user wrote it: part of the fingerprint. */
  name: string
  argv: string[]
  extension: string
}

const BUILT_IN: Record<string, { argv: string[]; extension: string }> = {
  bash: { argv: ['bash', '--noprofile', '--norc', '-eo', 'pipefail', '{0}'], extension: '.sh' },
  sh: { argv: ['sh', '-e', '{0}'], extension: '.sh' },
  python: { argv: ['python', '{0}'], extension: '.py' },
  pwsh: { argv: ['pwsh', '-command', ". '{0}'"], extension: '.ps1' }
}

const SHELL_RULE =
  'must be bash, sh, python, pwsh, or a command line containing {0}, e.g. "perl {0}"'

/**
 * Resolves the `shell` input as GitHub's `shell:` works: a built-in name, or a custom command
 * line whose `{0}` is replaced by the script's path.
 * @throws InvalidInputError for an unknown shell or one the runner does not have
 */
export async function resolveShell(value: string, path = process.env.PATH ?? ''): Promise<Shell> {
  const name = value.trim() === '' ? 'bash' : value.trim()
  const builtIn = BUILT_IN[name]
  if (builtIn) {
    const program = await findProgram(
      name === 'python' ? ['python', 'python3'] : [builtIn.argv[0] ?? name],
      path
    )
    if (!program)
      throw new InvalidInputError('shell', value, `'${name}' is not installed on this runner`)
    return { name, argv: [program, ...builtIn.argv.slice(1)], extension: builtIn.extension }
  }
  if (!name.includes('{0}')) throw new InvalidInputError('shell', value, SHELL_RULE)
  const argv = name.split(/\s+/)
  return { name, argv, extension: '' }
}

/** The command line for a script file. */
export function commandLine(shell: Shell, script: string): string[] {
  return shell.argv.map(part => part.replace('{0}', script))
}

async function findProgram(candidates: string[], path: string): Promise<string | undefined> {
  for (const candidate of candidates) {
    for (const dir of path.split(delimiter).filter(Boolean)) {
      const file = join(dir, candidate)
      try {
        await access(file, constants.X_OK)
        return file
      } catch {
        // not in this folder
      }
    }
  }
  return undefined
}
