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

/** One ncc bundle: `source` and everything it imports, packages included, in `out`/index.js. */
function bundle(source, out) {
  execFileSync(
    process.execPath,
    [ncc, 'build', source, '-o', out, '--target', 'es2022', '--quiet'],
    { cwd: root, stdio: 'inherit' }
  )
}

rmSync(join(root, 'dist'), { recursive: true, force: true })
for (const entry of entries) bundle(`src/${entry}/index.ts`, `dist/${entry}`)
console.log(`Bundled ${entries.length} entries into dist/: ${entries.join(', ')}`)

// The CLI runs as `npx checkpoint-action`: its bundle keeps the entry's shebang and is executable.
const cli = join(root, 'dist', 'cli', 'index.js')
if (existsSync(cli)) {
  if (!readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')) {
    throw new Error('dist/cli/index.js lost its #!/usr/bin/env node line')
  }
  chmodSync(cli, 0o755)
}

// The library: one ES module bundle, yauzl inside as the CLI has it, so that the npm package
// needs no dependencies; its type declarations are written by tsc from src/index.ts.
if (existsSync(join(root, 'tsconfig.lib.json'))) {
  bundle('src/index.ts', 'dist/lib')
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { cwd: root, stdio: 'inherit' })
  console.log('Bundled the library into dist/lib/ (index.js), with its declarations (index.d.ts)')
}
