// The action's own artifact client against the official one (@actions/artifact, as installed):
// both run the same scenario against one stand-in, every request is recorded, and the two are
// compared call by call, field by field. A difference passes only when ALLOWED lists it with its
// reason; any other, a new field included, fails with a request of each client. When a bump of
// @actions/artifact or @azure/storage-blob changes what the official client sends, this says so.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  ABSENT,
  BLOCK_BYTES,
  blockProblems,
  callOf,
  differences,
  judge,
  type AllowedDifference
} from '../../__fixtures__/conformance.js'
import { e2eWorld, ROOT } from '../../__fixtures__/e2e.js'
import type { RecordedRequest } from '../../local/index.js'

const TWIRP_CALLS = ['CreateArtifact', 'FinalizeArtifact', 'ListArtifacts', 'GetSignedArtifactURL']
const BLOB_PUTS = ['PutBlock', 'PutBlockList']

/** Every difference between the official client's requests and ours that is allowed, and why. */
const ALLOWED: AllowedDifference[] = [
  {
    calls: 'every call',
    aspects: ['header.user-agent'],
    reason:
      'each client names itself: ours checkpoint-action/<version>, the official one ' +
      '@actions/artifact-<version> (Twirp, downloads) and the Azure SDK (blob uploads)'
  },
  {
    calls: BLOB_PUTS,
    aspects: ['header.accept'],
    official: ['application/xml'],
    ours: [ABSENT],
    reason:
      'the Azure SDK asks for application/xml, its error format; blob storage answers errors in XML whatever Accept says'
  },
  {
    calls: BLOB_PUTS,
    aspects: ['header.x-ms-version'],
    official: ['2026-04-06'],
    ours: [ABSENT],
    reason:
      "the signed URL's sv fixes the service version: Azure ignores x-ms-version on a SAS request " +
      '(learn.microsoft.com/rest/api/storageservices/previous-azure-storage-service-versions)'
  },
  {
    calls: BLOB_PUTS,
    aspects: ['header.x-ms-client-request-id'],
    official: ['<uuid>'],
    ours: [ABSENT],
    reason: "an optional id that only shows in the storage account's logs"
  },
  {
    calls: ['PutBlock'],
    aspects: ['header.content-type'],
    official: ['application/octet-stream'],
    ours: [ABSENT],
    reason:
      "a block's content type is not stored: the blob's comes with Put Block List (x-ms-blob-content-type) or Put Blob"
  },
  {
    calls: ['PutBlock'],
    aspects: ['query.blockid'],
    official: ['base64 of 48 bytes'],
    ours: ['base64 of 14 bytes'],
    reason:
      'the SDK encodes a random 42-character prefix and a 6-digit index, ours block-<8 digits>: ' +
      'Azure asks for base64 of at most 64 bytes, one length per blob (blockProblems checks both)'
  },
  {
    calls: ['PutBlockList'],
    aspects: ['body.xml-declaration'],
    official: ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'],
    ours: ['<?xml version="1.0" encoding="utf-8"?>'],
    reason:
      'both declare XML 1.0 in UTF-8 (encoding names are case-insensitive); standalone="yes" changes nothing without a DTD'
  },
  {
    calls: ['PutBlob'],
    aspects: ['call'],
    official: ['not made'],
    ours: ['made'],
    reason:
      "ours uploads up to 8 MiB in one Put Blob (x-ms-blob-type: BlockBlob, the artifact's type as Content-Type); " +
      "the SDK's uploadStream always stages blocks and commits a list, even for a few bytes"
  },
  {
    calls: ['PutBlockList'],
    aspects: ['header.x-ms-blob-content-type'],
    official: ['application/json', 'application/zip'],
    ours: ['application/zip'],
    reason:
      "ours' JSON documents always fit one Put Blob, which carries their type; a zip in blocks carries it here, as the official client's do"
  },
  {
    calls: ['ListArtifacts'],
    aspects: ['body.id_filter'],
    official: [ABSENT, 'string int64'],
    ours: [ABSENT],
    reason:
      "the official downloadArtifact(id) looks the artifact up again by id; ours downloads from the run's listing it took once (same names and job ids)"
  },
  {
    calls: ['GetBlob'],
    aspects: ['header.range', 'header.x-ms-range'],
    official: [ABSENT],
    ours: [ABSENT, 'bytes=<n>-<n>'],
    reason:
      "ours reads a zip's central directory first with ranged GETs, to extract while it downloads; the official client makes one plain GET"
  },
  {
    calls: ['GetBlob'],
    aspects: ['status'],
    official: ['200'],
    ours: ['200', '206'],
    reason: '206 Partial Content answers those ranged GETs'
  }
]

