import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

// The few runner commands the cheap paths need (a skipped node, the summary, reading inputs),
// written as @actions/core writes them. Loading @actions/core also loads its HTTP client (about
// 1 MB of bundle, 0.1 s per step): steps that move no bytes use these instead.

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
  const file = process.env.GITHUB_OUTPUT ?? ''
  if (file === '') {
    issue('set-output', value, { name })
    return
  }
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: name or value contains the delimiter ${delimiter}`)
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8')
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
