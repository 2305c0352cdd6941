// A stand-in of the Actions runner for one job: runs an action's bundled entry as a child
// process with the inputs, environment and file commands a runner gives it, and its post step
// at the end of the job with the state the main step saved.
import { spawn } from 'node:child_process'
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { parse } from 'yaml'
import { bundleNode } from './node24.js'

/**
 * Reads a file written with the runner's file commands (`name=value` or `name<<DELIM` blocks).
 * @param {string} file
 * @returns {Record<string, string>}
 */
export function readFileCommands(file) {
  const values = {}
  const lines = readFileSync(file, 'utf8').split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const body = []
      while (++index < lines.length && lines[index] !== delimiter) body.push(lines[index])
      values[name] = body.join('\n')
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return values
}

/**
 * Workflow commands an entry printed on stdout (`::warning::text` and the like).
 * @param {string} stdout
 */
export function readAnnotations(stdout) {
  const found = []
  for (const line of stdout.split('\n')) {
    const match = /^::(warning|error|notice)(?: [^:]*)?::(.*)$/.exec(line)
    if (match)
      found.push({ level: match[1], message: match[2].replace(/%0A/g, '\n').replace(/%25/g, '%') })
  }
  return found
}

/** One job on the stand-in runner: steps run in order, post steps in reverse at the end. */
export class JobRunner {
  /**
   * @param {{ env: Record<string,string>, workspace: string, runnerTemp: string, root: string,
   *   node?: string, token?: string }} options `node` runs the entries: by default Node 24, as
   *   `runs.using: node24` makes a runner do (./node24.js; it throws when there is none)
   */
  constructor(options) {
    this.options = options
    /** The binary every step of this job runs on. */
    this.node = options.node ?? bundleNode()
    this.exportedEnv = {}
    this.posts = []
    this.summaryFile = join(options.runnerTemp, '_runner_file_commands', 'step_summary')
    mkdirSync(join(options.runnerTemp, '_runner_file_commands'), { recursive: true })
    mkdirSync(options.workspace, { recursive: true })
    writeFileSync(this.summaryFile, '')
  }

  /**
   * Runs the main step of the action in `actionDir` (relative to the project root) with `inputs`,
   * the action.yml defaults filled in as a runner does.
   * @param {string} actionDir
   * @param {Record<string, string>} [inputs]
   */
  async uses(actionDir, inputs = {}) {
    return this.start(actionDir, inputs).result
  }

  /**
   * Starts the main step without waiting for it, as a runner does before it cancels a step:
   * the handle can wait for a line of output and send the step a signal.
   * @param {string} actionDir
   * @param {Record<string, string>} [inputs]
   */
  start(actionDir, inputs = {}) {
    const dir = resolve(this.options.root, actionDir)
    const action = parse(readFileSync(join(dir, 'action.yml'), 'utf8'))
    const withDefaults = { ...this.defaults(action), ...inputs }
    const step = this.startEntry(join(dir, action.runs.main), withDefaults, {})
    const result = step.result.then(outcome => {
      if (action.runs.post) {
        this.posts.unshift({
          entry: join(dir, action.runs.post),
          inputs: withDefaults,
          state: outcome.state
        })
      }
      return outcome
    })
    return { ...step, result }
  }

  /** Runs the post steps, last registered first; returns their results. */
  async complete() {
    const results = []
    for (const post of this.posts) {
      const stateEnv = Object.fromEntries(
        Object.entries(post.state).map(([k, v]) => [`STATE_${k}`, v])
      )
      results.push(await this.startEntry(post.entry, post.inputs, stateEnv).result)
    }
    this.posts = []
    return results
  }

  /** The job summary written so far. */
  summary() {
    return readFileSync(this.summaryFile, 'utf8')
  }

  defaults(action) {
    const values = {}
    for (const [name, spec] of Object.entries(action.inputs ?? {})) {
      const value = spec.default === undefined ? '' : String(spec.default)
      values[name] = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, this.options.token ?? '')
    }
    return values
  }

  /**
   * Runs a `run:` step's script as a runner does with `shell: bash` (`bash --noprofile --norc
   * -eo pipefail {0}`): in the workspace, with the job's environment, what earlier steps
   * exported and the step's own `env`.
   * @param {string} script
   * @param {Record<string, string>} [env]
   */
  async run(script, env = {}) {
    const file = join(this.options.runnerTemp, `${randomUUID()}.sh`)
    writeFileSync(file, script)
    const args = ['--noprofile', '--norc', '-eo', 'pipefail', file]
    return this.startStep('bash', args, env).result
  }

  startEntry(entry, inputs, extraEnv) {
    const inputEnv = Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [
        `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
        value
      ])
    )
    return this.startStep(this.node, [entry], {
      ...inputEnv,
      ...extraEnv
    })
  }

  startStep(command, args, stepEnv) {
    const files = this.stepFiles()
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: this.options.runnerTemp,
      GITHUB_WORKSPACE: this.options.workspace,
      ...this.options.env,
      ...this.exportedEnv,
      ...stepEnv,
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary
    }
    const process_ = spawnStep(command, args, env, this.options.workspace)
    const result = process_.done.then(({ code, signal, stdout, stderr }) => {
      Object.assign(this.exportedEnv, readFileCommands(files.env))
      appendFileSync(this.summaryFile, readFileSync(files.summary, 'utf8'))
      return {
        code,
        signal,
        stdout,
        stderr,
        outputs: readFileCommands(files.output),
        state: readFileCommands(files.state),
        annotations: readAnnotations(stdout)
      }
    })
    return {
      pid: process_.child.pid,
      kill: signal => process_.child.kill(signal),
      waitForOutput: process_.waitForOutput,
      result
    }
  }

  stepFiles() {
    const dir = join(this.options.runnerTemp, '_runner_file_commands', randomUUID())
    mkdirSync(dir, { recursive: true })
    const files = {}
    for (const name of ['output', 'state', 'env', 'path', 'summary']) {
      files[name] = join(dir, name)
      writeFileSync(files[name], '')
    }
    return files
  }
}

function spawnStep(command, args, env, cwd) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  const waiters = []
  child.stdout.on('data', chunk => {
    stdout += chunk
    for (const waiter of waiters.filter(item => stdout.includes(item.text))) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  })
  child.stderr.on('data', chunk => (stderr += chunk))
  const done = new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      for (const waiter of waiters.splice(0))
        waiter.reject(new Error(`step ended before printing ${waiter.text}`))
      resolvePromise({ code, signal, stdout, stderr })
    })
  })
  /** Resolves once the step has printed `text` on stdout. */
  const waitForOutput = text =>
    stdout.includes(text)
      ? Promise.resolve()
      : new Promise((resolvePromise, reject) =>
          waiters.push({ text, resolve: resolvePromise, reject })
        )
  return { child, done, waitForOutput }
}