const SMALL = 'id,name\n1,a\n'
/** More than one block of 8 MiB, random so that neither client's zip makes it smaller. */
const BIG = randomBytes(BLOCK_BYTES + 2 * 1024 * 1024 + 12_345)
const RETENTION_DAYS = '5'
/** Compared by digest: toEqual walks a 10 MiB buffer byte by byte for minutes. */
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

const world = e2eWorld({ runs: ['restore', 'save'] })
let ours: RecordedRequest[]
let official: RecordedRequest[]

beforeAll(async () => {
  ours = await recorded(ourScenario)
  official = await recorded(officialScenario)
}, 300_000)

async function recorded(scenario: () => Promise<void>): Promise<RecordedRequest[]> {
  const recording = world.standIn.record()
  try {
    await scenario()
  } finally {
    recording.stop()
  }
  return recording.requests()
}

/** Save a small file and a big one (with a retention), then resume on attempt 2. */
async function ourScenario(): Promise<void> {
  const { run, job: first } = await world.newRun()
  const ws = first.options.workspace
  expect((await first.uses('.')).code).toBe(0)
  await writeFile(join(ws, 'small.csv'), SMALL)
  expect((await first.uses('save', { node: 'small', paths: 'small.csv' })).code).toBe(0)
  await writeFile(join(ws, 'big.bin'), BIG)
  const big = { node: 'big', paths: 'big.bin', 'retention-days': RETENTION_DAYS }
  expect((await first.uses('save', big)).code).toBe(0)
  await first.complete()

  const second = await world.job(run, 2)
  const restore = await second.uses('.')
  expect(restore.outputs).toMatchObject({ resumed: 'true', completed: '["small","big"]' })
  expect(await readFile(join(second.options.workspace, 'small.csv'), 'utf8')).toBe(SMALL)
  expect(sha256(await readFile(join(second.options.workspace, 'big.bin')))).toBe(sha256(BIG))
  await second.complete()
}

/** The same with the official client: two zips and a document, then list and download each. */
async function officialScenario(): Promise<void> {
  const { run, job: first } = await world.newRun()
  const ws = first.options.workspace
  await writeFile(join(ws, 'small.csv'), SMALL)
  await writeFile(join(ws, 'big.bin'), BIG)
  await writeFile(join(ws, 'state.json'), '{"rows":"1200"}\n')
  const env = first.meta.env
  const small = ['upload', 'small', ws, join(ws, 'small.csv')]
  await officialClient(env, ws, 'artifact-client.mjs', small)
  await officialClient(env, ws, 'upload-artifact.mjs', [join(ws, 'state.json')])
  const big = ['upload', 'big', ws, join(ws, 'big.bin'), '--retention-days', RETENTION_DAYS]
  await officialClient(env, ws, 'artifact-client.mjs', big)

  const second = await world.job(run, 2)
  const into = second.options.workspace
  const { artifacts } = (await officialClient(second.meta.env, into, 'artifact-client.mjs', [
    'list'
  ])) as { artifacts: { id: number; name: string }[] }
  expect(artifacts.map(artifact => artifact.name).sort()).toEqual(['big', 'small', 'state.json'])
  for (const { id, name } of artifacts) {
    const path = join(into, name)
    await officialClient(second.meta.env, into, 'artifact-client.mjs', ['download', `${id}`, path])
  }
  expect(sha256(await readFile(join(into, 'big', 'big.bin')))).toBe(sha256(BIG))
}

