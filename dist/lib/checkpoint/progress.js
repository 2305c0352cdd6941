import { CHECKPOINT_KIND, SCHEMA_VERSION, sealCheckpoint } from './document.js';
import { addPart, archivesUsed } from './contribution.js';
import { checkpointName } from './naming.js';
/**
 * The checkpoint after a node: the previous one (`base`) extended with the node's state, files
 * and record. The sequence follows the base's, so (attempt, sequence) orders checkpoints even
 * when attempts restore from different bases.
 */
export function nextCheckpoint(base, result) {
    const now = (result.now ?? new Date()).toISOString();
    const sequence = (base?.sequence ?? 0) + 1;
    const record = {
        id: result.node,
        sequence,
        attempt: result.run.attempt,
        runId: result.run.runId,
        savedAt: now,
        ...(result.durationMs === undefined ? {} : { durationMs: Math.round(result.durationMs) }),
        ...(result.fingerprint === undefined ? {} : { fingerprint: result.fingerprint })
    };
    const pipeline = addPart({ nodes: base?.nodes ?? [], state: base?.state ?? {}, files: base?.files ?? [] }, { record, state: result.state, files: result.files ?? [] }, result.partial === true, savedWhileRunning(base, result));
    const archives = [...(base?.archives ?? []), ...(result.archive ? [result.archive] : [])];
    const partials = (base?.partials ?? []).filter(partial => partial.id !== result.node);
    const body = {
        kind: CHECKPOINT_KIND,
        schema: SCHEMA_VERSION,
        scope: result.scope,
        node: result.node,
        sequence,
        attempt: result.run.attempt,
        run: result.run,
        createdAt: now,
        ...(base ? { parent: checkpointName(base) } : {}),
        ...pipeline,
        archives: archivesUsed(archives, pipeline)
    };
    if (result.partial)
        partials.push({ ...partialOf(record), state: result.state });
    return sealCheckpoint(partials.length > 0 ? { ...body, partials } : body);
}
/** Ids of the nodes of the same attempt saved after `result`'s step started. */
function savedWhileRunning(base, result) {
    const { startedAt, run, node } = result;
    if (startedAt === undefined || !base)
        return new Set();
    const since = base.nodes.filter(done => done.runId === run.runId &&
        done.attempt === run.attempt &&
        Date.parse(done.savedAt) > startedAt.getTime() &&
        done.id !== node);
    return new Set(since.map(done => done.id));
}
function partialOf(record) {
    const { id, sequence, attempt, runId, savedAt, fingerprint } = record;
    return { id, sequence, attempt, runId, savedAt, ...(fingerprint ? { fingerprint } : {}) };
}
/**
 * The checkpoint as this attempt should build on it when some nodes must run again: those
 * nodes are no longer done (their files and the cumulative state stay).
 */
export function withoutNodes(document, ids) {
    const drop = new Set(ids);
    return sealCheckpoint({ ...document, nodes: document.nodes.filter(node => !drop.has(node.id)) });
}
/** Ids of the nodes a checkpoint records as stopped part-way. */
export function partialNodes(document) {
    return (document?.partials ?? []).map(partial => partial.id);
}
/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
export function completedNodes(document) {
    return (document?.nodes ?? []).map(node => node.id);
}
