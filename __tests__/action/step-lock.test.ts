import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigurationError } from '../../src/checkpoint/errors.js'
import { claimNode, isAlive, withScopeLock } from '../../src/action/step-lock.js'
import { loadJobContext, recordEvent, saveJobContext } from '../../src/action/job-context.js'

let temp: string
const folder = (): string => join(temp, 'checkpoint-action')
const lockFile = (): string => join(folder(), 'ci.lock')

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'step-lock-'))
})

afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

/** A promise and the function that settles it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>(done => (resolve = done))
  return { promise, resolve }
}

/** A pause the test ends: each call is recorded and waits until `next()` lets it go. */
function heldPause(): {
  pause: (ms: number) => Promise<void>
  called: Promise<void>
  next: () => void
  calls: number[]
} {
  const calls: number[] = []
  const called = deferred()
  const gates: (() => void)[] = []
  return {
    calls,
    called: called.promise,
    pause: ms => {
      calls.push(ms)
      called.resolve()
      return new Promise<void>(resolve => gates.push(resolve))
    },
    next: () => gates.shift()?.()
  }
}

/** A lock file as a process of `pid` left it. */
async function leftBy(pid: number, file = lockFile()): Promise<void> {
  await mkdir(folder(), { recursive: true })
  await writeFile(file, `${String(pid)} feedbeef`, 'utf8')
}

/** The pid of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid
}

describe('the scope lock', () => {
  it('lets one step in at a time: the second waits until the first released', async () => {
    const order: string[] = []
    const firstMayEnd = deferred()
    const first = withScopeLock(temp, 'ci', async () => {
      order.push('first in')
      await firstMayEnd.promise
      order.push('first out')
    })
    const held = heldPause()
    const waits: string[] = []
    const second = withScopeLock(
      temp,
      'ci',
      () => {
        order.push('second in')
        return Promise.resolve('second done')
      },
      { pause: held.pause, onWait: message => waits.push(message) }
    )
    await held.called
    expect(order).toEqual(['first in'])
    expect((await readFile(lockFile(), 'utf8')).split(' ')[0]).toBe(String(process.pid))

    firstMayEnd.resolve()
    await first
    held.next()
    await expect(second).resolves.toBe('second done')
    expect(order).toEqual(['first in', 'first out', 'second in'])
    expect(held.calls).toEqual([10])
    expect(waits).toEqual([
      `Waiting for ${lockFile()}: process ${String(process.pid)} of this job holds it.`
    ])
    expect(await readdir(folder())).toEqual([])
  })

  it('takes over a lock whose process has ended, without waiting', async () => {
    const gone = endedPid()
    expect(isAlive(gone)).toBe(false)
    await leftBy(gone)
    const held = heldPause()
    await expect(
      withScopeLock(temp, 'ci', () => Promise.resolve('in'), { pause: held.pause })
    ).resolves.toBe('in')
    expect(held.calls).toEqual([])
    expect(await readdir(folder())).toEqual([])
  })

  it('takes over a lock file holding no pid', async () => {
    await mkdir(folder(), { recursive: true })
    await writeFile(lockFile(), 'not a pid', 'utf8')
    await expect(withScopeLock(temp, 'ci', () => Promise.resolve('in'))).resolves.toBe('in')
  })

  it('releases the lock when the work throws, and passes the error on', async () => {
    const failed = new Error('upload failed')
    await expect(withScopeLock(temp, 'ci', () => Promise.reject(failed))).rejects.toBe(failed)
    expect(await readdir(folder())).toEqual([])
    const held = heldPause()
    await expect(
      withScopeLock(temp, 'ci', () => Promise.resolve('next'), { pause: held.pause })
    ).resolves.toBe('next')
    expect(held.calls).toEqual([])
  })

  it('does not remove a lock another step holds when it releases', async () => {
    await withScopeLock(temp, 'ci', async () => {
      // Another step took the lock over meanwhile (this one was thought gone).
      await writeFile(lockFile(), `${String(process.pid)} another-token`, 'utf8')
    })
    expect(await readFile(lockFile(), 'utf8')).toBe(`${String(process.pid)} another-token`)
  })

  it('gives up after the timeout with an error naming the lock file and its holder', async () => {
    await leftBy(process.pid)
    let clock = 1_000
    const pauses: number[] = []
    const options = {
      timeoutMs: 60_000,
      onWait: () => undefined,
      now: () => clock,
      pause: (ms: number) => {
        pauses.push(ms)
        clock += ms * 100
        return Promise.resolve()
      }
    }
    let ran = false
    await expect(
      withScopeLock(
        temp,
        'ci',
        () => {
          ran = true
          return Promise.resolve()
        },
        options
      )
    ).rejects.toThrow(
      `Waited 60 s for the lock ${lockFile()}, held by process ${String(process.pid)} of this job`
    )
    expect(ran).toBe(false)
    // The pause grows, up to a quarter of a second.
    expect(pauses).toEqual([10, 20, 40, 80, 160, 250, 250])
    expect(await readFile(lockFile(), 'utf8')).toBe(`${String(process.pid)} feedbeef`)
  })
})

describe('the node claim', () => {
  it('refuses a second claim of the same node while the first holds it, naming the node', async () => {
    const unclaim = await claimNode(temp, 'ci', 'build')
    const second = claimNode(temp, 'ci', 'build')
    await expect(second).rejects.toThrow(ConfigurationError)
    await expect(second).rejects.toThrow(
      `Node 'build' of scope 'ci' is being saved by another step of this job (process ${String(process.pid)})`
    )
    // Other nodes and other scopes are not held up.
    const others = [await claimNode(temp, 'ci', 'test'), await claimNode(temp, 'docs', 'build')]
    for (const release of others) await release()
    await unclaim()
    const again = await claimNode(temp, 'ci', 'build')
    await again()
    expect(await readdir(folder())).toEqual([])
  })

  it('takes over the claim of a step whose process has ended', async () => {
    await leftBy(endedPid(), join(folder(), 'ci.build.saving'))
    const unclaim = await claimNode(temp, 'ci', 'build')
    await unclaim()
    expect(await readdir(folder())).toEqual([])
  })
})

describe('the job context under parallel steps', () => {
  it('keeps the events of steps that record at the same time', async () => {
    await saveJobContext(temp, { scope: 'ci', events: [], lastStepEndedAt: 'then' })
    const steps = ['a', 'b', 'c', 'd'].map(node => ({
      node,
      job: { scope: 'ci', events: [], lastStepEndedAt: 'then' }
    }))
    await Promise.all(
      steps.map(({ node, job }) => recordEvent(temp, job, { node, status: 'ran' as const }))
    )
    const stored = await loadJobContext(temp, 'ci')
    expect(stored?.events.map(event => event.node).sort()).toEqual(['a', 'b', 'c', 'd'])
    expect((await readdir(folder())).sort()).toEqual(['ci.json'])
  })
})
