// Azurite (the Azure Storage emulator) as a child process: the blob store behind the signed
// URLs, so the toolkit's real @azure/storage-blob upload path runs unchanged.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Azurite's published development account; not a secret. */
export const ACCOUNT_NAME = 'devstoreaccount1'
export const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

// Generous: on a busy 2-core machine Azurite has been seen to take over 30 s to listen.
const STARTUP_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 5_000

/** Resolved through node's resolver so it works from any cwd and with hoisted installs. */
function azuriteBlobMain() {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('azurite/package.json')), 'dist/src/blob/main.js')
}

/**
 * Starts Azurite's blob service on 127.0.0.1 with a random port and in-memory storage.
 * @param {{log?: (line: string) => void}} [options]
 * @returns {Promise<Azurite>}
 */
export async function startAzurite({ log = () => {} } = {}) {
  // Azurite refuses --location together with --inMemoryPersistence; running it in a private
  // temp dir keeps anything it might still write (debug logs) out of the project.
  const workDir = await mkdtemp(join(tmpdir(), 'stand-in-azurite-'))
  const args = [
    azuriteBlobMain(),
    ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence'],
    ...['--skipApiVersionCheck', '--disableTelemetry', '--silent']
  ]
  const child = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] })
  // Never leave an orphaned emulator behind if the host process exits without stop().
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  try {
    // Loading the SDK (~0.2 s) overlaps Azurite's own start-up (~0.6 s).
    const [port, sdk] = await Promise.all([waitForPort(child, log), import('@azure/storage-blob')])
    return createAzurite({ sdk, child, port, workDir, killOnExit })
  } catch (error) {
    process.removeListener('exit', killOnExit)
    await stopChild(child)
    await rm(workDir, { recursive: true, force: true })
    throw error
  }
}

/**
 * Resolves with the port Azurite prints once it listens.
 * @param {import('node:child_process').ChildProcess} child
 * @param {(line: string) => void} log
 * @returns {Promise<number>}
 */
function waitForPort(child, log) {
  // Both pipes stay drained and logged for the child's lifetime so it never blocks on a pipe.
  const forward = chunk => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) log(`[azurite] ${line}`)
  }
  child.stdout.on('data', forward)
  child.stderr.on('data', forward)
  return new Promise((resolve, reject) => {
    let output = ''
    const settle = (error, port) => {
      clearTimeout(timer)
      child.stdout.off('data', scan)
      child.stderr.off('data', scan)
      child.removeListener('exit', onExit)
      if (error) reject(new Error(`Azurite did not start: ${error}\n--- its output ---\n${output}`))
      else resolve(port)
    }
    const scan = chunk => {
      output += chunk.toString()
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      if (match) settle(undefined, Number(match[1]))
    }
    const onExit = code => settle(`it exited early with code ${code}`)
    const timer = setTimeout(
      () => settle(`it printed no listening port within ${STARTUP_TIMEOUT_MS / 1000} s`),
      STARTUP_TIMEOUT_MS
    )
    child.stdout.on('data', scan)
    child.stderr.on('data', scan)
    child.once('exit', onExit)
    child.once('error', error => settle(error.message))
  })
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * @typedef {object} Azurite
 * @property {number} port
 * @property {(container: string) => Promise<void>} ensureContainer
 * @property {(container: string, blob: string, options: SasOptions) => string} sasUrl
 * @property {(origin: string) => void} signUrlsFor  the origin sasUrl's URLs point to
 *   (Azurite's own by default)
 * @property {(container: string, blob: string) => Promise<{size: number, sha256: string} | undefined>} hashBlob
 * @property {(container: string, blob: string) => Promise<{size: number, contentType: string} | undefined>} blobProperties
 * @property {(container: string, blob: string) => Promise<Buffer>} readBlob
 * @property {(container: string, blob: string, data: Buffer, contentType?: string) => Promise<void>} writeBlob
 * @property {(container: string, blob: string) => Promise<void>} deleteBlob
 * @property {() => Promise<void>} stop
 */

/**
 * @typedef {object} SasOptions
 * @property {string} permissions  e.g. 'cw' to upload, 'r' to read
 * @property {number} [expiresInMinutes]
 * @property {string} [contentDisposition]  served as Content-Disposition (rscd)
 * @property {string} [contentType]  served as Content-Type (rsct)
 */

function createAzurite({ sdk, child, port, workDir, killOnExit }) {
  const { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential } = sdk
  const { generateBlobSASQueryParameters } = sdk
  const credential = new StorageSharedKeyCredential(ACCOUNT_NAME, ACCOUNT_KEY)
  const accountUrl = `http://127.0.0.1:${port}/${ACCOUNT_NAME}`
  // Signed URLs may name another origin (the stand-in's blob proxy): a SAS signs the canonical
  // resource /blob/<account>/<container>/<blob>, not the host, so it stays valid there.
  let signedOrigin = `http://127.0.0.1:${port}`
  const service = new BlobServiceClient(accountUrl, credential)
  const blobClient = (container, blob) =>
    service.getContainerClient(container).getBlockBlobClient(blob)

  return {
    port,
    async ensureContainer(container) {
      await service.getContainerClient(container).createIfNotExists()
    },
    sasUrl(container, blob, options) {
      const query = generateBlobSASQueryParameters(
        {
          containerName: container,
          blobName: blob,
          permissions: BlobSASPermissions.parse(options.permissions),
          expiresOn: new Date(Date.now() + (options.expiresInMinutes ?? 60) * 60_000),
          contentDisposition: options.contentDisposition,
          contentType: options.contentType
        },
        credential
      )
      return `${signedOrigin}/${ACCOUNT_NAME}/${container}/${encodeBlobPath(blob)}?${query.toString()}`
    },
    signUrlsFor(origin) {
      signedOrigin = origin
    },
    async hashBlob(container, blob) {
      const response = await blobClient(container, blob).download().catch(notFoundAsUndefined)
      if (!response?.readableStreamBody) return undefined
      const hash = createHash('sha256')
      let size = 0
      for await (const chunk of response.readableStreamBody) {
        size += chunk.length
        hash.update(chunk)
      }
      return { size, sha256: hash.digest('hex') }
    },
    async blobProperties(container, blob) {
      const props = await blobClient(container, blob).getProperties().catch(notFoundAsUndefined)
      if (!props) return undefined
      return { size: props.contentLength ?? 0, contentType: props.contentType ?? '' }
    },
    async readBlob(container, blob) {
      return blobClient(container, blob).downloadToBuffer()
    },
    async writeBlob(container, blob, data, contentType) {
      await blobClient(container, blob).uploadData(data, {
        blobHTTPHeaders: contentType ? { blobContentType: contentType } : undefined
      })
    },
    async deleteBlob(container, blob) {
      await blobClient(container, blob).deleteIfExists()
    },
    async stop() {
      process.removeListener('exit', killOnExit)
      await stopChild(child)
      await rm(workDir, { recursive: true, force: true })
    }
  }
}

/** Blob names may contain `/` as virtual folders; each segment is escaped on its own. */
function encodeBlobPath(blob) {
  return blob.split('/').map(encodeURIComponent).join('/')
}

function notFoundAsUndefined(error) {
  if (error?.statusCode === 404) return undefined
  throw error
}
