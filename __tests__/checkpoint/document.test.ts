import { describe, expect, it } from '@jest/globals'
import {
  digestOf,
  parseCheckpoint,
  type CheckpointDocument,
  parseDocumentJson,
  sealCheckpoint,
  serializeCheckpoint,
  SCHEMA_VERSION
} from '../../src/checkpoint/document.js'
import { CorruptCheckpointError, UnsupportedSchemaError } from '../../src/checkpoint/errors.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import { CheckpointCodec } from '../../src/checkpoint/codec.js'
import { FORBIDDEN_KEY_RULE, stateJson, type PipelineState } from '../../src/checkpoint/state.js'

const run = { runId: '42', attempt: 1 }
const first = nextCheckpoint(undefined, { scope: 'ci', node: 'fetch', run, state: { rows: 3 } })

describe('checkpoint documents', () => {
  it('round-trips through text with its digest verified', () => {
    const text = serializeCheckpoint(first)
    expect(parseCheckpoint(text, 'f.json')).toEqual(first)
    expect(text).toContain('\n  "state": {')
  })

  it('keeps the state text it read and verified, and reads a state laid out otherwise', () => {
    const text = serializeCheckpoint(first)
    const read = parseCheckpoint(text, 'f.json')
    expect(stateJson(read.state)).toBe('{"rows":3}')
    // Indented by another tool: the digest is checked over JSON.stringify of the state instead.
    const indented = text.replace('"state": {"rows":3}', '"state": {\n    "rows": 3\n  }')
    expect(indented).not.toBe(text)
    const again = parseCheckpoint(indented, 'f.json')
    expect(again).toEqual(first)
    expect(stateJson(again.state)).toBe('{"rows":3}')
  })

  it('reads a repeated "state" member as JSON.parse does (the last one), digest checked', () => {
    const text = serializeCheckpoint(first).replace('{\n', '{\n  "state": {"rows":9},\n')
    expect(parseDocumentJson(text, 'f.json').value).toEqual(JSON.parse(text))
    expect(parseCheckpoint(text, 'f.json').state).toEqual({ rows: 3 })
    const forged = serializeCheckpoint(first).replace('"state": {"rows":3}', '"state": {"rows":4}')
    expect(() => parseCheckpoint(forged, 'f.json')).toThrow(/digest does not match/)
  })

  it('refuses text that is only JSON when split, as JSON.parse refuses it whole', () => {
    expect(() => parseDocumentJson('{,\n  "state": {}\n}\n', 'f.json')).toThrow(/not valid JSON/)
    expect(() => parseDocumentJson('{"a":1,,\n  "state": {}\n}\n', 'f.json')).toThrow(
      /not valid JSON/
    )
  })

  it('refuses a document whose content was changed', () => {
    const tampered = serializeCheckpoint(first).replace('"rows":3', '"rows":4')
    expect(() => parseCheckpoint(tampered, 'f.json')).toThrow(CorruptCheckpointError)
    expect(() => parseCheckpoint(tampered, 'f.json')).toThrow(
      /f\.json is corrupt: its digest does not match/
    )
  })

  it('refuses a truncated document naming the file', () => {
    const text = serializeCheckpoint(first)
    expect(() => parseCheckpoint(text.slice(0, text.length / 2), 'cut.json')).toThrow(
      /Checkpoint cut\.json is corrupt: not valid JSON/
    )
  })

  it('refuses a newer schema with a clear message instead of crashing', () => {
    const newer = sealCheckpoint({ ...first, schema: SCHEMA_VERSION + 1 })
    expect(() => parseCheckpoint(serializeCheckpoint(newer), 'new.json')).toThrow(
      UnsupportedSchemaError
    )
    expect(() => parseCheckpoint(serializeCheckpoint(newer), 'new.json')).toThrow(
      /Upgrade the action/
    )
  })

  it('refuses file paths that would leave the workspace even when sealed', () => {
    for (const path of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'C:/x', 'a\\b']) {
      const hostile = sealCheckpoint({
        ...first,
        files: [{ path, size: 1, sha256: 'sha256:00', mode: 0o644, archive: 'z' }],
        archives: [{ name: 'z', runId: '42', size: 1, digest: 'sha256:00', packing: 'zip-stored' }]
      })
      expect(() => parseCheckpoint(serializeCheckpoint(hostile), 'h.json')).toThrow(/file path/)
    }
  })

  describe('refuses a forged document holding __proto__, constructor or prototype keys', () => {
    // As JSON.parse reads them: own data keys, which a consumer's Object.assign would not keep so.
    const forged = (state: string): string =>
      serializeCheckpoint(sealCheckpoint({ ...first, state: JSON.parse(state) as PipelineState }))
    /** Whether the digest covers the text's content: only the keys make it refused. */
    const digestMatches = (text: string): boolean => {
      const document = parseDocumentJson(text, 'f.json').value as CheckpointDocument
      return digestOf(document) === document.digest
    }

    it.each([
      ['{"__proto__": {"isAdmin": true}}', '__proto__', 'state.__proto__'],
      [
        '{"rows": 3, "config": {"constructor": {"prototype": {"x": 1}}}}',
        'constructor',
        'state.config.constructor'
      ],
      [
        '{"deep": [{"a": {"b": [0, {"prototype": null}]}}]}',
        'prototype',
        'state.deep[0].a.b[1].prototype'
      ]
    ])('with a correct digest: %s', (state, key, path) => {
      const text = forged(state)
      expect(digestMatches(text)).toBe(true)
      expect(() => parseCheckpoint(text, 'forged.json')).toThrow(CorruptCheckpointError)
      expect(() => parseCheckpoint(text, 'forged.json')).toThrow(
        `Checkpoint forged.json is corrupt: it holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`
      )
    })

    it('escaped in the text, in a partial state, and through the codec (signed, encrypted)', () => {
      // The digest still matches: JSON.stringify of the parsed state is what was digested.
      const escaped = forged('{"a": {"__proto__": 1}}').replace('"__proto__"', '"\\u005f_proto__"')
      expect(escaped).toContain('{"a":{"\\u005f_proto__":1}}')
      expect(digestMatches(escaped)).toBe(true)
      expect(() => parseCheckpoint(escaped, 'f.json')).toThrow(
        /the key '__proto__' at state\.a\.__proto__/
      )
      const node = first.nodes[0]
      if (!node) throw new Error('no node')
      const partialState = JSON.parse('{"constructor": 1}') as PipelineState
      const partial = sealCheckpoint({
        ...first,
        partials: [{ ...node, id: 'crawl', state: partialState }]
      })
      expect(() => parseCheckpoint(serializeCheckpoint(partial), 'p.json')).toThrow(
        /the key 'constructor' at partials\[0\]\.state\.constructor/
      )
      const codec = new CheckpointCodec({ signingKey: 'sign', encryptionKey: 'hide' })
      const sealed = sealCheckpoint({
        ...first,
        state: JSON.parse('{"x": {"prototype": 1}}') as PipelineState
      })
      expect(() => codec.decode(codec.encode(sealed), 'c.json')).toThrow(
        /the key 'prototype' at state\.x\.prototype/
      )
    })
  })

  it('refuses a checkpoint whose content is not what its name says', () => {
    expect(() =>
      parseCheckpoint(serializeCheckpoint(first), 'x', {
        scope: 'ci',
        attempt: 2,
        sequence: 1,
        node: 'fetch'
      })
    ).toThrow(/its content is checkpoint\.ci\.a1\.s001\.fetch\.json/)
  })
})

