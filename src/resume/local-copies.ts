import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { parseAnyArtifactName } from '../checkpoint/naming.js'
import { ArchiveIntegrityError } from '../packing/packing-errors.js'

/**
 * The job's copies of what it uploaded or downloaded for one scope, in one folder under
 * RUNNER_TEMP: the small archives (so a merge into a pack never downloads them again) and the
 * checkpoint documents this job wrote (so a pack can carry the ones it retires). A copy is used
 * only when its sha256 is the one the checkpoint recorded.
 */
export class LocalCopies {
  constructor(readonly folder: string) {}

  /** The copies of `scope` on this runner. */
  static of(runnerTemp: string, scope: string): LocalCopies {
    return new LocalCopies(join(runnerTemp, `checkpoint-copies-${scope}`))
  }

  /** Where the copy of an artifact goes; only names this project gives are taken. */
  path(name: string): string {
    if (!parseAnyArtifactName(name)) {
      throw new ArchiveIntegrityError(name, 'its name is not one this action gives an artifact')
    }
    return join(this.folder, name)
  }

  /** The folder, made when first needed. */
  async ready(): Promise<string> {
    await mkdir(this.folder, { recursive: true })
    return this.folder
  }

  /** The copy of `name` when its bytes hash to `digest`; a copy that differs is not used. */
  async verified(name: string, digest: string): Promise<string | undefined> {
    const file = this.path(name)
    // Most archives have no copy yet on a fresh runner: asked cheaply before any read.
    if (!(await stat(file).catch(() => undefined))?.isFile()) return undefined
    try {
      return (await sha256File(file)) === digest ? file : undefined
    } catch {
      return undefined
    }
  }

  /** Moves `file` in as the copy of `name`. */
  async adopt(name: string, file: string): Promise<string> {
    await this.ready()
    await rename(file, this.path(name))
    return this.path(name)
  }

  /** Keeps a document's text, for the pack that retires it later. */
  async keepText(name: string, text: string): Promise<void> {
    await this.ready()
    await writeFile(this.path(name), text)
  }

  /** The text kept for `name`, if any. */
  async text(name: string): Promise<string | undefined> {
    return readFile(this.path(name), 'utf8').catch(() => undefined)
  }

  /** The names of the retired documents a pack this job wrote holds, as recorded when written. */
  async packDocuments(pack: string): Promise<string[]> {
    const text = await readFile(`${this.path(pack)}.documents`, 'utf8').catch(() => '')
    return text.split('\n').filter(name => name !== '')
  }

  /** Records which retired documents a pack holds. */
  async recordPackDocuments(pack: string, documents: string[]): Promise<void> {
    await this.ready()
    await writeFile(`${this.path(pack)}.documents`, documents.join('\n'))
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return `sha256:${hash.digest('hex')}`
}
