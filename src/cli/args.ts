import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ID_PATTERN, ID_RULE } from '../checkpoint/ids.js'
import { UsageError } from '../offline/offline-errors.js'
import type { TerminalOutput } from './progress-bar.js'

/** What a command reads and writes: the process's streams and environment, or a test's. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: TerminalOutput
  env: Record<string, string | undefined>
  cwd: string
}

/** An option of a command, as parseArgs takes it plus what `--help` shows. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** What a string option's value is called in `--help`, e.g. `DIR`. */
  value?: string
  description: string
}

/** A positional argument. */
export interface ArgumentSpec {
  name: string
  description: string
  optional: boolean
}

/** A command: its help, its options and what it does. */
export interface CommandSpec {
  name: string
  summary: string
  description: string
  arguments: ArgumentSpec[]
  options: Record<string, OptionSpec>
  run(args: CommandArgs, io: CliIo): Promise<void>
}

/** Shown at the end of every `--help`. */
export const EXIT_CODES_HELP =
  'Exit codes: 0 ok, 1 not found, 2 usage or bad input, 3 integrity or safety failure\n' +
  '(digest mismatch, truncated archive, zip-slip, absolute path, escaping link, bomb,\n' +
  'untrusted checkpoint), 4 any other failure (network, GitHub API, disk).'

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' }

/** A parsed command line, with typed accessors that fail as usage errors. */
export class CommandArgs {
  constructor(
    readonly command: string,
    readonly positionals: string[],
    private readonly values: Record<string, string | boolean | undefined>
  ) {}

  /** A string option's value, if given. */
  string(name: string): string | undefined {
    const value = this.values[name]
    return typeof value === 'string' ? value : undefined
  }

  /** A boolean option. */
  flag(name: string): boolean {
    return this.values[name] === true
  }

  /** A string option that must be given. */
  required(name: string): string {
    const value = this.string(name)
    if (value === undefined || value === '') {
      throw new UsageError(
        `${this.command} needs --${name} (see checkpoint-action ${this.command} --help)`
      )
    }
    return value
  }

  /** A positive whole number option, if given. */
  count(name: string): number | undefined {
    const value = this.string(name)
    return value === undefined ? undefined : positiveCount(name, value)
  }

  /** A positive whole number option that must be given. */
  requiredCount(name: string): number {
    return positiveCount(name, this.required(name))
  }

  /** `--scope`, checked against the id rule. */
  scope(): string | undefined {
    const scope = this.string('scope')
    if (scope !== undefined && !ID_PATTERN.test(scope)) {
      throw new UsageError(`--scope ${JSON.stringify(scope)} ${ID_RULE}`)
    }
    return scope
  }

  /** A path argument or option, resolved against the working folder. */
  path(value: string, io: CliIo): string {
    return resolve(io.cwd, value)
  }
}

function positiveCount(name: string, value: string): number {
  if (!/^[1-9]\d{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} ${JSON.stringify(value)} must be a positive whole number`)
  }
  return Number(value)
}

/**
 * Parses a command's arguments with node:util parseArgs, strictly: an unknown option, a
 * missing value or a surplus argument is a usage error naming the command's help.
 * @returns the arguments, or 'help' when `--help` was asked for
 */
export function parseCommandLine(spec: CommandSpec, argv: string[]): CommandArgs | 'help' {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...toParseArgs(spec.options), help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see checkpoint-action ${spec.name} --help)`)
  }
  if (parsed.values.help === true) return 'help'
  const required = spec.arguments.filter(argument => !argument.optional).length
  if (parsed.positionals.length > spec.arguments.length || parsed.positionals.length < required) {
    const expected = spec.arguments.map(argument => argument.name).join(' ')
    throw new UsageError(
      `${spec.name} takes ${expected || 'no arguments'}, got ${parsed.positionals.length} (see checkpoint-action ${spec.name} --help)`
    )
  }
  return new CommandArgs(spec.name, parsed.positionals, parsed.values)
}

function toParseArgs(
  options: Record<string, OptionSpec>
): Record<string, { type: 'string' | 'boolean'; short?: string }> {
  const result: Record<string, { type: 'string' | 'boolean'; short?: string }> = {}
  for (const [name, option] of Object.entries(options)) {
    result[name] = { type: option.type, ...(option.short ? { short: option.short } : {}) }
  }
  return result
}

/** The `--help` text of a command. */
export function commandHelp(spec: CommandSpec): string {
  const usage = spec.arguments.map(argument => argument.name).join(' ')
  const options = { ...spec.options, help: HELP_OPTION }
  const optionRows = Object.entries(options).map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : ''
    const value = option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''
    return [`${short}--${name}${value}`, option.description]
  })
  const argumentRows = spec.arguments.map(argument => [argument.name, argument.description])
  return [
    `Usage: checkpoint-action ${spec.name}${usage ? ` ${usage}` : ''} [options]`,
    '',
    spec.description,
    ...(argumentRows.length > 0 ? ['', 'Arguments:', columns(argumentRows)] : []),
    '',
    'Options:',
    columns(optionRows),
    '',
    EXIT_CODES_HELP,
    ''
  ].join('\n')
}

/** Two columns, the first padded, indented by two. */
export function columns(rows: string[][]): string {
  const width = Math.max(...rows.map(([first = '']) => first.length))
  return rows.map(([first = '', second = '']) => `  ${first.padEnd(width)}  ${second}`).join('\n')
}
