import { describe, expect, it } from '@jest/globals'
import { describeTimeSaved, timeSaved, workOf } from '../../src/checkpoint/time-saved.js'

const runNode = { durationMs: 4000, fingerprint: { version: '1', command: 'sha256:c' } }
const savedNode = { durationMs: 1500, fingerprint: { version: '1', key: 'sha256:k' } }

describe('time saved', () => {
  it("takes a run node's duration as measured and a saved node's as an estimate", () => {
    expect(workOf(runNode)).toEqual({ durationMs: 4000, measured: true })
    expect(workOf(savedNode)).toEqual({ durationMs: 1500, measured: false })
    expect(workOf({ durationMs: undefined })).toEqual({ durationMs: undefined, measured: false })
  })

  it('adds the durations up, split by how they were measured', () => {
    const work = [runNode, savedNode, { durationMs: undefined }].map(workOf)
    expect(timeSaved(work)).toEqual({ totalMs: 5500, measuredMs: 4000, estimatedMs: 1500 })
    expect(timeSaved([])).toEqual({ totalMs: 0, measuredMs: 0, estimatedMs: 0 })
  })

  it('says which part is an estimate, and why', () => {
    expect(describeTimeSaved(timeSaved([workOf(runNode)]))).toBe(
      "about 4.0 s of work not repeated (the commands' own time)"
    )
    expect(describeTimeSaved(timeSaved([workOf(savedNode)]))).toBe(
      'about 1.5 s of work not repeated (an estimate: the time since the previous checkpoint step, which may include setup steps that run again anyway)'
    )
    expect(describeTimeSaved(timeSaved([runNode, savedNode].map(workOf)))).toBe(
      'about 5.5 s of work not repeated (4.0 s of command time, 1.5 s estimated as the time since the previous checkpoint step, which may include setup steps that run again anyway)'
    )
    expect(describeTimeSaved(timeSaved([]))).toBe('about 0 ms of work not repeated')
  })
})
