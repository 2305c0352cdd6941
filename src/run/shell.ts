import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import { InvalidInputError } from '../checkpoint/errors.js'

/**
 * How to run a script, resolved as a runner resolves a step's `shell:` on its OS: the program
 * found on PATH, its arguments with `{0}` for the script's path, the script file's extension,
 * and what GitHub writes around the command in that file.
 */
export interface Shell {
  /** As the user wrote it: part of the fingerprint. */
  name: string
  /** The program, found on PATH (PATHEXT on Windows). */
  program: string
  /**
   * The arguments, `{0}` standing for the script. On Linux and macOS, one token each. On
   * Windows, one string given to the program as it is, as the runner passes it (cmd.exe reads
   * its command line itself, and a quoted `CALL "{0}"` must reach it untouched).
   */
  args: string[]
  /** True on Windows: the arguments go verbatim, the script gets CRLF line endings. */
  windows: boolean
  /** `.sh`, `.py`, `.ps1`, `.cmd`; none for a template of another program. */
  extension: string
  /** Lines GitHub puts before and after the command (cmd's `@echo off`, PowerShell's exit code). */
  before: string[]
  after: string[]
}

/** What the shell is resolved against; each defaults to this process. */
export interface ShellHost {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  /** Whether `file` is a program that can be started (executable, on Linux and macOS). */
  isProgram: (file: string) => Promise<boolean>
}

/** The runner's template for each built-in shell, and the OSes that have it. */
const BUILT_IN: Record<string, { args: string; windowsOnly?: true; notOnWindows?: true }> = {
  bash: { args: '--noprofile --norc -eo pipefail {0}' },
  sh: { args: '-e {0}', notOnWindows: true },
  python: { args: '{0}' },
  pwsh: { args: `-command ". '{0}'"` },
  powershell: { args: `-command ". '{0}'"`, windowsOnly: true },
  cmd: { args: '/D /E:ON /V:OFF /S /C "CALL "{0}""', windowsOnly: true }
}

/** The script's extension by the command's name, as the runner picks it (templates too). */
const EXTENSIONS: Record<string, string> = {
  bash: '.sh',
  sh: '.sh',
  python: '.py',
  pwsh: '.ps1',
  powershell: '.ps1',
  cmd: '.cmd'
}

const POWERSHELL_WRAP = {
  before: ["$ErrorActionPreference = 'stop'"],
  after: ['if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }']
}

const SHELL_RULE =
  'must be bash, sh, python, pwsh, cmd or powershell (Windows), or a command line containing {0}, e.g. "perl {0}"'

/**
 * Resolves the `shell` input as GitHub's `shell:` works: a built-in name, or a command line
 * whose first word is the program and whose `{0}` is replaced by the script's path. The
 * program must be on PATH; `cmd` and `powershell` exist on Windows only, `sh` everywhere else.
 * @throws InvalidInputError for an unknown shell or one this runner does not have
 */
export async function resolveShell(value: string, host: ShellHost = processHost()): Promise<Shell> {
  const name = value.trim() === '' ? 'bash' : value.trim()
  const spaceAt = name.search(/\s/)
  const command = spaceAt < 0 ? name : name.slice(0, spaceAt)
  const template = spaceAt < 0 ? '' : name.slice(spaceAt).trim()
  // The runner knows its shells by name whatever the case (`PowerShell`), as it picks extensions.
  const kind = command.toLowerCase()
  const builtIn = template === '' ? BUILT_IN[kind] : undefined
  if (!builtIn && !template.includes('{0}')) {
    throw new InvalidInputError('shell', value, SHELL_RULE)
  }
  const windows = host.platform === 'win32'
  const missing = builtIn && osProblem(builtIn, command, windows)
  if (missing) throw new InvalidInputError('shell', value, missing)
  const program = await findShellProgram(builtIn ? kind : command, host)
  if (!program) {
    throw new InvalidInputError(
      'shell',
      value,
      `'${command}' is not installed on this runner (not found on PATH)`
    )
  }
  const args = builtIn?.args ?? template
  return {
    name,
    program,
    args: windows ? [args] : splitArguments(args),
    windows,
    extension: EXTENSIONS[kind] ?? '',
    ...scriptWrap(kind)
  }
}

/** Why a built-in shell does not exist on this OS, if it does not. */
function osProblem(
  shell: { windowsOnly?: true; notOnWindows?: true },
  command: string,
  windows: boolean
): string | undefined {
  if (shell.windowsOnly && !windows) return `'${command}' exists on Windows runners only`
  if (shell.notOnWindows && windows) {
    return `'${command}' is not a shell on Windows runners: use bash (Git Bash)`
  }
  return undefined
}

function scriptWrap(kind: string): { before: string[]; after: string[] } {
  if (kind === 'cmd') return { before: ['@echo off'], after: [] }
  if (kind === 'pwsh' || kind === 'powershell') return POWERSHELL_WRAP
  return { before: [], after: [] }
}

