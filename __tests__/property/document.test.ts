import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { canonicalJson } from '../../src/checkpoint/canonical.js'
import { CheckpointCodec } from '../../src/checkpoint/codec.js'
import {
  CHECKPOINT_KIND,
  digestOf,
  parseCheckpoint,
  parseCheckpointValue,
  parseDocumentJson,
  refOf,
  serializeCheckpoint,
  type ArchiveRecord,
  type CheckpointBody,
  type CheckpointDocument,
  type FileRecord
} from '../../src/checkpoint/document.js'
import { CheckpointError, InvalidInputError } from '../../src/checkpoint/errors.js'
import { ID_PATTERN } from '../../src/checkpoint/ids.js'
import { filesArchiveName } from '../../src/checkpoint/naming.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import {
  FORBIDDEN_KEY_RULE,
  FORBIDDEN_KEYS,
  parseStateText,
  type JsonValue,
  type PipelineState
} from '../../src/checkpoint/state.js'
import { withoutForbiddenKeys } from '../../__fixtures__/json.js'

/**
 * Property tests of the checkpoint loader: whatever bytes come in, it refuses with a
 * CheckpointError (never a TypeError or RangeError), it reads back everything the product
 * writes, and what it accepts is what the types say.
 */

const RUNS = { numRuns: 300 }

const validId = fc.stringMatching(ID_PATTERN)
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/).map(hex => `sha256:${hex}`)
const segment = fc
  .stringMatching(/^[A-Za-z0-9_. -]{1,10}$/)
  .filter(name => name !== '.' && name !== '..')
const relativePath = fc.array(segment, { minLength: 1, maxLength: 4 }).map(parts => parts.join('/'))

/** State as a save writes it: any keys but the refused ones (see the last describe). */
const state: fc.Arbitrary<PipelineState> = fc
  .dictionary(
    fc.oneof(fc.constantFrom('toString', 'valueOf', 'hasOwnProperty', 'rows'), fc.string()),
    fc.jsonValue({ maxDepth: 4 }),
    { maxKeys: 6 }
  )
  .map(value => withoutForbiddenKeys(JSON.parse(JSON.stringify(value)) as PipelineState))

const fingerprint = fc.dictionary(
  fc.constantFrom('key', 'command', 'shell', 'salt', 'version'),
  fc.string(),
  { maxKeys: 5 }
)

/** A file as the save records it: a regular file (its archive set later) or a link inside. */
const file: fc.Arbitrary<FileRecord> = fc.oneof(
  fc.record({
    path: relativePath,
    size: fc.nat(),
    sha256: hex64,
    mode: fc.constantFrom(0o644, 0o755, 0o600)
  }),
  fc
    .tuple(relativePath, relativePath)
    .map(([path, target]) => ({ path, size: 0, sha256: '', mode: 0o777, link: target }))
)

const result = fc.record({
  node: validId,
  state,
  files: fc.uniqueArray(file, { selector: item => item.path, maxLength: 4 }),
  durationMs: fc.option(fc.nat(), { nil: undefined }),
  fingerprint: fc.option(fingerprint, { nil: undefined }),
  partial: fc.boolean(),
  packing: fc.constantFrom<ArchiveRecord['packing']>('zip-stored', 'zip-deflate')
})

/** A pipeline's latest checkpoint, built node by node with nextCheckpoint as the save does. */
const document: fc.Arbitrary<CheckpointDocument> = fc
  .tuple(validId, fc.integer({ min: 1, max: 50 }), fc.array(result, { minLength: 1, maxLength: 4 }))
  .map(([scope, attempt, results]) => {
    let latest: CheckpointDocument | undefined
    for (const [index, item] of results.entries()) {
      const ref = { scope, attempt, sequence: (latest?.sequence ?? 0) + 1, node: item.node }
      const archive = filesArchiveName(ref)
      const files = item.files.map(record =>
        record.link === undefined ? { ...record, archive } : record
      )
      const held = files.some(record => record.link === undefined)
      latest = nextCheckpoint(latest, {
        scope,
        node: item.node,
        run: { runId: '1001', attempt, repository: 'octo/pipeline', sha: 'f'.repeat(40) },
        state: item.state,
        files,
        ...(held
          ? {
              archive: {
                name: archive,
                runId: '1001',
                size: 100 + index,
                digest: `sha256:${'a'.repeat(64)}`,
                packing: item.packing
              }
            }
          : {}),
        ...(item.durationMs === undefined ? {} : { durationMs: item.durationMs }),
        ...(item.fingerprint === undefined ? {} : { fingerprint: item.fingerprint }),
        partial: item.partial,
        now: new Date(Date.UTC(2026, 10, 24, 3, 0, index))
      })
    }
    if (!latest) throw new Error('no node')
    return latest
  })

