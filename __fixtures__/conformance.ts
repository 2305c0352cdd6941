// Compares two clients' requests to the stand-in field by field (see __tests__/e2e/
// conformance.test.ts): each request is reduced to its shape (paths, query keys, header values
// and body fields normalised to their format), shapes are gathered per call, and every aspect in
// which the two clients differ is a difference, to be allowed with a reason or to fail.
import type { RecordedRequest } from '../local/index.js'

/** One aspect in which the official client's requests of a call differ from ours. */
export interface Difference {
  /** The call: a Twirp method, a blob operation, or `<service> <METHOD> <path>`. */
  call: string
  /** 'call' (made by one client only), 'path', 'status', 'query.<key>', 'header.<name>', 'body', 'body.<field>'. */
  aspect: string
  /** The normalised values the official client's requests show, ABSENT where one lacks it. */
  official: string[]
  ours: string[]
  officialExample?: RecordedRequest | undefined
  oursExample?: RecordedRequest | undefined
}

/** A difference the test accepts, and why. */
export interface AllowedDifference {
  /** The calls it may show in: each must still show it, or the entry is stale. */
  calls: readonly string[] | 'every call'
  aspects: readonly string[]
  /**
   * The values each side must show for the difference to be allowed, when they are stable: a
   * dependency bump that changes them fails the test instead of passing unseen.
   */
  official?: readonly string[]
  ours?: readonly string[]
  reason: string
}

/** Stands for an aspect a request does not have (a field or header it does not send). */
export const ABSENT = '(absent)'
/** Bytes per block of the official client (getUploadChunkSize) and of ours (BLOCK_BYTES). */
export const BLOCK_BYTES = 8 * 1024 * 1024

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
/** Body fields whose values, not only their formats, must agree. */
const LITERAL_FIELDS = new Set(['version', 'mime_type'])

/** Which call a request is: its Twirp method or blob operation, else service, method and path. */
export function callOf(request: RecordedRequest): string {
  return (
    request.rpc ??
    request.operation ??
    `${request.service} ${request.method} ${normalisedPath(request.path)}`
  )
}

/** A request reduced to what must agree between clients: aspect -> normalised value. */
export function shapeOf(request: RecordedRequest): Map<string, string> {
  const shape = new Map<string, string>()
  shape.set('path', normalisedPath(request.path))
  shape.set('status', String(request.status))
  for (const [key, value] of Object.entries(request.query)) {
    shape.set(`query.${key}`, key === 'blockid' ? blockIdFormat(value) : value)
  }
  for (const [name, value] of Object.entries(request.headers)) {
    shape.set(`header.${name}`, headerFormat(name, value))
  }
  if (request.json !== undefined) addJsonShape(shape, 'body', request.json, request)
  else if (request.service === 'blob') addBlobBodyShape(shape, request)
  return shape
}

/** UUIDs and numeric ids of a path (run, job, artifact) stand for their kind. */
function normalisedPath(path: string): string {
  return path
    .split('/')
    .map(part => (UUID.test(part) ? '<uuid>' : /^\d+$/.test(part) ? '<n>' : part))
    .join('/')
}

function headerFormat(name: string, value: string): string {
  switch (name) {
    case 'content-length':
      return /^\d+$/.test(value) ? '<length>' : value
    case 'x-ms-client-request-id':
      return UUID.test(value) ? '<uuid>' : value
    case 'x-ms-date':
    case 'date':
      return Number.isNaN(Date.parse(value)) ? value : '<HTTP date>'
    case 'range':
    case 'x-ms-range':
      return value.replace(/\d+/g, '<n>')
    case 'traceparent':
      return '<trace context>'
    default:
      return value
  }
}

function addJsonShape(
  shape: Map<string, string>,
  at: string,
  value: unknown,
  request: RecordedRequest
): void {
  if (Array.isArray(value)) {
    shape.set(at, 'array')
    for (const item of value) addJsonShape(shape, `${at}[]`, item, request)
  } else if (value !== null && typeof value === 'object') {
    if (at !== 'body') shape.set(at, 'object')
    for (const [key, field] of Object.entries(value)) {
      addJsonShape(shape, `${at}.${key}`, field, request)
    }
  } else {
    const field = at.slice(at.lastIndexOf('.') + 1)
    shape.set(at, scalarFormat(field, value, request))
  }
}

/** A JSON value's type and format: int64 as a string, a digest, a timestamp, whose id. */
export function scalarFormat(field: string, value: unknown, request: RecordedRequest): string {
  if (LITERAL_FIELDS.has(field)) return `${typeof value} ${JSON.stringify(value)}`
  if (typeof value !== 'string') return value === null ? 'null' : typeof value
  if (/^-?\d+$/.test(value)) return 'string int64'
  if (/^sha256:[0-9a-f]{64}$/.test(value)) return 'string "sha256:<64 hex>"'
  if (RFC3339.test(value)) return value.endsWith('Z') ? 'string RFC 3339 UTC' : 'string RFC 3339'
  if (UUID.test(value)) {
    if (value === request.caller?.runBackendId) return "string uuid: the caller's run"
    if (value === request.caller?.jobBackendId) return "string uuid: the caller's job"
    return "string uuid: not the caller's run or job"
  }
  return 'string'
}

