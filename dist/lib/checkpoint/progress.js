import { CHECKPOINT_KIND, SCHEMA_VERSION, sealCheckpoint } from './document.js';
import { checkpointName } from './naming.js';
import { overlayStates } from './state.js';
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
    const files = mergeFiles(base?.files ?? [], result.files ?? []);
    const archives = [...(base?.archives ?? []), ...(result.archive ? [result.archive] : [])];
    const used = new Set(files.map(file => file.archive));
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
        state: result.partial ? (base?.state ?? {}) : overlayStates(base?.state ?? {}, result.state),
        nodes: result.partial ? (base?.nodes ?? []) : upsertNode(base?.nodes ?? [], record),
        files,
        archives: archives.filter(archive => used.has(archive.name))
    };
    if (result.partial)
        partials.push({ ...partialOf(record), state: result.state });
    return sealCheckpoint(partials.length > 0 ? { ...body, partials } : body);
}
/** A node saved again keeps its place: the list stays in the order nodes were first done. */
function upsertNode(nodes, record) {
    const index = nodes.findIndex(node => node.id === record.id);
    if (index < 0)
        return [...nodes, record];
    return nodes.map((node, position) => (position === index ? record : node));
}
function partialOf(record) {
    const { id, sequence, attempt, runId, savedAt } = record;
    return { id, sequence, attempt, runId, savedAt };
}
/**
 * The checkpoint as this attempt should build on it when some nodes must run again: those
 * nodes are no longer done (their files and the cumulative state stay).
 */
export function withoutNodes(document, ids) {
    const drop = new Set(ids);
    return sealCheckpoint({ ...document, nodes: document.nodes.filter(node => !drop.has(node.id)) });
}
/**
 * Later files replace earlier ones at the same path, and earlier ones a later file shows were
 * replaced by a folder (or a folder replaced by a file): the newest node's view of the
 * workspace wins, so the manifest never lists a path as both. Sorted by path.
 */
function mergeFiles(earlier, later) {
    const byPath = new Map(earlier.map(file => [file.path, file]));
    for (const file of later) {
        for (const path of byPath.keys()) {
            if (path.startsWith(`${file.path}/`) || file.path.startsWith(`${path}/`))
                byPath.delete(path);
        }
        byPath.set(file.path, file);
    }
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** Ids of the nodes a checkpoint records as stopped part-way. */
export function partialNodes(document) {
    return (document?.partials ?? []).map(partial => partial.id);
}
/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
export function completedNodes(document) {
    return (document?.nodes ?? []).map(node => node.id);
}
