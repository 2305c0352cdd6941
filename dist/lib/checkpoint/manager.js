import { CheckpointError, CorruptCheckpointError, InvalidInputError } from './errors.js';
import { CheckpointCodec } from './codec.js';
import { parseCheckpointValue } from './document.js';
import { validateId } from './ids.js';
import { checkpointName, compareRefs, parseCheckpointName } from './naming.js';
import { nextCheckpoint } from './progress.js';
import { stateProblem } from './state.js';
/** Marks a document holding every checkpoint of a scope (the seed's full state export). */
export const EXPORT_KIND = 'checkpoint-action/export';
/** The export document of a scope's checkpoints, stamped with when it was made. */
export function exportDocument(scope, checkpoints, exportedAt) {
    return { kind: EXPORT_KIND, schema: 1, scope, exportedAt: exportedAt.toISOString(), checkpoints };
}
/**
 * Checkpoints of one scope in one store: the seed's CheckpointManager without its defects.
 * "Latest" is decided from names by (attempt, sequence), so finding it reads no file; loading
 * verifies the digest; writes are atomic in the store.
 */
export class CheckpointManager {
    store;
    scope;
    run;
    codec;
    constructor(store, options = {}) {
        this.store = store;
        this.scope = validateId('scope', options.scope ?? 'default');
        this.run = options.run ?? { runId: 'local', attempt: 1 };
        this.codec = options.codec ?? new CheckpointCodec();
    }
    /** This scope's checkpoints, oldest first. */
    async list() {
        const refs = (await this.store.listNames())
            .map(name => parseCheckpointName(name))
            .filter((ref) => ref?.scope === this.scope);
        return refs.sort(compareRefs);
    }
    /** The newest checkpoint, or the newest of one node; reads no file. */
    async latest(node) {
        const refs = await this.list();
        return refs.filter(ref => node === undefined || ref.node === node).at(-1);
    }
    /**
     * Loads and verifies one checkpoint.
     * @throws CheckpointNotFoundError, CorruptCheckpointError or UnsupportedSchemaError
     */
    async load(target) {
        const name = typeof target === 'string' ? target : checkpointName(target);
        const ref = typeof target === 'string' ? parseCheckpointName(target) : target;
        if (!ref)
            throw new CorruptCheckpointError(name, 'its name is not a checkpoint name');
        const text = await this.store.readText(name);
        return this.codec.decode(text, `${this.store.location}/${name}`, ref);
    }
    /**
     * The newest checkpoint that loads and verifies, newest first, passing over bad ones (each
     * reported to `onSkip`): a corrupt latest checkpoint falls back to the previous good one.
     */
    async latestValid(options = {}) {
        const refs = (await this.list()).filter(ref => !options.node || ref.node === options.node);
        for (const ref of refs.reverse()) {
            try {
                return await this.load(ref);
            }
            catch (error) {
                if (!(error instanceof CheckpointError))
                    throw error;
                options.onSkip?.({ ref, error });
            }
        }
        return undefined;
    }
    /**
     * Records `node` as done with its state, extending the latest valid checkpoint, and writes it.
     * @returns the new checkpoint
     * @throws InvalidInputError for a bad node id, or a state nested too deep or holding a key
     *   named `__proto__`, `constructor` or `prototype` (no checkpoint could be read back)
     */
    async create(node, state, extra = {}) {
        validateId('node', node);
        const problem = stateProblem(state);
        if (problem)
            throw new InvalidInputError('state', JSON.stringify(state), problem);
        const base = await this.latestValid();
        const document = nextCheckpoint(base, {
            scope: this.scope,
            node,
            run: { ...this.run, attempt: Math.max(this.run.attempt, base?.attempt ?? 1) },
            state,
            ...extra
        });
        await this.store.writeText(checkpointName(document), this.codec.encode(document));
        return document;
    }
    /** Every valid checkpoint of the scope in one document; bad ones are left out. */
    async exportAll(now = new Date()) {
        const checkpoints = [];
        for (const ref of await this.list())
            checkpoints.push(await this.load(ref));
        return exportDocument(this.scope, checkpoints, now);
    }
    /**
     * Writes every checkpoint of an export into the store, each verified first; one that is
     * already there with the same digest is left alone, one that differs is refused.
     * @returns the refs written
     */
    async importAll(data, source = 'import') {
        const checkpoints = readExport(data, source);
        const existing = new Set(await this.store.listNames());
        const written = [];
        for (const [index, raw] of checkpoints.entries()) {
            const document = parseCheckpointValue(JSON.parse(JSON.stringify(raw)), `${source} checkpoint #${index + 1}`);
            if (document.scope !== this.scope)
                continue;
            const name = checkpointName(document);
            if (existing.has(name)) {
                if ((await this.load(name)).digest !== document.digest) {
                    throw new CorruptCheckpointError(`${this.store.location}/${name}`, `differs from ${source}`);
                }
                continue;
            }
            await this.store.writeText(name, this.codec.encode(document));
            written.push(document);
        }
        return written;
    }
}
function readExport(data, source) {
    const value = data;
    if (value?.kind !== EXPORT_KIND || !Array.isArray(value.checkpoints)) {
        throw new CorruptCheckpointError(source, `not an export (no "kind": "${EXPORT_KIND}")`);
    }
    return value.checkpoints;
}
