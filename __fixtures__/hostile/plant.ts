import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ROOT } from '../e2e.js'
import type { BuiltCase } from './corpus.js'

/**
 * Uploads a case's artifacts into a run as a step of `env`'s job would, with the real toolkit
 * client and `skipArchive`: the artifact is named after the file, so the document is
 * `checkpoint.<...>.json` and the archive `checkpoint.<...>.files` holding the zip's bytes as
 * they are (restore downloads with skipDecompress and extracts them itself). The archive goes
 * first and the document last, as a save uploads them.
 */
export async function plantInRun(
  env: Record<string, string>,
  built: BuiltCase,
  scratch: string
): Promise<void> {
  const folder = await mkdtemp(join(scratch, 'plant-'))
  try {
    for (const artifact of [built.archive, built.document]) {
      if (!artifact) continue
      const file = join(folder, artifact.name)
      await writeFile(file, artifact.bytes)
      await uploadFile(env, file)
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

/** Writes a case's artifacts as a browser saves them from the run page: `.json` and `.files.zip`. */
export async function writeAsDownloads(built: BuiltCase, folder: string): Promise<void> {
  await writeFile(join(folder, built.document.name), built.document.bytes)
  if (built.archive) await writeFile(join(folder, `${built.archive.name}.zip`), built.archive.bytes)
}

async function uploadFile(env: Record<string, string>, file: string): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, '__fixtures__/upload-artifact.mjs'), file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (code !== 0) throw new Error(`upload of ${file} exited ${String(code)}:\n${output}`)
}
