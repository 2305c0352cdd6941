// A copy of the action as users get it (the action.yml files and dist/) taken when the bench
// starts: every step of the bench runs this one build, even if dist/ is rebuilt meanwhile.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'

const ACTIONS = ['.', 'save', 'run']
const WAIT_MS = 120_000

/** The entries each action.yml names, relative to the project root. */
async function entriesOf(root) {
  const entries = []
  for (const dir of ACTIONS) {
    const action = parse(await readFile(join(root, dir, 'action.yml'), 'utf8'))
    for (const key of ['main', 'post']) {
      if (action.runs[key]) entries.push(join(dir, action.runs[key]))
    }
  }
  return entries
}

/**
 * Copies the action into `into`; waits (up to 2 minutes) while dist/ is incomplete, as it is
 * during a rebuild. Returns the copy's root and an identity of the build.
 */
export async function snapshotAction(root, into, log) {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const entries = await entriesOf(root).catch(() => [])
    if (entries.length > 0 && entries.every(entry => existsSync(join(root, entry)))) {
      await mkdir(into, { recursive: true })
      for (const dir of ACTIONS) {
        await mkdir(join(into, dir), { recursive: true })
        await cp(join(root, dir, 'action.yml'), join(into, dir, 'action.yml'))
      }
      await cp(join(root, 'dist'), join(into, 'dist'), { recursive: true })
      const copied = await entriesOf(into)
      if (copied.every(entry => existsSync(join(into, entry)))) {
        return { root: into, entries: copied, ...(await identity(root, into)) }
      }
    }
    if (Date.now() > deadline) throw new Error('dist/ is incomplete: run npm run bundle first')
    log('  (dist/ is being rebuilt: waiting)')
    await new Promise(resolve => setTimeout(resolve, 3000))
  }
}

async function identity(root, copy) {
  const hash = createHash('sha256')
  const files = (await readdir(join(copy, 'dist'), { recursive: true })).sort()
  for (const file of files) {
    const path = join(copy, 'dist', file)
    try {
      hash.update(file).update(await readFile(path))
    } catch {
      // a folder
    }
  }
  const git = args => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
    } catch {
      return ''
    }
  }
  return {
    distHash: hash.digest('hex').slice(0, 12),
    commit: git(['rev-parse', '--short', 'HEAD']),
    distDirty: git(['status', '--porcelain', '--', 'dist', 'action.yml', 'save', 'run']) !== ''
  }
}