describe('nextCheckpoint', () => {
  it('accumulates state, nodes and files; later files replace earlier at a path', () => {
    const archive = (name: string) => ({
      name,
      runId: '42',
      size: 1,
      digest: 'sha256:1',
      packing: 'zip-stored' as const
    })
    const a = nextCheckpoint(undefined, {
      scope: 'ci',
      node: 'fetch',
      run,
      state: { a: 1, b: 1 },
      files: [{ path: 'x', size: 1, sha256: 'sha256:x', mode: 0o644, archive: 'A' }],
      archive: archive('A')
    })
    const b = nextCheckpoint(a, {
      scope: 'ci',
      node: 'build',
      run: { runId: '42', attempt: 2 },
      state: { b: 2 },
      files: [{ path: 'x', size: 2, sha256: 'sha256:y', mode: 0o755, archive: 'B' }],
      archive: archive('B')
    })
    expect(b.sequence).toBe(2)
    expect(b.attempt).toBe(2)
    expect(b.parent).toBe('checkpoint.ci.a1.s001.fetch.json')
    expect(b.state).toEqual({ a: 1, b: 2 })
    expect(b.nodes.map(node => node.id)).toEqual(['fetch', 'build'])
    expect(b.files).toEqual([{ path: 'x', size: 2, sha256: 'sha256:y', mode: 0o755, archive: 'B' }])
    expect(b.archives.map(item => item.name)).toEqual(['B'])
  })
})
