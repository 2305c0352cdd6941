import { ID_PATTERN } from './ids.js'

/** Identifies one checkpoint: enough to order it and to find it, without reading it. */
export interface CheckpointRef {
  scope: string
  attempt: number
  sequence: number
  node: string
}

/** Every name this project gives an artifact or a file starts with this. */
export const NAME_PREFIX = 'checkpoint'

const NAME_PATTERN = /^checkpoint\.([^.]+)\.a(\d{1,9})\.s(\d{1,9})\.([^.]+)\.(json|files|pack)$/

function stem(ref: CheckpointRef): string {
  const sequence = String(ref.sequence).padStart(3, '0')
  return `${NAME_PREFIX}.${ref.scope}.a${ref.attempt}.s${sequence}.${ref.node}`
}

/**
 * The name of a checkpoint document, as artifact and as file: `checkpoint.<scope>.a<attempt>.
 * s<sequence>.<node>.json`. Dots cannot occur in ids, so the name parses back unambiguously, and
 * the attempt in it means a re-run never reuses a name (a 409 from the artifact service).
 */
export function checkpointName(ref: CheckpointRef): string {
  return `${stem(ref)}.json`
}

/** The name of the archive holding the files a node added: `<stem>.files`. */
export function filesArchiveName(ref: CheckpointRef): string {
  return `${stem(ref)}.files`
}

/**
 * The name of a pack written by the save of `ref`: `<stem>.pack`, a zip of stored entries holding
 * small archives merged together and checkpoint documents retired from their own artifacts.
 */
export function packName(ref: CheckpointRef): string {
  return `${stem(ref)}.pack`
}

/** What an artifact name of this project holds: a document, a files archive, or a pack. */
export type ArtifactKind = 'json' | 'files' | 'pack'

const NAMERS: Record<ArtifactKind, (ref: CheckpointRef) => string> = {
  json: checkpointName,
  files: filesArchiveName,
  pack: packName
}

/** Reads a checkpoint document's name back into its ref; undefined for any other name. */
export function parseCheckpointName(name: string): CheckpointRef | undefined {
  const parsed = parseArtifactName(name)
  return parsed?.kind === 'json' ? parsed.ref : undefined
}

/** Reads a document's or a files archive's name back; undefined for others (packs too). */
export function parseArtifactName(
  name: string
): { ref: CheckpointRef; kind: 'json' | 'files' } | undefined {
  const parsed = parseAnyArtifactName(name)
  return parsed?.kind === 'pack'
    ? undefined
    : (parsed as { ref: CheckpointRef; kind: 'json' | 'files' } | undefined)
}

/** Reads a pack's name back into the ref of the save that wrote it; undefined for others. */
export function parsePackName(name: string): CheckpointRef | undefined {
  const parsed = parseAnyArtifactName(name)
  return parsed?.kind === 'pack' ? parsed.ref : undefined
}

/** Reads any name this project gives (document, files archive, pack); undefined for others. */
export function parseAnyArtifactName(
  name: string
): { ref: CheckpointRef; kind: ArtifactKind } | undefined {
  const match = NAME_PATTERN.exec(name)
  if (!match) return undefined
  const [, scope = '', attempt = '', sequence = '', node = '', kind = ''] = match
  if (!ID_PATTERN.test(scope) || !ID_PATTERN.test(node)) return undefined
  const ref = { scope, attempt: Number(attempt), sequence: Number(sequence), node }
  const parsed = { ref, kind: kind as ArtifactKind }
  // One spelling per checkpoint: `a01` or `s1` would name the same one twice.
  return NAMERS[parsed.kind](ref) === name ? parsed : undefined
}

/**
 * Orders checkpoints oldest first: by attempt, then by sequence. Never by artifact id (not
 * monotonic across attempts) and never by time stamps (second resolution, clock skew).
 */
export function compareRefs(a: CheckpointRef, b: CheckpointRef): number {
  return a.attempt - b.attempt || a.sequence - b.sequence || compareText(a.node, b.node)
}

/**
 * Orders texts by UTF-16 code units: the same order on every machine, whatever its locale, and
 * without the tens of milliseconds a first `localeCompare` takes to load the collation data.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** True when both refs name the same checkpoint. */
export function sameRef(a: CheckpointRef, b: CheckpointRef): boolean {
  return compareRefs(a, b) === 0 && a.scope === b.scope
}
