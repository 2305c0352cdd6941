import type { CommandSpec } from '../args.js'
import { IntegrityError, NotFoundError } from '../../offline/offline-errors.js'
import { cell, formatBytes, json, table } from '../format.js'
import { verifySource, type VerifiedItem, type VerifyReport } from '../../offline/verify.js'
import type { CheckpointSource } from '../../offline/source.js'
import { codecOf, JSON_OPTION, SOURCE_ARGUMENT, withSource } from './command-options.js'

/** `verify`: every digest in a source; exit 3 on any mismatch. */
export const verifyCommand: CommandSpec = {
  name: 'verify',
  summary: 'check the digest of every checkpoint and every file',
  description:
    "Checks every checkpoint's digest, and every files archive present: its bytes against the\n" +
    'digest recorded at upload, then each file, extracted into a temporary folder through the\n' +
    'manifest-checked extractor, against its size and sha256. Exits 3 when anything fails\n' +
    '(a checkpoint of a newer schema cannot be verified and fails too). Archives that were not\n' +
    'downloaded are listed, not failed, and then it does not say "All verified": the files in\n' +
    'them were not checked.',
  arguments: [SOURCE_ARGUMENT],
  options: { json: JSON_OPTION },
  async run(args, io) {
    await withSource(args.positionals[0], io, async source => {
      if (source.checkpoints.length + source.archives.length + source.problems.length === 0) {
        throw new NotFoundError(`No checkpoints found in ${source.location}`)
      }
      const report = await verifySource(source, { fileKey: codecOf(io).fileKey })
      io.stdout.write(args.flag('json') ? json(report) : verifyText(report, source))
      const failed = report.items.filter(
        item => item.result === 'failed' || item.result === 'newer-schema'
      )
      if (failed.length > 0) {
        throw new IntegrityError(`Verification failed: ${failed.map(item => item.name).join(', ')}`)
      }
    })
  }
}

function detail(item: VerifiedItem): string {
  const text = item.problem ?? item.note
  if (text !== undefined) return cell(text, 1000)
  return item.files === undefined ? '' : `${item.files} file(s), ${formatBytes(item.bytes ?? 0)}`
}

function verifyText(report: VerifyReport, source: CheckpointSource): string {
  const rows = report.items.map(item => [item.kind, item.name, item.result, detail(item)])
  const missing = report.missing.map(name => {
    const pack = source.packOf(name)
    return `not downloaded, not verified: ${name}${pack === undefined ? '' : ` (in pack ${pack})`}\n`
  })
  return `${table(['KIND', 'NAME', 'RESULT', 'DETAIL'], rows)}${missing.join('')}${verdict(report)}`
}

/** The last line: "All verified" only when nothing the checkpoints need went unchecked. */
function verdict(report: VerifyReport): string {
  if (!report.ok) return ''
  if (report.missing.length === 0) return 'All verified.\n'
  return `What is here verified; ${report.missing.length} archive(s) the checkpoints need were not downloaded, so their files are not verified.\n`
}
