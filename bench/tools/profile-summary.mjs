// Summarises V8 CPU profiles (from `BENCH_PROFILE=<folder> npm run bench`): the functions that
// took the most self time, each with its share of the sampled time (idle excluded).
// Usage: node bench/tools/profile-summary.mjs <file.cpuprofile | folder> [top=25]
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

async function profileFiles(target) {
  if (!(await stat(target)).isDirectory()) return [target]
  const names = (await readdir(target)).filter(name => name.endsWith('.cpuprofile'))
  return names.map(name => join(target, name))
}

/** The bundled entry (or script) the profiled process ran, from the profile's frames. */
function entryOf(profile) {
  const urls = profile.nodes.map(node => node.callFrame.url).filter(Boolean)
  const entry =
    urls.find(url => /\/dist\/[^/]+\/index\.js$/.test(url)) ??
    urls.find(url => !url.startsWith('node:'))
  return entry ? entry.split('/').slice(-3).join('/') : '(unknown)'
}

/** Self time in ms per "function (file:line)", and the total, idle left out. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map(node => [node.id, node]))
  const times = new Map()
  let total = 0
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id).callFrame
    if (frame.functionName === '(idle)') return
    const ms = (profile.timeDeltas[index] ?? 0) / 1000
    const where = frame.url
      ? ` ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`
      : ''
    const key = `${frame.functionName || '(anonymous)'}${where}`
    times.set(key, (times.get(key) ?? 0) + ms)
    total += ms
  })
  return { times, total }
}

async function main([target, top = '25']) {
  for (const file of await profileFiles(target)) {
    const profile = JSON.parse(await readFile(file, 'utf8'))
    const { times, total } = selfTimes(profile)
    console.log(`\n${file} (${entryOf(profile)}): ${total.toFixed(0)} ms sampled (idle excluded)`)
    const sorted = [...times].sort((a, b) => b[1] - a[1]).slice(0, Number(top))
    for (const [name, ms] of sorted) {
      console.log(
        `${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`
      )
    }
  }
}

await main(process.argv.slice(2))
