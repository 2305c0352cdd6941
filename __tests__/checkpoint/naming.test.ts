import { describe, expect, it } from '@jest/globals'
import {
  checkpointName,
  compareRefs,
  compareText,
  filesArchiveName,
  packName,
  parseAnyArtifactName,
  parseArtifactName,
  parsePackName,
  parseCheckpointName
} from '../../src/checkpoint/naming.js'

describe('checkpoint names', () => {
  const ref = { scope: 'my-job', attempt: 3, sequence: 12, node: 'build_2' }

  it('round-trip', () => {
    expect(checkpointName(ref)).toBe('checkpoint.my-job.a3.s012.build_2.json')
    expect(parseCheckpointName(checkpointName(ref))).toEqual(ref)
    expect(parseArtifactName(filesArchiveName(ref))).toEqual({ ref, kind: 'files' })
    expect(packName(ref)).toBe('checkpoint.my-job.a3.s012.build_2.pack')
    expect(parseAnyArtifactName(packName(ref))).toEqual({ ref, kind: 'pack' })
    expect(parsePackName(packName(ref))).toEqual(ref)
    expect(parseArtifactName(packName(ref))).toBeUndefined()
    expect(parsePackName('checkpoint.my-job.a3.s12.build_2.pack')).toBeUndefined()
  })

  it('ignore other artifacts', () => {
    for (const name of [
      'my-artifact',
      'checkpoint.a.b.c.json',
      'checkpoint.x.a1.s1.n.txt',
      filesArchiveName(ref)
    ]) {
      expect(parseCheckpointName(name)).toBeUndefined()
    }
  })

  it('order by attempt, then sequence, never by the text of the name', () => {
    const refs = [
      { scope: 's', attempt: 2, sequence: 1, node: 'z' },
      { scope: 's', attempt: 1, sequence: 10, node: 'a' },
      { scope: 's', attempt: 1, sequence: 9, node: 'b' }
    ]
    expect([...refs].sort(compareRefs).map(item => `${item.attempt}.${item.sequence}`)).toEqual([
      '1.9',
      '1.10',
      '2.1'
    ])
  })

  it('break a tie of attempt and sequence by node id in code-unit order, whatever the locale', () => {
    const refs = ['b', 'a_1', 'B', 'a-1', 'a'].map(node => ({
      scope: 's',
      attempt: 1,
      sequence: 3,
      node
    }))
    expect([...refs].sort(compareRefs).map(item => item.node)).toEqual([
      'B',
      'a',
      'a-1',
      'a_1',
      'b'
    ])
    expect(compareText('x', 'x')).toBe(0)
  })
})
