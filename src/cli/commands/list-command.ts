import { dirname, isAbsolute, relative } from 'node:path'
import type { CommandSpec } from '../args.js'
import { NotFoundError } from '../../offline/offline-errors.js'
import { formatBytes, formatTime, json, table } from '../format.js'
import type { CheckpointSource, CheckpointStatus, FoundCheckpoint } from '../../offline/source.js'
import {
  SCOPE_AND_JSON_OPTIONS,
  SOURCE_ARGUMENT,
  warnProblems,
  withSource
} from './command-options.js'

/** One checkpoint as `list --json` prints it. */
export interface ListEntry {
  name: string
  scope: string | null
  node: string | null
  sequence: number | null
  attempt: number | null
  createdAt: string | null
  /** Files in the checkpoint's manifest, and their bytes. */
  files: number | null
  bytes: number | null
  status: CheckpointStatus
  origin: string
  problem?: string
  /** For `files-missing`: the archives the source lacks. */
  missing?: string[]
}

const STATUS_TEXT: Record<CheckpointStatus, string> = {
  valid: 'valid',
  corrupt: 'corrupt',
  'newer-schema': 'newer schema',
  untrusted: 'untrusted',
  'files-missing': 'files missing'
}

/** `list`: every checkpoint in a source with its status. */
export const listCommand: CommandSpec = {
  name: 'list',
  summary: 'list the checkpoints in a source, with their status',
  description:
    'Lists every checkpoint found: node, sequence, attempt, time, the size of its files, and its\n' +
    'status: valid, corrupt (unreadable or its digest does not match), newer schema (written by\n' +
    'a newer version), untrusted (encrypted, or unsigned, and no matching key in\n' +
    'CHECKPOINT_ENCRYPTION_KEY / CHECKPOINT_SIGNING_KEY) or files missing (an archive its\n' +
    'files are in was not downloaded). A checkpoint inside a zip or a pack (a document retired\n' +
    'into a pack) is shown with its LOCATION, `<pack>!<entry>`.',
  arguments: [SOURCE_ARGUMENT],
  options: SCOPE_AND_JSON_OPTIONS,
  async run(args, io) {
    const scope = args.scope()
    await withSource(args.positionals[0], io, source => {
      warnProblems(source, io)
      const found = source.checkpoints.filter(item => !scope || item.ref?.scope === scope)
      if (found.length === 0) throw new NotFoundError(noneFound(source, scope))
      const entries = found.map(item => listEntry(source, item))
      if (args.flag('json'))
        io.stdout.write(json({ source: source.location, checkpoints: entries }))
      else io.stdout.write(listTable(entries, source.location))
      for (const entry of entries) {
        if (entry.problem) io.stderr.write(`${entry.name}: ${entry.problem}\n`)
      }
    })
  }
}

/** Why `list` found nothing; with `--scope`, the scopes the source does hold. */
function noneFound(source: CheckpointSource, scope: string | undefined): string {
  const scopes = [...new Set(source.checkpoints.flatMap(item => item.ref?.scope ?? []))]
  if (scope === undefined || scopes.length === 0) {
    return `No checkpoints found in ${source.location}`
  }
  return `No checkpoints of scope ${scope} in ${source.location}; scopes there: ${scopes.join(', ')}`
}

/** What `list` shows of one checkpoint. */
export function listEntry(source: CheckpointSource, found: FoundCheckpoint): ListEntry {
  const status = source.status(found)
  const files = found.document?.files.filter(file => file.link === undefined)
  const missing = found.document ? source.missingArchives(found.document) : []
  return {
    name: found.name,
    scope: found.ref?.scope ?? null,
    node: found.ref?.node ?? null,
    sequence: found.ref?.sequence ?? null,
    attempt: found.ref?.attempt ?? null,
    createdAt: found.createdAt ?? null,
    files: found.document ? found.document.files.length : null,
    bytes: files ? files.reduce((total, file) => total + file.size, 0) : null,
    status,
    origin: found.origin,
    ...(found.error ? { problem: found.error.message } : {}),
    ...(missing.length > 0 ? { missing } : {})
  }
}

/**
 * The table `list` prints; with a LOCATION column when some checkpoint lies inside a zip or a
 * pack (`<pack>!<entry>`, relative to the source), so a document retired into a pack is found.
 */
function listTable(entries: ListEntry[], location: string): string {
  const header = ['SCOPE', 'NODE', 'SEQ', 'ATTEMPT', 'TIME', 'FILES', 'SIZE', 'STATUS']
  const nested = entries.some(entry => entry.origin.includes('!'))
  const rows = entries.map(entry => [
    entry.scope ?? '?',
    entry.node ?? '?',
    entry.sequence === null ? '?' : String(entry.sequence),
    entry.attempt === null ? '?' : String(entry.attempt),
    formatTime(entry.createdAt ?? undefined),
    entry.files === null ? '-' : String(entry.files),
    entry.bytes === null ? '-' : formatBytes(entry.bytes),
    STATUS_TEXT[entry.status],
    ...(nested ? [relativeOrigin(entry.origin, location)] : [])
  ])
  return table(nested ? [...header, 'LOCATION'] : header, rows)
}

function relativeOrigin(origin: string, location: string): string {
  const from = origin.startsWith(`${location}!`) ? dirname(location) : location
  const path = relative(from, origin)
  return path === '' || path.startsWith('..') || isAbsolute(path) ? origin : path
}
