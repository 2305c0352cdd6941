// The machine the figures were measured on, for the report's header.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { bundleNode } from '../../local/node24.js'

export function machine() {
  const list = cpus()
  return {
    cpu: list[0]?.model?.trim() || 'unknown',
    cores: list.length,
    ramBytes: totalmem(),
    node: process.version,
    /** The Node the bundles (candidate and baselines) run on: 24, as on a runner. */
    bundleNode: firstLine([bundleNode(), '--version']),
    os: osName(),
    tar: firstLine(['tar', '--version']),
    date: new Date().toISOString(),
    loadStart: loadavg()
  }
}

function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? process.platform
  } catch {
    return process.platform
  }
}

function firstLine(command) {
  try {
    return execFileSync(command[0], command.slice(1), { encoding: 'utf8' }).split('\n')[0]
  } catch {
    return 'not installed'
  }
}
