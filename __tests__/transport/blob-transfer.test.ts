// Block uploads against a small blob server that keeps every PUT's body: a block made of many
// chunks (never concatenated on the way) must go out again byte for byte when its PUT failed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { uploadStream } from '../../src/transport/blob-transfer.js'

const saved = { ...process.env }

/** One PUT the server saw: its query and its body. */
interface Put {
  query: string
  body: Buffer
}

let server: Server
const puts: Put[] = []
/** Block ids whose first PUT is answered 500. */
let failFirst = new Set<string>()

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void bodyOf(req).then(body => {
      const query = (req.url ?? '').split('?')[1] ?? ''
      puts.push({ query, body })
      const block = new URLSearchParams(query).get('blockid') ?? ''
      if (failFirst.delete(block)) res.writeHead(500).end('<Message>try again</Message>')
      else res.writeHead(201).end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

afterEach(() => {
  process.env = { ...saved }
  puts.length = 0
  failFirst = new Set()
})

const blockId = (index: number): string =>
  Buffer.from(`block-${String(index).padStart(8, '0')}`).toString('base64')

describe('uploadStream', () => {
  it('sends a failed block again with the same bytes, and commits the blocks in order', async () => {
    process.env.CHECKPOINT_RETRY_SCALE = '0.01'
    failFirst = new Set([blockId(1)])
    // Chunks of odd sizes, so that blocks cut through them.
    const chunks = Array.from({ length: 40 }, (_, index) => Buffer.alloc(37 + index, index))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/blob/zip?sig=x`
    const result = await uploadStream(() => Promise.resolve(url), chunks, {
      contentType: 'application/zip',
      what: 'Upload of zip',
      blockBytes: 500,
      concurrency: 2
    })
    const whole = Buffer.concat(chunks)
    expect(result.size).toBe(whole.length)
    const sent = puts.filter(put => put.query.includes('comp=block&'))
    const tries = sent.filter(put => put.query.includes(encodeURIComponent(blockId(1))))
    expect(tries).toHaveLength(2)
    expect(tries[1]?.body.equals(tries[0]?.body ?? Buffer.alloc(0))).toBe(true)
    expect(tries[0]?.body.equals(whole.subarray(500, 1000))).toBe(true)
    // What the blob holds once committed: each block's last try, in the list's order.
    const list = puts.find(put => put.query.includes('comp=blocklist'))?.body.toString() ?? ''
    const ids = [...list.matchAll(/<Latest>([^<]*)<\/Latest>/g)].map(match => match[1])
    const last = new Map(sent.map(put => [new URLSearchParams(put.query).get('blockid'), put.body]))
    const stored = Buffer.concat(ids.map(id => last.get(id ?? '') ?? Buffer.alloc(0)))
    expect(stored.equals(whole)).toBe(true)
  })
})
