// The runner adapter's door to @actions/core: steps reach the toolkit only through src/action/,
// so one folder holds everything that knows how a runner is spoken to.
export {
  debug,
  endGroup,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  startGroup,
  warning
} from '@actions/core'
