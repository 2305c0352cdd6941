import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { ConfigurationError } from '../action/failure.js'
import { isJsonObject, stateProblem, type PipelineState } from '../checkpoint/state.js'
import { commandLine, type Shell } from './shell.js'

/** How a wrapped command ended. */
export interface CommandResult {
  code: number | null
  /** The signal the step received and passed on (a cancelled job), if any. */
  cancelledBy: NodeJS.Signals | undefined
}

/** Variables a step must not hand to the user's command: this action's inputs and tokens. */
const PRIVATE_ENV =
  /^(INPUT_|STATE_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$)/

/** A script to run, and where. */
export interface CommandOptions {
  shell: Shell
  script: string
  cwd: string
  /** Added to the step's environment, whose private variables are left out. */
  env: Record<string, string>
}

/**
 * Runs a script with its output streamed live. SIGINT and SIGTERM (the cancel button, a
 * timeout) are passed on to the command, so it can stop cleanly and the post step can save
 * its progress.
 */
export async function runCommand(options: CommandOptions): Promise<CommandResult> {
  let child: ChildProcess | undefined
  let cancelledBy: NodeJS.Signals | undefined
  const forward = (signal: NodeJS.Signals): void => {
    cancelledBy = signal
    if (child) signalCommand(child, signal)
  }
  // Listening before the command starts: a signal that came between its start and the
  // listener would end this step at once and leave the command running in its own group,
  // holding the step's output open. One that comes while it starts is handled once it exists
  // (listeners run on the event loop, after this synchronous start).
  process.on('SIGINT', forward).on('SIGTERM', forward)
  try {
    child = spawnScript(options)
    const code = await exitCodeOf(child)
    return { code, cancelledBy }
  } finally {
    process.off('SIGINT', forward).off('SIGTERM', forward)
  }
}

function spawnScript(options: CommandOptions): ChildProcess {
  const { program, args, verbatim } = commandLine(options.shell, options.script)
  return spawn(program, args, {
    cwd: options.cwd,
    env: { ...publicEnv(process.env), ...options.env },
    stdio: 'inherit',
    // Its own process group, so a cancel reaches the whole command (a `sleep` under bash too).
    // On Windows `detached` would open a console of its own instead: the signal goes to the
    // shell alone there.
    detached: !options.shell.windows,
    // As the runner starts it: the program's path quoted, then the arguments as they are.
    windowsVerbatimArguments: verbatim,
    ...(verbatim ? { argv0: `"${program}"` } : {})
  })
}

/** Passes a signal on to the command's process group, or to the shell alone without one. */
function signalCommand(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

/** The command's exit code; one killed by a signal exits as a shell reports it, 128 + n. */
async function exitCodeOf(child: ChildProcess): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (exitCode, signal) => {
      resolve(exitCode ?? (signal ? 128 + signalNumber(signal) : null))
    })
  })
}

function publicEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !PRIVATE_ENV.test(name)) kept[name] = value
  }
  return kept
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 1
}

/**
 * Reads what the command wrote to `$CHECKPOINT_STATE_FILE`: nothing, or a JSON object.
 * @throws ConfigurationError showing the first bytes when it is anything else
 */
export async function readCommandState(file: string, node: string): Promise<PipelineState> {
  const text = await readFile(file, 'utf8').catch(() => '')
  if (text.trim() === '') return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = undefined
  }
  const problem = isJsonObject(value) ? stateProblem(value) : undefined
  if (problem) {
    throw new ConfigurationError(
      `The command of node '${node}' left a state in $CHECKPOINT_STATE_FILE that ${problem}: no checkpoint was written.`
    )
  }
  if (!isJsonObject(value)) {
    const head = JSON.stringify(text.slice(0, 80)) + (text.length > 80 ? '...' : '')
    throw new ConfigurationError(
      `The command of node '${node}' left $CHECKPOINT_STATE_FILE holding ${head}, not a JSON object: no checkpoint was written.`
    )
  }
  return value
}
