import { canonicalJson } from '../checkpoint/canonical.js';
import { checkpointName } from '../checkpoint/naming.js';
/** Compares two checkpoints: state per key, files by path, nodes done. */
export function diffCheckpoints(a, b) {
    const nodesA = new Set(a.nodes.map(node => node.id));
    const nodesB = new Set(b.nodes.map(node => node.id));
    return {
        from: checkpointName(a),
        to: checkpointName(b),
        state: diffState(a.state, b.state),
        files: diffFiles(a.files, b.files),
        nodes: {
            added: [...nodesB].filter(id => !nodesA.has(id)),
            removed: [...nodesA].filter(id => !nodesB.has(id))
        }
    };
}
/** True when the diff found nothing. */
export function isEmptyDiff(diff) {
    return (diff.state.length + diff.files.length + diff.nodes.added.length + diff.nodes.removed.length ===
        0);
}
function diffState(a, b) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const changes = [];
    for (const key of keys) {
        const from = Object.hasOwn(a, key) ? a[key] : undefined;
        const to = Object.hasOwn(b, key) ? b[key] : undefined;
        if (from === undefined && to !== undefined)
            changes.push({ key, change: 'added', to });
        else if (to === undefined && from !== undefined)
            changes.push({ key, change: 'removed', from });
        else if (canonicalJson(from) !== canonicalJson(to)) {
            changes.push({
                key,
                change: 'changed',
                ...(from === undefined ? {} : { from }),
                ...(to === undefined ? {} : { to })
            });
        }
    }
    return changes;
}
function diffFiles(a, b) {
    const before = new Map(a.map(file => [file.path, file]));
    const after = new Map(b.map(file => [file.path, file]));
    const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
    const changes = [];
    for (const path of paths) {
        const from = before.get(path);
        const to = after.get(path);
        if (!from && to)
            changes.push({ path, change: 'added', to });
        else if (from && !to)
            changes.push({ path, change: 'removed', from });
        else if (from && to && !sameContent(from, to))
            changes.push({ path, change: 'changed', from, to });
    }
    return changes;
}
/** The archive a file lives in is not its content: a file saved again unchanged is the same. */
function sameContent(a, b) {
    return a.sha256 === b.sha256 && a.size === b.size && a.mode === b.mode && a.link === b.link;
}
