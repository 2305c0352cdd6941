import { describe, expect, it } from '@jest/globals'
import type { NodeRecord } from '../../src/checkpoint/document.js'
import { computeFingerprint } from '../../src/checkpoint/fingerprint.js'
import {
  cacheKey,
  guardedCacheKey,
  judgeNode,
  judgePartial,
  reasonInWords,
  type ReuseRequest
} from '../../src/checkpoint/reuse.js'

function record(id: string, fingerprint: NodeRecord['fingerprint'], added = true): NodeRecord {
  return {
    id,
    sequence: 1,
    attempt: 1,
    runId: '5',
    savedAt: '2026-11-24T00:00:00.000Z',
    ...(fingerprint ? { fingerprint } : {}),
    ...(added ? { added: { state: [] } } : {})
  }
}

const guarded = record('build', computeFingerprint({ key: 'k1', salt: 's' }))
const keyless = record('fetch', undefined)
const runNode = record('train', computeFingerprint({ key: 'k1', command: 'make', shell: 'bash' }))
const keylessRun = record('lint', computeFingerprint({ command: 'make lint', shell: 'bash' }))

const ref = (keys: Record<string, string> = {}): ReuseRequest => ({
  keys: new Map(Object.entries(keys)),
  sameCommit: false
})
const sha = (keys: Record<string, string> = {}): ReuseRequest => ({
  keys: new Map(Object.entries(keys)),
  sameCommit: true
})

describe('the rule for a node from another run', () => {
  it('takes a node guarded by hand when the restore is given its current key and it matches', () => {
    expect(judgeNode(guarded, ref({ build: 'k1' }))).toEqual({ take: 'now', reason: 'done' })
    expect(judgeNode(guarded, ref({ build: 'k2' }))).toEqual({ take: 'no', reason: 'stale:key' })
    expect(judgeNode(keyless, ref({ fetch: 'k1' }))).toEqual({ take: 'no', reason: 'stale:key' })
  })

  it('refuses a node whose key restore cannot compare, unless the run is of the same commit', () => {
    expect(judgeNode(guarded, ref())).toEqual({ take: 'no', reason: 'no-key' })
    expect(judgeNode(keyless, ref())).toEqual({ take: 'no', reason: 'no-key' })
    expect(judgeNode(keyless, ref({ fetch: '' }))).toEqual({ take: 'no', reason: 'no-key' })
    expect(judgeNode(keyless, sha())).toEqual({ take: 'now', reason: 'done' })
    expect(judgeNode(guarded, sha())).toEqual({ take: 'now', reason: 'done' })
    // Given a key, the same commit does not override a mismatch.
    expect(judgeNode(guarded, sha({ build: 'k2' }))).toEqual({ take: 'no', reason: 'stale:key' })
  })

  it('refuses a node saved by another major version', () => {
    const old = record('build', { ...computeFingerprint({ key: 'k1' }), version: 'v0' })
    expect(judgeNode(old, ref({ build: 'k1' }))).toEqual({ take: 'no', reason: 'stale:version' })
    expect(judgeNode(old, sha())).toEqual({ take: 'no', reason: 'stale:version' })
  })

  it('leaves a keyed run node to its run step, which knows its whole fingerprint', () => {
    expect(judgeNode(runNode, ref())).toEqual({ take: 'by-run-step', reason: 'offered' })
    expect(judgeNode(runNode, ref({ train: 'k1' }))).toEqual({
      take: 'by-run-step',
      reason: 'offered'
    })
    expect(judgeNode(runNode, ref({ train: 'k0' }))).toEqual({ take: 'no', reason: 'stale:key' })
    expect(judgeNode(keylessRun, ref())).toEqual({ take: 'no', reason: 'no-key' })
    expect(judgeNode(keylessRun, sha())).toEqual({ take: 'by-run-step', reason: 'offered' })
  })

  it('takes nothing from a checkpoint that does not record what the node added', () => {
    expect(judgeNode(record('build', guarded.fingerprint, false), sha())).toEqual({
      take: 'no',
      reason: 'unrecorded'
    })
  })

  it('leaves progress of a stopped run node to its run step, under the same rule', () => {
    const partial = { ...runNode, state: { next: 3 } }
    expect(judgePartial(partial, ref())).toEqual({ take: 'by-run-step', reason: 'offered' })
    const keyless = { ...keylessRun, state: {} }
    expect(judgePartial(keyless, ref())).toEqual({ take: 'no', reason: 'no-key' })
    expect(judgePartial(keyless, sha())).toEqual({ take: 'by-run-step', reason: 'offered' })
    const older = { ...record('crawl', computeFingerprint({ key: 'k' })), state: {} }
    expect(judgePartial(older, sha())).toEqual({ take: 'no', reason: 'unrecorded' })
  })

  it('says each reason in plain words', () => {
    expect(reasonInWords('stale:key')).toBe('its key changed since it was saved')
    expect(reasonInWords('no-key')).toContain('match: sha')
    expect(reasonInWords('something-new')).toBe('something-new')
  })
})

describe('cache keys', () => {
  it('are built from scope, node and what the node depends on; none without a key', () => {
    const key = cacheKey('ci', 'build', guarded.fingerprint)
    expect(key).toMatch(/^checkpoint\.ci\.build\.[0-9a-f]{64}$/)
    // A save's salt is not part of it: the restore step computes the same key from `keys`.
    expect(guardedCacheKey('ci', 'build', 'k1')).toBe(key)
    expect(guardedCacheKey('ci', 'build', 'k2')).not.toBe(key)
    expect(guardedCacheKey('ci', 'test', 'k1')).not.toBe(key)
    expect(guardedCacheKey('other', 'build', 'k1')).not.toBe(key)
    expect(guardedCacheKey('ci', 'build', '')).toBeUndefined()
    expect(cacheKey('ci', 'fetch', undefined)).toBeUndefined()
    expect(cacheKey('ci', 'lint', keylessRun.fingerprint)).toBeUndefined()
  })

  it('cover the whole fingerprint of a run node', () => {
    const key = cacheKey('ci', 'train', runNode.fingerprint)
    const other = computeFingerprint({ key: 'k1', command: 'make all', shell: 'bash' })
    expect(cacheKey('ci', 'train', other)).not.toBe(key)
    expect(cacheKey('ci', 'train', { ...runNode.fingerprint })).toBe(key)
  })
})
