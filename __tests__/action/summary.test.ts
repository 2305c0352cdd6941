import { describe, expect, it } from '@jest/globals'
import type { JobContext } from '../../src/action/job-context.js'
import {
  formatDuration,
  renderSummary,
  resumeNotice,
  summaryRows
} from '../../src/action/summary.js'

const node = (id: string, durationMs: number) => ({
  id,
  sequence: 1,
  attempt: 1,
  runId: '9',
  savedAt: '',
  durationMs
})

const job: JobContext = {
  scope: 'ci',
  restored: {
    checkpoint: 'checkpoint.ci.a1.s003.c.json',
    attempt: 1,
    runId: '9',
    nodes: [node('a', 60_000), node('b', 30_000), node('c', 1000)],
    rerun: [],
    partials: []
  },
  events: [
    { node: 'a', status: 'skipped', reason: 'done' },
    {
      node: 'b',
      status: 'ran',
      reason: 'stale:key',
      checkpoint: 'checkpoint.ci.a2.s004.b.json',
      durationMs: 2000
    },
    { node: 'd', status: 'failed', reason: 'exit code 2' },
    {
      node: 'e',
      status: 'partial',
      reason: 'cancelled',
      checkpoint: 'checkpoint.ci.a2.s005.e.json'
    }
  ],
  lastStepEndedAt: ''
}

describe('summary', () => {
  it('lists restored nodes, re-run stale ones, failures and partials in pipeline order', () => {
    expect(summaryRows(job).map(row => `${row.node}:${row.status}`)).toEqual([
      'a:restored',
      'b:stale',
      'c:restored',
      'd:failed',
      'e:partial'
    ])
  })

  it('counts only the nodes really skipped as time saved', () => {
    const markdown = renderSummary(job, 'ci')
    expect(markdown).toContain('2 node(s) skipped, about 1 min 01 s of work not repeated.')
    expect(markdown).toContain('| b | stale | stale:key | 2.0 s | checkpoint.ci.a2.s004.b.json |')
    expect(markdown).toContain('  n1 --> n2["c<br/>restored"]:::restored')
    expect(markdown).toContain('classDef failed fill:#ffebe9')
    expect(resumeNotice(job)).toBe(
      'Resumed from attempt 1: 2 node(s) skipped (a, c), about 1 min 01 s of work not repeated.'
    )
  })

  it('says when nothing was resumed', () => {
    expect(renderSummary({ scope: 'ci', events: [], lastStepEndedAt: '' }, 'ci')).toContain(
      'ran from the beginning'
    )
    expect(resumeNotice(undefined)).toBeUndefined()
  })

  it.each([
    [undefined, '–'],
    [850, '850 ms'],
    [12_340, '12.3 s'],
    [245_000, '4 min 05 s']
  ])('formats %p as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