function addBlobBodyShape(shape: Map<string, string>, request: RecordedRequest): void {
  const xml = request.text === undefined ? undefined : xmlShape(request.text)
  if (xml) {
    shape.set('body', xml.structure)
    shape.set('body.xml-declaration', xml.declaration)
    return
  }
  const size = request.bodySize ?? 0
  if (size === 0) shape.set('body', 'empty')
  else if (size === BLOCK_BYTES) shape.set('body', 'bytes: 8 MiB')
  else shape.set('body', size < BLOCK_BYTES ? 'bytes: under 8 MiB' : 'bytes: over 8 MiB')
}

/** An XML body's declaration and element structure (`<Root> of <Child>, <Other>`), if XML. */
function xmlShape(text: string): { declaration: string; structure: string } | undefined {
  const match = /^\s*(<\?xml[^?]*\?>)?\s*<([A-Za-z][\w.-]*)[^>]*>([\s\S]*)<\/\2>\s*$/.exec(text)
  if (!match) return undefined
  const [, declaration = ABSENT, root = '', inner = ''] = match
  const children = [...new Set([...inner.matchAll(/<([A-Za-z][\w.-]*)[^>]*>/g)].map(m => m[1]))]
  return { declaration, structure: `XML <${root}> of ${children.map(c => `<${c}>`).join(', ')}` }
}

/** A block id's format: base64 of how many bytes (Azure wants one length per blob, <= 64). */
export function blockIdFormat(id: string): string {
  const bytes = decodedBlockId(id)
  return bytes === undefined ? `not base64: ${id}` : `base64 of ${bytes.length} bytes`
}

function decodedBlockId(id: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(id) || id.length % 4 !== 0) return undefined
  const bytes = Buffer.from(id, 'base64')
  return bytes.toString('base64') === id ? bytes : undefined
}

/** Aspect -> every normalised value the requests of one call show (ABSENT where one lacks it). */
type CallShape = Map<string, Set<string>>

function shapesByCall(requests: RecordedRequest[]): Map<string, CallShape> {
  const byCall = new Map<string, Map<string, string>[]>()
  for (const request of requests) {
    const call = callOf(request)
    byCall.set(call, [...(byCall.get(call) ?? []), shapeOf(request)])
  }
  const result = new Map<string, CallShape>()
  for (const [call, shapes] of byCall) {
    const aspects = new Set(shapes.flatMap(shape => [...shape.keys()]))
    const merged: CallShape = new Map()
    for (const aspect of aspects) {
      merged.set(aspect, new Set(shapes.map(shape => shape.get(aspect) ?? ABSENT)))
    }
    result.set(call, merged)
  }
  return result
}

/**
 * Every aspect in which the two clients' requests differ, call by call: a call one client
 * makes and the other does not is one difference ('call'); otherwise each aspect whose set of
 * values differs is one.
 */
export function differences(official: RecordedRequest[], ours: RecordedRequest[]): Difference[] {
  const theirs = shapesByCall(official)
  const mine = shapesByCall(ours)
  const found: Difference[] = []
  for (const call of [...new Set([...theirs.keys(), ...mine.keys()])].sort()) {
    const a = theirs.get(call)
    const b = mine.get(call)
    if (!a || !b) {
      const made = (shape: CallShape | undefined): string[] => [shape ? 'made' : 'not made']
      found.push({ call, aspect: 'call', official: made(a), ours: made(b) })
      continue
    }
    for (const aspect of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const left = [...(a.get(aspect) ?? [ABSENT])].sort()
      const right = [...(b.get(aspect) ?? [ABSENT])].sort()
      if (left.join('\n') !== right.join('\n')) {
        found.push({ call, aspect, official: left, ours: right })
      }
    }
  }
  return found.map(difference => withExamples(difference, official, ours))
}

/** The first request of each side that shows a value the other side lacks (else its first). */
function withExamples(
  difference: Difference,
  official: RecordedRequest[],
  ours: RecordedRequest[]
): Difference {
  const example = (requests: RecordedRequest[], own: string[], other: string[]) => {
    const ofCall = requests.filter(request => callOf(request) === difference.call)
    const distinct = ofCall.find(request => {
      const value = shapeOf(request).get(difference.aspect) ?? ABSENT
      return own.includes(value) && !other.includes(value)
    })
    return distinct ?? ofCall[0]
  }
  return {
    ...difference,
    officialExample: example(official, difference.official, difference.ours),
    oursExample: example(ours, difference.ours, difference.official)
  }
}

