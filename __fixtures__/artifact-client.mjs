// The official @actions/artifact client as a step of the job whose environment it runs in, one
// call per process (the client reads the runner's environment), for tests that compare its
// requests with the action's own. Prints its result as one line: `RESULT <json>`.
//   artifact-client.mjs upload NAME ROOT FILE... [--retention-days N]   zipped, as upload-artifact does
//   artifact-client.mjs list
//   artifact-client.mjs download ID DIR
// (One file without a zip: upload-artifact.mjs FILE.)
import { DefaultArtifactClient } from '@actions/artifact'

const [command, ...args] = process.argv.slice(2)
const client = new DefaultArtifactClient()

async function upload([name, root, ...rest]) {
  const flag = rest.indexOf('--retention-days')
  const files = flag === -1 ? rest : rest.slice(0, flag)
  const retentionDays = flag === -1 ? undefined : Number(rest[flag + 1])
  if (!name || !root || files.length === 0) {
    throw new Error('usage: upload NAME ROOT FILE... [--retention-days N]')
  }
  return client.uploadArtifact(name, files, root, retentionDays ? { retentionDays } : {})
}

async function download([id, path]) {
  if (!id || !path) throw new Error('usage: download ID DIR')
  return client.downloadArtifact(Number(id), { path })
}

const commands = { upload, list: () => client.listArtifacts(), download }
if (!Object.hasOwn(commands, command ?? '')) {
  throw new Error(`unknown command ${JSON.stringify(command)}: upload, list or download`)
}
const result = await commands[command](args)
console.log(`RESULT ${JSON.stringify(result)}`)
