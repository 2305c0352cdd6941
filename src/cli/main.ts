import { describe } from '../checkpoint/errors.js'
import {
  columns,
  commandHelp,
  EXIT_CODES_HELP,
  parseCommandLine,
  type CliIo,
  type CommandSpec
} from './args.js'
import { diffCommand } from './commands/diff-command.js'
import { listCommand } from './commands/list-command.js'
import { pullCommand } from './commands/pull-command.js'
import { restoreCommand } from './commands/restore-command.js'
import { showCommand } from './commands/show-command.js'
import { exportCommand, importCommand } from './commands/export-import-command.js'
import { verifyCommand } from './commands/verify-command.js'
import { ExitCode, exitCodeOf } from './exit-codes.js'
import { UsageError } from '../offline/offline-errors.js'
import { ACTION_VERSION } from '../transport/http.js'

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  listCommand,
  showCommand,
  diffCommand,
  verifyCommand,
  restoreCommand,
  exportCommand,
  importCommand,
  pullCommand
]

/**
 * Runs one command line. The one place a failure becomes a message on stderr and an exit code
 * (see {@link exitCodeOf}); nothing below it prints errors or exits.
 * @returns the exit code
 */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  try {
    await dispatch(argv, io)
    return ExitCode.Ok
  } catch (error) {
    io.stderr.write(`checkpoint-action: ${describe(error)}\n`)
    return exitCodeOf(error)
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<void> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview())
    if (name === undefined) throw new UsageError('a command is needed')
    return
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${ACTION_VERSION}\n`)
    return
  }
  const command = COMMANDS.find(item => item.name === name)
  if (!command) {
    throw new UsageError(`unknown command ${JSON.stringify(name)} (see checkpoint-action --help)`)
  }
  const args = parseCommandLine(command, rest)
  if (args === 'help') io.stdout.write(commandHelp(command))
  else await command.run(args, io)
}

function overview(): string {
  return [
    'Usage: checkpoint-action <command> [arguments] [options]',
    '       checkpoint-action --version',
    '',
    'Inspect, verify and restore checkpoints downloaded from a workflow run page.',
    '',
    'Commands:',
    columns(COMMANDS.map(command => [command.name, command.summary])),
    '',
    'SOURCE is what a run page downloads: a checkpoint document',
    '(checkpoint.<scope>.a<attempt>.s<seq>.<node>.json), a files archive (<...>.files.zip),',
    'a zip holding them, a folder of those (and its subfolders), a files archive unzipped into',
    'a folder named after it, or an export. Default: the current folder.',
    '',
    'Checkpoints saved with the signing-key or encryption-key input need the same key in',
    'CHECKPOINT_SIGNING_KEY or CHECKPOINT_ENCRYPTION_KEY; without it they list as untrusted.',
    '',
    'Run checkpoint-action <command> --help for its arguments and options.',
    '',
    EXIT_CODES_HELP,
    ''
  ].join('\n')
}

/** The process's streams and environment. */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that went away (`| head`) is not a failure of the command.
    if (error.code !== 'EPIPE') throw error
  })
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
}