/** Whether an allowance covers a difference: its call, its aspect and any values it pins. */
function covers(allowed: AllowedDifference, difference: Difference): boolean {
  const call = allowed.calls === 'every call' || allowed.calls.includes(difference.call)
  const same = (pinned: readonly string[] | undefined, seen: string[]): boolean =>
    pinned === undefined || [...pinned].sort().join('\n') === seen.join('\n')
  return (
    call &&
    allowed.aspects.includes(difference.aspect) &&
    same(allowed.official, difference.official) &&
    same(allowed.ours, difference.ours)
  )
}

/**
 * Judges the differences against the allowances: what fails is every difference no allowance
 * covers (shown with a request of each client) and every allowance that no longer applies to a
 * call it names (the clients changed: the table must say so).
 */
export function judge(found: Difference[], allowances: readonly AllowedDifference[]): string[] {
  const failures = found
    .filter(difference => !allowances.some(allowed => covers(allowed, difference)))
    .map(describeDifference)
  for (const allowed of allowances) {
    const calls = allowed.calls === 'every call' ? [undefined] : allowed.calls
    for (const call of calls) {
      const used = found.some(d => covers(allowed, d) && (call === undefined || d.call === call))
      if (!used) failures.push(staleAllowance(allowed, call))
    }
  }
  return failures
}

function staleAllowance(allowed: AllowedDifference, call: string | undefined): string {
  const pinned = [
    allowed.official ? `official ${allowed.official.join(' | ')}` : '',
    allowed.ours ? `ours ${allowed.ours.join(' | ')}` : ''
  ].filter(Boolean)
  return (
    `Allowed difference no longer seen${call ? ` in ${call}` : ''}: ${allowed.aspects.join(', ')}` +
    `${pinned.length > 0 ? ` (${pinned.join('; ')})` : ''}, allowed because ${allowed.reason}. ` +
    'The clients changed there: update or remove the entry.'
  )
}

/** A difference as a failure message: the aspect, both sides' values and a request of each. */
export function describeDifference(difference: Difference): string {
  const { call, aspect, official, ours } = difference
  return [
    `${call} ${aspect}: the official client sends ${official.join(' | ')}; ours sends ${ours.join(' | ')}`,
    `  official: ${describeRequest(difference.officialExample)}`,
    `  ours:     ${describeRequest(difference.oursExample)}`
  ].join('\n')
}

function describeRequest(request: RecordedRequest | undefined): string {
  if (!request) return '(no such request)'
  const query = new URLSearchParams(request.query).toString()
  const body =
    request.json !== undefined
      ? JSON.stringify(request.json)
      : (request.text ?? `${String(request.bodySize ?? 0)} bytes`)
  return [
    `#${String(request.seq)} ${request.method} ${request.path}${query ? `?${query}` : ''} -> ${String(request.status)}`,
    `            headers ${JSON.stringify(request.headers)}`,
    `            body ${body}`
  ].join('\n')
}

/**
 * What is wrong with a client's block uploads, blob by blob: block ids that are not base64 of at
 * most 64 bytes, ids of different lengths in one blob (Azure refuses them) or put twice, and a
 * block list that is not XML or does not name exactly the blocks put for its blob.
 */
export function blockProblems(requests: RecordedRequest[]): string[] {
  const problems: string[] = []
  const put = new Map<string, string[]>()
  for (const request of requests) {
    if (request.operation === 'PutBlock') {
      const id = request.query.blockid ?? ''
      const bytes = decodedBlockId(id)
      if (!bytes || bytes.length > 64) {
        problems.push(
          `#${String(request.seq)} Put Block id ${JSON.stringify(id)}: not base64 of at most 64 bytes`
        )
      }
      put.set(request.path, [...(put.get(request.path) ?? []), id])
    } else if (request.operation === 'PutBlockList') {
      problems.push(...blockListProblems(request, put.get(request.path) ?? []))
    }
  }
  for (const [path, ids] of put) {
    const lengths = new Set(ids.map(id => decodedBlockId(id)?.length))
    if (lengths.size > 1) problems.push(`${path}: block ids of different lengths: ${ids.join(' ')}`)
    if (new Set(ids).size !== ids.length)
      problems.push(`${path}: a block id put twice: ${ids.join(' ')}`)
  }
  return problems
}

function blockListProblems(request: RecordedRequest, put: string[]): string[] {
  const where = `#${String(request.seq)} Put Block List`
  const text = request.text
  if (text === undefined || !xmlShape(text)) return [`${where}: its body is not an XML block list`]
  const listed = [...text.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(m => m[2])
  const problems: string[] = []
  if (new Set(listed).size !== listed.length) problems.push(`${where}: names a block twice`)
  const unknown = listed.filter(id => id !== undefined && !put.includes(id))
  if (unknown.length > 0) problems.push(`${where}: names blocks never put: ${unknown.join(' ')}`)
  const left = put.filter(id => !listed.includes(id))
  if (left.length > 0) problems.push(`${where}: leaves out blocks it put: ${left.join(' ')}`)
  return problems
}
