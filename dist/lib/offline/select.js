import { ID_PATTERN } from '../checkpoint/ids.js';
import { parseCheckpointName } from '../checkpoint/naming.js';
import { NotFoundError, UsageError } from './offline-errors.js';
/**
 * The checkpoint a command line names in a source: a node id (its newest checkpoint), a
 * checkpoint name (with or without `.json`), or, with no target, the newest checkpoint.
 * @param scope narrows the search when the source holds several pipelines
 * @throws NotFoundError, or UsageError when the target is ambiguous
 */
export function selectCheckpoint(source, target, scope) {
    const inScope = source.checkpoints.filter(found => !scope || found.ref?.scope === scope);
    const candidates = inScope.filter(found => matches(found, target));
    const latest = candidates.at(-1);
    if (!latest?.ref)
        throw notFound(source, inScope, target, scope);
    const scopes = new Set(candidates.map(found => found.ref?.scope));
    if (scopes.size > 1) {
        throw new UsageError(`${describeTarget(target)} is in more than one scope (${[...scopes].join(', ')}): pass --scope`);
    }
    const copies = candidates.filter(found => found.name === latest.name);
    const valid = copies.filter(found => found.document);
    const digests = new Set(valid.map(found => found.document?.digest));
    if (digests.size > 1) {
        throw new UsageError(`${latest.name} is in the source twice with different content (${valid.map(found => found.origin).join(', ')}): name the file`);
    }
    return valid[0] ?? latest;
}
/**
 * The verified document of a found checkpoint.
 * @throws the error that made it corrupt or unreadable
 */
export function documentOf(found) {
    if (found.document)
        return found.document;
    throw found.error ?? new UsageError(`${found.origin} holds no readable checkpoint`);
}
function matches(found, target) {
    if (target === undefined)
        return found.ref !== undefined;
    if (ID_PATTERN.test(target))
        return found.ref?.node === target;
    const ref = nameRefOf(target);
    return ref !== undefined && found.ref !== undefined && found.name === nameOf(target);
}
function nameRefOf(target) {
    return parseCheckpointName(nameOf(target));
}
function nameOf(target) {
    return target.endsWith('.json') ? target : `${target}.json`;
}
function describeTarget(target) {
    if (target === undefined)
        return 'The newest checkpoint';
    return ID_PATTERN.test(target) ? `Node '${target}'` : target;
}
function notFound(source, inScope, target, scope) {
    const where = `${source.location}${scope ? ` (scope ${scope})` : ''}`;
    if (inScope.length === 0)
        return new NotFoundError(`No checkpoints found in ${where}`);
    const nodes = [...new Set(inScope.flatMap(found => (found.ref ? [found.ref.node] : [])))];
    return new NotFoundError(`${describeTarget(target)} has no checkpoint in ${where}; nodes there: ${nodes.join(', ')}`);
}
