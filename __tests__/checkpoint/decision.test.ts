import { describe, expect, it } from '@jest/globals'
import { decideNode } from '../../src/checkpoint/decision.js'
import { ACTION_MAJOR, changedPart, computeFingerprint } from '../../src/checkpoint/fingerprint.js'
import { invalidate } from '../../src/checkpoint/invalidation.js'
import { nextCheckpoint } from '../../src/checkpoint/progress.js'

const run = { runId: '1', attempt: 1 }
const print = computeFingerprint({ key: 'k', command: 'make', shell: 'bash' })

describe('fingerprints', () => {
  it('hash each part and carry the action major version', () => {
    expect(print.version).toBe(ACTION_MAJOR)
    expect(print.key).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(computeFingerprint({ key: '' }).key).toBeUndefined()
  })

  it.each([
    [{ key: 'k2', command: 'make', shell: 'bash' }, 'key'],
    [{ key: 'k', command: 'make all', shell: 'bash' }, 'command'],
    [{ key: 'k', command: 'make', shell: 'sh' }, 'shell'],
    [{ key: 'k', command: 'make', shell: 'bash', salt: 's' }, 'salt']
  ])('name the part that changed: %j', (input, part) => {
    expect(changedPart(print, computeFingerprint(input))).toBe(part)
  })

  it('do not compare command and shell in a step that has none (save)', () => {
    expect(changedPart(print, computeFingerprint({ key: 'k' }))).toBeUndefined()
  })

  it('report the version when the action major changed', () => {
    expect(changedPart({ ...print, version: 'v0' }, print)).toBe('version')
  })
})

describe('decideNode', () => {
  const record = {
    id: 'build',
    sequence: 1,
    attempt: 1,
    runId: '1',
    savedAt: '',
    fingerprint: print
  }
  const restored = { nodes: [record], rerun: [], partials: [] }

  it('skips a done node whose fingerprint matches', () => {
    expect(decideNode(restored, 'build', print)).toMatchObject({ skip: true, reason: 'done' })
  })
  it('runs a stale node and names the part', () => {
    const changed = computeFingerprint({ key: 'k', command: 'make -j', shell: 'bash' })
    expect(decideNode(restored, 'build', changed)).toMatchObject({
      skip: false,
      reason: 'stale:command'
    })
  })
  it('runs a node asked to run again', () => {
    expect(decideNode({ ...restored, rerun: ['build'] }, 'build', print)).toMatchObject({
      skip: false,
      reason: 'rerun-requested'
    })
  })
  it('hands back a partial node', () => {
    const partial = { ...record, id: 'train', state: { step: 3 } }
    expect(decideNode({ ...restored, partials: [partial] }, 'train', print)).toMatchObject({
      reason: 'partial',
      partial
    })
  })
  it('runs a node never done', () => {
    expect(decideNode(undefined, 'x', print)).toEqual({ skip: false, reason: 'not-done' })
  })
})

describe('invalidate', () => {
  let document = nextCheckpoint(undefined, { scope: 's', node: 'a', run, state: {} })
  document = nextCheckpoint(document, { scope: 's', node: 'b', run, state: {} })
  document = nextCheckpoint(document, { scope: 's', node: 'c', run, state: {} })
  document = nextCheckpoint(document, { scope: 's', node: 'a', run, state: {} })

  it('keeps nodes in first-done order, so rerun-from takes the tail', () => {
    expect(document.nodes.map(node => node.id)).toEqual(['a', 'b', 'c'])
    const result = invalidate(document, { rerun: [], rerunFrom: 'b' })
    expect(result.rerun).toEqual(['b', 'c'])
    expect(result.document.nodes.map(node => node.id)).toEqual(['a'])
  })

  it('reports requested nodes it does not know', () => {
    expect(invalidate(document, { rerun: ['c', 'zz'], rerunFrom: 'yy' })).toMatchObject({
      rerun: ['c'],
      unknown: ['zz', 'yy']
    })
  })
})

describe('partial progress', () => {
  it('is recorded apart from done nodes and cleared when the node completes', () => {
    const base = nextCheckpoint(undefined, { scope: 's', node: 'a', run, state: { a: 1 } })
    const partial = nextCheckpoint(base, {
      scope: 's',
      node: 'train',
      run,
      state: { step: 3 },
      partial: true
    })
    expect(partial.nodes.map(node => node.id)).toEqual(['a'])
    expect(partial.state).toEqual({ a: 1 })
    expect(partial.partials).toEqual([expect.objectContaining({ id: 'train', state: { step: 3 } })])
    const done = nextCheckpoint(partial, { scope: 's', node: 'train', run, state: { step: 10 } })
    expect(done.partials).toBeUndefined()
    expect(done.nodes.map(node => node.id)).toEqual(['a', 'train'])
  })
})