/** Runs `read` and fails unless it returned or threw a CheckpointError. */
function onlyCheckpointErrors<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch (error) {
    if (error instanceof CheckpointError) return undefined
    throw new Error(`threw ${describeThrown(error)} instead of a CheckpointError`, { cause: error })
  }
}

function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** The same document? Compared as the digest sees it (key order and -0 aside). */
function sameDocument(a: CheckpointDocument, b: CheckpointDocument): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

describe('parseCheckpoint reads back everything the product writes', () => {
  it('accepts every document nextCheckpoint produces, through the codec too', () => {
    const codec = new CheckpointCodec({ signingKey: 'sign', encryptionKey: 'hide' })
    fc.assert(
      fc.property(document, written => {
        const text = serializeCheckpoint(written)
        const read = parseCheckpoint(text, 'doc.json', refOf(written))
        expect(JSON.stringify(read)).toBe(JSON.stringify(JSON.parse(text)))
        expect(read.digest).toBe(written.digest)
        const { signature, ...decoded } = codec.decode(
          codec.encode(written),
          'doc.json',
          refOf(written)
        )
        expect(signature).toMatch(/^hmac-sha256:/)
        expect(sameDocument(decoded, written)).toBe(true)
      }),
      RUNS
    )
  })

  it('accepts the checkpoint of any state parseStateText accepts (or the input is refused)', () => {
    const depth = fc.integer({ min: 0, max: 20_000 })
    fc.assert(
      fc.property(depth, levels => {
        const text = `{"deep": ${'['.repeat(levels)}${']'.repeat(levels)}}`
        let parsed: PipelineState
        try {
          parsed = parseStateText('state', text)
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInputError)
          return
        }
        const written = onlyCheckpointErrors(() =>
          nextCheckpoint(undefined, {
            scope: 'ci',
            node: 'deep',
            run: { runId: '1', attempt: 1 },
            state: parsed
          })
        )
        if (!written) throw new Error('nextCheckpoint refused a state parseStateText accepted')
        const read = onlyCheckpointErrors(() =>
          parseCheckpoint(serializeCheckpoint(written), 'deep.json')
        )
        expect({ levels, readBack: read !== undefined }).toEqual({ levels, readBack: true })
      }),
      { numRuns: 200 }
    )
  })
})

/** Characters a one-character edit may bring in: JSON's own, white space, anything. */
const editChar = fc.oneof(
  fc.constantFrom(' ', '\n', '\t', '\r', '"', '{', '}', '[', ']', ',', ':', '0', '1', '9'),
  fc.constantFrom('-', '+', 'e', 'E', '.', 'a', 'f', 'n', 'u', 't', '\\', '/', '\u00a0', '\ufeff'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
)

const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('replace', 'insert', 'delete'),
  char: editChar
})

function applyEdit(text: string, change: { at: number; kind: string; char: string }): string {
  const at = change.at % (text.length + 1)
  if (change.kind === 'insert') return text.slice(0, at) + change.char + text.slice(at)
  const cut = Math.min(at, text.length - 1)
  const put = change.kind === 'replace' ? change.char : ''
  return text.slice(0, cut) + put + text.slice(cut + 1)
}

/** A JSON value with one place in it changed: replaced, deleted, or wrapped. */
interface Mutation {
  pick: number
  kind: 'replace' | 'delete' | 'wrap'
  value: JsonValue
  reseal: boolean
}

const hostileValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map(value => JSON.parse(JSON.stringify(value)) as JsonValue),
  fc.constantFrom<JsonValue>(
    -1,
    0,
    1.5,
    2 ** 53,
    1e308,
    '',
    '../x',
    '/abs',
    'C:/x',
    'a\\b',
    '__proto__',
    null,
    {},
    [],
    [null]
  )
)

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('replace', 'delete', 'wrap'),
  value: hostileValue,
  reseal: fc.boolean()
})

type Container = Record<string, unknown> | unknown[]

