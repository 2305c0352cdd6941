// github.actions.results.api.v1.ArtifactService as @actions/artifact 6.x calls it: JSON with
// proto field names, int64 as strings, wrapper types as bare values.
import { TwirpError } from './http.js'

export const ARTIFACT_CONTAINER = 'actions-results'
export const MAX_ARTIFACTS_PER_JOB = 500
const DEFAULT_RETENTION_DAYS = 90
const FORBIDDEN_NAME_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/']
const ZIP_MIME = 'application/zip'

/**
 * `deferDigests`: FinalizeArtifact checks the size and takes the declared digest at once, and
 * hashes the blob afterwards, as a service that verifies uploads asynchronously would; the bench
 * asks for it so that the stand-in's own hashing (0.3 s per 100 MiB) is not charged to the step
 * being timed: the blobs are hashed only when `settleDigests()` asks, between timed steps.
 * @param {{store: any, azurite: import('./azurite.js').Azurite, faults: {signedUrl404ForEarlierAttempts: boolean}, artifactsPerJob?: number, deferDigests?: boolean}} deps
 *   artifactsPerJob: how many artifacts a job may hold at once (default 500, as on github.com)
 */
export function createArtifactService({
  store,
  azurite,
  faults,
  artifactsPerJob = MAX_ARTIFACTS_PER_JOB,
  deferDigests = false
}) {
  /** Digest checks of deferred finalizes, run when settleDigests() asks. */
  const deferred = []
  const ofRun = run => store.artifacts.filter(a => a.run === run && !a.deleted)
  const listed = run => ofRun(run).filter(a => a.finalized)
  const findListed = (run, name, jobBackendId) =>
    listed(run).find(a => a.name === name && (!jobBackendId || a.jobBackendId === jobBackendId))

  /** A read URL that makes the toolkit save or unzip the bytes as the real service does. */
  const readUrl = artifact =>
    azurite.sasUrl(ARTIFACT_CONTAINER, artifact.blob, {
      permissions: 'r',
      contentType: artifact.mimeType,
      contentDisposition: attachment(downloadFileName(artifact))
    })

  /** The blob's size, with the declared digest taken for now and checked later. */
  async function sizeNowDigestLater(artifact, body) {
    const properties = await azurite.blobProperties(ARTIFACT_CONTAINER, artifact.blob)
    if (!properties) return undefined
    const declared = String(body.hash ?? '').replace(/^sha256:/, '')
    deferred.push(async () => {
      if (artifact.deleted) return []
      const hashed = await azurite.hashBlob(ARTIFACT_CONTAINER, artifact.blob)
      const uploaded = hashed?.sha256 ?? 'nothing'
      if (uploaded === declared) return []
      return [`${artifact.name}: declared ${declared}, uploaded ${uploaded}`]
    })
    return { size: properties.size, sha256: declared }
  }

  const methods = {
    async CreateArtifact(body, caller) {
      requireOwnJob(body, caller)
      if (body.version !== 7) {
        throw new TwirpError('invalid_argument', `unsupported artifact version: ${body.version}`)
      }
      const name = validName(body.name)
      if (ofRun(caller.run).some(a => a.name === name)) {
        throw new TwirpError(
          'already_exists',
          'an artifact with this name already exists on the workflow run'
        )
      }
      const ownCount = ofRun(caller.run).filter(a => a.jobBackendId === caller.jobBackendId).length
      if (ownCount >= artifactsPerJob) {
        throw new TwirpError(
          'invalid_argument',
          `a job may upload at most ${artifactsPerJob} artifacts; this job already has ${ownCount}`
        )
      }
      const artifact = newArtifact(store, caller, name, body)
      store.artifacts.push(artifact)
      const signedUploadUrl = azurite.sasUrl(ARTIFACT_CONTAINER, artifact.blob, {
        permissions: 'cw'
      })
      return { ok: true, signed_upload_url: signedUploadUrl }
    },

    async FinalizeArtifact(body, caller) {
      requireOwnJob(body, caller)
      const artifact = ofRun(caller.run).find(
        a => a.name === body.name && a.jobBackendId === caller.jobBackendId
      )
      if (!artifact) throw new TwirpError('not_found', 'artifact not found')
      if (artifact.finalized) {
        throw new TwirpError('failed_precondition', 'artifact is already finalized')
      }
      const stored = deferDigests
        ? await sizeNowDigestLater(artifact, body)
        : await azurite.hashBlob(ARTIFACT_CONTAINER, artifact.blob)
      checkUpload(stored, body)
      Object.assign(artifact, {
        finalized: true,
        size: stored.size,
        digest: `sha256:${stored.sha256}`,
        updatedAt: new Date().toISOString()
      })
      return { ok: true, artifact_id: String(artifact.id) }
    },

    async ListArtifacts(body, caller) {
      requireRunJob(body, caller, store)
      const nameFilter = body.name_filter
      const idFilter = body.id_filter === undefined ? undefined : Number(body.id_filter)
      const artifacts = listed(caller.run)
        .filter(a => nameFilter === undefined || a.name === nameFilter)
        .filter(a => idFilter === undefined || a.id === idFilter)
        .map(monolith)
      return { artifacts }
    },

    async GetSignedArtifactURL(body, caller) {
      requireRunJob(body, caller, store)
      const artifact = findListed(caller.run, body.name, body.workflow_job_run_backend_id)
      if (!artifact) throw new TwirpError('not_found', 'artifact not found')
      // Mirrors actions/download-artifact#486: the internal path fails for earlier attempts.
      if (faults.signedUrl404ForEarlierAttempts && artifact.attempt < caller.attempt) {
        throw new TwirpError('not_found', 'workflow run not found')
      }
      return { signed_url: readUrl(artifact) }
    },

    async DeleteArtifact(body, caller) {
      requireRunJob(body, caller, store)
      const artifact = findListed(caller.run, body.name, body.workflow_job_run_backend_id)
      if (!artifact) throw new TwirpError('not_found', 'artifact not found')
      await deleteArtifact(azurite, artifact)
      return { ok: true, artifact_id: String(artifact.id) }
    }
  }

  return {
    methods,
    /** Runs the deferred digest checks; the uploads whose bytes did not match. */
    async settleDigests() {
      const mismatches = []
      for (const check of deferred.splice(0)) mismatches.push(...(await check()))
      return mismatches
    },
    readUrl,
    listed,
    findListed,
    /** @param {any} artifact */
    delete: artifact => deleteArtifact(azurite, artifact),

    /** Changes the stored bytes but not the recorded digest, like silent storage corruption. */
    async corrupt(run, name, { mode = 'flip' } = {}) {
      const artifact = findListed(run, name)
      if (!artifact) throw new Error(`no finalized artifact named ${JSON.stringify(name)}`)
      const bytes = await azurite.readBlob(ARTIFACT_CONTAINER, artifact.blob)
      await azurite.writeBlob(
        ARTIFACT_CONTAINER,
        artifact.blob,
        corrupted(bytes, mode),
        artifact.mimeType
      )
    }
  }
}

