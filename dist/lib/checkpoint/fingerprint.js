import { createHash } from 'node:crypto';
/** The major version of the action, part of every fingerprint: a new major re-runs nodes. */
export const ACTION_MAJOR = 'v1';
/** The parts in the order a mismatch is reported. */
export const FINGERPRINT_PARTS = ['key', 'command', 'shell', 'salt', 'version'];
/** Computes a fingerprint from what the step knows; empty parts are left out. */
export function computeFingerprint(input) {
    const fingerprint = { version: ACTION_MAJOR };
    for (const part of ['key', 'command', 'shell', 'salt']) {
        const value = input[part];
        if (value !== undefined && value !== '')
            fingerprint[part] = digest(value);
    }
    return fingerprint;
}
/**
 * The first part that differs between a recorded fingerprint and the current one, or
 * undefined when the node is still valid. `command` and `shell` are compared only when the
 * current step knows them (a save step does not run a command).
 */
export function changedPart(recorded, current) {
    for (const part of FINGERPRINT_PARTS) {
        if ((part === 'command' || part === 'shell') && current[part] === undefined)
            continue;
        if (recorded?.[part] !== current[part])
            return part;
    }
    return undefined;
}
function digest(value) {
    return `sha256:${createHash('sha256').update(value).digest('hex')}`;
}
