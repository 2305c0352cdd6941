import { skipIfDone } from './skip.js'

// A node done with the same fingerprint is skipped without loading the code that runs and saves
// a command (and @actions/core with its HTTP client): most steps of a re-run are skips.
const cheap = await skipIfDone()
if (!cheap.skipped) {
  const { runRun } = await import('./main.js')
  await runRun(cheap.job)
}
// The step is done: a socket the toolkit abandoned (a stalled upload) must not keep it alive.
process.exit()
