import type { CliIo } from '../../src/cli/args.js'
import { main } from '../../src/cli/main.js'

/** What one command line printed, and its exit code. */
export interface Ran {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs one command line through the CLI's `main` in this process, as `checkpoint-action` would
 * in `cwd` with only `env` set, its output captured.
 */
export async function runCliInProcess(
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
