import type { CheckpointDocument } from '../../checkpoint/document.js'
import { columns, type CommandSpec } from '../args.js'
import { cell, formatBytes, formatMode, formatTime, json, shortDigest, table } from '../format.js'
import { documentOf } from '../../offline/select.js'
import {
  findTarget,
  SCOPE_AND_JSON_OPTIONS,
  SOURCE_ARGUMENT,
  withSource
} from './command-options.js'

/** `show`: one checkpoint's state, nodes and files. */
export const showCommand: CommandSpec = {
  name: 'show',
  summary: "show a checkpoint's state and files",
  description:
    'Shows a checkpoint: where it comes from, the nodes done, the state and the files.\n' +
    '<node|file> is a node id (its newest checkpoint), a checkpoint name, or a downloaded file.\n' +
    'A checkpoint that does not verify is refused (exit 3): `list` and `verify` say why.',
  arguments: [
    { name: '<node|file>', optional: false, description: 'a node id, a checkpoint name or a file' },
    SOURCE_ARGUMENT
  ],
  options: SCOPE_AND_JSON_OPTIONS,
  async run(args, io) {
    const [target = '', path] = args.positionals
    await withSource(path, io, async source => {
      const chosen = await findTarget(target, source, io, args.scope())
      const document = documentOf(chosen.found)
      const missing = chosen.source.missingArchives(document)
      if (args.flag('json')) {
        const status = chosen.source.status(chosen.found)
        io.stdout.write(
          json({ origin: chosen.found.origin, status, missing, checkpoint: document })
        )
      } else {
        io.stdout.write(showText(document, chosen.found.origin, missing))
      }
    })
  }
}

/** The human-readable form of `show`. */
export function showText(document: CheckpointDocument, origin: string, missing: string[]): string {
  return [
    header(document, origin),
    nodesText(document),
    stateText(document),
    filesText(document, missing)
  ].join('\n')
}

function header(document: CheckpointDocument, origin: string): string {
  const run = document.run
  const where = [run.repository, run.ref, run.sha?.slice(0, 12)].filter(Boolean).join(' ')
  const rows = [
    [
      'checkpoint',
      `${document.scope}/${document.node} #${document.sequence}, attempt ${document.attempt}`
    ],
    ['file', origin],
    ['run', `${run.runId} attempt ${run.attempt}${where ? ` (${where})` : ''}`],
    ['created', formatTime(document.createdAt)],
    ['digest', `${document.digest} (verified)`],
    ...(document.parent ? [['parent', document.parent]] : [])
  ]
  return `${columns(rows).replace(/^ {2}/gm, '')}\n`
}

function nodesText(document: CheckpointDocument): string {
  const rows = document.nodes.map(node => [
    node.id,
    String(node.sequence),
    String(node.attempt),
    formatTime(node.savedAt),
    node.durationMs === undefined ? '-' : `${(node.durationMs / 1000).toFixed(1)} s`
  ])
  return `Nodes done:\n${indent(table(['NODE', 'SEQ', 'ATTEMPT', 'SAVED', 'TOOK'], rows))}`
}

function stateText(document: CheckpointDocument): string {
  return `State:\n${indent(json(document.state))}`
}

function filesText(document: CheckpointDocument, missing: string[]): string {
  if (document.files.length === 0) return 'Files: none\n'
  const rows = document.files.map(file => [
    file.link === undefined ? file.path : `${file.path} -> ${file.link}`,
    file.link === undefined ? formatBytes(file.size) : 'link',
    formatMode(file.mode),
    shortDigest(file.sha256),
    cell(file.archive ?? '-', 80)
  ])
  const notes = missing.map(
    name => `  not in the source: ${name} (download it to restore or verify)\n`
  )
  return `Files:\n${indent(table(['PATH', 'SIZE', 'MODE', 'SHA256', 'ARCHIVE'], rows))}${notes.join('')}`
}

function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ')
}
