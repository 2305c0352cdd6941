import { mkdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { decodeUtf8, parseCheckpoint } from '../checkpoint/document.js'
import { CheckpointError } from '../checkpoint/errors.js'
import {
  filesArchiveName,
  parseAnyArtifactName,
  parseArtifactName,
  type ArtifactKind,
  type CheckpointRef
} from '../checkpoint/naming.js'
import { IntegrityError, NotFoundError } from './offline-errors.js'
import type {
  GitHubClient,
  ProgressReporter,
  Repository,
  RestArtifact
} from '../transport/rest-client.js'
import { hashFile } from '../packing/meter.js'
import { isZipFile } from '../packing/zip-reader.js'

/** What to pull. */
export interface PullOptions {
  repository: Repository
  runId: number
  /** Only the checkpoints this attempt wrote (and the archives their files are in). */
  attempt?: number
  scope?: string
  /** The folder to download into; created when missing. */
  to: string
  /** Called per download; returns a reporter, or undefined for no progress display. */
  progress?: (artifact: RestArtifact) => { report: ProgressReporter; end: () => void } | undefined
}

/** One artifact pulled. */
export interface PulledArtifact {
  name: string
  file: string
  bytes: number
  /** `downloaded`, or `present` when an identical file was already there. */
  outcome: 'downloaded' | 'present'
}

interface Candidate {
  artifact: RestArtifact
  ref: CheckpointRef
  kind: ArtifactKind
}

/**
 * Downloads a run's checkpoints through the REST API as a browser saves them from the run page:
 * documents as `<name>` (plain JSON), files archives and packs as `<name>.zip`. The documents
 * come first; with `attempt`, only the archives they need follow, and the packs that hold those
 * archives or that the attempt wrote (its retired documents). Every download is checked against
 * the digest the API recorded at upload before it takes its final name.
 * @throws NotFoundError when the run has no matching checkpoints; IntegrityError; GitHubApiError
 */
export async function pullRun(
  client: GitHubClient,
  options: PullOptions
): Promise<PulledArtifact[]> {
  const listed = await client.listRunArtifacts(options.repository, options.runId)
  const candidates = listed.flatMap(artifact => candidateOf(artifact, options.scope))
  const documents = candidates.filter(
    item =>
      item.kind === 'json' &&
      (options.attempt === undefined || item.ref.attempt === options.attempt)
  )
  if (documents.length === 0) throw new NotFoundError(noCheckpoints(options))
  await mkdir(options.to, { recursive: true })
  const pulled: PulledArtifact[] = []
  for (const item of documents) pulled.push(await pullOne(client, item.artifact, options))
  const wanted = options.attempt === undefined ? undefined : await archivesNeeded(pulled)
  for (const item of candidates) {
    if (item.kind === 'json' || !isWanted(item, wanted, options.attempt)) continue
    pulled.push(await pullOne(client, item.artifact, options))
  }
  return pulled
}

/** An archive or pack to pull: all of them, or those the attempt's documents need. */
function isWanted(item: Candidate, wanted: Set<string> | undefined, attempt?: number): boolean {
  if (!wanted || wanted.has(item.artifact.name)) return true
  return item.kind === 'pack' && item.ref.attempt === attempt
}

function candidateOf(artifact: RestArtifact, scope: string | undefined): Candidate[] {
  const parsed = parseAnyArtifactName(artifact.name)
  if (!parsed || artifact.expired || (scope !== undefined && parsed.ref.scope !== scope)) return []
  return [{ artifact, ref: parsed.ref, kind: parsed.kind }]
}

function noCheckpoints(options: PullOptions): string {
  const { owner, name } = options.repository
  const filters = [
    options.scope === undefined ? '' : ` of scope ${options.scope}`,
    options.attempt === undefined ? '' : ` from attempt ${options.attempt}`
  ].join('')
  return `Run ${options.runId} of ${owner}/${name} has no checkpoints${filters} (expired ones are not listed)`
}

/**
 * The archives the pulled documents' files live in (their own, and earlier nodes'), and the
 * packs that hold some of them.
 */
async function archivesNeeded(pulled: PulledArtifact[]): Promise<Set<string>> {
  const names = new Set<string>()
  for (const item of pulled) {
    const ref = parseArtifactName(item.name)?.ref
    if (ref) names.add(filesArchiveName(ref))
    try {
      const document = parseCheckpoint(decodeUtf8(await readFile(item.file), item.file), item.file)
      for (const file of document.files) if (file.archive) names.add(file.archive)
      for (const record of document.archives) if (record.pack) names.add(record.pack)
    } catch (error) {
      // A corrupt document still gets its own archive; `verify` reports it.
      if (!(error instanceof CheckpointError)) throw error
    }
  }
  return names
}

async function pullOne(
  client: GitHubClient,
  artifact: RestArtifact,
  options: PullOptions
): Promise<PulledArtifact> {
  const present = await alreadyPresent(artifact, options.to)
  if (present)
    return { name: artifact.name, file: present, bytes: artifact.size, outcome: 'present' }
  const partial = join(options.to, `.${artifact.name}.part`)
  const display = options.progress?.(artifact)
  try {
    const report = display
      ? (bytes: number): void => {
          display.report(bytes)
        }
      : undefined
    const { bytes, digest } = await client.download(options.repository, artifact, partial, report)
    display?.end()
    if (artifact.digest !== undefined && digest !== artifact.digest) {
      throw new IntegrityError(
        `Download of ${artifact.name} does not match the digest recorded at upload (${bytes} of ${artifact.size} bytes)`
      )
    }
    const file = join(options.to, fileNameOf(artifact.name, await isZipFile(partial)))
    await rename(partial, file)
    return { name: artifact.name, file, bytes, outcome: 'downloaded' }
  } finally {
    await rm(partial, { force: true })
  }
}

/** The file name a browser gives the download: zips get `.zip`, a plain document keeps its name. */
function fileNameOf(name: string, zip: boolean): string {
  return zip && !name.toLowerCase().endsWith('.zip') ? `${name}.zip` : name
}

async function alreadyPresent(artifact: RestArtifact, folder: string): Promise<string | undefined> {
  if (artifact.digest === undefined) return undefined
  for (const file of [artifact.name, `${artifact.name}.zip`].map(name => join(folder, name))) {
    const hashed = await hashFile(file).catch(() => undefined)
    if (hashed?.digest === artifact.digest) return file
  }
  return undefined
}
