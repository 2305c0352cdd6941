// Preloaded into a step (NODE_OPTIONS=--import): the moment the step's first child process
// exists, the step is sent SIGTERM, as a runner's cancel can arrive. Nothing else changes: the
// child runs as spawned and the signal is a real one. The bundles call `spawn` on the module
// object of node:child_process, which is this default export.
import childProcess from 'node:child_process'

const spawn = childProcess.spawn
let sent = false
childProcess.spawn = function spawnThenSignal(...args) {
  const child = spawn.apply(this, args)
  if (!sent) {
    sent = true
    process.kill(process.pid, 'SIGTERM')
  }
  return child
}
