// The comparer of the conformance test: what it counts as a difference, what an allowance
// covers, and what it finds wrong with block uploads.
import { describe, expect, test } from '@jest/globals'
import {
  ABSENT,
  BLOCK_BYTES,
  blockIdFormat,
  blockProblems,
  differences,
  judge,
  shapeOf,
  type AllowedDifference
} from '../../__fixtures__/conformance.js'
import type { RecordedRequest } from '../../local/index.js'

const RUN = '0f8345ec-603a-4639-bb59-a2503d6c6843'
const JOB = '4650b442-a5ed-42eb-bf00-9865198c9ff5'
const OTHER_JOB = '07e4850b-b575-47b5-8859-a5fd84420d6f'
const BLOB = `/devstoreaccount1/actions-results/${RUN}/${JOB}/6267968483`
const SAS = { sv: '<redacted>', sp: '<redacted>', sig: '<redacted>' }
const id = (text: string): string => Buffer.from(text).toString('base64')

let seq = 0

function twirp(rpc: string, json: Record<string, unknown>): RecordedRequest {
  return {
    seq: ++seq,
    service: 'artifact',
    method: 'POST',
    rpc,
    path: `/twirp/github.actions.results.api.v1.ArtifactService/${rpc}`,
    query: {},
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer <redacted>',
      'content-length': String(JSON.stringify(json).length)
    },
    caller: { runBackendId: RUN, jobBackendId: JOB },
    // As parsed from JSON: a field set to undefined is left out.
    json: JSON.parse(JSON.stringify(json)) as unknown,
    status: 200
  }
}

function finalize(fields: Record<string, unknown> = {}): RecordedRequest {
  return twirp('FinalizeArtifact', {
    workflow_run_backend_id: RUN,
    workflow_job_run_backend_id: JOB,
    name: 'files',
    size: '138',
    hash: `sha256:${'a'.repeat(64)}`,
    ...fields
  })
}

function blob(
  operation: string,
  query: Record<string, string>,
  body: { size?: number; text?: string } = {}
): RecordedRequest {
  return {
    seq: ++seq,
    service: 'blob',
    method: operation.startsWith('Get') ? 'GET' : 'PUT',
    operation,
    path: BLOB,
    query: { ...SAS, ...query },
    headers: { 'content-type': 'application/xml' },
    bodySize: body.size ?? body.text?.length ?? 0,
    ...(body.text === undefined ? {} : { text: body.text }),
    status: 201
  }
}

const putBlock = (blockId: string, size = BLOCK_BYTES): RecordedRequest =>
  blob('PutBlock', { comp: 'block', blockid: blockId }, { size })

const blockList = (ids: string[], declaration = '<?xml version="1.0" encoding="utf-8"?>') =>
  blob(
    'PutBlockList',
    { comp: 'blocklist' },
    {
      text: `${declaration}<BlockList>${ids.map(i => `<Latest>${i}</Latest>`).join('')}</BlockList>`
    }
  )

describe('shapes', () => {
  test('body fields become their JSON type and format; version and mime_type keep their values', () => {
    const create = twirp('CreateArtifact', {
      workflow_run_backend_id: RUN,
      workflow_job_run_backend_id: OTHER_JOB,
      name: 'checkpoint.json',
      version: 7,
      mime_type: 'application/json',
      expires_at: '2026-07-20T12:00:00.123Z',
      size: '12',
      hash: `sha256:${'0'.repeat(64)}`
    })
    const shape = shapeOf(create)
    expect(Object.fromEntries([...shape].filter(([aspect]) => aspect.startsWith('body')))).toEqual({
      'body.workflow_run_backend_id': "string uuid: the caller's run",
      'body.workflow_job_run_backend_id': "string uuid: not the caller's run or job",
      'body.name': 'string',
      'body.version': 'number 7',
      'body.mime_type': 'string "application/json"',
      'body.expires_at': 'string RFC 3339 UTC',
      'body.size': 'string int64',
      'body.hash': 'string "sha256:<64 hex>"'
    })
    expect(shape.get('header.content-length')).toBe('<length>')
    expect(shape.get('header.authorization')).toBe('Bearer <redacted>')
  })

  test('blob paths, block ids, sizes and block lists are reduced to their form', () => {
    const shape = shapeOf(putBlock(id('block-00000001'), 100))
    expect(shape.get('path')).toBe('/devstoreaccount1/actions-results/<uuid>/<uuid>/<n>')
    expect(shape.get('query.blockid')).toBe('base64 of 14 bytes')
    expect(shape.get('query.sig')).toBe('<redacted>')
    expect(shape.get('body')).toBe('bytes: under 8 MiB')
    expect(shapeOf(putBlock(id('x'))).get('body')).toBe('bytes: 8 MiB')
    const list = shapeOf(blockList([id('a')]))
    expect(list.get('body')).toBe('XML <BlockList> of <Latest>')
    expect(list.get('body.xml-declaration')).toBe('<?xml version="1.0" encoding="utf-8"?>')
    expect(blockIdFormat('not base64!')).toBe('not base64: not base64!')
  })
})

