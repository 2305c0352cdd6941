import * as core from '../action/light-toolkit.js'
import { join } from 'node:path'
import { CheckpointCodec } from '../checkpoint/codec.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { nextCheckpoint } from '../checkpoint/progress.js'
import { cacheKey } from '../checkpoint/reuse.js'
import {
  assertNoCaseCollision,
  nextRef,
  nodeResult,
  packFiles,
  type SaveRequest,
  type ZipSink
} from './save-node.js'
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
  const zip = save.keepArchive ?? join(request.scratch, 'files.zip')
  const codec = new CheckpointCodec(save.protection)
  const ref = nextRef(save, context.run.attempt, base)
  const packedFiles = await packFiles(bytesTo(zip), ref, request, codec)
  const key = cacheKey(save.scope, save.node, save.fingerprint)
  // The archive is kept in the cache under the node's key, when it has one.
  const archive =
    packedFiles.archive && key ? { ...packedFiles.archive, cache: key } : packedFiles.archive
  const document = nextCheckpoint(base, nodeResult(request, archive, packedFiles.packed))
  core.info(
    `Checkpoint of node '${save.node}' built without artifacts (GitHub Enterprise Server): ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`
  )
  return document
}

/** A sink that writes the zip to a local file. */
function bytesTo(file: string): ZipSink {
  return (_name, bytes) => writeZip(file, bytes)
}
