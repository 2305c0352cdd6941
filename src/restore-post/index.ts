import { runRestorePost } from '../restore/post.js'

await runRestorePost()
// The step is done: a socket the toolkit abandoned (a stalled upload) must not keep it alive.
process.exit()
