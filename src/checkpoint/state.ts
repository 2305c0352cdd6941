import { InvalidInputError } from './errors.js'

/** A JSON value, as state holds it. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** The pipeline's state: a JSON object. */
export type PipelineState = Record<string, JsonValue>

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/

const STATE_RULE = 'must be a JSON object, or key=value lines (one per line, keys like my_key)'

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is PipelineState {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Parses state as users write it in YAML: a JSON object, or `key=value` lines whose values are
 * strings. Blank lines are ignored; a repeated key is an error rather than a silent overwrite.
 * @param input the input's name, for the error message
 */
export function parseStateText(input: string, text: string): PipelineState {
  const trimmed = text.trim()
  if (trimmed === '') return {}
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonObject(input, trimmed)
  const state: PipelineState = {}
  for (const [index, rawLine] of trimmed.split(/\r?\n/).entries()) {
    const line = rawLine.trim()
    if (line === '') continue
    const equals = line.indexOf('=')
    const key = equals > 0 ? line.slice(0, equals).trim() : ''
    if (!KEY_PATTERN.test(key)) {
      throw new InvalidInputError(
        input,
        text,
        `line ${index + 1} ${JSON.stringify(line)}: ${STATE_RULE}`
      )
    }
    if (Object.hasOwn(state, key)) {
      throw new InvalidInputError(input, text, `line ${index + 1} repeats the key '${key}'`)
    }
    if (FORBIDDEN_KEYS.has(key)) {
      throw new InvalidInputError(
        input,
        text,
        `line ${index + 1} has the key '${key}': ${FORBIDDEN_KEY_RULE}`
      )
    }
    defineKey(state, key, line.slice(equals + 1).trim())
  }
  return state
}

/** How deep state may nest: a checkpoint adds two levels and is refused beyond 200. */
export const MAX_STATE_DEPTH = 198

function parseJsonObject(input: string, text: string): PipelineState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new InvalidInputError(input, text, `${STATE_RULE} (${(error as Error).message})`)
  }
  if (!isJsonObject(value)) throw new InvalidInputError(input, text, STATE_RULE)
  const problem = stateProblem(value)
  if (problem) throw new InvalidInputError(input, text, problem)
  return value
}

/**
 * Why a state may not be saved (a key of {@link FORBIDDEN_KEYS} at any depth, or nesting deeper
 * than {@link MAX_STATE_DEPTH}), or undefined: the one check of every state a save is given.
 */
export function stateProblem(state: PipelineState): string | undefined {
  const scan = scanJson(state, MAX_STATE_DEPTH)
  if (scan.forbidden) {
    return `holds the key '${scan.forbidden.key}' at ${scan.forbidden.path}: ${FORBIDDEN_KEY_RULE}`
  }
  if (scan.depth > MAX_STATE_DEPTH)
    return `nests deeper than ${MAX_STATE_DEPTH} levels, the most a state may`
  return undefined
}

/**
 * Keys refused in state at any depth: code that assigns or merges a restored state
 * (`Object.assign(target, state)`, `target[key] = value`) would change an object's prototype
 * through them. JSON.parse keeps them as plain data; the checkpoint's consumers may not.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype'
])

/** Why a forbidden key is refused, for error messages. */
export const FORBIDDEN_KEY_RULE =
  'keys named __proto__, constructor or prototype are refused at any depth (merged into an object, they change its prototype)'

/** What one walk over a JSON value finds. */
export interface JsonScan {
  /** The nesting depth, counted up to `stopAbove` + 1 (see {@link nestingDepth}). */
  depth: number
  /** The first of {@link FORBIDDEN_KEYS} met, and its path: `config.constructor`, `list[2].__proto__`. */
  forbidden?: { key: string; path: string } | undefined
}

interface Walk {
  stopAbove: number
  /** The keys and indexes from the root to the container being walked. */
  trail: (string | number)[]
  forbidden?: { key: string; path: string } | undefined
}

/**
 * Walks a JSON value once: its nesting depth and its first forbidden key. The save side checks
 * what users give as state with it, the restore side every document it reads.
 */