function newArtifact(store, caller, name, body) {
  const id = store.newId()
  const now = new Date()
  const expiresAt = body.expires_at
    ? new Date(body.expires_at)
    : new Date(now.getTime() + DEFAULT_RETENTION_DAYS * 86_400_000)
  return {
    id,
    name,
    run: caller.run,
    jobBackendId: caller.jobBackendId,
    attempt: caller.attempt,
    // Clients before the mime_type field only uploaded zips.
    mimeType: typeof body.mime_type === 'string' && body.mime_type ? body.mime_type : ZIP_MIME,
    blob: `${caller.run.runBackendId}/${caller.jobBackendId}/${id}`,
    expiresAt: expiresAt.toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    sequence: store.nextSequence(),
    finalized: false,
    deleted: false,
    size: 0,
    digest: ''
  }
}

/** Refuses a finalize whose declared size or digest is not what the blob holds. */
function checkUpload(stored, body) {
  if (!stored) throw new TwirpError('invalid_argument', 'no content was uploaded for the artifact')
  const declaredSize = Number(body.size ?? 0)
  if (declaredSize !== stored.size) {
    throw new TwirpError(
      'invalid_argument',
      `artifact size mismatch: declared ${declaredSize} bytes, uploaded ${stored.size} bytes`
    )
  }
  if (body.hash !== undefined && body.hash !== `sha256:${stored.sha256}`) {
    throw new TwirpError(
      'invalid_argument',
      `artifact digest mismatch: declared ${body.hash}, uploaded sha256:${stored.sha256}`
    )
  }
}

async function deleteArtifact(azurite, artifact) {
  artifact.deleted = true
  await azurite.deleteBlob(ARTIFACT_CONTAINER, artifact.blob)
}

/** @param {any} a */
function monolith(a) {
  return {
    workflow_run_backend_id: a.run.runBackendId,
    workflow_job_run_backend_id: a.jobBackendId,
    database_id: String(a.id),
    name: a.name,
    size: String(a.size),
    created_at: a.createdAt,
    digest: a.digest
  }
}

/** The caller may only create and finalize artifacts of its own job. */
function requireOwnJob(body, caller) {
  requireRun(body, caller)
  if (body.workflow_job_run_backend_id !== caller.jobBackendId) {
    throw new TwirpError('unauthenticated', 'workflow_job_run_backend_id does not match the token')
  }
}

/** Reads may name any job of the caller's run (the artifact's job, not the caller's). */
function requireRunJob(body, caller, store) {
  requireRun(body, caller)
  const job = store.jobs.get(body.workflow_job_run_backend_id)
  if (!job || job.run !== caller.run) {
    throw new TwirpError('not_found', 'workflow job run not found')
  }
}

function requireRun(body, caller) {
  if (body.workflow_run_backend_id !== caller.run.runBackendId) {
    throw new TwirpError('unauthenticated', 'workflow_run_backend_id does not match the token')
  }
}

/** Same rules as the toolkit's validateArtifactName, enforced server-side too. */
function validName(name) {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TwirpError('invalid_argument', 'artifact name must not be empty')
  }
  const bad = FORBIDDEN_NAME_CHARS.filter(c => name.includes(c))
  if (bad.length > 0) {
    throw new TwirpError(
      'invalid_argument',
      `artifact name ${JSON.stringify(name)} contains forbidden characters: ${JSON.stringify(bad.join(''))}`
    )
  }
  return name
}

/** Zip artifacts download as `<name>.zip` (the upload side's file name); raw ones as-is. */
function downloadFileName(artifact) {
  if (artifact.mimeType !== ZIP_MIME || artifact.name.toLowerCase().endsWith('.zip')) {
    return artifact.name
  }
  return `${artifact.name}.zip`
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name in filename*. */
function attachment(fileName) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** @param {Buffer} bytes @param {'flip' | 'truncate'} mode */
function corrupted(bytes, mode) {
  if (mode === 'truncate') return bytes.subarray(0, Math.floor(bytes.length / 2))
  if (mode !== 'flip') throw new Error(`unknown corruption mode: ${mode}`)
  if (bytes.length === 0) return Buffer.from([0])
  const copy = Buffer.from(bytes)
  const middle = Math.floor(copy.length / 2)
  copy[middle] ^= 0xff
  return copy
}
