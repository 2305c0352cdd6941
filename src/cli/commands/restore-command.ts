import { checkpointName } from '../../checkpoint/naming.js'
import type { CliIo, CommandSpec } from '../args.js'
import { formatBytes, json } from '../format.js'
import { cannotRestore, restoreCheckpoint } from '../../offline/restore-checkpoint.js'
import { documentOf, selectCheckpoint } from '../../offline/select.js'
import type { CheckpointSource, FoundCheckpoint } from '../../offline/source.js'
import { codecOf, SCOPE_AND_JSON_OPTIONS, SOURCE_ARGUMENT, withSource } from './command-options.js'

/** `restore`: a checkpoint's files and state into a folder. */
export const restoreCommand: CommandSpec = {
  name: 'restore',
  summary: "put a checkpoint's files and state.json into a folder",
  description:
    "Restores a checkpoint's files into DIR as the restore step does: every archive is verified\n" +
    'and extracted into a staging folder first, then files are moved into place with their mode,\n' +
    'links are recreated, and the state is written to state.json. An entry that would land\n' +
    'outside DIR (.., an absolute path, a link out) is refused with exit 3 and nothing is\n' +
    'placed. Files (or a state.json) already in DIR at the paths the checkpoint writes are\n' +
    'never replaced unasked: the restore lists them and exits 2, unless --force. Without\n' +
    '--node, the newest checkpoint; a corrupt one is refused, never skipped.',
  arguments: [SOURCE_ARGUMENT],
  options: {
    to: { type: 'string', value: 'DIR', description: 'the folder to restore into (required)' },
    node: {
      type: 'string',
      value: 'N',
      description: 'a node id or checkpoint name (default: the newest)'
    },
    'state-file': {
      type: 'string',
      value: 'PATH',
      description: 'where the state goes in DIR (default: state.json)'
    },
    force: {
      type: 'boolean',
      description: 'replace files already in DIR at the paths the checkpoint writes'
    },
    ...SCOPE_AND_JSON_OPTIONS
  },
  async run(args, io) {
    const to = args.path(args.required('to'), io)
    const stateFile = args.string('state-file')
    await withSource(args.positionals[0], io, async source => {
      const found = selectCheckpoint(source, args.string('node'), args.scope())
      const fileKey = codecOf(io).fileKey
      hintIfCorrupt(source, found, fileKey, io)
      const document = documentOf(found)
      const result = await restoreCheckpoint(source, document, {
        to,
        fileKey,
        overwrite: args.flag('force'),
        ...(stateFile ? { stateFile } : {})
      })
      io.stdout.write(
        args.flag('json')
          ? json(result)
          : `Restored ${result.checkpoint} into ${result.to}: ${result.files} file(s), ${formatBytes(result.bytes)}, ${result.links} link(s); state in ${result.stateFile}\n`
      )
    })
  }
}

/**
 * Names the newest valid checkpoint when the one chosen does not verify: one whose files are
 * all in the source and can be decrypted, so that following the hint restores something.
 */
function hintIfCorrupt(
  source: CheckpointSource,
  found: FoundCheckpoint,
  fileKey: Buffer | undefined,
  io: CliIo
): void {
  if (found.document) return
  const valid = source.valid
    .filter(document => document.scope === found.ref?.scope)
    .filter(document => cannotRestore(source, document, fileKey) === undefined)
    .at(-1)
  if (valid) {
    const name = checkpointName(valid)
    io.stderr.write(
      `The newest valid checkpoint that can be restored from here is ${name}: pass --node ${name} to restore it.\n`
    )
  }
}
