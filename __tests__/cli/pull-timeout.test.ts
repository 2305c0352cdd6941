// A pull whose API never answers: it gives up as the retry schedule says and names the URL.
// The clock is jest's: the calls' 60 s timeouts and the waits between tries pass at once.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runCliInProcess } from '../../__fixtures__/cli/in-process.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()
let server: Server | undefined

afterEach(async () => {
  jest.useRealTimers()
  server?.closeAllConnections()
  await new Promise(resolve => server?.close(resolve))
})

/** A server that takes every request and never answers it; `seen` counts them. */
async function silentApi(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = []
  server = createServer(req => {
    seen.push(req.url ?? '')
  })
  await new Promise<void>(resolve => server?.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, seen }
}

describe('a pull that gets no answer', () => {
  it('times out, tries again, and names the URL it waited on', async () => {
    const api = await silentApi()
    const dir = await tempDir()
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const pulled = { done: false }
    const ran = runCliInProcess(['pull', '--repo', 'octo/pipeline', '--run', '7'], dir, {
      GITHUB_TOKEN: 'token',
      GITHUB_API_URL: api.url
    }).finally(() => (pulled.done = true))
    // A fake second at a time, each letting the real connections make progress in between.
    for (let second = 0; !pulled.done && second < 3600; second++) {
      await jest.advanceTimersByTimeAsync(1000)
    }
    const { code, stderr } = await ran
    expect(code).toBe(4)
    expect(api.seen.length).toBeGreaterThan(1)
    const url = `${api.url}/repos/octo/pipeline/actions/runs/7/artifacts?per_page=100`
    expect(stderr).toMatch(/no answer within 60000 ms/)
    expect(stderr.trimEnd().split('\n').at(-1)).toContain(`(${url})`)
  })
})
