import type { CommandSpec } from '../args.js'
import { diffCheckpoints, isEmptyDiff, type CheckpointDiff } from '../../offline/diff.js'
import { cell, formatBytes, json, shortDigest } from '../format.js'
import { documentOf } from '../../offline/select.js'
import {
  findTarget,
  SCOPE_AND_JSON_OPTIONS,
  SOURCE_ARGUMENT,
  withSource
} from './command-options.js'
import type { FileRecord } from '../../checkpoint/document.js'

/** `diff`: what changed between two checkpoints. */
export const diffCommand: CommandSpec = {
  name: 'diff',
  summary: 'compare two checkpoints: state per key, files, nodes done',
  description:
    'Compares two checkpoints, e.g. two attempts of a node: state keys added, removed or\n' +
    'changed, files added, removed or changed (content, size, mode or link), nodes done.\n' +
    'Each of A and B is a node id, a checkpoint name, or a downloaded file.',
  arguments: [
    { name: '<a>', optional: false, description: 'the first checkpoint' },
    { name: '<b>', optional: false, description: 'the second checkpoint' },
    SOURCE_ARGUMENT
  ],
  options: SCOPE_AND_JSON_OPTIONS,
  async run(args, io) {
    const [first = '', second = '', path] = args.positionals
    await withSource(path, io, async source => {
      const scope = args.scope()
      const a = documentOf((await findTarget(first, source, io, scope)).found)
      const b = documentOf((await findTarget(second, source, io, scope)).found)
      const diff = diffCheckpoints(a, b)
      io.stdout.write(args.flag('json') ? json(diff) : diffText(diff))
    })
  }
}

/** The human-readable form of `diff`: `+` added, `-` removed, `~` changed. */
export function diffText(diff: CheckpointDiff): string {
  const lines = [`${diff.from} -> ${diff.to}`]
  if (isEmptyDiff(diff)) return `${lines[0] ?? ''}\nNo differences.\n`
  if (diff.state.length > 0) lines.push('State:')
  for (const change of diff.state) {
    if (change.change === 'added') lines.push(`  + ${change.key}: ${value(change.to)}`)
    else if (change.change === 'removed') lines.push(`  - ${change.key}: ${value(change.from)}`)
    else lines.push(`  ~ ${change.key}: ${value(change.from, 36)} -> ${value(change.to, 36)}`)
  }
  if (diff.files.length > 0) lines.push('Files:')
  for (const change of diff.files) {
    if (change.change === 'added' && change.to)
      lines.push(`  + ${change.path}  ${describeFile(change.to)}`)
    else if (change.change === 'removed' && change.from)
      lines.push(`  - ${change.path}  ${describeFile(change.from)}`)
    else if (change.from && change.to) {
      lines.push(`  ~ ${change.path}  ${describeFile(change.from)} -> ${describeFile(change.to)}`)
    }
  }
  if (diff.nodes.added.length + diff.nodes.removed.length > 0) lines.push('Nodes done:')
  for (const node of diff.nodes.added) lines.push(`  + ${node}`)
  for (const node of diff.nodes.removed) lines.push(`  - ${node}`)
  return `${lines.join('\n')}\n`
}

/** A state value as JSON, so `"1"` and `1` differ on screen as they do in the state. */
function value(json: unknown, width = 60): string {
  return cell(JSON.stringify(json), width)
}

function describeFile(file: FileRecord): string {
  if (file.link !== undefined) return `link to ${file.link}`
  return `${formatBytes(file.size)} ${(file.mode & 0o777).toString(8)} ${shortDigest(file.sha256)}`
}
