import { runSave } from './main.js'

await runSave()
