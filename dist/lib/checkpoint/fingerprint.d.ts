/** The major version of the action, part of every fingerprint: a new major re-runs nodes. */
export declare const ACTION_MAJOR = "v1";
/**
 * What a node's result depends on, part by part, so a mismatch can say which part changed:
 * `key` (the user's cache-key-like input), `command` (the script text), `shell`, `salt`, and
 * the action's major `version`. Values are digests, except the version.
 */
export type Fingerprint = Partial<Record<FingerprintPart, string>>;
/** The parts in the order a mismatch is reported. */
export declare const FINGERPRINT_PARTS: readonly ["key", "command", "shell", "salt", "version"];
/** One part of a fingerprint. */
export type FingerprintPart = (typeof FINGERPRINT_PARTS)[number];
/** What a step knows of a node; parts it does not know stay undefined. */
export interface FingerprintInput {
    key?: string | undefined;
    command?: string | undefined;
    shell?: string | undefined;
    salt?: string | undefined;
}
/** Computes a fingerprint from what the step knows; empty parts are left out. */
export declare function computeFingerprint(input: FingerprintInput): Fingerprint;
/**
 * The first part that differs between a recorded fingerprint and the current one, or
 * undefined when the node is still valid. `command` and `shell` are compared only when the
 * current step knows them (a save step does not run a command).
 */
export declare function changedPart(recorded: Fingerprint | undefined, current: Fingerprint): FingerprintPart | undefined;
