import { createHash } from 'node:crypto'

/** The major version of the action, part of every fingerprint: a new major re-runs nodes. */
export const ACTION_MAJOR = 'v1'

/**
 * What a node's result depends on, part by part, so a mismatch can say which part changed:
 * `key` (the user's cache-key-like input), `command` (the script text), `shell`, `salt`, and
 * the action's major `version`. Values are digests, except the version.
 */
export type Fingerprint = Partial<Record<FingerprintPart, string>>

/** The parts in the order a mismatch is reported. */
export const FINGERPRINT_PARTS = ['key', 'command', 'shell', 'salt', 'version'] as const

/** One part of a fingerprint. */
export type FingerprintPart = (typeof FINGERPRINT_PARTS)[number]

/** What a step knows of a node; parts it does not know stay undefined. */
export interface FingerprintInput {
  key?: string | undefined
  command?: string | undefined
  shell?: string | undefined
  salt?: string | undefined
}

/** Computes a fingerprint from what the step knows; empty parts are left out. */
export function computeFingerprint(input: FingerprintInput): Fingerprint {
  const fingerprint: Fingerprint = { version: ACTION_MAJOR }
  for (const part of ['key', 'command', 'shell', 'salt'] as const) {
    const value = input[part]
    if (value !== undefined && value !== '') fingerprint[part] = digest(value)
  }
  return fingerprint
}

/**
 * The first part that differs between a recorded fingerprint and the current one, or
 * undefined when the node is still valid. `command` and `shell` are compared only when the
 * current step knows them (a save step does not run a command).
 */
export function changedPart(
  recorded: Fingerprint | undefined,
  current: Fingerprint
): FingerprintPart | undefined {
  for (const part of FINGERPRINT_PARTS) {
    if ((part === 'command' || part === 'shell') && current[part] === undefined) continue
    if (recorded?.[part] !== current[part]) return part
  }
  return undefined
}

function digest(value: string): string {
  return `sha256:${createHash('sha256').update(value).digest('hex')}`
}