/** Every place in a JSON value: its container and key, the root excluded. */
function places(value: unknown): [Container, string | number][] {
  const found: [Container, string | number][] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        found.push([node, index])
        walk(item)
      })
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>
      for (const key of Object.keys(record)) {
        found.push([record, key])
        walk(record[key])
      }
    }
  }
  walk(value)
  return found
}

function mutate(written: CheckpointDocument, change: Mutation): Record<string, unknown> {
  const value = JSON.parse(JSON.stringify(written)) as Record<string, unknown>
  const all = places(value)
  const place = all[change.pick % all.length]
  if (!place) return value
  const [container, key] = place
  const replacement = JSON.parse(JSON.stringify(change.value)) as unknown
  if (Array.isArray(container)) {
    const index = key as number
    if (change.kind === 'delete') container.splice(index, 1)
    else container[index] = change.kind === 'wrap' ? [container[index]] : replacement
  } else {
    const name = key as string
    if (change.kind === 'delete') Reflect.deleteProperty(container, name)
    else {
      Object.defineProperty(container, name, {
        value: change.kind === 'wrap' ? [container[name]] : replacement,
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
  }
  if (change.reseal) value.digest = digestOf(value as unknown as CheckpointBody)
  return value
}

/**
 * What the types promise of an accepted document, field by field; and what the save writes
 * (modes are `stats.mode & 0o777`, packing one of three).
 */
function typeProblems(read: CheckpointDocument): string[] {
  const problems: string[] = []
  const value = read as unknown as Record<string, unknown>
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what)
  }
  const isString = (item: unknown): boolean => typeof item === 'string'
  const isOptionalString = (item: unknown): boolean => item === undefined || isString(item)
  const isCount = (item: unknown): boolean =>
    typeof item === 'number' && Number.isSafeInteger(item) && item >= 0
  const isObject = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
  check(value.kind === CHECKPOINT_KIND, 'kind')
  check(isString(value.createdAt), 'createdAt is not a string')
  check(isOptionalString(value.parent), 'parent is not a string')
  check(isOptionalString(value.signature), 'signature is not a string')
  const run = value.run
  if (isObject(run)) {
    check(isString(run.runId), 'run.runId is not a string')
    check(isCount(run.attempt), 'run.attempt is not a count')
    for (const name of ['repository', 'workflow', 'job', 'sha', 'ref']) {
      check(isOptionalString(run[name]), `run.${name} is not a string`)
    }
  } else problems.push('run is not an object')
  const records = [...read.nodes, ...(read.partials ?? [])] as unknown as Record<string, unknown>[]
  for (const node of records) {
    check(isString(node.runId), `node ${String(node.id)}: runId is not a string`)
    check(isString(node.savedAt), `node ${String(node.id)}: savedAt is not a string`)
    check(
      node.durationMs === undefined || isCount(node.durationMs),
      `node ${String(node.id)}: durationMs is not a count`
    )
    const print = node.fingerprint
    check(
      print === undefined || (isObject(print) && Object.values(print).every(isString)),
      `node ${String(node.id)}: fingerprint is not an object of strings`
    )
  }
  for (const item of read.files as unknown as Record<string, unknown>[]) {
    const mode = item.mode
    check(
      typeof mode === 'number' && Number.isInteger(mode) && mode >= 0 && mode <= 0o777,
      `file ${String(item.path)}: mode ${String(mode)} is not permission bits`
    )
  }
  for (const archive of read.archives as unknown as Record<string, unknown>[]) {
    check(isString(archive.runId), `archive ${String(archive.name)}: runId is not a string`)
    check(
      ['zip-stored', 'zip-deflate', 'zip-encrypted'].includes(archive.packing as string),
      `archive ${String(archive.name)}: packing ${JSON.stringify(archive.packing)} is unknown`
    )
  }
  return problems
}

describe('parseDocumentJson reads a document in two parts exactly as JSON.parse reads it whole', () => {
  it('for what the product writes, keeping the state text as JSON.stringify gives it', () => {
    fc.assert(
      fc.property(document, written => {
        const text = serializeCheckpoint(written)
        const parsed = parseDocumentJson(text, 'doc.json')
        expect(parsed.value).toEqual(JSON.parse(text))
        expect(parsed.stateText).toBe(JSON.stringify(written.state))
      }),
      RUNS
    )
  })

  it('for any one-character edit: the same value, or both refuse it', () => {
    fc.assert(
      fc.property(document, edit, (written, change) => {
        const text = applyEdit(serializeCheckpoint(written), change)
        let whole: unknown
        try {
          whole = JSON.parse(text)
        } catch {
          expect(() => parseDocumentJson(text, 'doc.json')).toThrow(CheckpointError)
          return
        }
        expect(parseDocumentJson(text, 'doc.json').value).toEqual(whole)
      }),
      RUNS
    )
  })
})

describe('parseCheckpoint refuses anything else with a CheckpointError', () => {
  it('on arbitrary text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.jsonValue().map(value => JSON.stringify({ kind: CHECKPOINT_KIND, schema: 1, x: value }))
    )
    fc.assert(
      fc.property(text, input => {
        onlyCheckpointErrors(() => parseCheckpoint(input, 'any.json'))
      }),
      { numRuns: 500 }
    )
  })

  it('on objects posing as checkpoints, their digest computed over whatever they hold', () => {
    const fields = fc.dictionary(
      fc.constantFrom(
        'scope',
        'node',
        'attempt',
        'sequence',
        'state',
        'run',
        'nodes',
        'partials',
        'files',
        'archives',
        'createdAt',
        'parent'
      ),
      fc.oneof(hostileValue, fc.array(fc.dictionary(fc.string(), hostileValue, { maxKeys: 8 })))
    )
    fc.assert(
      fc.property(fields, fc.boolean(), (body, seal) => {
        const value: Record<string, unknown> = { kind: CHECKPOINT_KIND, schema: 1, ...body }
        value.digest = seal ? digestOf(value as unknown as CheckpointBody) : 'sha256:0'
        onlyCheckpointErrors(() => parseCheckpointValue(value, 'posing.json'))
      }),
      { numRuns: 500 }
    )
  })

  it('on valid documents with one value replaced, deleted or wrapped, resealed or not', () => {
    fc.assert(
      fc.property(document, mutation, (written, change) => {
        const value = mutate(written, change)
        onlyCheckpointErrors(() => parseCheckpoint(JSON.stringify(value), 'mutated.json'))
      }),
      RUNS
    )
  })

  it('on any one-character edit of a valid document, unless the edit is white space between tokens', () => {
    fc.assert(
      fc.property(document, edit, (written, change) => {
        const text = applyEdit(serializeCheckpoint(written), change)
        const read = onlyCheckpointErrors(() =>
          parseCheckpoint(text, 'edited.json', refOf(written))
        )
        if (read) expect(sameDocument(read, written)).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})

describe('parseCheckpoint accepts a document only when it is what the types say', () => {
  it('after one value of a valid document is replaced and the digest recomputed', () => {
    fc.assert(
      fc.property(document, mutation, (written, change) => {
        const value = mutate(written, { ...change, reseal: true })
        const read = onlyCheckpointErrors(() => parseCheckpointValue(value, 'resealed.json'))
        if (read) expect(typeProblems(read)).toEqual([])
      }),
      RUNS
    )
  })
})

describe('parseCheckpoint refuses __proto__, constructor and prototype keys', () => {
  it('anywhere in a written state, digest resealed, naming the key and its path', () => {
    fc.assert(
      fc.property(document, fc.nat(), fc.constantFrom(...FORBIDDEN_KEYS), (written, pick, key) => {
        // Every object in the state, with its path; the key is added to one of them.
        const value = JSON.parse(JSON.stringify(written)) as CheckpointDocument
        const objects: [Record<string, unknown>, string][] = [[value.state, 'state']]
        for (const [container, at] of places(value.state)) {
          const child = (container as Record<string | number, unknown>)[at]
          if (child === null || typeof child !== 'object' || Array.isArray(child)) continue
          const parentPath = objects.find(([object]) => object === container)?.[1]
          if (parentPath === undefined) continue
          objects.push([child as Record<string, unknown>, pathOf(parentPath, at)])
        }
        const [target, path] = objects[pick % objects.length] ?? [value.state, 'state']
        Object.defineProperty(target, key, { value: 1, enumerable: true, configurable: true })
        value.digest = digestOf(value)
        const text = serializeCheckpoint(value)
        expect(() => parseCheckpoint(text, 'doc.json')).toThrow(
          `Checkpoint doc.json is corrupt: it holds the key '${key}' at ${path}.${key}: ${FORBIDDEN_KEY_RULE}`
        )
      }),
      RUNS
    )
  })
})

function pathOf(parent: string, at: string | number): string {
  return typeof at === 'number' ? `${parent}[${at}]` : `${parent}.${at}`
}
