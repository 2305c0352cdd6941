import { describe, expect, it } from '@jest/globals'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { JobRunner } from '../../local/runner.js'
import { e2eWorld } from '../../__fixtures__/e2e.js'

const world = e2eWorld({ runs: ['restore', 'save'] })

const fakeToken = `ghp_${'a1B2'.repeat(9)}`

async function withFile(job: JobRunner, path: string, text: string): Promise<void> {
  await mkdir(join(job.options.workspace, path, '..'), { recursive: true })
  await writeFile(join(job.options.workspace, path), text)
}

describe('no secrets in checkpoints', () => {
  it.each([
    ['a GitHub token', { auth: { token: fakeToken } }, 'auth.token'],
    ['a GitHub fine-grained token', { pat: `github_pat_${'x'.repeat(30)}` }, 'pat'],
    ['a PEM private key', { key: '-----BEGIN RSA PRIVATE KEY-----\nMIIE' }, 'key'],
    ['an AWS access key id', { aws: ['ok', 'AKIAIOSFODNN7EXAMPLE'] }, 'aws[1]']
  ])('refuses state holding %s, naming the key, unless allow-secrets', async (kind, state, key) => {
    const { run, job } = await world.newRun()
    const refused = await job.uses('save', { node: 'n', state: JSON.stringify(state) })
    expect(refused.code).toBe(1)
    expect(refused.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining(`State key '${key}' of node 'n' holds ${kind}`)
    })
    expect(world.standIn.listArtifacts(run)).toEqual([])
    const allowed = await job.uses('save', {
      node: 'n',
      state: JSON.stringify(state),
      'allow-secrets': 'true'
    })
    expect(allowed.outputs.saved).toBe('true')
  })

  it("never saves the job's token, in state or in a file, even with allow-secrets", async () => {
    const { run, job } = await world.newRun()
    const inState = await job.uses('save', {
      node: 'n',
      state: `t=${job.meta.token}`,
      'allow-secrets': 'true'
    })
    expect(inState.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining("holds the job's token")
    })
    await withFile(job, 'out/config.txt', `token: ${job.meta.token}\n`)
    const inFile = await job.uses('save', { node: 'n', paths: 'out/', 'allow-secrets': 'true' })
    expect(inFile.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining('File out/config.txt contains the job')
    })
    expect(world.standIn.listArtifacts(run)).toEqual([])
  })

  it('stops a save whose large files hold the token past the first uploaded block; nothing is committed', async () => {
    const { run, job } = await world.newRun()
    await job.uses('save', { node: 'first', state: 'a=1' })
    // 12 MiB of text, the token near the end: the first 8 MiB block is on its way by then.
    const filler = 'a line of a build log\n'.repeat(600_000)
    await withFile(job, 'out/big.log', `${filler}token: ${job.meta.token}\n`)
    const save = await job.uses('save', { node: 'n', paths: 'out/' })
    expect(save.annotations).toContainEqual({
      level: 'error',
      message: expect.stringContaining('File out/big.log contains the job')
    })
    // Only the first, clean checkpoint is listed: the refused upload was never finalized.
    expect(world.standIn.listArtifacts(run).map(a => a.name)).toEqual([
      'checkpoint.pipeline.a1.s001.first.json'
    ])
  })
})

describe('signed checkpoints', () => {
  it('restore with the signing key takes signed checkpoints and refuses unsigned or mis-signed ones', async () => {
    const { run, job: first } = await world.newRun()
    await first.uses('save', { node: 'unsigned', state: 'a=1' })
    await first.uses('save', { node: 'signed', state: 'b=2', 'signing-key': 'team secret' })
    const good = await (await world.job(run, 2)).uses('.', { 'signing-key': 'team secret' })
    expect(good.outputs).toMatchObject({
      resumed: 'true',
      checkpoint: 'checkpoint.pipeline.a1.s002.signed.json'
    })
    const wrong = await (await world.job(run, 3)).uses('.', { 'signing-key': 'other secret' })
    expect(wrong.outputs).toMatchObject({ resumed: 'false' })
    expect(wrong.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining(
        's002.signed.json is not trusted: its signature does not match the signing key'
      )
    })
    expect(wrong.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('s001.unsigned.json is not trusted: it is not signed')
    })
    const unmasked = wrong.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
    expect(wrong.stdout).toContain('::add-mask::other secret')
    expect(unmasked.join('\n')).not.toContain('other secret')
  })
})

describe('encrypted checkpoints', () => {
  it('leak neither state, file contents nor paths, and restore byte-identical with the key', async () => {
    const { run, job: first } = await world.newRun()
    const content = 'confidential-model-weights '.repeat(1000)
    await withFile(first, 'models/secret-name.bin', content)
    const key = 'correct horse battery staple'
    const saved = await first.uses('save', {
      node: 'train',
      paths: 'models/',
      state: 'accuracy=0.987654',
      'encryption-key': key,
      'signing-key': 'sign me'
    })
    expect(saved.outputs.saved).toBe('true')
    const bytes = [...(await world.artifactBytes(run, first.meta.token)).values()]
    for (const needle of [
      '0.987654',
      'confidential-model-weights',
      'secret-name',
      key,
      'sign me',
      first.meta.token
    ]) {
      expect(bytes.some(blob => blob.includes(needle))).toBe(false)
    }
    const restored = await (
      await world.job(run, 2)
    ).uses('.', { 'encryption-key': key, 'signing-key': 'sign me' })
    expect(restored.outputs).toMatchObject({ resumed: 'true', state: '{"accuracy":"0.987654"}' })
    const second = await world.job(run, 3)
    await second.uses('.', { 'encryption-key': key, 'signing-key': 'sign me' })
    expect(await readFile(join(second.options.workspace, 'models/secret-name.bin'), 'utf8')).toBe(
      content
    )
    const without = await (await world.job(run, 4)).uses('.')
    expect(without.outputs).toMatchObject({ resumed: 'false' })
    expect(without.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('it is encrypted: give the encryption key')
    })
    const wrongKey = await (
      await world.job(run, 5)
    ).uses('.', { 'encryption-key': 'wrong', 'signing-key': 'sign me' })
    expect(wrongKey.outputs).toMatchObject({ resumed: 'false' })
    expect(wrongKey.annotations).toContainEqual({
      level: 'warning',
      message: expect.stringContaining('does not decrypt with the encryption key')
    })
  })
})