/** Runs a script of __fixtures__/ as a step of the job whose env it gets; returns its RESULT. */
async function officialClient(
  env: Record<string, string>,
  workspace: string,
  script: string,
  args: string[]
): Promise<unknown> {
  const child = spawn(process.execPath, [join(ROOT, '__fixtures__', script), ...args], {
    cwd: workspace,
    env: { PATH: process.env.PATH, ...env, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise(resolve => child.on('close', resolve))
  if (code !== 0)
    throw new Error(`${script} ${args.join(' ')} exited with ${String(code)}:\n${output}`)
  const result = output.split('\n').find(line => line.startsWith('RESULT '))
  return result === undefined ? undefined : JSON.parse(result.slice('RESULT '.length))
}

const callsOf = (requests: RecordedRequest[]): string[] => [...new Set(requests.map(callOf))].sort()

describe('the action talks to the artifact service and blob storage as @actions/artifact does', () => {
  it('covers every call of both clients: uploads in blocks and whole, listing, signed URLs, downloads', () => {
    const both = [...TWIRP_CALLS, ...BLOB_PUTS, 'GetBlob'].sort()
    expect(callsOf(official)).toEqual(both)
    expect(callsOf(ours)).toEqual([...both, 'PutBlob'].sort())
    for (const requests of [official, ours]) {
      const blocks = requests.filter(request => request.operation === 'PutBlock')
      expect(blocks.map(block => block.bodySize)).toContain(BLOCK_BYTES)
      const expiry = requests
        .map(request => (request.json as { expires_at?: string } | undefined)?.expires_at)
        .filter(value => value !== undefined)
      // Only the uploads given a retention send one (ours: the save's zip and its document),
      // about that many days from now.
      expect(expiry.length).toBeGreaterThan(0)
      const days = expiry.map(value => Math.round((Date.parse(value) - Date.now()) / 86_400_000))
      expect(days).toEqual(expiry.map(() => Number(RETENTION_DAYS)))
    }
  })

  it('sends what the official client sends, but for the differences ALLOWED lists', () => {
    // One string, so a failure shows the requests as they are, not escaped inside an array.
    expect(judge(differences(official, ours), ALLOWED).join('\n\n')).toBe('')
  })

  it('puts blocks under ids Azure takes and commits exactly the blocks it put', () => {
    expect(blockProblems(official)).toEqual([])
    expect(blockProblems(ours)).toEqual([])
  })

  it("puts a small upload whole, as a block blob with its artifact's content type", () => {
    const types = ours
      .filter(request => request.rpc === 'CreateArtifact')
      .map(request => (request.json as { mime_type?: string }).mime_type)
    const whole = ours.filter(request => request.operation === 'PutBlob')
    expect(whole.map(request => request.headers['x-ms-blob-type'])).toEqual(
      whole.map(() => 'BlockBlob')
    )
    expect(new Set(whole.map(request => request.headers['content-type']))).toEqual(
      new Set(['application/zip', 'application/json'])
    )
    expect(new Set(types)).toEqual(new Set(['application/zip', 'application/json']))
    expect(whole.every(request => (request.bodySize ?? 0) < BLOCK_BYTES)).toBe(true)
  })

  it('lists every allowed difference with its reason, once', () => {
    for (const allowed of ALLOWED) expect(allowed.reason.trim()).not.toBe('')
    const keys = ALLOWED.flatMap(allowed =>
      (allowed.calls === 'every call' ? ['*'] : allowed.calls).flatMap(call =>
        allowed.aspects.map(aspect => `${call} ${aspect}`)
      )
    )
    expect(new Set(keys).size).toBe(keys.length)
  })
})
