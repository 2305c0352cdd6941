import { parseAnyArtifactName } from '../checkpoint/naming.js'
import type { RunArtifact } from './artifact-store.js'

/**
 * Which job owns each scope in each attempt: the job whose first checkpoint artifact of that
 * scope and attempt the artifact service created first (ties broken by job id). Decided from
 * what the service recorded, so two jobs that share a scope by mistake agree on one owner
 * however their uploads interleave.
 * @returns a map from `<scope>.a<attempt>` to the owning job's id
 */
export function scopeOwners(listing: RunArtifact[]): Map<string, string> {
  const first = new Map<string, RunArtifact>()
  for (const artifact of listing) {
    const parsed = parseAnyArtifactName(artifact.name)
    if (!parsed) continue
    const key = ownerKey(parsed.ref.scope, parsed.ref.attempt)
    const current = first.get(key)
    if (!current || earlier(artifact, current)) first.set(key, artifact)
  }
  return new Map([...first].map(([key, artifact]) => [key, artifact.jobBackendId]))
}

/** The key of a scope in an attempt, as {@link scopeOwners} returns them. */
export function ownerKey(scope: string, attempt: number): string {
  return `${scope}.a${attempt}`
}

/**
 * The listing without artifacts written by a job that does not own their scope in their
 * attempt: a restore never mixes two jobs' pipelines.
 * @returns the kept artifacts and the names left out
 */
export function ownedArtifacts(listing: RunArtifact[]): { kept: RunArtifact[]; foreign: string[] } {
  const owners = scopeOwners(listing)
  const kept: RunArtifact[] = []
  const foreign: string[] = []
  for (const artifact of listing) {
    const parsed = parseAnyArtifactName(artifact.name)
    const owner = parsed && owners.get(ownerKey(parsed.ref.scope, parsed.ref.attempt))
    if (owner !== undefined && owner !== artifact.jobBackendId) foreign.push(artifact.name)
    else kept.push(artifact)
  }
  return { kept, foreign }
}

function earlier(a: RunArtifact, b: RunArtifact): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt
  return a.jobBackendId < b.jobBackendId
}
