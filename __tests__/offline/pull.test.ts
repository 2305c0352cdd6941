import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256Digest } from '../../src/checkpoint/canonical.js'
import type { CliIo } from '../../src/cli/args.js'
import { main } from '../../src/cli/main.js'
import {
  PACKED,
  PIPELINE,
  writeDownloads,
  writePackedDownloads
} from '../../__fixtures__/cli/downloads.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()
const TOKEN = 'secret-token'

interface Served {
  id: number
  name: string
  bytes: Buffer
  digest: string
}

/** A fake REST API (two artifacts a page) and a separate blob host it redirects to. */
class FakeGitHub {
  readonly artifacts: Served[] = []
  readonly blobHeaders: IncomingHttpHeaders[] = []
  readonly apiHeaders: IncomingHttpHeaders[] = []
  api!: Server
  blob!: Server

  async start(): Promise<void> {
    this.blob = await listen((req, res) => {
      this.blobHeaders.push(req.headers)
      const artifact = this.artifacts.find(item => req.url === `/blob/${item.id}`)
      res.writeHead(artifact ? 200 : 404, { 'content-length': artifact?.bytes.length ?? 0 })
      res.end(artifact?.bytes)
    })
    this.api = await listen((req, res) => {
      this.apiHeaders.push(req.headers)
      this.answer(new URL(req.url ?? '/', this.apiUrl), req.headers, res)
    })
  }

  private answer(url: URL, headers: IncomingHttpHeaders, res: ServerResponse): void {
    const zip = /^\/repos\/octo\/pipeline\/actions\/artifacts\/(\d+)\/zip$/.exec(url.pathname)
    if (headers.authorization !== `Bearer ${TOKEN}`) send(res, 401, {})
    else if (/^\/repos\/octo\/pipeline\/actions\/runs\/7\/artifacts$/.test(url.pathname)) {
      this.list(url, res)
    } else if (zip) {
      res.writeHead(302, { location: `${this.blobUrl}/blob/${zip[1] ?? ''}` })
      res.end()
    } else send(res, 404, { message: 'Not Found' })
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${(this.api.address() as AddressInfo).port}`
  }

  get blobUrl(): string {
    return `http://127.0.0.1:${(this.blob.address() as AddressInfo).port}`
  }

  private list(url: URL, res: ServerResponse): void {
    const page = Number(url.searchParams.get('page') ?? '1')
    const items = this.artifacts.slice((page - 1) * 2, page * 2)
    const more = page * 2 < this.artifacts.length
    const next = new URL(url)
    next.searchParams.set('page', String(page + 1))
    res.setHeader('link', more ? `<${next.href}>; rel="next"` : '')
    send(res, 200, {
      total_count: this.artifacts.length,
      artifacts: items.map(item => ({
        id: item.id,
        name: item.name,
        size_in_bytes: item.bytes.length,
        digest: item.digest,
        expired: false
      }))
    })
  }

  async stop(): Promise<void> {
    await Promise.all(
      [this.api, this.blob].map(server => new Promise(resolve => server.close(resolve)))
    )
  }
}

function listen(handler: RequestListener): Promise<Server> {
  const server = createServer(handler)
  return new Promise(resolve => {
    server.listen(0, '127.0.0.1', () => {
      resolve(server)
    })
  })
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

const github = new FakeGitHub()

beforeAll(async () => {
  await github.start()
  const dir = await tempDir()
  const written = await writeDownloads(dir, PIPELINE)
  await writeDownloads(dir, [{ node: 'test', state: { passed: true } }], {
    attempt: 2,
    base: written[1]?.document
  })
  github.artifacts.push(...(await served(dir, 900)))
  github.artifacts.push({
    id: 999,
    name: 'unrelated-artifact',
    bytes: Buffer.from('x'),
    digest: sha256Digest('x')
  })
})

/** The files of `dir` as artifacts, named as uploaded (a download's `.zip` dropped). */
async function served(dir: string, firstId: number): Promise<Served[]> {
  const files = (await readdir(dir)).sort()
  return Promise.all(
    files.map(async (file, index) => {
      const bytes = await readFile(join(dir, file))
      const name = file.replace(/\.zip$/, '')
      return { id: firstId + index, name, bytes, digest: sha256Digest(bytes) }
    })
  )
}

afterAll(async () => {
  await github.stop()
})

async function pull(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: `${github.apiUrl}/`, ...env },
    cwd
  }
  const code = await main(['pull', '--repo', 'octo/pipeline', '--run', '7', ...args], io)
  return { code, stdout, stderr }
}

