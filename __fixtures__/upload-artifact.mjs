// Uploads one file as a run artifact with the real toolkit client, without a zip, as a step of
// the job whose environment it runs in: how tests plant a crafted checkpoint in a run.
import { DefaultArtifactClient } from '@actions/artifact'
import { basename, dirname } from 'node:path'

const file = process.argv[2]
if (!file) throw new Error('usage: upload-artifact.mjs FILE')
const client = new DefaultArtifactClient()
await client.uploadArtifact(basename(file), [file], dirname(file), { skipArchive: true })
