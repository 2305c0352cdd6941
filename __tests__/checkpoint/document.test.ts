import { describe, expect, it } from '@jest/globals'
import {
  parseCheckpoint,
  parseDocumentJson,
  sealCheckpoint,
  serializeCheckpoint,
  SCHEMA_VERSION
} from '../../src/checkpoint/document.js'
import { CorruptCheckpointError, UnsupportedSchemaError } from '../../src/checkpoint/errors.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'
import { stateJson } from '../../src/checkpoint/state.js'

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
