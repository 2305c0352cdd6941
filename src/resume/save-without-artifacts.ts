import * as core from '../action/actions-core.js'
import { join } from 'node:path'
import { CheckpointCodec } from '../checkpoint/codec.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { nextCheckpoint } from '../checkpoint/progress.js'
import { cacheKey } from '../checkpoint/reuse.js'
import { assertNoCaseCollision, fileRecord, packFiles, type SaveRequest } from './save-node.js'
import { writeZip } from '../packing/zip-file.js'

/**
 * A save where there are no artifacts (GitHub Enterprise Server): the node's files are packed
 * into a local zip (the one the cache entry will hold) and the checkpoint is built on the job's,
 * recording that its archive is kept in the cache under the node's key. Nothing is uploaded
 * here: the caller saves the entry to the cache, the one store there is.
 */
export async function saveWithoutArtifacts(request: SaveRequest): Promise<CheckpointDocument> {
  const { save, context, job } = request
  const base = job.base
  assertNoCaseCollision(save.node, base)
  const ref = {
    scope: save.scope,
    attempt: context.run.attempt,
    sequence: (base?.sequence ?? 0) + 1,
    node: save.node
  }
  const zip = save.keepArchive ?? join(request.scratch, 'files.zip')
  const codec = new CheckpointCodec(save.protection)
  const { archive, packed } = await packFiles(
    (_name, bytes) => writeZip(zip, bytes),
    ref,
    request,
    codec
  )
  const key = cacheKey(save.scope, save.node, save.fingerprint)
  const document = nextCheckpoint(base, {
    scope: save.scope,
    node: save.node,
    run: context.run,
    state: save.state,
    files: request.files.map(file => fileRecord(file, archive, packed)),
    ...(archive ? { archive: key ? { ...archive, cache: key } : archive } : {}),
    ...(request.durationMs === undefined ? {} : { durationMs: request.durationMs }),
    ...(save.fingerprint ? { fingerprint: save.fingerprint } : {}),
    ...(save.partial ? { partial: true } : {})
  })
  core.info(
    `Checkpoint of node '${save.node}' built without artifacts (GitHub Enterprise Server): ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`
  )
  return document
}
