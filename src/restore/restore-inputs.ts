import { InvalidInputError } from '../checkpoint/errors.js'
import { caseCollision, ID_PATTERN, ID_RULE, validateId } from '../checkpoint/ids.js'
import {
  getBoolean,
  getList,
  getProtection,
  getScope,
  Input,
  type Protection
} from '../action/inputs.js'
import { getInput } from '../action/light-toolkit.js'
import { isGhes } from '../transport/config.js'
import { SOURCE_NAMES, type RunMatch, type SourceInputs, type SourceName } from '../resume/found.js'

/** Inputs of the restore entry (root action.yml). */
export interface RestoreInputs {
  scope: string
  githubToken: string
  failOnError: boolean
  /** Nodes to run again although done. */
  rerun: string[]
  /** A node to run again with every node done after it. */
  rerunFrom: string | undefined
  /** Ignore every checkpoint: the pipeline runs from the beginning. */
  reset: boolean
  protection: Protection
}

/** Reads and validates the restore entry's inputs. @throws InvalidInputError */
export function getRestoreInputs(): RestoreInputs {
  return {
    scope: getScope(),
    githubToken: getInput(Input.GithubToken),
    failOnError: getBoolean(Input.FailOnError, false),
    rerun: getList(Input.Rerun).map(id => validateId(Input.Rerun, id)),
    rerunFrom: optionalId(Input.RerunFrom),
    reset: getBoolean(Input.Reset, false),
    protection: getProtection()
  }
}

function optionalId(name: string): string | undefined {
  const value = getInput(name)
  return value === '' ? undefined : validateId(name, value)
}

/** The restore entry's inputs that say where else checkpoints may come from. */
export enum SourceInput {
  From = 'from',
  Match = 'match',
  MaxRuns = 'max-runs',
  Keys = 'keys'
}

/** Reads and validates `from`, `match`, `max-runs` and `keys`. @throws InvalidInputError */
export function getSourceInputs(env: NodeJS.ProcessEnv = process.env): SourceInputs {
  return {
    from: getFrom(env),
    match: getMatch(),
    maxRuns: getMaxRuns(),
    keys: getKeys()
  }
}

function getFrom(env: NodeJS.ProcessEnv): SourceName[] {
  const given = getList(SourceInput.From)
  if (given.length === 0) return isGhes(env) ? ['attempts', 'cache'] : ['attempts']
  const from: SourceName[] = []
  for (const item of given) {
    const source = SOURCE_NAMES.find(name => name === item)
    if (!source) {
      throw new InvalidInputError(
        SourceInput.From,
        getInput(SourceInput.From),
        `'${item}' is not a source: list attempts, runs or cache, separated by commas or new lines`
      )
    }
    if (!from.includes(source)) from.push(source)
  }
  return from
}

function getMatch(): RunMatch {
  const value = getInput(SourceInput.Match)
  if (value === '' || value === 'ref') return 'ref'
  if (value === 'sha') return 'sha'
  throw new InvalidInputError(
    SourceInput.Match,
    value,
    'must be ref (runs of this branch, then of the default branch) or sha (runs of this commit)'
  )
}

function getMaxRuns(): number {
  const value = getInput(SourceInput.MaxRuns)
  if (value === '') return 10
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(number) || number < 1) {
    throw new InvalidInputError(SourceInput.MaxRuns, value, 'must be a positive whole number')
  }
  return number
}

const KEYS_RULE =
  'each line must be node=key, e.g. build=<the same key as the save step of build>, with a node ' +
  ID_RULE.replace(/^must be/, 'of')

function getKeys(): Map<string, string> {
  const text = getInput(SourceInput.Keys)
  const keys = new Map<string, string>()
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '') continue
    const equals = line.indexOf('=')
    const node = equals > 0 ? line.slice(0, equals).trim() : ''
    if (!ID_PATTERN.test(node)) {
      throw new InvalidInputError(SourceInput.Keys, text, `line ${index + 1}: ${KEYS_RULE}`)
    }
    const clash = keys.has(node) ? node : caseCollision(node, keys.keys())
    if (clash !== undefined) {
      throw new InvalidInputError(
        SourceInput.Keys,
        text,
        `line ${index + 1} names node '${node}' again (node ids are unique ignoring case)`
      )
    }
    keys.set(node, line.slice(equals + 1).trim())
  }
  return keys
}
