import { runSave } from './main.js'

await runSave()
// The step is done: a socket the toolkit abandoned (a stalled upload) must not keep it alive.
process.exit()
