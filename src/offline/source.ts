import { rm } from 'node:fs/promises'
import { UntrustedCheckpointError } from '../checkpoint/codec.js'
import { UnsupportedSchemaError, type CheckpointError } from '../checkpoint/errors.js'
import type { ArchiveRecord, CheckpointDocument, FileRecord } from '../checkpoint/document.js'
import { compareRefs, filesArchiveName, type CheckpointRef } from '../checkpoint/naming.js'

/** What `list` says of a checkpoint. */
export type CheckpointStatus = 'valid' | 'corrupt' | 'newer-schema' | 'untrusted' | 'files-missing'

/** A checkpoint document found in a source, good or not. */
export interface FoundCheckpoint {
  /** Its name, `checkpoint.<scope>.a<attempt>.s<sequence>.<node>.json`, or the file's name. */
  name: string
  /** Read from its name, or from its content; undefined when neither tells. */
  ref: CheckpointRef | undefined
  /** Where it was found: a file, `<zip>!<entry>`, or `<export>#<index>`. */
  origin: string
  /** The verified document; undefined when it did not parse or verify. */
  document: CheckpointDocument | undefined
  /**
   * Why it did not: CorruptCheckpointError, UnsupportedSchemaError, or UntrustedCheckpointError
   * (encrypted and no key given, or not signed with the signing key given).
   */
  error: CheckpointError | undefined
  /** When it was written, as far as its content tells, even for a corrupt one. */
  createdAt: string | undefined
}

/** A files archive found in a source: the zip as downloaded, or a folder it was unzipped into. */
export interface FoundArchive {
  /** The artifact's name, `checkpoint.<scope>.a<attempt>.s<sequence>.<node>.files`. */
  name: string
  origin: string
  form: 'zip' | 'folder'
  /** The zip file or the folder. */
  path: string
}

/** Something in the source that could not be read at all (a truncated zip, say). */
export interface SourceProblem {
  origin: string
  error: CheckpointError
}

/**
 * Checkpoints as downloaded from a run page: documents, files archives and the problems met
 * reading them, with the questions every command asks of them.
 */
export class CheckpointSource {
  /** Every checkpoint found: by scope, then oldest first by (attempt, sequence). */
  readonly checkpoints: readonly FoundCheckpoint[]

  constructor(
    /** The path the source was read from. */
    readonly location: string,
    checkpoints: FoundCheckpoint[],
    private readonly archivesByName: ReadonlyMap<string, FoundArchive>,
    readonly problems: readonly SourceProblem[],
    private readonly temporary: string[] = []
  ) {
    this.checkpoints = [...checkpoints].sort(byRefThenValidity)
  }

  /** The files archives found, by name. */
  get archives(): FoundArchive[] {
    return [...this.archivesByName.values()]
  }

  /** The documents that verified, oldest first. */
  get valid(): CheckpointDocument[] {
    return this.checkpoints.flatMap(found => (found.document ? [found.document] : []))
  }

  /** A files archive by its artifact name. */
  archive(name: string): FoundArchive | undefined {
    return this.archivesByName.get(name)
  }

  /** Names of the archives a document's files live in that the source does not hold. */
  missingArchives(document: CheckpointDocument): string[] {
    return archivesOf(document).filter(name => !this.archivesByName.has(name))
  }

  /** What `list` says of a checkpoint. */
  status(found: FoundCheckpoint): CheckpointStatus {
    if (found.error instanceof UnsupportedSchemaError) return 'newer-schema'
    if (found.error instanceof UntrustedCheckpointError) return 'untrusted'
    if (!found.document) return 'corrupt'
    return this.missingArchives(found.document).length > 0 ? 'files-missing' : 'valid'
  }

  /**
   * Every file an archive holds, as recorded: the archive's own checkpoint lists all of them
   * (later checkpoints drop the paths a later node replaced), else the newest records wins.
   */
  manifest(archive: string): FileRecord[] {
    const byPath = new Map<string, FileRecord>()
    for (const document of this.documentsRecording(archive)) {
      for (const file of document.files) {
        if (file.archive === archive && file.link === undefined && !byPath.has(file.path)) {
          byPath.set(file.path, file)
        }
      }
    }
    return [...byPath.values()]
  }

  /** What the checkpoints recorded of an archive at upload (size, digest), if any did. */
  archiveRecord(archive: string): ArchiveRecord | undefined {
    for (const document of this.documentsRecording(archive)) {
      const record = document.archives.find(item => item.name === archive)
      if (record) return record
    }
    return undefined
  }

  /**
   * The pack artifact a checkpoint recorded an archive in (`ArchiveRecord.pack`), if any did:
   * what to download when the archive is missing. Documents written before it was packed do
   * not say, so every document is asked.
   */
  packOf(archive: string): string | undefined {
    for (const document of this.valid.reverse()) {
      const pack = document.archives.find(record => record.name === archive)?.pack
      if (pack !== undefined) return pack
    }
    return undefined
  }

  /** Removes what reading the source extracted to temporary folders. */
  async close(): Promise<void> {
    const folders = this.temporary.splice(0)
    await Promise.all(folders.map(folder => rm(folder, { recursive: true, force: true })))
  }

  /** The archive's own checkpoint first, then the others newest first. */
  private documentsRecording(archive: string): CheckpointDocument[] {
    const documents = this.valid.reverse()
    const own = documents.filter(document => filesArchiveName(document) === archive)
    return [...own, ...documents.filter(document => filesArchiveName(document) !== archive)]
  }
}

/** The archives a document's files live in, in manifest order, each once. */
export function archivesOf(document: CheckpointDocument): string[] {
  const names = document.files.flatMap(file =>
    file.link === undefined && file.archive !== undefined ? [file.archive] : []
  )
  return [...new Set(names)]
}

function byRefThenValidity(a: FoundCheckpoint, b: FoundCheckpoint): number {
  if (!a.ref || !b.ref) return (a.ref ? 1 : 0) - (b.ref ? 1 : 0)
  const scopes = a.ref.scope < b.ref.scope ? -1 : a.ref.scope > b.ref.scope ? 1 : 0
  return scopes || compareRefs(a.ref, b.ref) || (a.document ? 0 : 1) - (b.document ? 0 : 1)
}