export function scanJson(value: unknown, stopAbove: number): JsonScan {
  if (typeof value !== 'object' || value === null) return { depth: 0 }
  const walk: Walk = { stopAbove, trail: [] }
  const depth = depthBelow(value, 1, walk)
  return { depth, forbidden: walk.forbidden }
}

/**
 * The nesting depth of a JSON value, counted up to `stopAbove` + 1: deeper values are not walked
 * further, so the recursion never goes more than `stopAbove` + 1 calls deep, however deep the
 * value. One pass without allocation: a 50 MB state takes tens of milliseconds.
 */
export function nestingDepth(value: unknown, stopAbove: number): number {
  return scanJson(value, stopAbove).depth
}

/** A path as the messages show it: `a.b[2].c`. */
function pathText(trail: (string | number)[], key: string): string {
  let text = ''
  for (const step of [...trail, key]) {
    text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`
  }
  return text
}

function depthBelow(node: object, depth: number, walk: Walk): number {
  if (depth > walk.stopAbove) return depth
  let deepest = depth
  if (Array.isArray(node)) {
    const items = node as unknown[]
    for (let index = 0; index < items.length; index++) {
      const child = items[index]
      if (typeof child !== 'object' || child === null) continue
      deepest = Math.max(deepest, depthOfChild(child, index, depth, walk))
      if (deepest > walk.stopAbove) return deepest
    }
    return deepest
  }
  // for-in walks the keys without building an array per object (half the time on large
  // states); inherited keys are passed over, as JSON.stringify passes them over.
  const record = node as Record<string, unknown>
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue
    if (walk.forbidden === undefined && FORBIDDEN_KEYS.has(key)) {
      walk.forbidden = { key, path: pathText(walk.trail, key) }
    }
    const child = record[key]
    if (typeof child !== 'object' || child === null) continue
    deepest = Math.max(deepest, depthOfChild(child, key, depth, walk))
    if (deepest > walk.stopAbove) return deepest
  }
  return deepest
}

/** The depth below an object or array child, its step on the trail while it is walked. */
function depthOfChild(child: object, step: string | number, depth: number, walk: Walk): number {
  walk.trail.push(step)
  const deepest = depthBelow(child, depth + 1, walk)
  walk.trail.pop()
  return deepest
}

const stateTexts = new WeakMap<PipelineState, string>()

/**
 * `JSON.stringify(state)`, computed once per state object: the digest, the document, the
 * outputs and the job context all use the same text. States are never changed once built
 * (every merge makes a new object), so the text stays true to the object.
 */
export function stateJson(state: PipelineState): string {
  let text = stateTexts.get(state)
  if (text === undefined) {
    text = JSON.stringify(state)
    stateTexts.set(state, text)
  }
  return text
}

/**
 * Records `text` as the JSON of `state`, when the caller knows that `JSON.stringify(state)`
 * gives exactly it (e.g. a digest over the text matched one computed over the stringified
 * state), so it is not serialized again.
 */
export function rememberStateJson(state: PipelineState, text: string): void {
  stateTexts.set(state, text)
}

/**
 * {@link mergeStates} of two states, or the one that is not empty as it is (no copy, and its
 * JSON text, when known, is kept).
 */
export function overlayStates(under: PipelineState, over: PipelineState): PipelineState {
  if (!hasKeys(under)) return hasKeys(over) ? over : {}
  if (!hasKeys(over)) return under
  return mergeStates(under, over)
}

function hasKeys(state: PipelineState): boolean {
  for (const key in state) if (Object.hasOwn(state, key)) return true
  return false
}

/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
export function mergeStates(...states: PipelineState[]): PipelineState {
  const merged: PipelineState = {}
  for (const state of states) {
    for (const key of Object.keys(state)) defineKey(merged, key, state[key] ?? null)
  }
  return merged
}

/**
 * A state of these keys and values, in their order, a later value of a key winning. Keys are
 * defined as in {@link mergeStates}, so a key named `__proto__` stays data.
 */
export function stateFromEntries(entries: Iterable<readonly [string, JsonValue]>): PipelineState {
  const state: PipelineState = {}
  for (const [key, value] of entries) defineKey(state, key, value)
  return state
}

function defineKey(target: PipelineState, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true
  })
}
