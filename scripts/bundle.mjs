// Builds one ncc bundle per entry into dist/<entry>/ and removes what must not be committed.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs'
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

// The CLI runs as `npx checkpoint-action`: its bundle keeps the entry's shebang and is executable.
const cli = join(root, 'dist', 'cli', 'index.js')
if (existsSync(cli)) {
  if (!readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')) {
    throw new Error('dist/cli/index.js lost its #!/usr/bin/env node line')
  }
  chmodSync(cli, 0o755)
}

// The library: plain ES modules with declarations, built by tsc from src/index.ts.
if (existsSync(join(root, 'tsconfig.lib.json'))) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' })
  console.log('Built the library into dist/lib/ (index.js, index.d.ts)')
}
