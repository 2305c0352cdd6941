import { writeFile } from 'node:fs/promises'
import { checkpointName } from '../../checkpoint/naming.js'
import type { CliIo, CommandSpec } from '../args.js'
import { json } from '../format.js'
import type { FoundCheckpoint } from '../../offline/source.js'
import { exportScope, importSource } from '../../offline/export-import.js'
import {
  codecOf,
  SCOPE_AND_JSON_OPTIONS,
  SCOPE_OPTION,
  SOURCE_ARGUMENT,
  warnProblems,
  withSource
} from './command-options.js'

/** `export`: every checkpoint of a scope in one JSON document. */
export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'write every checkpoint of a scope into one JSON document',
  description:
    'The full state export: every valid checkpoint of a scope (metadata, state and file\n' +
    'manifests, not file bytes) in one JSON document, to stdout or --out. Checkpoints that do\n' +
    'not verify are left out, each named on stderr.',
  arguments: [SOURCE_ARGUMENT],
  options: {
    scope: SCOPE_OPTION,
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write the export to FILE instead of stdout'
    }
  },
  async run(args, io) {
    const out = args.string('out')
    await withSource(args.positionals[0], io, async source => {
      warnProblems(source, io)
      const { data, skipped } = await exportScope(source, args.scope())
      warnSkipped(skipped, io)
      if (out === undefined) io.stdout.write(json(data))
      else {
        await writeFile(args.path(out, io), json(data))
        io.stderr.write(
          `Exported ${data.checkpoints.length} checkpoint(s) of scope ${data.scope} to ${out}\n`
        )
      }
    })
  }
}

/** `import`: checkpoints into a local store folder. */
export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'write the checkpoints of an export (or downloads) into a local store folder',
  description:
    'Writes every valid checkpoint of SOURCE (an export, or downloaded checkpoints) into a\n' +
    'local store folder that the library (LocalDirectoryStore) and this CLI read. Each is\n' +
    'verified again; one already there with the same digest is left alone, one that differs\n' +
    'is refused (exit 3). Checkpoints that do not verify are left out, each named on stderr.',
  arguments: [SOURCE_ARGUMENT],
  options: {
    to: { type: 'string', value: 'DIR', description: 'the store folder (required)' },
    ...SCOPE_AND_JSON_OPTIONS
  },
  async run(args, io) {
    const to = args.path(args.required('to'), io)
    await withSource(args.positionals[0], io, async source => {
      warnProblems(source, io)
      const result = await importSource(source, to, { scope: args.scope(), codec: codecOf(io) })
      warnSkipped(result.skipped, io)
      if (args.flag('json')) {
        const written = result.written.map(ref => checkpointName(ref))
        io.stdout.write(json({ to, written, skipped: result.skipped.map(found => found.name) }))
      } else {
        const names = result.written.map(ref => `  ${checkpointName(ref)}\n`).join('')
        io.stdout.write(`Imported ${result.written.length} checkpoint(s) into ${to}\n${names}`)
      }
    })
  }
}

function warnSkipped(skipped: FoundCheckpoint[], io: CliIo): void {
  for (const found of skipped) {
    io.stderr.write(`warning: left out ${found.name}: ${found.error?.message ?? 'not valid'}\n`)
  }
}
