import { runRestorePost } from '../restore/post.js'

await runRestorePost()
