// Builds one ncc bundle per entry into dist/<entry>/ and removes what must not be committed.
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entries = ['restore', 'restore-post', 'save', 'run', 'run-post', 'cli'].filter(entry =>
  existsSync(join(root, 'src', entry, 'index.ts'))
)
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

rmSync(join(root, 'dist'), { recursive: true, force: true })
for (const entry of entries) {
  execFileSync(
    process.execPath,
    [ncc, 'build', `src/${entry}/index.ts`, '-o', `dist/${entry}`, '--target', 'es2022', '--quiet'],
    { cwd: root, stdio: 'inherit' }
  )
}
console.log(`Bundled ${entries.length} entries into dist/: ${entries.join(', ')}`)
