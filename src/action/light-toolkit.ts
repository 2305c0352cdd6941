import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

// The steps' one way to speak to the runner: the commands they use (inputs, outputs, state, log
// lines, groups, failure), written byte for byte as @actions/core writes them (its tests check
// both against each other).
// Loading @actions/core also loads its HTTP client, undici, for OIDC tokens no step asks for:
// 1 MB of bundle, about 90 ms of every step's start on Node 24.

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed unless asked not to be. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
  return options.trimWhitespace === false ? value : value.trim()
}

/** A value the main step saved for its post step. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? ''
}

/** Sets a step output through the runner's output file. */
export function setOutput(name: string, value: string): void {
  if (!keyValueCommand('OUTPUT', name, value)) {
    process.stdout.write(EOL)
    issue('set-output', value, { name })
  }
}

/** Keeps a value for the step's post step, through the runner's state file. */
export function saveState(name: string, value: string): void {
  if (!keyValueCommand('STATE', name, value)) issue('save-state', value, { name })
}

/**
 * Appends `name` and `value` to the runner's file for `command` (GITHUB_OUTPUT, GITHUB_STATE)
 * between fresh delimiters; false when the runner gave no such file. (A file the runner named
 * but did not make is made, where @actions/core throws.)
 */
function keyValueCommand(command: 'OUTPUT' | 'STATE', name: string, value: string): boolean {
  const file = process.env[`GITHUB_${command}`] ?? ''
  if (file === '') return false
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
  return true
}

/** Masks a value in the log. */
export function setSecret(value: string): void {
  issue('add-mask', value)
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`)
}

export function notice(message: string): void {
  issue('notice', message)
}

export function warning(message: string): void {
  issue('warning', message)
}

export function debug(message: string): void {
  issue('debug', message)
}

/** Fails the step: an error annotation, and exit code 1 once the step ends. */
export function setFailed(message: string): void {
  process.exitCode = 1
  issue('error', message)
}

/** Folds the log lines that follow, up to {@link endGroup}, under `title`. */
export function startGroup(title: string): void {
  issue('group', title)
}

export function endGroup(): void {
  issue('endgroup', '')
}

/** Appends Markdown to the job summary, when the runner gives a summary file. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY ?? ''
  if (file === '') throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY')
  appendFileSync(file, markdown, 'utf8')
}

function issue(command: string, message: string, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
