import { runRunPost } from '../run/post.js'

await runRunPost()
