import { canonicalJson, sha256Digest } from './canonical.js'
import type { CheckpointDocument, NodeRecord, PartialRecord } from './document.js'
import { ACTION_MAJOR, computeFingerprint, type Fingerprint } from './fingerprint.js'

/**
 * When a node done in another run, or kept in the Actions cache, may stand for the node in this
 * run. Within a run (earlier attempts) the commit is the same and restore takes every node done;
 * across runs the commit may differ, so a node is reused only when what it depends on is
 * unchanged, and never on trust alone.
 */

/**
 * Why a node was or was not taken from a source, as the restore step's `reasons` output says:
 * - `done`: taken;
 * - `offered`: a `run` node found with a key, left to its run step, which compares its whole
 *   fingerprint (command, shell, salt too) before taking it;
 * - `stale:<part>`: its key (or the action's major version) differs from the one recorded;
 * - `no-key`: no key to compare (its save had none, or `keys` names none for it), so it is
 *   reused only from a run of the same commit (`match: sha`), never from the cache;
 * - `not-found`: no source holds it (nodes named in `keys`);
 * - `files-missing`: its checkpoint was found but its files were not, or did not verify;
 * - `untrusted`: refused: not signed with the signing key, or not decryptable;
 * - `corrupt`: its checkpoint does not verify (digest, shape, name);
 * - `unrecorded`: written by an older version that did not record what each node added;
 * - `rerun-requested`: named by `rerun` or `rerun-from`.
 */
export type ReuseReason =
  | 'done'
  | 'offered'
  | `stale:${string}`
  | 'no-key'
  | 'not-found'
  | 'files-missing'
  | 'untrusted'
  | 'corrupt'
  | 'unrecorded'
  | 'rerun-requested'

/** What restore knows now about the nodes it may take from another run or the cache. */
export interface ReuseRequest {
  /** The current key of each node guarded by hand (restore input `keys`). */
  keys: ReadonlyMap<string, string>
  /** The candidate comes from a run of this very commit (`match: sha`). */
  sameCommit: boolean
}

/** What to do with a node found in another run: take it, leave it to its run step, or not. */
export type Verdict =
  | { take: 'now'; reason: 'done' }
  | { take: 'by-run-step'; reason: 'offered' }
  | { take: 'no'; reason: ReuseReason }

/** True for a node that a `run` step checkpointed: its fingerprint holds the command. */
export function isRunNode(record: NodeRecord): boolean {
  return record.fingerprint?.command !== undefined
}

/**
 * Decides a node found done in another run (or in the cache, where `sameCommit` is false). A
 * node whose key restore is given is compared by key and major version; a `run` node is then
 * left to its run step, which knows the rest of its fingerprint. Without a key, only a run of
 * the same commit vouches for a node.
 */
export function judgeNode(record: NodeRecord, request: ReuseRequest): Verdict {
  if (record.added === undefined) return { take: 'no', reason: 'unrecorded' }
  const given = request.keys.get(record.id)
  if (given !== undefined && given !== '') {
    const changed = changedKey(record.fingerprint, computeFingerprint({ key: given }))
    if (changed) return { take: 'no', reason: `stale:${changed}` }
    return isRunNode(record) ? offered() : { take: 'now', reason: 'done' }
  }
  if (!request.sameCommit) {
    if (isRunNode(record) && record.fingerprint?.key !== undefined) return offered()
    return { take: 'no', reason: 'no-key' }
  }
  if (record.fingerprint?.version !== undefined && record.fingerprint.version !== ACTION_MAJOR) {
    return { take: 'no', reason: 'stale:version' }
  }
  return isRunNode(record) ? offered() : { take: 'now', reason: 'done' }
}

/**
 * Decides the progress of a node stopped part-way in another run: like a `run` node done
 * there, it is left to its run step, which resumes it only when its whole fingerprint matches.
 */
export function judgePartial(partial: PartialRecord, request: ReuseRequest): Verdict {
  if (partial.fingerprint?.command === undefined) return { take: 'no', reason: 'unrecorded' }
  if (partial.fingerprint.key === undefined && !request.sameCommit) {
    return { take: 'no', reason: 'no-key' }
  }
  return offered()
}

function offered(): Verdict {
  return { take: 'by-run-step', reason: 'offered' }
}

/** Which of key and version differ, the parts restore compares for a node guarded by hand. */
function changedKey(recorded: Fingerprint | undefined, current: Fingerprint): string | undefined {
  if (recorded?.key !== current.key) return 'key'
  if (recorded?.version !== current.version) return 'version'
  return undefined
}

/**
 * The Actions cache key of a node's checkpoint: scope, node and a digest of what the node
 * depends on. For a `run` node that is its whole fingerprint, which its run step knows; for a
 * node guarded by hand, its key and the action's major version, which the restore step can
 * compute from `keys` (a save's `salt` is not known there). Undefined for a node without a key:
 * those are never cached. Node ids and scopes hold no dots, so the key parses unambiguously.
 */
export function cacheKey(
  scope: string,
  node: string,
  fingerprint: Fingerprint | undefined
): string | undefined {
  if (fingerprint?.key === undefined) return undefined
  const parts =
    fingerprint.command === undefined
      ? { key: fingerprint.key, version: fingerprint.version ?? ACTION_MAJOR }
      : fingerprint
  const digest = sha256Digest(canonicalJson({ scope, node, parts })).replace(/^sha256:/, '')
  return `checkpoint.${scope}.${node}.${digest}`
}

/** The cache key a node guarded by hand has now, from its key in the restore input `keys`. */
export function guardedCacheKey(scope: string, node: string, key: string): string | undefined {
  return key === '' ? undefined : cacheKey(scope, node, computeFingerprint({ key }))
}

/** A node found in another run and left to its run step, with what it would bring. */
export interface Offer {
  /** Where it was found, as the `sources` output says it: `run 1234`. */
  source: string
  /** The checkpoint of that run restricted to the node. */
  document: CheckpointDocument
}

/**
 * What restore learnt from every source, for the later steps of the job: which nodes came from
 * where, why the others did not, the nodes left to their run steps, and what must not be taken.
 */
export interface ReuseContext {
  /** The restore step's `from`, so later steps know whether to look in the cache. */
  from: string[]
  /** `reset` or `rerun`: nodes that no step may take from another run or the cache. */
  reset: boolean
  rerun: string[]
  /** Node -> `attempt 1`, `run 1234` or `cache`. */
  sources: Record<string, string>
  /** Node -> a {@link ReuseReason}. */
  reasons: Record<string, string>
  offers: Record<string, Offer>
}

/** A reason code in plain words, for the job summary. */
export function reasonInWords(reason: string): string {
  if (reason.startsWith('stale:')) {
    return `its ${reason.slice('stale:'.length)} changed since it was saved`
  }
  return REASON_WORDS[reason] ?? reason
}

const REASON_WORDS: Record<string, string> = {
  done: 'taken: what it depends on is unchanged',
  offered: 'found with a key: its run step compares its fingerprint',
  'no-key': 'not taken: no key to compare (reused from another run only with match: sha)',
  'not-found': 'not found in any source',
  'files-missing': 'not taken: its files were missing or did not verify',
  untrusted: 'not taken: not signed with the signing key, or not decryptable',
  corrupt: 'not taken: its checkpoint does not verify',
  unrecorded: 'not taken: saved by an older version that did not record what each node added',
  'rerun-requested': 'not taken: asked to run again'
}
