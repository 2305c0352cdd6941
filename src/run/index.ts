import { runRun } from './main.js'

await runRun()