/** This process as a {@link ShellHost}. */
export function processHost(): ShellHost {
  return { platform: process.platform, env: process.env, isProgram: isProgramFile }
}

/** How to start a script: the program, its arguments, and whether they go verbatim. */
export function commandLine(
  shell: Shell,
  script: string
): { program: string; args: string[]; verbatim: boolean } {
  // Every {0}, as the runner's string.Format does; a function, so `$&` in a path stays text.
  const args = shell.args.map(part => part.replaceAll('{0}', () => script))
  return { program: shell.program, args, verbatim: shell.windows }
}

/** The script file's text: the command between the lines GitHub adds, CRLF on Windows. */
export function scriptText(shell: Shell, run: string): string {
  const text = [...shell.before, run, ...shell.after].join('\n')
  return shell.windows ? text.replace(/\r?\n/g, '\r\n') : text
}

/**
 * Splits a template into arguments as the runner's process start does on Linux and macOS:
 * at white space, except inside double quotes, which are removed.
 */
export function splitArguments(text: string): string[] {
  const args: string[] = []
  let current: string | undefined
  let quoted = false
  for (const char of text) {
    if (char === '"') {
      quoted = !quoted
      current ??= ''
    } else if (!quoted && /\s/.test(char)) {
      if (current !== undefined) args.push(current)
      current = undefined
    } else {
      current = (current ?? '') + char
    }
  }
  if (current !== undefined) args.push(current)
  return args
}

/**
 * The program a shell name means on this OS: `python` falls back to `python3`; on Windows,
 * `cmd` is %ComSpec% and `bash` is Git Bash (never the WSL launcher in the Windows folder).
 */
async function findShellProgram(command: string, host: ShellHost): Promise<string | undefined> {
  const windows = host.platform === 'win32'
  if (windows && command === 'cmd') {
    const comSpec = envValue(host, 'ComSpec')
    if (comSpec && (await host.isProgram(comSpec))) return comSpec
  }
  if (windows && command === 'bash') return findGitBash(host)
  const candidates = command === 'python' ? ['python', 'python3'] : [command]
  for (const candidate of candidates) {
    const found = await findProgram(candidate, host)
    if (found) return found
  }
  return undefined
}

async function findGitBash(host: ShellHost): Promise<string | undefined> {
  const win = path.win32
  const systemRoot = (envValue(host, 'SystemRoot') ?? 'C:\\Windows').toLowerCase()
  const notWsl = (file: string): boolean => {
    const folder = win.dirname(file).toLowerCase()
    return !folder.startsWith(systemRoot) && !folder.endsWith('\\windowsapps')
  }
  const onPath = await findProgram('bash', host, notWsl)
  if (onPath) return onPath
  for (const root of ['ProgramFiles', 'ProgramW6432', 'ProgramFiles(x86)']) {
    const folder = envValue(host, root)
    if (!folder) continue
    const file = win.join(folder, 'Git', 'bin', 'bash.exe')
    if (await host.isProgram(file)) return file
  }
  return undefined
}

/**
 * Looks a program up as the runner does: in each PATH folder in order; on Windows with `;`
 * between folders and each PATHEXT extension tried (unless the name has one of them already).
 * A name with a folder in it is taken as it is.
 */
export async function findProgram(
  name: string,
  host: ShellHost,
  accept: (file: string) => boolean = () => true
): Promise<string | undefined> {
  const windows = host.platform === 'win32'
  const paths = windows ? path.win32 : path.posix
  const names = windows ? withExtensions(name, envValue(host, 'PATHEXT')) : [name]
  const hasFolder = windows ? /[\\/]/.test(name) : name.includes('/')
  const folders = hasFolder
    ? ['']
    : (envValue(host, 'PATH') ?? '').split(windows ? ';' : ':').filter(folder => folder !== '')
  for (const folder of folders) {
    for (const candidate of names) {
      const file = folder === '' ? candidate : paths.join(folder, candidate)
      if (accept(file) && (await host.isProgram(file))) return file
    }
  }
  return undefined
}

const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC'

function withExtensions(name: string, pathExt: string | undefined): string[] {
  const extensions = (pathExt || DEFAULT_PATHEXT).split(';').filter(ext => ext !== '')
  const lower = name.toLowerCase()
  if (extensions.some(ext => lower.endsWith(ext.toLowerCase()))) return [name]
  return extensions.map(ext => `${name}${ext.toLowerCase()}`)
}

/** An environment variable; on Windows, whatever the case of its name (`Path`, `PATH`). */
function envValue(host: ShellHost, name: string): string | undefined {
  if (host.platform !== 'win32') return host.env[name]
  const key = Object.keys(host.env).find(item => item.toUpperCase() === name.toUpperCase())
  return key === undefined ? undefined : host.env[key]
}

async function isProgramFile(file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false
    // Windows has no executable bit: X_OK there only checks that the file exists.
    await access(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}