describe('differences', () => {
  test('identical requests differ in nothing, whatever their ids and sizes', () => {
    expect(differences([finalize(), finalize()], [finalize({ size: '99999' })])).toEqual([])
  })

  test('a field only one client sends is a difference, shown with a request of each', () => {
    const found = differences([finalize({ new_field: 'x' })], [finalize()])
    expect(found.map(d => [d.call, d.aspect, d.official, d.ours])).toEqual([
      ['FinalizeArtifact', 'body.new_field', ['string'], [ABSENT]]
    ])
    const [message] = judge(found, [])
    expect(message).toContain(
      'FinalizeArtifact body.new_field: the official client sends string; ours sends (absent)'
    )
    expect(message).toContain('"new_field":"x"')
    expect(message).toMatch(/ours: {5}#\d+ POST \/twirp\/.*FinalizeArtifact -> 200/)
  })

  test('a changed type or format is a difference', () => {
    const asNumber = differences([finalize()], [finalize({ size: 138 })])
    expect(asNumber.map(d => [d.aspect, d.official, d.ours])).toEqual([
      ['body.size', ['string int64'], ['number']]
    ])
    const camelCase = differences([finalize()], [finalize({ hash: undefined, Hash: 'x' })])
    expect(camelCase.map(d => d.aspect)).toEqual(['body.Hash', 'body.hash'])
    const otherJob = differences([finalize()], [finalize({ workflow_job_run_backend_id: RUN })])
    expect(otherJob.map(d => d.ours)).toEqual([["string uuid: the caller's run"]])
  })

  test('a field sent only sometimes differs from one sent always', () => {
    const found = differences([finalize(), finalize({ hash: undefined })], [finalize()])
    expect(found.map(d => [d.aspect, d.official, d.ours])).toEqual([
      ['body.hash', [ABSENT, 'string "sha256:<64 hex>"'], ['string "sha256:<64 hex>"']]
    ])
  })

  test('a header added, dropped or changed is a difference', () => {
    const withHeader = (name: string, value: string): RecordedRequest => {
      const request = finalize()
      request.headers[name] = value
      return request
    }
    const found = differences(
      [withHeader('x-ms-new', '1'), withHeader('content-type', 'application/json')],
      [withHeader('content-type', 'text/plain')]
    )
    expect(found.map(d => [d.aspect, d.official, d.ours])).toEqual([
      ['header.content-type', ['application/json'], ['text/plain']],
      ['header.x-ms-new', [ABSENT, '1'], [ABSENT]]
    ])
  })

  test('a call only one client makes is one difference', () => {
    const found = differences([finalize()], [finalize(), blob('PutBlob', {}, { size: 10 })])
    expect(found.map(d => [d.call, d.aspect, d.official, d.ours])).toEqual([
      ['PutBlob', 'call', ['not made'], ['made']]
    ])
  })

  test('a block list with another declaration or structure differs', () => {
    const found = differences(
      [blockList([id('a')], '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')],
      [
        blob(
          'PutBlockList',
          { comp: 'blocklist' },
          { text: '<BlockList><Block>x</Block></BlockList>' }
        )
      ]
    )
    expect(found.map(d => [d.aspect, d.official, d.ours])).toEqual([
      ['body', ['XML <BlockList> of <Latest>'], ['XML <BlockList> of <Block>']],
      [
        'body.xml-declaration',
        ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'],
        [ABSENT]
      ]
    ])
  })
})

describe('judge', () => {
  const found = differences([finalize({ new_field: 'x' })], [finalize()])
  const allowance = (fields: Partial<AllowedDifference>): AllowedDifference => ({
    calls: ['FinalizeArtifact'],
    aspects: ['body.new_field'],
    reason: 'a reason',
    ...fields
  })

  test('an allowed difference passes', () => {
    expect(judge(found, [allowance({})])).toEqual([])
    expect(judge(found, [allowance({ calls: 'every call' })])).toEqual([])
    expect(judge(found, [allowance({ official: ['string'], ours: [ABSENT] })])).toEqual([])
  })

  test('an allowance for another call, aspect or pinned value does not cover it', () => {
    for (const fields of [
      { calls: ['CreateArtifact'] },
      { aspects: ['body.other'] },
      { official: ['string int64'] },
      { ours: ['string'] }
    ]) {
      const failures = judge(found, [allowance(fields)])
      expect(failures).toHaveLength(2)
      expect(failures[0]).toContain('FinalizeArtifact body.new_field')
      expect(failures[1]).toMatch(/^Allowed difference no longer seen.*a reason/)
    }
  })

  test('an allowance no longer needed fails, naming the call where it is gone', () => {
    const failures = judge(found, [allowance({ calls: ['FinalizeArtifact', 'CreateArtifact'] })])
    expect(failures).toEqual([
      expect.stringMatching(
        /^Allowed difference no longer seen in CreateArtifact: body.new_field, allowed because a reason/
      )
    ])
  })
})

describe('blockProblems', () => {
  const a = id('block-00000000')
  const b = id('block-00000001')

  test('blocks with ids of one length, committed exactly, are fine', () => {
    expect(blockProblems([putBlock(b), putBlock(a, 10), blockList([a, b])])).toEqual([])
  })

  test('ids that are not base64, longer than 64 bytes, or of mixed lengths are refused', () => {
    const problems = blockProblems([putBlock('abc'), putBlock(id('x'.repeat(65))), putBlock(a)])
    expect(problems).toEqual([
      expect.stringContaining('Put Block id "abc": not base64 of at most 64 bytes'),
      expect.stringContaining('not base64 of at most 64 bytes'),
      expect.stringContaining('block ids of different lengths')
    ])
  })

  test('a block put twice, a list naming unknown blocks or leaving some out is refused', () => {
    const c = id('block-00000002')
    expect(blockProblems([putBlock(a), putBlock(a), blockList([a])])).toEqual([
      expect.stringContaining('a block id put twice')
    ])
    expect(blockProblems([putBlock(a), putBlock(b), blockList([a, c, c])])).toEqual([
      expect.stringContaining('names a block twice'),
      expect.stringContaining(`names blocks never put: ${c} ${c}`),
      expect.stringContaining(`leaves out blocks it put: ${b}`)
    ])
    expect(blockProblems([putBlock(a), blob('PutBlockList', {}, { size: 3 })])).toEqual([
      expect.stringContaining('its body is not an XML block list')
    ])
  })
})
