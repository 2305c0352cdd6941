import type { CheckpointCodec } from '../checkpoint/codec.js'
import { serializeCheckpoint, type CheckpointDocument } from '../checkpoint/document.js'
import { CheckpointNotFoundError } from '../checkpoint/errors.js'
import { CheckpointManager, exportDocument, type CheckpointExport } from '../checkpoint/manager.js'
import { checkpointName, type CheckpointRef } from '../checkpoint/naming.js'
import type { CheckpointStore } from '../checkpoint/store.js'
import { LocalDirectoryStore } from './local-directory-store.js'
import { NotFoundError, UsageError } from './offline-errors.js'
import type { CheckpointSource, FoundCheckpoint } from './source.js'

/** An export, and the checkpoints of its scope left out of it because they did not verify. */
export interface ExportResult {
  data: CheckpointExport
  skipped: FoundCheckpoint[]
}

/**
 * The seed's full state export of one scope of a source: every valid checkpoint (metadata,
 * state and file manifests, not file bytes) in one JSON document, through
 * `CheckpointManager.exportAll`.
 * @param scope needed only when the source holds several scopes
 */
export async function exportScope(
  source: CheckpointSource,
  scope?: string,
  now = new Date()
): Promise<ExportResult> {
  const chosen = scope ?? onlyScope(source)
  if (!source.checkpoints.some(found => found.ref?.scope === chosen)) {
    throw new NotFoundError(`No checkpoints of scope ${chosen} in ${source.location}`)
  }
  const manager = new CheckpointManager(new SourceStore(source), { scope: chosen })
  const data = await manager.exportAll(now)
  const skipped = source.checkpoints.filter(found => found.ref?.scope === chosen && !found.document)
  return { data, skipped }
}

/** What an import wrote into a store folder, and what it left out. */
export interface ImportResult {
  to: string
  written: CheckpointRef[]
  skipped: FoundCheckpoint[]
}

/** Options of {@link importSource}. */
export interface ImportOptions {
  /** Imports only this scope (default: every scope in the source). */
  scope?: string | undefined
  /** Signs and encrypts what is written, as the action would with the same keys. */
  codec?: CheckpointCodec
  now?: Date
}

/**
 * Writes every valid checkpoint of a source (an export file, downloads) into a local store
 * folder through `CheckpointManager.importAll`: each verified again, one already there with the
 * same digest left alone, one that differs refused.
 * @throws CorruptCheckpointError when the folder holds a different checkpoint of the same name
 */
export async function importSource(
  source: CheckpointSource,
  to: string,
  options: ImportOptions = {}
): Promise<ImportResult> {
  const { scope, codec } = options
  const inScope = source.checkpoints.filter(found => !scope || found.ref?.scope === scope)
  if (inScope.length === 0) throw new NotFoundError(`No checkpoints found in ${source.location}`)
  const byScope = new Map<string, CheckpointDocument[]>()
  for (const { document } of inScope) {
    if (document) byScope.set(document.scope, [...(byScope.get(document.scope) ?? []), document])
  }
  const store = new LocalDirectoryStore(to)
  const written: CheckpointRef[] = []
  for (const [name, checkpoints] of byScope) {
    const data = exportDocument(name, checkpoints, options.now ?? new Date())
    const manager = new CheckpointManager(store, { scope: name, ...(codec ? { codec } : {}) })
    written.push(...(await manager.importAll(data, source.location)))
  }
  return { to, written, skipped: inScope.filter(found => !found.document) }
}

function onlyScope(source: CheckpointSource): string {
  const scopes = [...new Set(source.checkpoints.flatMap(found => found.ref?.scope ?? []))]
  const [scope] = scopes
  if (scope === undefined) throw new NotFoundError(`No checkpoints found in ${source.location}`)
  if (scopes.length > 1) {
    throw new UsageError(
      `${source.location} holds several scopes (${scopes.join(', ')}): pass --scope`
    )
  }
  return scope
}

/** A source's valid checkpoints as a read-only store, so the manager can export them. */
class SourceStore implements CheckpointStore {
  readonly location: string

  constructor(private readonly source: CheckpointSource) {
    this.location = source.location
  }

  listNames(): Promise<string[]> {
    return Promise.resolve(this.source.valid.map(document => checkpointName(document)))
  }

  readText(name: string): Promise<string> {
    const document = this.source.valid.find(item => checkpointName(item) === name)
    if (!document) return Promise.reject(new CheckpointNotFoundError(`${this.location}/${name}`))
    return Promise.resolve(serializeCheckpoint(document))
  }

  writeText(name: string): Promise<void> {
    return Promise.reject(new UsageError(`${this.location} is read-only: cannot write ${name}`))
  }
}
