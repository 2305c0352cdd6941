// Most post steps follow a command that finished or was skipped: they read one state value
// and end, without loading the code (and the toolkit) that saves a cancelled node's progress.
const status = process.env.STATE_status
if (status === 'running' || status === 'cancelled') {
  const { runRunPost } = await import('../run/post.js')
  await runRunPost()
  // The step is done: a socket the toolkit abandoned must not keep it alive.
  process.exit()
}
