import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Run } from '../../local/index.js'
import type { E2eWorld } from '../e2e.js'

/**
 * Downloads every artifact of a run as a browser does from the run page: the REST zip URL
 * answers 302 to the blob, saved under the Content-Disposition file name.
 * @returns the file names, sorted
 */
export async function downloadLikeABrowser(
  world: E2eWorld,
  run: Run,
  token: string,
  into: string
): Promise<string[]> {
  const api = `${world.standIn.url}/api/repos/${run.repository}/actions`
  const auth = { authorization: `Bearer ${token}` }
  const listing = (await (
    await fetch(`${api}/runs/${run.runId}/artifacts?per_page=100`, { headers: auth })
  ).json()) as {
    artifacts: { id: number }[]
  }
  const names: string[] = []
  for (const { id } of listing.artifacts) {
    const redirect = await fetch(`${api}/artifacts/${id}/zip`, {
      headers: auth,
      redirect: 'manual'
    })
    const blob = await fetch(redirect.headers.get('location') ?? '')
    const disposition = blob.headers.get('content-disposition') ?? ''
    const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? String(id)
    await writeFile(join(into, name), Buffer.from(await blob.arrayBuffer()))
    names.push(name)
  }
  return names.sort()
}
