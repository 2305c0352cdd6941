// The steps' door to the runner: steps reach it only through src/action/, so one folder holds
// everything that knows how a runner is spoken to. The commands are the light toolkit's, written
// as @actions/core writes them, without loading its HTTP client at every step's start.
export {
  debug,
  endGroup,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  warning
} from './light-toolkit.js'
