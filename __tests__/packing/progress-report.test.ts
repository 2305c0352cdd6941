import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  PROGRESS_INTERVAL_MS,
  progressLine,
  reportedChunks,
  startProgress,
  withProgress
} from '../../src/packing/progress-report.js'

const MiB = 1024 * 1024

describe('progress report', () => {
  beforeEach(() => {
    // Fake timers stand in for the system clock: Date.now and setInterval both move on demand.
    jest.useFakeTimers()
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('says bytes, total, percentage and rate every 10 s, and nothing before', () => {
    const lines: string[] = []
    let bytes = 0
    const stop = startProgress(
      { label: 'Uploading x.zip', total: 400 * MiB, log: line => lines.push(line) },
      () => bytes
    )
    bytes = 50 * MiB
    jest.advanceTimersByTime(PROGRESS_INTERVAL_MS - 1)
    expect(lines).toEqual([])
    jest.advanceTimersByTime(1)
    bytes = 150 * MiB
    jest.advanceTimersByTime(PROGRESS_INTERVAL_MS)
    expect(lines).toEqual([
      'Uploading x.zip: 50.0 MiB of 400.0 MiB (12%), 5.0 MiB/s',
      'Uploading x.zip: 150.0 MiB of 400.0 MiB (37%), 10.0 MiB/s'
    ])
    stop()
    jest.advanceTimersByTime(5 * PROGRESS_INTERVAL_MS)
    expect(lines).toHaveLength(2)
  })

  it('keeps saying where a stalled transfer is, at 0 MiB/s', () => {
    const lines: string[] = []
    const stop = startProgress(
      { label: 'Downloading y', total: 0, log: line => lines.push(line) },
      () => 3 * MiB
    )
    jest.advanceTimersByTime(2 * PROGRESS_INTERVAL_MS)
    stop()
    expect(lines).toEqual([
      'Downloading y: 3.0 MiB, 0.0 MiB/s',
      'Downloading y: 3.0 MiB, 0.0 MiB/s'
    ])
  })

  it('stops when the work fails', async () => {
    const lines: string[] = []
    const failing = withProgress(
      { label: 'x', total: 1, log: line => lines.push(line) },
      () => 0,
      () => Promise.reject(new Error('broken'))
    )
    await expect(failing).rejects.toThrow('broken')
    jest.advanceTimersByTime(3 * PROGRESS_INTERVAL_MS)
    expect(lines).toEqual([])
  })

  it('counts the chunks a reader takes, and stops when the reader stops', async () => {
    const lines: string[] = []
    const chunks = [Buffer.alloc(MiB), Buffer.alloc(MiB), Buffer.alloc(MiB)]
    const source = (async function* (): AsyncGenerator<Buffer> {
      for (const chunk of chunks) {
        await Promise.resolve()
        yield chunk
      }
    })()
    const reported = reportedChunks(source, {
      label: 'Reading z',
      total: 3 * MiB,
      log: line => lines.push(line)
    })
    await reported.next()
    await reported.next()
    jest.advanceTimersByTime(PROGRESS_INTERVAL_MS)
    await reported.return(undefined)
    jest.advanceTimersByTime(3 * PROGRESS_INTERVAL_MS)
    expect(lines).toEqual(['Reading z: 2.0 MiB of 3.0 MiB (66%), 0.2 MiB/s'])
  })

  it('takes an injected clock', () => {
    let now = 0
    let tick = (): void => undefined
    const clock = {
      now: () => now,
      every: (_ms: number, next: () => void) => {
        tick = next
        return () => undefined
      }
    }
    const lines: string[] = []
    let bytes = 0
    startProgress({ label: 'x', total: 0, log: line => lines.push(line), clock }, () => bytes)
    now = 2000
    bytes = 4 * MiB
    tick()
    // A transfer retried from its start: the count went back, the rate is 0, not negative.
    now = 4000
    bytes = MiB
    tick()
    expect(lines).toEqual(['x: 4.0 MiB, 2.0 MiB/s', 'x: 1.0 MiB, 0.0 MiB/s'])
  })

  it.each([
    [0, 0, 'a: 0 B, 0.0 MiB/s'],
    [512, 1024, 'a: 512 B of 1.0 KiB (50%), 0.0 MiB/s'],
    [2048, 1024, 'a: 2.0 KiB of 1.0 KiB (100%), 0.0 MiB/s']
  ])('writes %p of %p as %p', (bytes, total, line) => {
    expect(progressLine('a', bytes, total, 0)).toBe(line)
  })
})