describe('pull', () => {
  it('downloads every page of checkpoints as a browser names them, never sending the token to the blob host', async () => {
    const to = await tempDir()
    const ran = await pull(['--to', to, '--json'], to)
    expect(ran).toMatchObject({ code: 0, stderr: '' })
    expect((await readdir(to)).sort()).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.files.zip',
      'checkpoint.pipeline.a1.s001.fetch.json',
      'checkpoint.pipeline.a1.s002.build.files.zip',
      'checkpoint.pipeline.a1.s002.build.json',
      'checkpoint.pipeline.a2.s003.test.json'
    ])
    expect(github.blobHeaders.length).toBeGreaterThan(0)
    expect(github.blobHeaders.every(headers => headers.authorization === undefined)).toBe(true)
    const again = JSON.parse((await pull(['--to', to, '--json'], to)).stdout) as {
      artifacts: { outcome: string }[]
    }
    expect(again.artifacts.map(item => item.outcome)).toEqual(Array(5).fill('present'))
  })

  it('pulls one attempt with the archives its checkpoints need', async () => {
    const to = await tempDir()
    expect((await pull(['--attempt', '2'], to)).code).toBe(0)
    expect((await readdir(to)).sort()).toEqual([
      'checkpoint.pipeline.a1.s001.fetch.files.zip',
      'checkpoint.pipeline.a1.s002.build.files.zip',
      'checkpoint.pipeline.a2.s003.test.json'
    ])
  })

  it('pulls the packs that hold the archives or the retired documents of an attempt', async () => {
    const dir = await tempDir()
    const [, , report] = await writePackedDownloads(dir)
    await writeDownloads(dir, [{ node: 'test', state: { passed: true } }], {
      attempt: 2,
      base: report?.document
    })
    const saved = github.artifacts.splice(0, github.artifacts.length, ...(await served(dir, 700)))
    try {
      const to = await tempDir()
      expect((await pull(['--attempt', '2'], to)).code).toBe(0)
      expect((await readdir(to)).sort()).toEqual([
        'checkpoint.pipeline.a1.s004.report.files.zip',
        `${PACKED.pack}.zip`,
        'checkpoint.pipeline.a2.s005.test.json'
      ])
      const all = await tempDir()
      expect((await pull([], all)).code).toBe(0)
      expect(await readdir(all)).toContain(`${PACKED.pack}.zip`)
    } finally {
      github.artifacts.splice(0, github.artifacts.length, ...saved)
    }
  })

  it('refuses a download whose bytes differ from the recorded digest (exit 3), keeping nothing', async () => {
    const artifact = github.artifacts.find(item => item.name.endsWith('build.files'))
    if (!artifact) throw new Error('fixture')
    const good = artifact.bytes
    artifact.bytes = good.subarray(0, good.length - 7)
    try {
      const to = await tempDir()
      const ran = await pull([], to)
      expect(ran.code).toBe(3)
      expect(ran.stderr).toContain('does not match the digest recorded at upload')
      expect((await readdir(to)).filter(name => name.includes('build.files'))).toEqual([])
    } finally {
      artifact.bytes = good
    }
  })

  it('maps API answers to exit codes: unknown run 1, bad token 2, no checkpoints 1', async () => {
    const to = await tempDir()
    expect(await main(['pull', '--repo', 'octo/pipeline', '--run', '8'], ioFor(to, TOKEN))).toBe(1)
    expect(await main(['pull', '--repo', 'octo/pipeline', '--run', '7'], ioFor(to, 'wrong'))).toBe(
      2
    )
    const none = await pull(['--scope', 'other'], to)
    expect(none.code).toBe(1)
    expect(none.stderr).toContain('has no checkpoints of scope other')
    expect(await readdir(to)).toEqual([])
  })
})

function ioFor(cwd: string, token: string): CliIo {
  return {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: { GITHUB_TOKEN: token, GITHUB_API_URL: github.apiUrl },
    cwd
  }
}
