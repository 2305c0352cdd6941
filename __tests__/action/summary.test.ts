import { describe, expect, it } from '@jest/globals'
import type { JobContext } from '../../src/action/job-context.js'
import type { NodeRecord } from '../../src/checkpoint/document.js'
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

function restoredWith(nodes: NodeRecord[]): JobContext['restored'] {
  if (!job.restored) throw new Error('the fixture restores a checkpoint')
  return { ...job.restored, nodes }
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
    expect(markdown).toContain(
      '2 node(s) skipped, about 1 min 01 s of work not repeated (an estimate: the time since the previous checkpoint step, which may include setup steps that run again anyway).'
    )
    expect(markdown).toContain(
      '| b | stale | its key changed | 2.0 s | checkpoint.ci.a2.s004.b.json |'
    )
    expect(markdown).toContain('  n1 --> n2["c<br/>restored"]:::restored')
    expect(markdown).toContain('classDef failed fill:#ffebe9')
    expect(resumeNotice(job)).toBe(
      'Resumed from attempt 1: 2 node(s) skipped (a, c), about 1 min 01 s of work not repeated (an estimate: the time since the previous checkpoint step, which may include setup steps that run again anyway).'
    )
  })

  it('says where nodes came from and why others were not taken, in plain words', () => {
    const fromRuns: JobContext = {
      ...job,
      reuse: {
        from: ['attempts', 'runs', 'cache'],
        reset: false,
        rerun: [],
        sources: { a: 'run 41', c: 'cache' },
        reasons: { a: 'done', b: 'stale:key', c: 'done', f: 'no-key' },
        offers: {}
      }
    }
    const markdown = renderSummary(fromRuns, 'ci')
    expect(markdown).toContain('| a | restored | done before | 1 min 00 s | run 41 |')
    expect(markdown).toContain('| c | restored | done before | 1.0 s | cache |')
    expect(markdown).toContain('- `a` from run 41: taken: what it depends on is unchanged (`done`)')
    expect(markdown).toContain('- `b`: its key changed since it was saved (`stale:key`)')
    expect(markdown).toContain('- `f`: not taken: no key to compare')
    expect(resumeNotice(fromRuns)).toMatch(
      /^Resumed from run 41 and the cache: 2 node\(s\) skipped/
    )
  })

  it("counts a run node's command time as measured, a saved node's as an estimate", () => {
    const ran = { ...node('a', 60_000), fingerprint: { version: '1', command: 'sha256:c' } }
    const mixed: JobContext = {
      ...job,
      restored: restoredWith([ran, node('c', 1000)]),
      events: []
    }
    expect(resumeNotice(mixed)).toBe(
      'Resumed from attempt 1: 2 node(s) skipped (a, c), about 1 min 01 s of work not repeated ' +
        '(1 min 00 s of command time, 1.0 s estimated as the time since the previous checkpoint step, which may include setup steps that run again anyway).'
    )
    const onlyRun = { ...mixed, restored: restoredWith([ran]) }
    expect(resumeNotice(onlyRun)).toBe(
      "Resumed from attempt 1: 1 node(s) skipped (a), about 1 min 00 s of work not repeated (the commands' own time)."
    )
  })

  it('writes reason codes in plain words', () => {
    const fresh: JobContext = {
      scope: 'ci',
      events: [{ node: 'a', status: 'ran', reason: 'not-done', checkpoint: 'c1' }],
      lastStepEndedAt: ''
    }
    expect(renderSummary(fresh, 'ci')).toContain('| a | ran | not done before | – | c1 |')
    expect(renderSummary(job, 'ci')).toContain('| e | partial | cancelled, its progress kept |')
  })

  it('names the node a failed command stopped at, and how to resume', () => {
    const markdown = renderSummary(job, 'ci')
    expect(markdown).toContain('#### Where it stopped, and how to resume')
    expect(markdown).toContain('Stopped at node `d`: its command failed (exit code 2).')
    expect(markdown).toContain(
      '- Same commit: **Re-run failed jobs** on the run page; the nodes up to `c` are restored and skipped.'
    )
    expect(markdown).toContain('set `from: attempts, runs` and `keys` on the restore step')
  })

  it("names the last node checkpointed when the failing step is not the action's", () => {
    const saved: JobContext = {
      scope: 'ci',
      events: [
        { node: 'fetch', status: 'ran', reason: 'not-done', checkpoint: 'c1' },
        { node: 'build', status: 'ran', reason: 'not-done', checkpoint: 'c2' }
      ],
      lastStepEndedAt: '',
      reuse: {
        from: ['attempts', 'runs'],
        reset: false,
        rerun: [],
        sources: {},
        reasons: {},
        offers: {}
      }
    }
    const markdown = renderSummary(saved, 'ci')
    expect(markdown).toContain(
      'If this job failed, it stopped after node `build`, the last one checkpointed'
    )
    expect(markdown).toContain(
      "the new run's restore step (`from: runs`) takes each node whose key is unchanged"
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
