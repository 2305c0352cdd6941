// Renders a full bench run's raw results into the files committed from it: bench/RESULTS.md,
// bench/plot.svg and the README's summary (between its bench-summary markers, formatted as
// prettier formats the README). Loads nothing of the lab, so it runs anywhere in a second.
//
//   node bench/render.mjs <results.json>   writes the three files from those results
//   node bench/render.mjs --check          fails when the committed files differ from what
//                                          bench/results.json renders
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { renderReadmeSummary, withReadmeSummary } from './lib/readme-summary.mjs'
import { renderReport } from './lib/report.mjs'
import { renderPlot } from './lib/svg.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
export const RESULTS_JSON = join(here, 'results.json')
const README = join(root, 'README.md')

/** Every file a full run's results render into, with its text. */
async function renderedFiles(results) {
  const readme = withReadmeSummary(await readFile(README, 'utf8'), renderReadmeSummary(results))
  const options = await prettier.resolveConfig(README)
  return {
    [join(here, 'RESULTS.md')]: renderReport(results),
    [join(here, 'plot.svg')]: renderPlot(results),
    [README]: await prettier.format(readme, { ...options, filepath: README })
  }
}

/** Writes the report, the plot and the README's summary rendered from `results`. */
export async function writeRendered(results) {
  for (const [file, text] of Object.entries(await renderedFiles(results))) {
    await writeFile(file, text, 'utf8')
  }
}

/** Fails when a committed rendering differs from what bench/results.json renders. */
async function checkRendered() {
  const results = JSON.parse(await readFile(RESULTS_JSON, 'utf8'))
  const stale = []
  for (const [file, text] of Object.entries(await renderedFiles(results))) {
    if ((await readFile(file, 'utf8')) !== text) stale.push(relative(root, file))
  }
  if (stale.length > 0) {
    throw new Error(
      `${stale.join(', ')} differ(s) from what bench/results.json renders: run \`node bench/render.mjs bench/results.json\``
    )
  }
  process.stderr.write('bench/RESULTS.md, bench/plot.svg and README.md match bench/results.json\n')
}

async function main([argument]) {
  if (argument === '--check') return checkRendered()
  if (!argument) throw new Error('usage: node bench/render.mjs <results.json> | --check')
  const results = JSON.parse(await readFile(argument, 'utf8'))
  await writeRendered(results)
  process.stderr.write(`rendered bench/RESULTS.md, bench/plot.svg and README.md from ${argument}\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch(error => {
    console.error(`bench/render.mjs: ${error?.message ?? error}`)
    process.exitCode = 1
  })
}
