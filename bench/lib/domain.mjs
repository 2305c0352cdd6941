// The product's own domain code (src/checkpoint, which imports nothing from @actions/*), loaded
// in-process: each .ts file is transpiled with the project's TypeScript (types stripped, nothing
// else changed) into a temporary folder and imported from there. The bench uses it to measure
// the pure cost of state handling (canonical JSON, digest, serialization) and to build a long
// checkpoint history with the same documents the save entry writes, without running it 400 times.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * @param {string} root project root
 * @param {string} into a scratch folder
 */
export async function loadDomain(root, into) {
  const require = createRequire(join(root, 'package.json'))
  const ts = require('typescript')
  const source = join(root, 'src', 'checkpoint')
  const target = join(into, 'checkpoint')
  await mkdir(target, { recursive: true })
  for (const name of await readdir(source)) {
    if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue
    const output = ts.transpileModule(await readFile(join(source, name), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false
      },
      fileName: name
    })
    await writeFile(join(target, name.replace(/\.ts$/, '.js')), output.outputText, 'utf8')
  }
  await writeFile(join(target, 'package.json'), '{"type":"module"}\n', 'utf8')
  const load = name => import(pathToFileURL(join(target, `${name}.js`)).href)
  const [document, progress, state, naming, canonical] = await Promise.all(
    ['document', 'progress', 'state', 'naming', 'canonical'].map(load)
  )
  return { document, progress, state, naming, canonical }
}
