import { describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { COMMANDS } from '../../src/cli/main.js'
import { LocalDirectoryStore } from '../../src/offline/local-directory-store.js'
import { CheckpointCodec } from '../../src/checkpoint/codec.js'
import { CheckpointManager } from '../../src/checkpoint/manager.js'
import { readCheckpointSource } from '../../src/offline/read-source.js'
import { verifySource } from '../../src/offline/verify.js'
import { PIPELINE, writeDownloads } from '../../__fixtures__/cli/downloads.js'
import { cli } from '../../__fixtures__/cli/run-cli.js'
import { useTempDirs } from '../../__fixtures__/temp.js'

const tempDir = useTempDirs()

async function downloads(): Promise<string> {
  const dir = await tempDir()
  await writeDownloads(dir, PIPELINE)
  return dir
}

describe('the command line', () => {
  it.each(COMMANDS.map(command => [command.name]))(
    '%s --help prints usage and exit codes',
    async name => {
      const ran = await cli([name, '--help'], await tempDir())
      expect(ran).toMatchObject({ code: 0, stderr: '' })
      expect(ran.stdout).toMatch(new RegExp(`^Usage: checkpoint-action ${name}`))
      expect(ran.stdout).toContain('Exit codes: 0 ok, 1 not found, 2 usage')
    }
  )

  it.each([
    [[], 2],
    [['frobnicate'], 2],
    [['list', '--bogus'], 2],
    [['list', 'a', 'b'], 2],
    [['restore'], 2],
    [['pull', '--repo', 'nope', '--run', '1'], 2],
    [['pull', '--repo', 'o/r', '--run', '-3'], 2],
    [['pull', '--repo', 'o/r', '--run', '3'], 2],
    [['list', 'missing-folder'], 1]
  ])('%j exits %i with a message on stderr', async (argv, code) => {
    const ran = await cli(argv, await tempDir())
    expect(ran.code).toBe(code)
    expect(ran.stderr).toMatch(/^checkpoint-action: \S/)
  })

  it('list prints a table, or JSON, of every checkpoint with its status', async () => {
    const dir = await downloads()
    const table = await cli(['list'], dir)
    expect(table.code).toBe(0)
    expect(table.stdout.split('\n')[0]).toMatch(
      /^SCOPE\s+NODE\s+SEQ\s+ATTEMPT\s+TIME\s+FILES\s+SIZE\s+STATUS$/
    )
    expect(table.stdout).toMatch(
      /pipeline\s+build\s+2\s+1\s+2026-11-24 03:00:02Z\s+4\s+4\.0 KiB\s+valid/
    )
    const json = JSON.parse((await cli(['list', '.', '--json'], dir)).stdout) as {
      checkpoints: unknown[]
    }
    expect(json.checkpoints).toEqual([
      expect.objectContaining({ node: 'fetch', sequence: 1, status: 'valid', files: 3 }),
      expect.objectContaining({
        node: 'build',
        sequence: 2,
        status: 'valid',
        bytes: 4096 + 12 + 21
      })
    ])
  })

  it('list of an empty folder exits 1', async () => {
    const ran = await cli(['list'], await tempDir())
    expect(ran).toMatchObject({ code: 1, stdout: '' })
    expect(ran.stderr).toContain('No checkpoints found')
  })

  it('show prints state and files of a node, a name or a file; a missing node exits 1', async () => {
    const dir = await downloads()
    const shown = await cli(['show', 'fetch'], dir)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('"source": "api"')
    expect(shown.stdout).toMatch(/data\/latest\.csv -> rows\.csv\s+link/)
    const byName = await cli(['show', 'checkpoint.pipeline.a1.s002.build', '--json'], dir)
    expect(JSON.parse(byName.stdout)).toMatchObject({
      status: 'valid',
      checkpoint: { node: 'build' }
    })
    const byFile = await cli(
      ['show', join(dir, 'checkpoint.pipeline.a1.s001.fetch.json'), '--json'],
      await tempDir()
    )
    expect(JSON.parse(byFile.stdout)).toMatchObject({
      status: 'files-missing',
      checkpoint: { node: 'fetch' }
    })
    const missing = await cli(['show', 'deploy'], dir)
    expect(missing).toMatchObject({ code: 1, stdout: '' })
    expect(missing.stderr).toContain("Node 'deploy' has no checkpoint")
    expect(missing.stderr).toContain('nodes there: fetch, build')
  })

  it('show and verify of a checkpoint whose digest does not match exit 3', async () => {
    const dir = await downloads()
    const file = join(dir, 'checkpoint.pipeline.a1.s002.build.json')
    await writeFile(file, (await readFile(file, 'utf8')).replace('"built":true', '"built":false'))
    expect((await cli(['show', 'build'], dir)).code).toBe(3)
    const verified = await cli(['verify'], dir)
    expect(verified.code).toBe(3)
    expect(verified.stdout).toMatch(
      /checkpoint\s+checkpoint\.pipeline\.a1\.s002\.build\.json\s+failed/
    )
    const restored = await cli(['restore', '--to', 'out'], dir)
    expect(restored.code).toBe(3)
    expect(restored.stderr).toContain('pass --node checkpoint.pipeline.a1.s001.fetch.json')
    expect((await cli(['list', '--json'], dir)).code).toBe(0)
  })

  it('diff shows state per key, files and nodes', async () => {
    const dir = await downloads()
    const ran = await cli(['diff', 'fetch', 'build'], dir)
    expect(ran.stdout).toMatch(
      new RegExp(
        [
          '^checkpoint\\.pipeline\\.a1\\.s001\\.fetch\\.json -> checkpoint\\.pipeline\\.a1\\.s002\\.build\\.json',
          'State:',
          '  \\+ built: true',
          '  ~ rows: "1200" -> "1201"',
          'Files:',
          '  \\+ build/model\\.bin  4\\.0 KiB 644 [0-9a-f]{12}',
          'Nodes done:',
          '  \\+ build',
          '$'
        ].join('\\n')
      )
    )
    const json = JSON.parse(
      (await cli(['diff', 'fetch', 'build', '--json'], dir)).stdout
    ) as unknown
    expect(json).toMatchObject({
      state: [
        { key: 'built', change: 'added', to: true },
        { key: 'rows', change: 'changed', from: '1200', to: '1201' }
      ],
      files: [{ path: 'build/model.bin', change: 'added' }],
      nodes: { added: ['build'], removed: [] }
    })
    expect((await cli(['diff', 'build', 'build'], dir)).stdout).toContain('No differences.')
  })

  it('verify passes good downloads, restore puts files and state into a folder', async () => {
    const dir = await downloads()
    const verified = await cli(['verify'], dir)
    expect(verified).toMatchObject({ code: 0 })
    expect(verified.stdout).toContain('All verified.')
    const restored = await cli(['restore', '--to', 'replay', '--node', 'fetch', '--json'], dir)
    expect(JSON.parse(restored.stdout)).toMatchObject({
      checkpoint: 'checkpoint.pipeline.a1.s001.fetch.json',
      files: 2,
      links: 1
    })
    expect(JSON.parse(await readFile(join(dir, 'replay/state.json'), 'utf8'))).toEqual({
      rows: '1200',
      source: 'api'
    })
  })

  it('export then import gives a store folder the library reads', async () => {
    const dir = await downloads()
    expect((await cli(['export', '--out', 'all.json'], dir)).code).toBe(0)
    const imported = await cli(['import', 'all.json', '--to', 'store', '--json'], dir)
    expect(JSON.parse(imported.stdout)).toMatchObject({
      written: ['checkpoint.pipeline.a1.s001.fetch.json', 'checkpoint.pipeline.a1.s002.build.json']
    })
    const manager = new CheckpointManager(new LocalDirectoryStore(join(dir, 'store')), {
      scope: 'pipeline'
    })
    expect((await manager.latestValid())?.state).toEqual({
      rows: '1201',
      source: 'api',
      built: true
    })
    expect((await cli(['import', 'all.json', '--to', 'store', '--json'], dir)).stdout).toContain(
      '"written": []'
    )
    expect((await cli(['list', 'store'], dir)).stdout).toContain('files missing')
  })
})

describe('checkpoints written with the action signing-key and encryption-key', () => {
  const keys = { signingKey: 'sign me', encryptionKey: 'hide me' }
  const env = {
    CHECKPOINT_SIGNING_KEY: keys.signingKey,
    CHECKPOINT_ENCRYPTION_KEY: keys.encryptionKey
  }

  it('are untrusted without the keys, and read, verify and restore with them', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE, { keys })
    expect(
      await readFile(join(dir, 'checkpoint.pipeline.a1.s001.fetch.json'), 'utf8')
    ).not.toContain('1200')
    const listed = await cli(['list'], dir)
    expect(listed.stdout).toMatch(/fetch\s+1\s+1\s+-\s+-\s+-\s+untrusted/)
    expect(listed.stderr).toContain('CHECKPOINT_ENCRYPTION_KEY')
    expect((await cli(['show', 'build'], dir)).code).toBe(3)
    expect((await cli(['list'], dir, env)).stdout).toMatch(
      /build\s+2\s+1\s+\S+ \S+\s+4\s+4\.0 KiB\s+valid/
    )
    const verified = await cli(['verify', '--json'], dir, env)
    expect(verified.code).toBe(0)
    const restored = await cli(['restore', '--to', 'out'], dir, env)
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(await readFile(join(dir, 'out/data/rows.csv'), 'utf8')).toBe('id,name\n1,a\n')
    expect(await readFile(join(dir, 'out/build/model.bin'))).toEqual(Buffer.alloc(4096, 7))
  })

  it('refuses a wrong key, and unsigned checkpoints when a signing key is set', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE, { keys })
    const wrong = await cli(['show', 'build'], dir, { ...env, CHECKPOINT_ENCRYPTION_KEY: 'nope' })
    expect(wrong.code).toBe(3)
    expect(wrong.stderr).toContain('does not decrypt')
    const plain = await downloads()
    const unsigned = await cli(['verify'], plain, { CHECKPOINT_SIGNING_KEY: 'sign me' })
    expect(unsigned.code).toBe(3)
    expect(unsigned.stdout).toContain('it is not signed')
  })

  it('verify without the file key checks encrypted files as stored', async () => {
    const dir = await tempDir()
    await writeDownloads(dir, PIPELINE, { keys })
    const source = await readCheckpointSource(dir, { codec: new CheckpointCodec(keys) })
    try {
      const report = await verifySource(source)
      expect(report.ok).toBe(true)
      expect(report.items.filter(item => item.kind === 'archive').map(item => item.note)).toEqual([
        expect.stringContaining('encrypted: checked as stored'),
        expect.stringContaining('encrypted: checked as stored')
      ])
    } finally {
      await source.close()
    }
  })
})
