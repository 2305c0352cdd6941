import type { CliIo } from '../../src/cli/args.js'
import { main } from '../../src/cli/main.js'

/** What a command line printed and its exit code. */
export interface Ran {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in this process, in `cwd`, with `env` as its only environment. */
export async function cli(
  argv: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<Ran> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}
