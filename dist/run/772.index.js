export const id = 772;
export const ids = [772,280];
export const modules = {

/***/ 9280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ noticeIfUnavailable),
/* harmony export */   j: () => (/* reexport safe */ _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__.j1),
/* harmony export */   reportFailure: () => (/* binding */ reportFailure)
/* harmony export */ });
/* harmony import */ var _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6285);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7339);
/* harmony import */ var _transport_service_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1964);




/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise. Artifacts
 * that do not exist here (GitHub Enterprise Server) are no failure at all: a notice.
 */
function reportFailure(error, failOnError) {
    if (noticeIfUnavailable(error))
        return;
    const message = (0,_checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(error);
    if (error instanceof _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC || error instanceof _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1 || failOnError) {
        _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message);
        return;
    }
    _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${message} (the step goes on: set fail-on-error: true to fail it instead)`);
}
let unavailableNoticed = false;
/**
 * When `error` says the artifact service does not exist here (GitHub Enterprise Server), says
 * so in one notice per step (a run step meets it twice: reading checkpoints, then saving) and
 * returns true; false for any other error.
 */
function noticeIfUnavailable(error) {
    if (!(error instanceof _transport_service_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactsUnavailableError */ .yI))
        return false;
    if (!unavailableNoticed)
        _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(error.message);
    unavailableNoticed = true;
    return true;
}


/***/ }),

/***/ 8772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRun: () => (/* binding */ runRun)
});

// EXTERNAL MODULE: ./src/action/light-toolkit.ts
var light_toolkit = __webpack_require__(6285);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/checkpoint/decision.ts
var checkpoint_decision = __webpack_require__(870);
// EXTERNAL MODULE: ./src/checkpoint/errors.ts
var errors = __webpack_require__(7339);
// EXTERNAL MODULE: ./src/checkpoint/state.ts
var checkpoint_state = __webpack_require__(8699);
// EXTERNAL MODULE: ./src/action/failure.ts
var failure = __webpack_require__(9280);
// EXTERNAL MODULE: ./src/run/run-inputs.ts
var run_inputs = __webpack_require__(7560);
// EXTERNAL MODULE: ./src/action/job-context.ts
var job_context = __webpack_require__(827);
// EXTERNAL MODULE: ./src/transport/run-context.ts
var run_context = __webpack_require__(3066);
;// CONCATENATED MODULE: ./src/action/step-state.ts
/**
 * What the restore entry hands its post step (`core.saveState` / `core.getState`): the scope
 * whose summary it writes.
 */
var RestoreState;
(function (RestoreState) {
    RestoreState["Scope"] = "scope";
})(RestoreState || (RestoreState = {}));
/** What the run entry hands its post step, which saves a cancelled command's progress. */
var RunState;
(function (RunState) {
    RunState["Node"] = "node";
    RunState["Scope"] = "scope";
    RunState["StateFile"] = "state-file";
    /** `running` until the command ends; a post step that still sees it saves partial progress. */
    RunState["Status"] = "status";
})(RunState || (RunState = {}));

// EXTERNAL MODULE: ./src/resume/cache-input.ts
var cache_input = __webpack_require__(3536);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/checkpoint/crypto.ts





const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes encryption adds to each object: its nonce and its authentication tag. */
const ENCRYPTION_OVERHEAD = NONCE_BYTES + TAG_BYTES;
/**
 * Derives a 32-byte key from any string with HKDF-SHA256: users pass a passphrase-like secret,
 * and signing and encryption never share a key.
 */
function deriveKey(secret, purpose) {
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', secret, 'checkpoint-action/v1', purpose, 32));
}
/** `hmac-sha256:<hex>` over a checkpoint's digest. */
function signDigest(digest, key) {
    return `hmac-sha256:${(0,external_node_crypto_.createHmac)('sha256', key).update(digest).digest('hex')}`;
}
/** True when `signature` is the HMAC of `digest` under `key` (compared in constant time). */
function signatureMatches(digest, signature, key) {
    if (signature === undefined)
        return false;
    const expected = Buffer.from(signDigest(digest, key));
    const given = Buffer.from(signature);
    return expected.length === given.length && (0,external_node_crypto_.timingSafeEqual)(expected, given);
}
/** AES-256-GCM with a fresh nonce: `nonce || ciphertext || tag`. */
function encryptBytes(plain, key) {
    const nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, nonce);
    return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
/** Reverses {@link encryptBytes}; throws when the bytes or the key are wrong. */
function decryptBytes(sealed, key) {
    const bytes = Buffer.from(sealed);
    if (bytes.length < ENCRYPTION_OVERHEAD)
        throw new Error('too short to be encrypted data');
    const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
        decipher.final()
    ]);
}
/**
 * Encrypts a stream of bytes in the layout of {@link encryptBytes}: the nonce (fresh each time),
 * the ciphertext as the plain bytes arrive, the tag last.
 */
async function* encryptChunks(plain, key) {
    const nonce = (0,external_node_crypto_.randomBytes)(NONCE_BYTES);
    const cipher = (0,external_node_crypto_.createCipheriv)('aes-256-gcm', key, nonce);
    yield nonce;
    for await (const bytes of plain) {
        const out = cipher.update(bytes);
        if (out.length > 0)
            yield out;
    }
    const last = cipher.final();
    if (last.length > 0)
        yield last;
    yield cipher.getAuthTag();
}
/**
 * Encrypts a file into another, streamed, in the layout of {@link encryptChunks}.
 * @returns the size and `sha256:<hex>` of the encrypted file
 */
async function encryptFile(from, to, key) {
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* () {
        for await (const bytes of encryptChunks(createReadStream(from), key)) {
            hash.update(bytes);
            size += bytes.length;
            yield bytes;
        }
    };
    await pipeline(counted(), createWriteStream(to, { mode: 0o600 }));
    return { size, sha256: `sha256:${hash.digest('hex')}` };
}
/** Decrypts a file written by {@link encryptFile}; throws when it was changed or the key is wrong. */
async function decryptFile(from, to, key) {
    const handle = await (0,promises_.open)(from, 'r');
    let nonce;
    let tag;
    let size;
    try {
        size = (await handle.stat()).size;
        if (size < ENCRYPTION_OVERHEAD)
            throw new Error('too short to be encrypted data');
        nonce = Buffer.alloc(NONCE_BYTES);
        tag = Buffer.alloc(TAG_BYTES);
        await handle.read(nonce, 0, NONCE_BYTES, 0);
        await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    }
    finally {
        await handle.close();
    }
    const decipher = (0,external_node_crypto_.createDecipheriv)('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    const body = size === ENCRYPTION_OVERHEAD
        ? external_node_stream_.Readable.from([])
        : (0,external_node_fs_.createReadStream)(from, { start: NONCE_BYTES, end: size - TAG_BYTES - 1 });
    await (0,external_node_stream_promises_.pipeline)(body, decipher, (0,external_node_fs_.createWriteStream)(to, { mode: 0o600 }));
}

// EXTERNAL MODULE: ./src/checkpoint/document.ts
var checkpoint_document = __webpack_require__(9465);
;// CONCATENATED MODULE: ./src/checkpoint/codec.ts





/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
const ENCRYPTED_KIND = 'checkpoint-action/encrypted';
/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
class codec_UntrustedCheckpointError extends errors/* CheckpointError */.jg {
    file;
    reason;
    constructor(file, reason) {
        super(`Checkpoint ${file} is not trusted: ${reason}`);
        this.file = file;
        this.reason = reason;
    }
}
/**
 * Turns checkpoints into text and back under the user's keys: with a signing key every document
 * carries an HMAC over its digest and only signed ones are read; with an encryption key the
 * whole document is sealed with AES-256-GCM.
 */
class codec_CheckpointCodec {
    signing;
    encryption;
    constructor(keys = {}) {
        this.signing = keys.signingKey ? deriveKey(keys.signingKey, 'signing') : undefined;
        this.encryption = keys.encryptionKey ? deriveKey(keys.encryptionKey, 'encryption') : undefined;
    }
    /** The key files are encrypted with, when encryption is on. */
    get fileKey() {
        return this.encryption;
    }
    /** The text to store: signed and encrypted as the keys say. */
    encode(document) {
        const signed = this.signing
            ? { ...document, signature: signDigest(document.digest, this.signing) }
            : document;
        const text = (0,checkpoint_document/* serializeCheckpoint */.tf)(signed);
        if (!this.encryption)
            return text;
        const envelope = {
            kind: ENCRYPTED_KIND,
            schema: 1,
            ...(0,checkpoint_document/* refOf */.H8)(document),
            cipher: 'aes-256-gcm',
            data: encryptBytes(Buffer.from(text, 'utf8'), this.encryption).toString('base64')
        };
        return `${JSON.stringify(envelope, null, 2)}\n`;
    }
    /**
     * Reads stored text back into a verified checkpoint.
     * @throws CorruptCheckpointError, UnsupportedSchemaError or UntrustedCheckpointError
     */
    decode(text, source, expected) {
        let parsed = (0,checkpoint_document/* parseDocumentJson */.pB)(text, source);
        if ((0,checkpoint_state/* isJsonObject */.OW)(parsed.value) && parsed.value.kind === ENCRYPTED_KIND) {
            parsed = this.open(parsed.value, source);
        }
        const document = (0,checkpoint_document/* parseCheckpointValue */.tb)(parsed.value, source, expected, parsed.stateText);
        if (this.signing && !signatureMatches(document.digest, document.signature, this.signing)) {
            const reason = document.signature
                ? 'its signature does not match the signing key'
                : 'it is not signed';
            throw new codec_UntrustedCheckpointError(source, reason);
        }
        return document;
    }
    open(envelope, source) {
        if (!this.encryption) {
            throw new codec_UntrustedCheckpointError(source, 'it is encrypted: give the encryption key (input encryption-key, or CHECKPOINT_ENCRYPTION_KEY for the CLI)');
        }
        try {
            const plain = decryptBytes(Buffer.from(String(envelope.data), 'base64'), this.encryption);
            return (0,checkpoint_document/* parseDocumentJson */.pB)(plain.toString('utf8'), source);
        }
        catch (error) {
            if (error instanceof errors/* CheckpointError */.jg)
                throw error;
            throw new codec_UntrustedCheckpointError(source, 'it does not decrypt with the encryption key (wrong key, or changed bytes)');
        }
    }
}

// EXTERNAL MODULE: ./src/checkpoint/naming.ts
var naming = __webpack_require__(7108);
;// CONCATENATED MODULE: ./src/checkpoint/path-index.ts
/**
 * Workspace paths (`/` between folders) held by path, each found with whatever clashes with it
 * (the same path, one of its folders, or a path under it) in time proportional to the clashes
 * and the path's depth, not to how many paths are held: a save of 10,000 files over a checkpoint
 * of 10,000 more stays linear.
 */
class PathIndex {
    byPath = new Map();
    /** For each folder, the held paths under it (at any depth). */
    below = new Map();
    added = 0;
    constructor(items = []) {
        for (const item of items)
            this.set(item);
    }
    /** Holds `item` at its path, in place of what was there (which keeps its place in the order). */
    set(item) {
        const held = this.byPath.get(item.path);
        this.byPath.set(item.path, { item, order: held?.order ?? this.added++ });
        if (held)
            return;
        for (const folder of foldersOf(item.path)) {
            let under = this.below.get(folder);
            if (!under) {
                under = new Set();
                this.below.set(folder, under);
            }
            under.add(item.path);
        }
    }
    delete(path) {
        if (!this.byPath.delete(path))
            return;
        for (const folder of foldersOf(path))
            this.below.get(folder)?.delete(path);
    }
    /** The held items that cannot share a workspace with `path`, in the order they were added. */
    clashing(path) {
        const paths = [path, ...foldersOf(path), ...(this.below.get(path) ?? [])];
        return paths
            .map(held => this.byPath.get(held))
            .filter(held => held !== undefined)
            .sort((a, b) => a.order - b.order)
            .map(held => held.item);
    }
    /** Every held item, in the order they were added. */
    items() {
        return [...this.byPath.values()].map(held => held.item);
    }
}
/** The folders a path lies in, outermost first: `a/b/c` → `a`, `a/b`. */
function foldersOf(path) {
    const folders = [];
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        folders.push(path.slice(0, slash));
    }
    return folders;
}

;// CONCATENATED MODULE: ./src/checkpoint/contribution.ts




const EMPTY = { nodes: [], state: {}, files: [] };
const NONE = new Set();
/**
 * Adds a node's part to a pipeline, its state keys and files winning. What it replaces of
 * another node's part is kept in that node's record. A partial part (a node stopped part-way)
 * adds its files only: its state is progress, not the node's result.
 *
 * `parallel` names the nodes saved while this one ran (parallel steps of one job). Between
 * those, the order they were saved in is chance, so it does not decide: a state key or a file
 * that several of them wrote keeps the value of the node whose id sorts last, and the others'
 * values are kept in their records as replaced, as if the nodes had been saved in id order.
 */
function addPart(pipeline, part, partial = false, parallel = NONE) {
    const nodes = pipeline.nodes.map(node => ({ ...node }));
    const outranks = outranking(part.record.id, parallel);
    const { files, removed, yielded } = mergeOwnFiles(pipeline.files, part.files, nodes, outranks);
    for (const file of removed)
        keepReplacedFile(nodes, file, part.record.id);
    if (partial)
        return { nodes, state: pipeline.state, files };
    const writers = currentWriters(nodes, part.state);
    const yieldedKeys = Object.keys(part.state).filter(key => outranks(writers.get(key)));
    const state = withoutKeys(part.state, yieldedKeys);
    keepReplacedState(pipeline.state, writers, part.record.id, new Set(yieldedKeys));
    const { replaced: _replaced, ...record } = part.record;
    const own = {
        ...record,
        added: additionsOf(part),
        ...replacedOf(pickKeys(part.state, yieldedKeys), yielded)
    };
    return { nodes: upsertNode(nodes, own), state: (0,checkpoint_state/* overlayStates */.tk)(pipeline.state, state), files };
}
/**
 * Records in each earlier writer the values of the keys node `id` now replaces (all but the
 * `yielded` ones), gathered per writer first so that each record is rebuilt once, however many
 * keys it loses.
 */
function keepReplacedState(held, writers, id, yielded) {
    const lost = new Map();
    for (const [key, writer] of writers) {
        if (writer.id === id || !Object.hasOwn(held, key) || yielded.has(key))
            continue;
        const values = lost.get(writer) ?? [];
        values.push([key, held[key] ?? null]);
        lost.set(writer, values);
    }
    for (const [writer, values] of lost) {
        const state = (0,checkpoint_state/* mergeStates */.ti)(writer.replaced?.state ?? {}, (0,checkpoint_state/* stateFromEntries */.Gv)(values));
        writer.replaced = { ...writer.replaced, state };
    }
}
/** Whether a writer is a parallel node whose id sorts after `id`, and so wins over it. */
function outranking(id, parallel) {
    return writer => writer !== undefined && parallel.has(writer.id) && writer.id > id;
}
/**
 * Merges a node's files over the pipeline's (see mergeFiles), except where a node that outranks
 * it wrote a clashing path: in id order that node came later and displaced the file, so the
 * file is `yielded` (even if the other node's file has given way since), and the outranking
 * node's file, if the pipeline still holds it, stays. What a yielded file had displaced stays
 * displaced, as in id order it would be.
 */
function mergeOwnFiles(held, own, nodes, outranks) {
    const merged = mergeFiles(held, own);
    // No node outranks this one (no parallel node): no file's writer need be looked up.
    if (!nodes.some(outranks))
        return { ...merged, yielded: [] };
    const winners = merged.removed.filter(file => outranks(writerOf(file, nodes)));
    const written = [
        ...held.filter(file => outranks(writerOf(file, nodes))),
        ...nodes.filter(node => outranks(node)).flatMap(node => node.replaced?.files ?? [])
    ];
    const writtenPaths = new PathIndex(written);
    const yielded = own.filter(file => writtenPaths.clashing(file.path).length > 0);
    if (yielded.length === 0)
        return { ...merged, yielded };
    const files = [...merged.files.filter(file => !yielded.includes(file)), ...winners];
    return {
        files: files.sort(comparePaths),
        removed: merged.removed.filter(file => !winners.includes(file)),
        yielded
    };
}
function replacedOf(state, files) {
    const replaced = {
        ...(Object.keys(state).length > 0 ? { state } : {}),
        ...(files.length > 0 ? { files } : {})
    };
    return replaced.state || replaced.files ? { replaced } : {};
}
function pickKeys(state, keys) {
    return (0,checkpoint_state/* stateFromEntries */.Gv)(keys.map(key => [key, state[key] ?? null]));
}
/** `state` without `keys`; `state` itself when there are none, so its JSON text is kept. */
function withoutKeys(state, keys) {
    if (keys.length === 0)
        return state;
    const dropped = new Set(keys);
    return pickKeys(state, Object.keys(state).filter(key => !dropped.has(key)));
}
function additionsOf(part) {
    const links = part.files.filter(file => file.link !== undefined).map(file => file.path);
    return { state: Object.keys(part.state), ...(links.length > 0 ? { links } : {}) };
}
/** The node whose value the cumulative state holds, for each key of `state` that has one. */
function currentWriters(nodes, state) {
    const writers = new Map();
    const wanted = Object.keys(state);
    if (wanted.length === 0)
        return writers;
    for (const node of [...nodes].sort(bySequence)) {
        const replaced = node.replaced?.state ?? {};
        for (const key of node.added?.state ?? []) {
            if (!Object.hasOwn(replaced, key))
                writers.set(key, node);
        }
    }
    const keys = new Set(wanted);
    for (const key of writers.keys())
        if (!keys.has(key))
            writers.delete(key);
    return writers;
}
function keepReplacedFile(nodes, file, by) {
    const writer = writerOf(file, nodes);
    if (!writer || writer.id === by)
        return;
    const files = (writer.replaced?.files ?? []).filter(kept => kept.path !== file.path);
    writer.replaced = { ...writer.replaced, files: [...files, file] };
}
/** The node that wrote a file: the node of its archive, or the last one that saved the link. */
function writerOf(file, nodes) {
    if (file.archive !== undefined) {
        const id = (0,naming/* parseArtifactName */.TZ)(file.archive)?.ref.node;
        return nodes.find(node => node.id === id);
    }
    return nodes
        .filter(node => node.added?.links?.includes(file.path))
        .filter(node => !node.replaced?.files?.some(kept => kept.path === file.path))
        .sort(bySequence)
        .at(-1);
}
function bySequence(a, b) {
    return a.sequence - b.sequence;
}
/** A node saved again keeps its place: the list stays in the order nodes were first done. */
function upsertNode(nodes, record) {
    const index = nodes.findIndex(node => node.id === record.id);
    if (index < 0)
        return [...nodes, record];
    return nodes.map((node, position) => (position === index ? record : node));
}
/**
 * Later files replace earlier ones at the same path, and earlier ones a later file shows were
 * replaced by a folder (or a folder replaced by a file): the newest node's view of the
 * workspace wins, so the manifest never lists a path as both. Sorted by path; `removed` are
 * the earlier records that gave way.
 */
function mergeFiles(earlier, later) {
    const held = new PathIndex(earlier);
    const fromLater = new Set(later);
    const removed = [];
    for (const file of later) {
        for (const old of held.clashing(file.path)) {
            held.delete(old.path);
            if (!fromLater.has(old))
                removed.push(old);
        }
        held.set(file);
    }
    return { files: held.items().sort(comparePaths), removed };
}
function comparePaths(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
/**
 * The parts of the nodes `ids` as a checkpoint records them, in the order they were written.
 * Nodes that do not record what they added (checkpoints of older versions) have no part.
 */
function partsOf(document, ids) {
    const byWriter = new Map();
    for (const file of document.files) {
        const writer = writerOf(file, document.nodes);
        if (writer)
            byWriter.set(writer.id, [...(byWriter.get(writer.id) ?? []), file]);
    }
    return document.nodes
        .filter(node => ids.has(node.id) && node.added !== undefined)
        .sort(bySequence)
        .map(node => ({
        record: node,
        state: valuesOf(node, document.state),
        files: [...(byWriter.get(node.id) ?? []), ...(node.replaced?.files ?? [])]
    }));
}
function valuesOf(node, state) {
    const replaced = node.replaced?.state ?? {};
    const values = [];
    for (const key of node.added?.state ?? []) {
        const from = Object.hasOwn(replaced, key) ? replaced : state;
        if (Object.hasOwn(from, key))
            values.push([key, from[key] ?? null]);
    }
    return (0,checkpoint_state/* stateFromEntries */.Gv)(values);
}
/**
 * The checkpoint with only the nodes `ids`: their state, files and archives, as if the other
 * nodes had never run. It keeps the checkpoint's name; partial progress is left out.
 */
function contribution_restrictTo(document, ids) {
    const pipeline = partsOf(document, new Set(ids)).reduce((built, part) => addPart(built, part), EMPTY);
    return (0,checkpoint_document/* sealCheckpoint */.uP)({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline)
    });
}
/**
 * Adds the nodes of `part` (a checkpoint restricted to them, from another run or the cache) to
 * the job's checkpoint: their records, state and files win over what `base` has of them.
 */
function contribution_mergeInto(base, part) {
    if (!base)
        return part;
    const ids = new Set(part.nodes.map(node => node.id));
    // An archive of the same name in base is a node taken again: its old files give way.
    const taken = new Set(part.archives.map(archive => archive.name));
    const start = {
        nodes: base.nodes,
        state: base.state,
        files: base.files.filter(file => !taken.has(file.archive ?? ''))
    };
    const pipeline = partsOf(part, ids).reduce((built, item) => addPart(built, item), start);
    const archives = [...base.archives.filter(archive => !taken.has(archive.name)), ...part.archives];
    const theirs = part.partials ?? [];
    const partials = [
        ...(base.partials ?? []).filter(partial => !ids.has(partial.id) && !theirs.some(their => their.id === partial.id)),
        ...theirs
    ];
    return (0,checkpoint_document/* sealCheckpoint */.uP)({
        ...envelopeOf(base),
        sequence: Math.max(base.sequence, part.sequence),
        ...pipeline,
        archives: archivesUsed(archives, pipeline),
        ...(partials.length > 0 ? { partials } : {})
    });
}
/**
 * The progress a node recorded when it was stopped, alone: its partial record and the files of
 * its own archives, no node done and no state. Undefined when the checkpoint has none of it.
 */
function partialPart(document, id) {
    const partial = document.partials?.find(item => item.id === id);
    if (!partial)
        return undefined;
    const files = document.files.filter(file => file.archive !== undefined && parseArtifactName(file.archive)?.ref.node === id);
    const pipeline = { nodes: [], state: {}, files };
    return sealCheckpoint({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline),
        partials: [partial]
    });
}
function envelopeOf(document) {
    const { kind, schema, scope, node, sequence, attempt, run, createdAt, parent } = document;
    return {
        kind,
        schema,
        scope,
        node,
        sequence,
        attempt,
        run,
        createdAt,
        ...(parent ? { parent } : {})
    };
}
/** The archives that files of the pipeline, replaced ones included, are in. */
function archivesUsed(archives, pipeline) {
    const used = new Set();
    for (const file of pipeline.files)
        if (file.archive)
            used.add(file.archive);
    for (const node of pipeline.nodes) {
        for (const file of node.replaced?.files ?? [])
            if (file.archive)
                used.add(file.archive);
    }
    return archives.filter(archive => used.has(archive.name));
}

// EXTERNAL MODULE: ./src/checkpoint/canonical.ts
var canonical = __webpack_require__(2864);
// EXTERNAL MODULE: ./src/checkpoint/fingerprint.ts
var checkpoint_fingerprint = __webpack_require__(5542);
;// CONCATENATED MODULE: ./src/checkpoint/reuse.ts


/** True for a node that a `run` step checkpointed: its fingerprint holds the command. */
function isRunNode(record) {
    return record.fingerprint?.command !== undefined;
}
/**
 * Decides a node found done in another run (or in the cache, where `sameCommit` is false). A
 * node whose key restore is given is compared by key and major version; a `run` node is then
 * left to its run step, which knows the rest of its fingerprint. Without a key, only a run of
 * the same commit vouches for a node.
 */
function reuse_judgeNode(record, request) {
    if (record.added === undefined)
        return { take: 'no', reason: 'unrecorded' };
    const given = request.keys.get(record.id);
    if (given !== undefined && given !== '') {
        const changed = changedKey(record.fingerprint, computeFingerprint({ key: given }));
        if (changed)
            return { take: 'no', reason: `stale:${changed}` };
        return isRunNode(record) ? offered() : { take: 'now', reason: 'done' };
    }
    if (!request.sameCommit) {
        if (isRunNode(record) && record.fingerprint?.key !== undefined)
            return offered();
        return { take: 'no', reason: 'no-key' };
    }
    if (record.fingerprint?.version !== undefined && record.fingerprint.version !== ACTION_MAJOR) {
        return { take: 'no', reason: 'stale:version' };
    }
    return isRunNode(record) ? offered() : { take: 'now', reason: 'done' };
}
/**
 * Decides the progress of a node stopped part-way in another run: like a `run` node done
 * there, it is left to its run step, which resumes it only when its whole fingerprint matches.
 */
function judgePartial(partial, request) {
    if (partial.fingerprint?.command === undefined)
        return { take: 'no', reason: 'unrecorded' };
    if (partial.fingerprint.key === undefined && !request.sameCommit) {
        return { take: 'no', reason: 'no-key' };
    }
    return offered();
}
function offered() {
    return { take: 'by-run-step', reason: 'offered' };
}
/** Which of key and version differ, the parts restore compares for a node guarded by hand. */
function changedKey(recorded, current) {
    if (recorded?.key !== current.key)
        return 'key';
    if (recorded?.version !== current.version)
        return 'version';
    return undefined;
}
/**
 * The Actions cache key of a node's checkpoint: scope, node and a digest of what the node
 * depends on. For a `run` node that is its whole fingerprint, which its run step knows; for a
 * node guarded by hand, its key and the action's major version, which the restore step can
 * compute from `keys` (a save's `salt` is not known there). Undefined for a node without a key:
 * those are never cached. Node ids and scopes hold no dots, so the key parses unambiguously.
 */
function cacheKey(scope, node, fingerprint) {
    if (fingerprint?.key === undefined)
        return undefined;
    const parts = fingerprint.command === undefined
        ? { key: fingerprint.key, version: fingerprint.version ?? checkpoint_fingerprint/* ACTION_MAJOR */.JY }
        : fingerprint;
    const digest = (0,canonical/* sha256Digest */.s)((0,canonical/* canonicalJson */.d)({ scope, node, parts })).replace(/^sha256:/, '');
    return `checkpoint.${scope}.${node}.${digest}`;
}
/** The cache key a node guarded by hand has now, from its key in the restore input `keys`. */
function reuse_guardedCacheKey(scope, node, key) {
    return key === '' ? undefined : cacheKey(scope, node, computeFingerprint({ key }));
}
/** A reason code in plain words, for the job summary. */
function reasonInWords(reason) {
    if (reason.startsWith('stale:')) {
        return `its ${reason.slice('stale:'.length)} changed since it was saved`;
    }
    return REASON_WORDS[reason] ?? reason;
}
const REASON_WORDS = {
    done: 'taken: what it depends on is unchanged',
    offered: 'found with a key: its run step compares its fingerprint',
    'no-key': 'not taken: no key to compare (reused from another run only with match: sha)',
    'not-found': 'not found in any source',
    'files-missing': 'not taken: its files were missing or did not verify',
    untrusted: 'not taken: not signed with the signing key, or not decryptable',
    corrupt: 'not taken: its checkpoint does not verify',
    unrecorded: 'not taken: saved by an older version that did not record what each node added',
    'rerun-requested': 'not taken: asked to run again'
};

// EXTERNAL MODULE: ./src/transport/config.ts
var config = __webpack_require__(3343);
;// CONCATENATED MODULE: ./src/transport/cache-config.ts
/**
 * What the runner's environment says about the Actions cache, read the way @actions/cache reads
 * it, so this action's choices (which sources to try, whether to write) agree with the client's.
 */
const KNOWN_MODES = ['none', 'read', 'write', 'write-only'];
/**
 * `ACTIONS_CACHE_MODE`: `none`, `read`, `write` or `write-only`. Unset or unknown modes allow
 * both, as @actions/cache treats them.
 */
function cacheAccess(env = process.env) {
    const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase();
    if (!KNOWN_MODES.includes(mode))
        return { mode, read: true, write: true };
    return {
        mode,
        read: mode === 'read' || mode === 'write',
        write: mode === 'write' || mode === 'write-only'
    };
}

;// CONCATENATED MODULE: ./src/transport/cache-store.ts




/**
 * A node's checkpoint in the Actions cache, through @actions/cache (loaded only by the steps
 * that use it). An entry holds the checkpoint document restricted to the node and its files
 * archive, packed as the artifacts are, under an exact key: never a restore-keys prefix.
 *
 * @actions/cache versions an entry by the path strings it is given, so the entry is saved from
 * a folder whose path reads the same on every runner: relative to the workspace (RUNNER_TEMP
 * differs between self-hosted runners). It is restored into a fresh folder under RUNNER_TEMP,
 * never into the workspace: the caller verifies it before anything is placed.
 */
/** The document's file name in an entry. */
const ENTRY_DOCUMENT = 'checkpoint.json';
/** Where a node's entry is staged for saving, relative to the workspace: also its version. */
function entryPath(scope, node) {
    return `.checkpoint-cache/${scope}.${node}`;
}
/** Reports once per step what `ACTIONS_CACHE_MODE` forbids. */
let modeReported = false;
function allowed(what, notice) {
    const access = cacheAccess();
    if (!modeReported && (!access.read || !access.write)) {
        modeReported = true;
        const can = access.read ? 'read from' : access.write ? 'written to' : 'neither read nor written';
        notice(`ACTIONS_CACHE_MODE is '${access.mode}': checkpoints in the Actions cache are ${can === 'neither read nor written' ? can : `only ${can}`} in this job.`);
    }
    return access[what];
}
/**
 * Saves a node's entry under `key`: its document text and its archive file. A key that is
 * already there is left as it is (keys are immutable), never an error.
 */
async function saveEntry(entry, archive, workspace, notice) {
    if (!allowed('write', notice))
        return 'not-allowed';
    const cache = await Promise.all(/* import() */[__webpack_require__.e(377), __webpack_require__.e(736)]).then(__webpack_require__.bind(__webpack_require__, 9736));
    const path = entryPath(entry.scope, entry.node);
    if (allowed('read', notice) && (await lookUp(entry.key, path)) === entry.key)
        return 'exists';
    const folder = (0,external_node_path_.join)(workspace, path);
    await (0,promises_.rm)(folder, { recursive: true, force: true });
    try {
        await (0,promises_.mkdir)(folder, { recursive: true });
        await (0,promises_.writeFile)((0,external_node_path_.join)(folder, ENTRY_DOCUMENT), entry.document, 'utf8');
        if (archive)
            await (0,promises_.copyFile)(archive.file, (0,external_node_path_.join)(folder, archive.name));
        const id = await inFolder(workspace, () => cache.saveCache([path], entry.key));
        return id > 0 ? 'saved' : 'not-saved';
    }
    finally {
        await (0,promises_.rm)(folder, { recursive: true, force: true });
        // The parent goes too when no other step is staging in it.
        await (0,promises_.rmdir)((0,external_node_path_.join)(workspace, '.checkpoint-cache')).catch(() => undefined);
    }
}
async function lookUp(key, path) {
    const cache = await Promise.all(/* import() */[__webpack_require__.e(377), __webpack_require__.e(736)]).then(__webpack_require__.bind(__webpack_require__, 9736));
    return cache.restoreCache([path], key, [], { lookupOnly: true });
}
/**
 * Restores the entry of exactly `key` into a fresh folder under `runnerTemp`; the folder holding
 * the entry's files, or undefined on a miss. The caller verifies it, then removes `scratch`.
 */
async function restoreEntry(entry, runnerTemp, notice) {
    if (!allowed('read', notice))
        return undefined;
    const cache = await Promise.all(/* import() */[__webpack_require__.e(377), __webpack_require__.e(736)]).then(__webpack_require__.bind(__webpack_require__, 9736));
    const path = entryPath(entry.scope, entry.node);
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(runnerTemp, 'checkpoint-cache-'));
    // The archive is extracted relative to GITHUB_WORKSPACE: here, the scratch folder.
    const matched = await withWorkspace(scratch, () => cache.restoreCache([path], entry.key, []));
    if (matched !== entry.key) {
        // The service may match a longer key by prefix: only the exact key is an entry of ours.
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
        return undefined;
    }
    return { folder: (0,external_node_path_.join)(scratch, path), scratch };
}
async function withWorkspace(folder, call) {
    const before = process.env.GITHUB_WORKSPACE;
    process.env.GITHUB_WORKSPACE = folder;
    try {
        return await call();
    }
    finally {
        if (before === undefined)
            delete process.env.GITHUB_WORKSPACE;
        else
            process.env.GITHUB_WORKSPACE = before;
    }
}
/** @actions/cache finds the paths to save relative to the working directory. */
async function inFolder(folder, call) {
    const before = process.cwd();
    process.chdir(folder);
    try {
        return await withWorkspace(folder, call);
    }
    finally {
        process.chdir(before);
    }
}
/** Whether the cache can be used at all here: a runtime token and a cache service. */
function cacheAvailable(env = process.env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    const v2 = !isGhes(env) && Boolean(env.ACTIONS_CACHE_SERVICE_V2);
    return Boolean(v2 ? env.ACTIONS_RESULTS_URL : env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}

// EXTERNAL MODULE: ./src/action/step-lock.ts
var step_lock = __webpack_require__(4160);
;// CONCATENATED MODULE: ./src/checkpoint/secrets.ts

/** Shapes of credentials that must not end up in a checkpoint anyone with read access can download. */
const CREDENTIAL_PATTERNS = [
    { name: 'a GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/ },
    { name: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/ },
    { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
    { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ }
];
/**
 * The same shapes without their word boundaries, searched in the state's JSON text before any
 * value is visited: every string a pattern above matches holds a match of its loose form, whose
 * characters JSON never escapes, so no text match means no finding, at the cost of one pass
 * over the text instead of a walk over every value.
 */
const LOOSE_SHAPES = /(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20}|github_pat_[A-Za-z0-9_]{20}|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|(?:AKIA|ASIA)[0-9A-Z]{16}/;
/**
 * Finds values in a state that are credentials: the exact `known` secrets (the job's token, the
 * signing and encryption keys) always, and values shaped like tokens or keys unless `allowShapes`.
 */
function findSecrets(state, known, allowShapes = false) {
    const secrets = known.filter(secret => secret.length >= 8);
    if (!mayHoldSecrets((0,checkpoint_state/* stateJson */.mE)(state), secrets, allowShapes))
        return undefined;
    const visit = (value, key) => {
        if (typeof value === 'string')
            return classify(value, key, secrets, allowShapes);
        if (Array.isArray(value)) {
            for (const [index, item] of value.entries()) {
                const found = visit(item, `${key}[${index}]`);
                if (found)
                    return found;
            }
        }
        else if (value !== null && typeof value === 'object') {
            for (const child of Object.keys(value)) {
                const found = visit(value[child] ?? null, key ? `${key}.${child}` : child);
                if (found)
                    return found;
            }
        }
        return undefined;
    };
    return visit(state, '');
}
function classify(value, key, secrets, allowShapes) {
    if (secrets.some(secret => value.includes(secret)))
        return { key, kind: "the job's token or a checkpoint key" };
    if (allowShapes)
        return undefined;
    const match = CREDENTIAL_PATTERNS.find(({ pattern }) => pattern.test(value));
    return match ? { key, kind: match.name } : undefined;
}
/**
 * False only when no value of the state can hold a secret or shape: a secret inside a string
 * value is inside its JSON text in escaped form (escaping goes character by character, and
 * whole surrogate pairs are never escaped; a secret with a surrogate of its own is always
 * looked for value by value).
 */
function mayHoldSecrets(text, secrets, allowShapes) {
    for (const secret of secrets) {
        if (/[\uD800-\uDFFF]/.test(secret))
            return true;
        if (text.includes(JSON.stringify(secret).slice(1, -1)))
            return true;
    }
    return !allowShapes && LOOSE_SHAPES.test(text);
}

// EXTERNAL MODULE: ./src/checkpoint/safe-paths.ts
var safe_paths = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/packing/limit.ts
/** Files up to this size are read, packed and written whole rather than streamed. */
const SMALL_FILE = 1024 * 1024;
/**
 * A zip (or a pack of them) up to this size is read into memory once and extracted from there:
 * entry by entry from disk, each small file costs several reads one after the other.
 */
const ZIP_IN_MEMORY = 32 * 1024 * 1024;
/** File operations in flight at once for many small files: enough to keep the disk busy. */
const FILE_CONCURRENCY = 16;
/**
 * Runs `task` on the items of `items` as they come, at most `limit` at a time: the one shape
 * of work in flight together (file operations, an upload's blocks). The next item is asked for
 * only when a task is free, so a source that makes its items on demand (an upload's blocks, read from a stream)
 * never runs more than `limit` ahead of the requests. The first failure, of a task or of the
 * source, stops the asking; it is thrown once the tasks already started have settled, so no
 * request is left running behind the caller's back.
 */
async function forEachBounded(items, limit, task) {
    const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
    let failure;
    const worker = async () => {
        while (failure === undefined) {
            try {
                const next = await source.next();
                if (next.done === true)
                    return;
                await task(next.value);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
    if (failure === undefined)
        return;
    try {
        // Lets a generator that is still open run its `finally` (closing the file it reads).
        await source.return?.();
    }
    catch {
        // The first failure is the one to report.
    }
    throw failure.error;
}
/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
async function mapLimit(items, limit, task) {
    const results = new Array(items.length);
    await forEachBounded(items.keys(), Math.min(limit, items.length), async (index) => {
        results[index] = await task(items[index], index);
    });
    return results;
}

// EXTERNAL MODULE: ./src/packing/workspace-paths.ts
var workspace_paths = __webpack_require__(7851);
;// CONCATENATED MODULE: ./src/packing/collect.ts







/**
 * Finds the files that `paths` globs name (`!` excludes), inside the workspace only. Links are
 * kept as links when they point inside the workspace and refused when they point out of it.
 * @param input the input's name, for error messages
 * @throws InvalidInputError for a pattern or a link that leaves the workspace
 */
async function collectFiles(workspace, patterns, input = 'paths') {
    if (patterns.length === 0)
        return [];
    const root = await (0,promises_.realpath)(workspace);
    const absolutePatterns = patterns.map(pattern => absolutePattern(root, pattern, input));
    const folders = new Map();
    const realFolder = (folder) => {
        let real = folders.get(folder);
        if (!real) {
            real = (0,promises_.realpath)(folder);
            folders.set(folder, real);
        }
        return real;
    };
    const found = (await findPaths(absolutePatterns)).sort();
    return mapLimit(found, FILE_CONCURRENCY, absolute => describeFile(root, absolute, { input, realFolder }));
}
/**
 * What the absolute patterns name, as `@actions/glob` finds it (implicit descendants, links not
 * followed, no folders): paths without a wildcard are walked here, since the glob awaits one
 * call per item (1,000 files: 45-65 ms, against 4 ms for one listing of the tree).
 */
async function findPaths(absolutePatterns) {
    if (process.platform !== 'win32' && absolutePatterns.every(isPlainPath)) {
        return walkPaths(absolutePatterns);
    }
    // Loaded only for wildcards: it brings @actions/core and its HTTP client with it.
    const glob = await __webpack_require__.e(/* import() */ 377).then(__webpack_require__.bind(__webpack_require__, 2377));
    const globber = await glob.create(absolutePatterns.join('\n'), {
        followSymbolicLinks: false,
        implicitDescendants: true,
        matchDirectories: false
    });
    return globber.glob();
}
/** A pattern that names one path: no wildcard, escape, exclusion or `.`/`..` segment. */
function isPlainPath(pattern) {
    return !/[*?[\\]/.test(pattern) && !pattern.startsWith('!') && !/(^|\/)\.\.?(\/|$)/.test(pattern);
}
/**
 * Each path that is not a folder, and everything not a folder beneath each folder, links not
 * followed; a path ending in `/` names a folder only; a missing path names nothing.
 */
function walkPaths(paths) {
    const found = new Set();
    for (const pattern of paths) {
        const path = (0,external_node_path_.normalize)(pattern).replace(/(.)\/+$/, '$1');
        // Nothing there names nothing; any other failure (ENOTDIR, EACCES) is thrown, as the glob does.
        const stats = (0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false });
        if (!stats)
            continue;
        if (!stats.isDirectory()) {
            if (!pattern.endsWith('/'))
                found.add(path);
            continue;
        }
        for (const entry of (0,external_node_fs_.readdirSync)(path, { withFileTypes: true, recursive: true })) {
            if (!entry.isDirectory())
                found.add((0,external_node_path_.join)(entry.parentPath, entry.name));
        }
    }
    return [...found];
}
/**
 * A `paths` pattern made absolute under the workspace, refused when the part before its first
 * wildcard leaves it (`..`, another absolute path, drive or share).
 */
function absolutePattern(root, pattern, input, platform = process.platform) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    // Only the part before the first wildcard decides where the glob looks.
    const fixed = body.split(/[*?[{]/, 1)[0] ?? '';
    (0,workspace_paths/* resolveInside */.LI)(root, fixed === '' ? '.' : fixed, input, platform);
    const paths = (0,workspace_paths/* pathsOf */.wG)(platform);
    // The glob takes `/` and, on Windows, `\` between folders.
    const absolute = paths.isAbsolute(body) ? body : `${root}${paths.sep}${body}`;
    return negated ? `!${absolute}` : absolute;
}
/**
 * The path a checkpoint stores for a file the glob found: workspace-relative with `/`; one no
 * checkpoint could hold (a POSIX name with a backslash, say) is refused here, not on restore.
 */
function storedPath(root, absolute, input, platform = process.platform) {
    const path = (0,workspace_paths/* toRelative */.yE)(root, absolute, platform);
    const unsafe = (0,safe_paths/* unsafePathReason */.m)(path);
    if (unsafe) {
        throw new errors/* InvalidInputError */.oC(input, path, `names a file whose path ${unsafe}: checkpoints store workspace paths with / between folders, the same on every OS`);
    }
    return path;
}
async function describeFile(root, absolute, options) {
    const { input } = options;
    const path = storedPath(root, absolute, input);
    if (!(0,workspace_paths/* isInside */.FK)(root, await options.realFolder((0,external_node_path_.dirname)(absolute)))) {
        throw new errors/* InvalidInputError */.oC(input, path, 'lies under a link that leads outside the workspace');
    }
    // At once: one call per file, for thousands of files (small-io.ts says why).
    const stats = (0,external_node_fs_.lstatSync)(absolute);
    const mode = stats.mode & 0o777;
    if (stats.isSymbolicLink()) {
        const target = await (0,promises_.readlink)(absolute);
        if ((0,external_node_path_.isAbsolute)(target) || !(0,workspace_paths/* isInside */.FK)(root, (0,external_node_path_.resolve)((0,external_node_path_.dirname)(absolute), target))) {
            throw new errors/* InvalidInputError */.oC(input, path, `is a link to ${target}, outside the workspace: links must stay inside it`);
        }
        const link = (0,workspace_paths/* portableLinkTarget */.b8)(target);
        if (link.includes('\\')) {
            throw new errors/* InvalidInputError */.oC(input, path, `is a link to ${target}, whose backslash no checkpoint can store`);
        }
        return { path, absolute, size: 0, mode, mtime: stats.mtime, link };
    }
    return { path, absolute, size: stats.size, mode, mtime: stats.mtime };
}

;// CONCATENATED MODULE: ./src/checkpoint/units.ts
// Sizes, durations and rates as the log, the job summary and the CLI write them for people.
/** Bytes as people read them: `812 B`, `1.5 KiB`, `256.0 MiB`. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
/** Milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`; `–` when unknown. */
function formatDuration(ms) {
    if (ms === undefined)
        return '–';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
/** A transfer rate in MiB/s, one decimal: `52.3 MiB/s`. */
function formatRate(bytesPerSecond) {
    return `${(Math.max(0, bytesPerSecond) / (1024 * 1024)).toFixed(1)} MiB/s`;
}

;// CONCATENATED MODULE: ./src/action/step-log.ts


/** The title of the group the step's details are folded in, while one is open. */
let openGroup;
/**
 * Folds what `work` logs into a `::group::` titled `title`, closed however the work ends: the
 * step's details stay one click away, and its one final line stands out below them.
 */
async function inGroup(title, work) {
    light_toolkit/* startGroup */.Oh(title);
    openGroup = title;
    try {
        return await work();
    }
    finally {
        openGroup = undefined;
        light_toolkit/* endGroup */.N4();
    }
}
/**
 * A progress line of a long transfer, written outside the open group (which then goes on as
 * "(continued)"): a collapsed group must not hide that the step is moving.
 */
function logProgress(line) {
    if (openGroup === undefined) {
        light_toolkit/* info */.pq(line);
        return;
    }
    light_toolkit/* endGroup */.N4();
    light_toolkit/* info */.pq(line);
    light_toolkit/* startGroup */.Oh(`${openGroup} (continued)`);
}
/** The end of a step's final line: `12 file(s), 3.4 GiB, in 41.2 s`. */
function movedInWords({ files, bytes, ms }) {
    return `${files} file(s), ${formatBytes(bytes)}, in ${formatDuration(ms)}`;
}
/** The step's log as the transport reports to it: lines, progress, and values masked. */
const stepLog = {
    info: line => {
        light_toolkit/* info */.pq(line);
    },
    progress: logProgress,
    mask: secret => {
        light_toolkit/* setSecret */.Pq(secret);
    }
};

// EXTERNAL MODULE: ./src/checkpoint/ids.ts
var ids = __webpack_require__(7388);
;// CONCATENATED MODULE: ./src/checkpoint/progress.ts



/**
 * The checkpoint after a node: the previous one (`base`) extended with the node's state, files
 * and record. The sequence follows the base's, so (attempt, sequence) orders checkpoints even
 * when attempts restore from different bases.
 */
function nextCheckpoint(base, result) {
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
        kind: checkpoint_document/* CHECKPOINT_KIND */.U8,
        schema: checkpoint_document/* SCHEMA_VERSION */.f$,
        scope: result.scope,
        node: result.node,
        sequence,
        attempt: result.run.attempt,
        run: result.run,
        createdAt: now,
        ...(base ? { parent: (0,naming/* checkpointName */.s7)(base) } : {}),
        ...pipeline,
        archives: archivesUsed(archives, pipeline)
    };
    if (result.partial)
        partials.push({ ...partialOf(record), state: result.state });
    return (0,checkpoint_document/* sealCheckpoint */.uP)(partials.length > 0 ? { ...body, partials } : body);
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
function withoutNodes(document, ids) {
    const drop = new Set(ids);
    return sealCheckpoint({ ...document, nodes: document.nodes.filter(node => !drop.has(node.id)) });
}
/** Ids of the nodes a checkpoint records as stopped part-way. */
function partialNodes(document) {
    return (document?.partials ?? []).map(partial => partial.id);
}
/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
function completedNodes(document) {
    return (document?.nodes ?? []).map(node => node.id);
}

;// CONCATENATED MODULE: ./src/checkpoint/manager.ts







/** Marks a document holding every checkpoint of a scope (the seed's full state export). */
const EXPORT_KIND = 'checkpoint-action/export';
/** The export document of a scope's checkpoints, stamped with when it was made. */
function exportDocument(scope, checkpoints, exportedAt) {
    return { kind: EXPORT_KIND, schema: 1, scope, exportedAt: exportedAt.toISOString(), checkpoints };
}
/**
 * Checkpoints of one scope in one store: the seed's CheckpointManager without its defects.
 * "Latest" is decided from names by (attempt, sequence), so finding it reads no file; loading
 * verifies the digest; writes are atomic in the store.
 */
class CheckpointManager {
    store;
    scope;
    run;
    codec;
    constructor(store, options = {}) {
        this.store = store;
        this.scope = (0,ids/* validateId */.GZ)('scope', options.scope ?? 'default');
        this.run = options.run ?? { runId: 'local', attempt: 1 };
        this.codec = options.codec ?? new codec_CheckpointCodec();
    }
    /** This scope's checkpoints, oldest first. */
    async list() {
        const refs = (await this.store.listNames())
            .map(name => (0,naming/* parseCheckpointName */.PN)(name))
            .filter((ref) => ref?.scope === this.scope);
        return refs.sort(naming/* compareRefs */.Iu);
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
        const name = typeof target === 'string' ? target : (0,naming/* checkpointName */.s7)(target);
        const ref = typeof target === 'string' ? (0,naming/* parseCheckpointName */.PN)(target) : target;
        if (!ref)
            throw new errors/* CorruptCheckpointError */.MG(name, 'its name is not a checkpoint name');
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
                if (!(error instanceof errors/* CheckpointError */.jg))
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
        (0,ids/* validateId */.GZ)('node', node);
        const problem = (0,checkpoint_state/* stateProblem */.TF)(state);
        if (problem)
            throw new errors/* InvalidInputError */.oC('state', JSON.stringify(state), problem);
        const base = await this.latestValid();
        const document = nextCheckpoint(base, {
            scope: this.scope,
            node,
            run: { ...this.run, attempt: Math.max(this.run.attempt, base?.attempt ?? 1) },
            state,
            ...extra
        });
        await this.store.writeText((0,naming/* checkpointName */.s7)(document), this.codec.encode(document));
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
            const document = (0,checkpoint_document/* parseCheckpointValue */.tb)(JSON.parse(JSON.stringify(raw)), `${source} checkpoint #${index + 1}`);
            if (document.scope !== this.scope)
                continue;
            const name = (0,naming/* checkpointName */.s7)(document);
            if (existing.has(name)) {
                if ((await this.load(name)).digest !== document.digest) {
                    throw new errors/* CorruptCheckpointError */.MG(`${this.store.location}/${name}`, `differs from ${source}`);
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
        throw new errors/* CorruptCheckpointError */.MG(source, `not an export (no "kind": "${EXPORT_KIND}")`);
    }
    return value.checkpoints;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/packing/choose.ts


const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_FILES = 8;
/** Above this ratio deflate saves too little to pay for its time: store instead. */
const STORE_ABOVE_RATIO = 0.85;
/**
 * Chooses the zip level for a payload by deflating a sample of it: bytes that will not shrink
 * (media, archives, random data) are stored, which is most of upload-artifact's time saved;
 * bytes that shrink get the fastest deflate level.
 */
async function choosePacking(files) {
    const sampled = [...files].sort((a, b) => b.size - a.size).slice(0, SAMPLE_FILES);
    let raw = 0;
    let packed = 0;
    for (const file of sampled) {
        const sample = await readHead(file.absolute, SAMPLE_BYTES);
        raw += sample.length;
        packed += (0,external_node_zlib_.deflateRawSync)(sample, { level: 1 }).length;
    }
    if (raw === 0)
        return { level: 0, reason: 'nothing to compress' };
    const ratio = packed / raw;
    const percent = `${Math.round(ratio * 100)}%`;
    if (ratio > STORE_ABOVE_RATIO) {
        return { level: 0, reason: `a sample deflates to ${percent}: stored, not compressed` };
    }
    return { level: 1, reason: `a sample deflates to ${percent}: fast deflate` };
}
async function readHead(file, bytes) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const buffer = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/packing/meter.ts




/**
 * Counts and hashes the bytes that pass, and fails the stream with `onOverflow`'s error once
 * more than `limit` bytes went by: a size recorded in a manifest bounds what is ever written.
 */
class ByteMeter extends external_node_stream_.Transform {
    limit;
    onOverflow;
    onBytes;
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    constructor(limit = Number.POSITIVE_INFINITY, onOverflow = () => new Error(`more than ${limit} bytes`), onBytes) {
        super();
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onBytes = onBytes;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) {
            callback(this.onOverflow());
            return;
        }
        this.hash.update(chunk);
        this.onBytes?.(this.bytes);
        callback(null, chunk);
    }
    /** `sha256:<hex>` of everything that passed; call once, at the end. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
}
/** The size and `sha256:<hex>` of a file, streamed. */
async function hashFile(path) {
    const meter = new ByteMeter();
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(path), meter, discard());
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A sink for streams whose bytes only a meter needs. */
function discard() {
    return new external_node_stream_.Writable({
        write(_chunk, _encoding, callback) {
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/packing/packing-errors.ts

/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
class ArchiveIntegrityError extends errors/* CheckpointError */.jg {
    archive;
    reason;
    constructor(archive, reason) {
        super(`Archive ${archive} was refused: ${reason}`);
        this.archive = archive;
        this.reason = reason;
    }
}
/** A zip the streaming reader does not take; the caller falls back to reading it whole. */
class UnstreamableZipError extends Error {
}
/** The refusal of one entry of `archive`, named as the zip names it. */
function packing_errors_entryRefusal(archive, name, reason) {
    return new ArchiveIntegrityError(archive, `entry ${JSON.stringify(name)} ${reason}`);
}

;// CONCATENATED MODULE: ./src/packing/staged-path.ts



/**
 * Where a file waits in a staging folder before it is moved into the workspace: under a flat
 * name made from its path, not at its path. Creating a folder costs as much as creating a file,
 * so a restore of 1,000 files in 1,000 folders made every folder twice (in staging, then in the
 * workspace) when staging mirrored the paths; now it makes them once. The names are spread over
 * up to 16 subfolders (their first hex digit): files created at once in one folder wait for each
 * other (the file system locks a folder for each creation), and 1,000 files of 4 KiB were staged
 * and placed in 295-389 ms this way against 478-576 ms in one folder. No staged name leads out
 * of the staging folder, whatever the path. Two files never meet here: a checkpoint whose
 * manifest lists a path twice, or a file where another needs a folder, is refused when read.
 */
function stagedPath(staging, path) {
    const name = (0,external_node_crypto_.createHash)('sha256').update(path, 'utf8').digest('hex').slice(0, 40);
    return (0,external_node_path_.join)(staging, name.slice(0, 1), name.slice(1));
}
/**
 * Where a file is staged to be written: {@link stagedPath}, with its folder (and the staging
 * folder above it) made unless `made`, the folders made so far, kept by the caller, has it.
 */
function makeStagedPath(staging, path, made) {
    const target = stagedPath(staging, path);
    const folder = (0,external_node_path_.dirname)(target);
    if (!made.has(folder)) {
        (0,external_node_fs_.mkdirSync)(folder, { recursive: true });
        made.add(folder);
    }
    return target;
}

;// CONCATENATED MODULE: ./src/packing/encrypt.ts





/** The opaque entry name of the index-th encrypted file: the archive shows no paths. */
function sealedEntryName(index) {
    return `f${String(index + 1).padStart(6, '0')}`;
}
/**
 * The record of an encrypted file as its archive stores it: the opaque entry name and the
 * encrypted bytes' size and hash, which the extractor checks like any other entry.
 * @throws ArchiveIntegrityError when the manifest records no valid entry for it
 */
function sealedRecord(archive, file) {
    const entry = file.entry;
    if (!entry || (0,safe_paths/* unsafePathReason */.m)(entry.name)) {
        throw new ArchiveIntegrityError(archive, `file ${file.path} has no valid encrypted entry`);
    }
    return { ...file, path: entry.name, size: entry.size, sha256: entry.sha256 };
}
/**
 * Decrypts extracted entries from `sealed` into `staging` (both laid out by stagedPath),
 * checking each against its manifest record (size and sha256 of the plain bytes).
 * @throws ArchiveIntegrityError for a wrong key, changed bytes or a mismatch
 */
async function openFiles(archive, files, sealed, staging, key) {
    const made = new Set();
    for (const file of files) {
        const entry = sealedRecord(archive, file).path;
        const target = makeStagedPath(staging, file.path, made);
        try {
            await decryptFile(stagedPath(sealed, entry), target, key);
        }
        catch {
            throw new ArchiveIntegrityError(archive, `${file.path} does not decrypt with the encryption key (wrong key, or changed bytes)`);
        }
        const decrypted = await hashFile(target);
        if (decrypted.bytes !== file.size || decrypted.digest !== file.sha256) {
            throw new ArchiveIntegrityError(archive, `${file.path} does not match its manifest record once decrypted`);
        }
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/packing/small-io.ts

// Small files are read with one synchronous call on this thread, and calls that only touch
// names (lstat, chmod, rename) are made the same way. Each costs a few microseconds of the
// kernel's time; through fs/promises the same call also pays a trip to libuv's thread pool and
// back, and readFile an fstat and a read loop. For 1,000 files of 1 KiB on a runner-like disk:
// reading 16-25 ms this way against 186-206 ms that way; lstat 7-20 ms against 53-58 ms; chmod
// and rename 20-28 ms. Creating a file is different: the kernel's own cost (about 0.5 ms a file
// here) dominates, and the thread pool runs creations on both cores, so writes stay asynchronous.
// Large files stay asynchronous too, so the event loop (an upload) is never held up for long.
/** Files up to this size are read here, at once. */
const SYNC_FILE = 64 * 1024;
/** The bytes of a small file, read at once (a failure rejects, as fs/promises would). */
function readSmallFile(file) {
    return new Promise(resolve => {
        resolve((0,external_node_fs_.readFileSync)(file));
    });
}
/** What is at `path` (a link not followed), or undefined when nothing is. */
function statIfAny(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Where `folder` really is (links resolved), or undefined when it cannot be resolved. */
function realFolder(folder) {
    try {
        return external_node_fs_.realpathSync.native(folder);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/packing/prefetch.ts
/**
 * Runs a stream of chunks ahead of its reader: a producer pulls chunks from `source` into a
 * queue until `limit` bytes wait there, and resumes as the reader takes them. Packing starts the
 * next zip entry this way (its file read, hashed and deflated on zlib's thread pool) while the
 * current one is still being written out, so deflate works on a second core without holding more
 * than `limit` bytes of any entry. Each chunk carries a mark taken as it was queued (how much of
 * the file had been read then), so the reader can tell how far what it has taken goes.
 */
class Prefetch {
    source;
    limit;
    mark;
    /** The mark of the last chunk the reader took: 0 before the first. */
    taken = 0;
    queue = [];
    queued = 0;
    ended = false;
    stopped = false;
    failure;
    wakeReader;
    wakeProducer;
    constructor(source, limit, mark = () => 0) {
        this.source = source;
        this.limit = limit;
        this.mark = mark;
        void this.produce();
    }
    /** The source's chunks, in order; its failure is thrown where it happened. Read once. */
    async *chunks() {
        try {
            for (;;) {
                const next = this.queue.shift();
                if (next !== undefined) {
                    this.queued -= next.chunk.length;
                    this.taken = next.mark;
                    this.wake('producer');
                    yield next.chunk;
                }
                else if (this.failure) {
                    throw this.failure.error;
                }
                else if (this.ended) {
                    return;
                }
                else {
                    await new Promise(resolve => (this.wakeReader = resolve));
                }
            }
        }
        finally {
            this.stop();
        }
    }
    /** Stops pulling and closes the source (its `finally` runs: a file it reads is closed). */
    stop() {
        this.stopped = true;
        this.wake('producer');
    }
    async produce() {
        try {
            while (!this.stopped) {
                if (this.queued >= this.limit) {
                    await new Promise(resolve => (this.wakeProducer = resolve));
                    continue;
                }
                const next = await this.source.next();
                if (next.done === true)
                    break;
                this.queue.push({ chunk: next.value, mark: this.mark() });
                this.queued += next.value.length;
                this.wake('reader');
            }
            if (this.stopped)
                await this.source.return?.(undefined);
        }
        catch (error) {
            this.failure = { error };
        }
        this.ended = true;
        this.wake('reader');
    }
    wake(who) {
        const wake = who === 'reader' ? this.wakeReader : this.wakeProducer;
        if (who === 'reader')
            this.wakeReader = undefined;
        else
            this.wakeProducer = undefined;
        wake?.();
    }
}

;// CONCATENATED MODULE: ./src/packing/zip-writer.ts











const deflateRaw = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
const READ_CHUNK = 1024 * 1024;
const MAX32 = 0xffffffff;
/** Entries this large get zip64 sizes from their local header on (margin for deflate growth). */
const ZIP64_ENTRY = 0xff000000;
/** A whole entry's data smaller than this goes out with its header and descriptor, as one Buffer. */
const SMALL_PIECE = 64 * 1024;
/** Streamed entries packed at once: the one being written and the next, read ahead. */
const STREAMED_IN_FLIGHT = 2;
/**
 * The most bytes of a streamed entry packed ahead of the writer: deflated bytes (each stands for
 * several read), or a few read chunks of a stored entry, which has no deflate to run in parallel.
 */
const AHEAD_BYTES = { deflated: 16 * 1024 * 1024, stored: 4 * 1024 * 1024 };
/**
 * Pieces of one streamed entry deflating at once on zlib's thread pool (4 threads by default):
 * enough to keep every core busy while this thread reads, hashes and uploads.
 */
const DEFLATES_IN_FLIGHT = 4;
/**
 * zlib's output buffer for a piece: each one filled costs a trip to the thread pool and back
 * (the default, 16 KiB, would cost a dozen per piece of text).
 */
const DEFLATE_OUTPUT_CHUNK = 256 * 1024;
/** How far back deflate looks: each piece gets this much of the bytes before it. */
const DEFLATE_WINDOW = 32 * 1024;
/** A final deflate block holding nothing (fixed codes, end of block): closes a stream of pieces. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** Files up to this size deflate on the main thread: a thread pool trip costs more. */
const DEFLATE_HERE = 16 * 1024;
const UTF8_AND_DESCRIPTOR = 0x0808;
const MADE_BY_UNIX = 3 << 8;
/**
 * Packs files into a zip as a stream, reading each file once: the same pass takes the file's
 * sha256 and size (what the manifest records), the CRC-32 and, at a level above 0, deflates.
 * Entries carry data descriptors, so nothing is buffered beyond a read chunk; sizes past 4 GiB
 * and more than 65,535 entries get zip64 records. Any unzip tool reads the result.
 */
class ZipPacker {
    sources;
    options;
    entries = [];
    offset = 0;
    /** The files' bytes of the entries written out whole. */
    bytesOfWritten = 0;
    /** The entry being written out. */
    writing;
    central = [];
    needles;
    constructor(sources, options) {
        this.sources = sources;
        this.options = options;
        this.needles = (options.secrets ?? [])
            .filter(secret => secret.length >= 8)
            .map(secret => Buffer.from(secret));
    }
    refuseSecret(source) {
        throw new errors/* ConfigurationError */.j1(`File ${source.path} contains the job's token or a checkpoint key: it is not saved, since checkpoints can be downloaded by anyone who can read the run.`);
    }
    /**
     * The files' bytes that reached the zip's stream so far, for a progress report: files read
     * ahead of their turn count only once their bytes are passed on.
     */
    get bytesPacked() {
        return this.bytesOfWritten + (this.writing?.written() ?? 0);
    }
    /**
     * The zip's bytes. Iterate once; `entries` is complete when it ends. Entries are written in
     * the sources' order, but packed ahead of their turn (see {@link EntryJobs}).
     */
    async *bytes() {
        const jobs = new EntryJobs(this.sources, (source, read) => read ? this.wholeEntry(source, read) : Promise.resolve(this.streamedEntry(source)));
        try {
            for (const [index, source] of this.sources.entries()) {
                const job = await jobs.take(index);
                this.writing = job;
                try {
                    yield* this.write(source, job);
                }
                finally {
                    this.writing = undefined;
                    // Given up part-way (the upload failed): its file is closed, not left paused.
                    job.stop();
                }
            }
            yield* this.emit(this.centralDirectory());
        }
        finally {
            jobs.stop();
        }
    }
    /** Writes a packed entry where the zip has got to: local header, data, descriptor. */
    async *write(source, job) {
        const head = { ...job.head, offset: this.offset };
        if (Buffer.isBuffer(job.body) && job.body.length < SMALL_PIECE) {
            const packed = job.packed(job.body.length);
            const whole = [localHeader(head), job.body, this.finish(source, head, packed)];
            yield* this.emit(Buffer.concat(whole));
            return;
        }
        yield* this.emit(localHeader(head));
        let compressed = 0;
        for await (const bytes of Buffer.isBuffer(job.body) ? [job.body] : job.body) {
            compressed += bytes.length;
            yield* this.emit(bytes);
        }
        yield* this.emit(this.finish(source, head, job.packed(compressed)));
    }
    /** A small file, read whole, packed in one piece without streams (deflated on zlib's pool). */
    async wholeEntry(source, read) {
        const data = await read;
        const head = this.head(source, false);
        if (this.needles.some(needle => data.includes(needle)))
            this.refuseSecret(source);
        const key = this.options.sealKey;
        const stored = key ? encryptBytes(data, key) : data;
        const body = head.method === 8 ? await deflateWhole(stored, this.options.level) : stored;
        const sha256 = (0,canonical/* sha256Digest */.s)(data);
        const packed = {
            crc: crc32(stored),
            compressed: body.length,
            size: data.length,
            sha256,
            stored: key
                ? { size: stored.length, sha256: (0,canonical/* sha256Digest */.s)(stored) }
                : { size: data.length, sha256 }
        };
        return { head, body, packed: () => packed, written: () => 0, stop: () => undefined };
    }
    /** How an entry starts; zip64 from the start when it may pass 4 GiB. */
    head(source, large) {
        return {
            name: Buffer.from(source.name, 'utf8'),
            method: this.options.level > 0 ? 8 : 0,
            ...dosTime(source.mtime),
            zip64: this.options.forceZip64 === true || large
        };
    }
    /** Records a packed entry (central directory, `entries`) and returns its data descriptor. */
    finish(source, head, packed) {
        if (!head.zip64 && (packed.compressed >= MAX32 || packed.stored.size >= MAX32)) {
            throw new Error(`${source.name} grew past 4 GiB while it was being saved`);
        }
        // Its bytes count as written from here on, whole, rather than through the job.
        this.bytesOfWritten += packed.size;
        this.writing = undefined;
        this.central.push({
            ...head,
            crc: packed.crc,
            compressed: packed.compressed,
            size: packed.stored.size,
            mode: source.mode
        });
        this.entries.push({
            name: source.name,
            size: packed.size,
            sha256: packed.sha256,
            stored: packed.stored
        });
        return descriptor(packed.crc, packed.compressed, packed.stored.size, head.zip64);
    }
    *emit(bytes) {
        this.offset += bytes.length;
        yield bytes;
    }
    /**
     * A file too large to read whole, streamed through in read chunks: read, hashed and deflated
     * up to {@link AHEAD_BYTES} ahead of the writer.
     */
    streamedEntry(source) {
        const sealKey = this.options.sealKey;
        const overhead = sealKey ? ENCRYPTION_OVERHEAD : 0;
        const head = this.head(source, source.size + overhead >= ZIP64_ENTRY);
        const tally = new EntryTally(sealKey !== undefined);
        const scan = new SecretScan(this.needles);
        const plain = plainBytes(source.absolute, bytes => {
            tally.plain(bytes);
            if (scan.finds(bytes))
                this.refuseSecret(source);
        });
        const stored = tally.stored(sealKey ? encryptChunks(plain, sealKey) : plain);
        const body = head.method === 8 ? deflated(stored, this.options.level) : stored;
        const limit = AHEAD_BYTES[head.method === 8 ? 'deflated' : 'stored'];
        const ahead = new Prefetch(body, limit, () => tally.size);
        return {
            head,
            body: ahead.chunks(),
            packed: compressed => tally.packed(compressed),
            written: () => ahead.taken,
            stop: () => {
                ahead.stop();
            }
        };
    }
    centralDirectory() {
        const start = this.offset;
        const records = this.central.map(centralHeader);
        const length = records.reduce((total, record) => total + record.length, 0);
        const end = [...records];
        const count = this.central.length;
        if (this.options.forceZip64 || count >= 0xffff || start >= MAX32 || length >= MAX32) {
            const at = start + length;
            end.push(zip64End(count, length, start), zip64Locator(at));
        }
        end.push(endOfCentral(count, length, start));
        return Buffer.concat(end);
    }
}
/**
 * Tallies a streamed entry while it passes: the file's size and sha256 as read, and the stored
 * bytes' size, CRC-32 and (when sealed, so that they differ from the file's) sha256.
 */
class EntryTally {
    sealed;
    /** The file's bytes read so far. */
    size = 0;
    storedSize = 0;
    crc = 0;
    plainHash = (0,external_node_crypto_.createHash)('sha256');
    storedHash = (0,external_node_crypto_.createHash)('sha256');
    constructor(sealed) {
        this.sealed = sealed;
    }
    /** Counts the file's bytes as read. */
    plain(bytes) {
        this.size += bytes.length;
        this.plainHash.update(bytes);
    }
    /** The entry's stored bytes, counted as they pass. */
    async *stored(bytes) {
        for await (const chunk of bytes) {
            this.storedSize += chunk.length;
            this.crc = crc32(chunk, this.crc);
            if (this.sealed)
                this.storedHash.update(chunk);
            yield chunk;
        }
    }
    /** What the entry came to, once its last byte passed. */
    packed(compressed) {
        const sha256 = `sha256:${this.plainHash.digest('hex')}`;
        const stored = this.sealed
            ? { size: this.storedSize, sha256: `sha256:${this.storedHash.digest('hex')}` }
            : { size: this.size, sha256 };
        return { crc: this.crc, compressed, size: this.size, sha256, stored };
    }
}
/** Looks for exact values across the chunks of a stream, matches spanning two chunks included. */
class SecretScan {
    needles;
    tail = Buffer.alloc(0);
    keep;
    constructor(needles) {
        this.needles = needles;
        this.keep = Math.max(0, ...needles.map(needle => needle.length - 1));
    }
    /** Whether `bytes`, or the seam between them and the chunk before, holds a needle. */
    finds(bytes) {
        if (this.needles.length === 0)
            return false;
        // Only the bytes either side of the seam are copied, never the chunk itself.
        const seam = Buffer.concat([this.tail, bytes.subarray(0, this.keep)]);
        if (this.needles.some(needle => bytes.includes(needle) || seam.includes(needle)))
            return true;
        const window = bytes.length >= this.keep ? bytes : Buffer.concat([this.tail, bytes]);
        this.tail = Buffer.from(window.subarray(Math.max(0, window.length - this.keep)));
        return false;
    }
}
/**
 * Starts packing entries ahead of the one being written, so that reading, hashing and zlib's
 * deflates (on its thread pool) of several files run at once: small files, read whole, up to
 * FILE_CONCURRENCY ahead; streamed ones {@link STREAMED_IN_FLIGHT} at a time, each holding at
 * most {@link AHEAD_BYTES}. The writer still takes them in the sources' order.
 */
class EntryJobs {
    sources;
    start;
    jobs = new Map();
    started = new Set();
    constructor(sources, start) {
        this.sources = sources;
        this.start = start;
    }
    /** Entry `index`, once packed far enough to start writing it. */
    take(index) {
        const end = Math.min(this.sources.length, index + FILE_CONCURRENCY);
        for (let ahead = index; ahead < end; ahead++) {
            const source = this.sources[ahead];
            const whole = source !== undefined && source.size <= SMALL_FILE;
            if (!source || this.started.has(ahead))
                continue;
            if (!whole && ahead >= index + STREAMED_IN_FLIGHT)
                continue;
            this.started.add(ahead);
            const job = this.start(source, whole ? readWhole(source) : undefined);
            job.catch(() => undefined);
            this.jobs.set(ahead, job);
        }
        const job = this.jobs.get(index);
        this.jobs.delete(index);
        return job ?? Promise.reject(new Error(`entry ${index} was taken twice`));
    }
    /** Gives up the entries started and not taken. */
    stop() {
        for (const job of this.jobs.values()) {
            job.then(started => {
                started.stop();
            }, () => undefined);
        }
        this.jobs.clear();
    }
}
/** A small file's bytes, read in one go. */
function readWhole(source) {
    return source.size <= SYNC_FILE ? readSmallFile(source.absolute) : (0,promises_.readFile)(source.absolute);
}
/** A file's bytes, read once. */
async function* plainBytes(file, onPlain) {
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: READ_CHUNK })) {
        const bytes = chunk;
        onPlain(bytes);
        yield bytes;
    }
}
/**
 * Raw deflate of a small file's bytes: on zlib's thread pool, or at once on this thread when it
 * is so small that handing it over would cost more than deflating it.
 */
async function deflateWhole(bytes, level) {
    if (bytes.length <= DEFLATE_HERE)
        return external_node_zlib_.deflateRawSync(bytes, { level });
    return deflateRaw(bytes, { level });
}
/**
 * Raw deflate of a byte stream as one deflate stream made of independent pieces, pigz's way:
 * each input chunk is deflated on its own on zlib's thread pool, up to
 * {@link DEFLATES_IN_FLIGHT} at once (so one large file uses every core), with the 32 KiB before
 * it as its dictionary (so it compresses as well as one stream would) and a sync flush at its end
 * (so the next piece starts on a byte boundary). An empty final block closes the stream: any
 * inflater reads the result as the single stream it is.
 */
async function* deflated(source, level) {
    const pieces = [];
    let window = Buffer.alloc(0);
    for await (const bytes of source) {
        const piece = deflatePiece(bytes, level, window);
        // Awaited in order below; a failure meanwhile must not count as unhandled.
        piece.catch(() => undefined);
        pieces.push(piece);
        window = windowAfter(window, bytes);
        if (pieces.length >= DEFLATES_IN_FLIGHT)
            yield await pieces.shift();
    }
    for (const piece of pieces)
        yield await piece;
    yield FINAL_EMPTY_BLOCK;
}
/** One piece of a deflate stream: `bytes` deflated after `window`, ending on a sync flush. */
function deflatePiece(bytes, level, window) {
    const options = {
        level,
        finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH,
        chunkSize: DEFLATE_OUTPUT_CHUNK
    };
    if (window.length > 0)
        options.dictionary = window;
    return deflateRaw(bytes, options);
}
/** The last {@link DEFLATE_WINDOW} bytes of the stream once `bytes` followed `window`. */
function windowAfter(window, bytes) {
    if (bytes.length >= DEFLATE_WINDOW)
        return bytes.subarray(bytes.length - DEFLATE_WINDOW);
    const joined = Buffer.concat([window, bytes]);
    return joined.subarray(Math.max(0, joined.length - DEFLATE_WINDOW));
}
function localHeader({ name, method, time, date, zip64 }) {
    const extra = zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC-32 and sizes follow the data, in its descriptor (zip64: 0xffffffff and the extra field).
    header.writeUInt32LE(0, 14);
    header.writeUInt32LE(zip64 ? MAX32 : 0, 18);
    header.writeUInt32LE(zip64 ? MAX32 : 0, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, name, extra]);
}
function descriptor(crc, compressed, size, zip64) {
    const bytes = Buffer.alloc(zip64 ? 24 : 16);
    bytes.writeUInt32LE(0x08074b50, 0);
    bytes.writeUInt32LE(crc, 4);
    if (zip64) {
        bytes.writeBigUInt64LE(BigInt(compressed), 8);
        bytes.writeBigUInt64LE(BigInt(size), 16);
    }
    else {
        bytes.writeUInt32LE(compressed, 8);
        bytes.writeUInt32LE(size, 12);
    }
    return bytes;
}
function centralHeader(record) {
    // zip64 fields, in their fixed order, for whichever value does not fit in 32 bits.
    const wide = [record.size, record.compressed, record.offset].filter(value => value >= MAX32);
    const large = record.zip64 || wide.length > 0;
    const extra = wide.length > 0 ? zip64Extra(wide) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY_UNIX | (large ? 45 : 20), 4);
    header.writeUInt16LE(large ? 45 : 20, 6);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8);
    header.writeUInt16LE(record.method, 10);
    header.writeUInt16LE(record.time, 12);
    header.writeUInt16LE(record.date, 14);
    header.writeUInt32LE(record.crc, 16);
    header.writeUInt32LE(Math.min(record.compressed, MAX32), 20);
    header.writeUInt32LE(Math.min(record.size, MAX32), 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    // comment length, disk number, internal attributes: 0
    header.writeUInt32LE((((0o100000 | (record.mode & 0o777)) << 16) >>> 0) >>> 0, 38);
    header.writeUInt32LE(Math.min(record.offset, MAX32), 42);
    return Buffer.concat([header, record.name, extra]);
}
function zip64Extra(values) {
    const extra = Buffer.alloc(4 + 8 * values.length);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * values.length, 2);
    values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index));
    return extra;
}
function zip64End(count, length, start) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY_UNIX | 45, 12);
    record.writeUInt16LE(45, 14);
    // this disk, the central directory's disk: 0
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(length), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    return record;
}
function zip64Locator(at) {
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at), 8);
    locator.writeUInt32LE(1, 16);
    return locator;
}
function endOfCentral(count, length, start) {
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(length, MAX32), 12);
    end.writeUInt32LE(Math.min(start, MAX32), 16);
    return end;
}
/** MS-DOS date and time fields (local time, 2-second steps, 1980 at the earliest). */
function dosTime(at) {
    const year = Math.max(1980, at.getFullYear());
    return {
        time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
        date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate()
    };
}
/** CRC-32 (zlib's, where this Node has it). */
function crc32(bytes, previous = 0) {
    return typeof external_node_zlib_.crc32 === 'function' ? external_node_zlib_.crc32(bytes, previous) : slowCrc32(bytes, previous);
}
let table;
function slowCrc32(bytes, previous) {
    table ??= Uint32Array.from({ length: 256 }, (_, index) => {
        let value = index;
        for (let bit = 0; bit < 8; bit++)
            value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
        return value >>> 0;
    });
    let crc = (previous ^ MAX32) >>> 0;
    for (const byte of bytes)
        crc = ((table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
    return (crc ^ MAX32) >>> 0;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(2327);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ./src/transport/service-errors.ts
var service_errors = __webpack_require__(1964);
;// CONCATENATED MODULE: ./src/transport/http.ts





// The transport's one HTTP client, on node:http: its streams hand the socket's Buffers over as
// they are, where fetch copies every chunk into and out of web streams. It uses the global
// agents, so the runner's proxy settings apply as they did to fetch (on Node 24 with
// NODE_USE_ENV_PROXY=1, HTTP_PROXY/HTTPS_PROXY/NO_PROXY; without it, none).
/**
 * The action's version, sent in every request's User-Agent and printed by `checkpoint-action
 * --version`: package.json's, copied into each bundle when it is built (the bundles do not ship
 * package.json where they could read it).
 */
const ACTION_VERSION = package_namespaceObject.rE;
/** Names the action and its version to every service it calls (the official client sends its own). */
const USER_AGENT = `checkpoint-action/${ACTION_VERSION}`;
/**
 * The `code` of the error a connection not accepted within CONNECT_TIMEOUT_MS fails with: the
 * request never reached the service, so any call may be sent again.
 */
const CONNECT_TIMEOUT_CODE = 'CONNECT_TIMEOUT';
/**
 * One request with the action's User-Agent. Resolves once the answer's headers have come; its
 * body is a stream the caller reads ({@link readBody} reads it whole), and the timers stay armed
 * while it is read.
 * @throws HttpStatusError for a status `accept` does not list, its body read for the message
 * @throws TransferInterruptedError when the time or the idle timeout runs out
 * @throws the socket's own errors (ECONNREFUSED, ECONNRESET...), and {@link CONNECT_TIMEOUT_CODE}
 */
async function request(url, options = {}) {
    const target = new URL(url);
    let response = await exchange(target, options);
    const location = response.headers.location;
    const get = (options.method ?? 'GET') === 'GET';
    if (options.redirected && get && isRedirect(response.statusCode) && location !== undefined) {
        response.resume();
        const next = new URL(location, target);
        options.redirected(next.href);
        const headers = next.origin === target.origin ? options.headers : {};
        response = await exchange(next, { ...options, headers });
    }
    const status = response.statusCode ?? 0;
    if (!(options.accept?.includes(status) ?? (status >= 200 && status < 300))) {
        throw await statusError(response);
    }
    return response;
}
function isRedirect(status) {
    return [301, 302, 303, 307, 308].includes(status ?? 0);
}
/** Sends one request and waits for the answer's headers. */
function exchange(target, options) {
    const body = options.body === undefined ? [] : Buffer.isBuffer(options.body) ? [options.body] : options.body;
    const headers = { 'User-Agent': USER_AGENT, ...options.headers };
    if (options.body !== undefined) {
        headers['Content-Length'] = String(body.reduce((sum, chunk) => sum + chunk.length, 0));
    }
    return new Promise((resolve, reject) => {
        const client = target.protocol === 'https:' ? external_node_https_ : external_node_http_;
        const outgoing = client.request(target, { method: options.method ?? 'GET', headers });
        outgoing.on('error', reject);
        outgoing.on('response', resolve);
        armTimers(outgoing, options);
        for (const chunk of body)
            outgoing.write(chunk);
        outgoing.end();
    });
}
/** Arms a request's timeouts: the whole exchange's, the idle one, the connection's. */
function armTimers(outgoing, options) {
    const timers = new RequestTimers(outgoing);
    if (options.timeoutMs !== undefined) {
        const ms = Math.max(1, Math.round(options.timeoutMs));
        const silence = options.silence ?? `no answer within ${ms} ms`;
        timers.after(ms, () => new service_errors/* TransferInterruptedError */.ws(silence));
    }
    const idleMs = options.idleMs;
    if (idleMs !== undefined) {
        outgoing.setTimeout(idleMs, () => {
            timers.fail(new service_errors/* TransferInterruptedError */.ws(`got no data for ${idleMs / 1000} s`));
        });
    }
    outgoing.on('socket', socket => {
        // A socket the agent kept alive is connected already.
        if (!socket.connecting)
            return;
        const timer = timers.after(config/* CONNECT_TIMEOUT_MS */.cC, connectTimeout);
        socket.once('connect', () => {
            clearTimeout(timer);
        });
    });
}
/**
 * The timers of one request: one that runs out destroys the request, and its answer once there
 * is one, with an error that says which ran out. All of them stop when the answer closes.
 */
class RequestTimers {
    outgoing;
    answer;
    timers = [];
    constructor(outgoing) {
        this.outgoing = outgoing;
        outgoing.on('response', response => {
            this.answer = response;
            response.once('close', () => {
                this.stop();
            });
        });
        outgoing.once('close', () => {
            if (this.answer === undefined)
                this.stop();
        });
    }
    /** Fails the request with `error()` after `ms`, unless stopped first. */
    after(ms, error) {
        const timer = setTimeout(() => {
            this.fail(error());
        }, ms);
        this.timers.push(timer);
        return timer;
    }
    fail(error) {
        this.answer?.destroy(error);
        this.outgoing.destroy(error);
    }
    stop() {
        for (const timer of this.timers)
            clearTimeout(timer);
    }
}
function connectTimeout() {
    return Object.assign(new Error(`no connection within ${config/* CONNECT_TIMEOUT_MS */.cC / 1000} s`), {
        code: CONNECT_TIMEOUT_CODE
    });
}
/**
 * The chunks of an answer's body as they arrive; one that ends before its last byte is an error.
 * The answer is destroyed when the reader stops early, so its connection is not reused half read.
 */
async function* bodyChunks(response) {
    try {
        for await (const chunk of response)
            yield chunk;
        if (!response.complete) {
            throw new service_errors/* TransferInterruptedError */.ws('the answer ended before its last byte');
        }
    }
    finally {
        response.destroy();
    }
}
/** An answer's whole body. */
async function readBody(response) {
    const chunks = [];
    for await (const chunk of bodyChunks(response))
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/** An error answer as a {@link HttpStatusError}: its status, what its body says, its Retry-After. */
async function statusError(response) {
    const body = await readBody(response).catch(() => Buffer.alloc(0));
    return new service_errors/* HttpStatusError */.F9(response.statusCode ?? 0, detailOf(body.toString('utf8')) || (response.statusMessage ?? ''), retryAfterMs(response.headers['retry-after']));
}
/** What an error body says, short: a Twirp `msg`, a REST `message`, Azure's `<Message>`. */
function detailOf(text) {
    let detail = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? text;
    try {
        const body = JSON.parse(text);
        const said = body.msg ?? body.message;
        if (typeof said === 'string')
            detail = said;
    }
    catch {
        // Not JSON: the text itself.
    }
    detail = detail.replace(/\s+/g, ' ').trim();
    return detail.length > 200 ? `${detail.slice(0, 197)}...` : detail;
}
/**
 * How long a `Retry-After` header asks to wait, in ms: a number of seconds or an HTTP date
 * (a date in the past asks for no wait). Undefined when absent or unreadable.
 */
function retryAfterMs(header, now = Date.now()) {
    const text = (header ?? '').trim();
    if (text === '')
        return undefined;
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    // An HTTP date names its day and month ("Tue, 24 Nov 2026 10:00:30 GMT"); Date.parse would
    // read "-5" as a year.
    const date = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * What of a signed URL must be masked in the log: its `sig` value, raw and URL-encoded, as the
 * official client masks them. The rest of the URL (account, path, expiry) is not secret.
 */
function signatureSecrets(url) {
    let signature;
    try {
        signature = new URL(url).searchParams.get('sig');
    }
    catch {
        return [];
    }
    return signature ? [...new Set([signature, encodeURIComponent(signature)])] : [];
}

;// CONCATENATED MODULE: ./src/transport/retry.ts




/**
 * Twirp calls and REST API calls: the Twirp client's schedule, which is longer than Octokit's
 * (a REST fallback should not give up sooner than the call it replaces): 5 attempts, 3 s, then
 * x1.5 with jitter; a service down for 24 s is outlasted.
 */
const SERVICE_CALLS = {
    attempts: 5,
    waitMs: (failures, random) => {
        if (failures <= 1)
            return 3000;
        const shortest = 3000 * 1.5 ** (failures - 1);
        return Math.trunc(shortest + random * shortest * 0.5);
    }
};
/** Put Blob, Put Block, Put Block List: the Azure SDK's exponential policy, 0, 4, 12 s. */
const BLOB_UPLOADS = {
    attempts: 4,
    waitMs: failures => (2 ** (failures - 1) - 1) * 4000
};
/** Signed-URL downloads, whole or ranged: 5 tries, 5 s apart. */
const DOWNLOADS = { attempts: 5, waitMs: () => 5000 };
/**
 * Statuses worth another try, for every call: the Twirp client's five, plus 408 (the server
 * gave up waiting for the request, so it never acted on it). Other 4xx answer the same again.
 */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network errors before the request could reach the service: safe to send again, always. */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    CONNECT_TIMEOUT_CODE
]);
/** Network errors after the request may have reached it: sent again when idempotent. */
const MAYBE_SENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
/**
 * Time a step spends failing: failed tries and the waits after them, all calls together (one
 * process is one step). Once spent, a failure is final: a step gives up on a dead service
 * within the budget, however many calls it makes; a long transfer that succeeds costs nothing.
 */
class RetryBudget {
    spentMs = 0;
    /** Whether `ms` more failing time fits in `limitMs`; if so it is spent. */
    take(ms, limitMs) {
        if (this.spentMs + ms > limitMs)
            return false;
        this.spentMs += ms;
        return true;
    }
}
const stepBudget = new RetryBudget();
/**
 * Runs `attempt` until it succeeds, the one retry loop of the project. A failure is tried again
 * when it is a retryable status (408, 429, 500, 502, 503, 504), a network error before the
 * request was sent, or, for idempotent calls, a connection or transfer that broke; it waits as
 * the policy says, or longer when a Retry-After asks (seconds or an HTTP date, at most 60 s),
 * every wait scaled by CHECKPOINT_RETRY_SCALE. It gives up when the policy's attempts are used,
 * when the next try would start after the call's deadline (3 min), or when the step's budget
 * (5 min of failing) is spent. Anything else a try throws (a bad digest, a full disk) ends the
 * call as it is.
 * @throws ServiceError naming the call, the last status or error, and the attempts made
 */
async function withRetries(options, attempt) {
    const settings = (0,config/* retrySettings */.wP)();
    const started = Date.now();
    const call = { options, settings, deadline: started + settings.callDeadlineMs };
    for (let number = 1;; number++) {
        const tried = Date.now();
        try {
            return await attempt({ number, remainingMs: call.deadline - tried });
        }
        catch (error) {
            const failure = retry_classify(error, options.idempotent ?? true);
            if (failure === undefined)
                throw error;
            const next = nextWait(failure, number, tried, call);
            if ('why' in next)
                throw gaveUp(options.what, failure, number, Date.now() - started, next);
            options.log?.(retrying(options.what, failure, number, options.policy.attempts, next));
            await new Promise(resolve => setTimeout(resolve, next.ms));
        }
    }
}
/** A failure of the network or a service; undefined for anything else. */
function retry_classify(error, idempotent) {
    if (error instanceof service_errors/* HttpStatusError */.F9 && error.status !== undefined) {
        const retryable = RETRYABLE_STATUSES.has(error.status);
        return {
            error,
            outcome: error.message,
            status: error.status,
            retryAfterMs: error.retryAfterMs,
            finalBecause: retryable ? undefined : `a ${error.status} does not change on a retry`
        };
    }
    const code = errorCode(error);
    const notSent = code !== undefined && NOT_SENT.has(code);
    const interrupted = error instanceof service_errors/* TransferInterruptedError */.ws || (code !== undefined && MAYBE_SENT.has(code));
    if (!notSent && !interrupted)
        return undefined;
    return {
        error,
        outcome: `failed: ${(0,errors/* describe */.q0)(error)}`,
        status: undefined,
        retryAfterMs: undefined,
        finalBecause: notSent || idempotent
            ? undefined
            : 'the request may have reached the service, and this call is not safe to repeat'
    };
}
/** The `code` of an error or of its causes (a wrapper keeps the socket's error in `cause`). */
function errorCode(error) {
    let current = error;
    for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return code;
        current = current.cause;
    }
    return undefined;
}
/** The wait before the next try, or why there is none. */
function nextWait(failure, failures, tried, call) {
    const { options, settings } = call;
    if (failure.finalBecause !== undefined)
        return { final: true, why: failure.finalBecause };
    if (failures >= options.policy.attempts)
        return { final: false, why: '' };
    const wait = waitFor(failure, failures, options, settings);
    const now = Date.now();
    if (now + wait.ms >= call.deadline) {
        const deadline = humanDuration(settings.callDeadlineMs);
        return { final: false, why: `the next try would start after the call's ${deadline} deadline` };
    }
    if (!(options.budget ?? stepBudget).take(now - tried + wait.ms, settings.stepBudgetMs)) {
        const budget = humanDuration(settings.stepBudgetMs);
        return { final: false, why: `the step has spent its ${budget} of retries` };
    }
    return wait;
}
/**
 * The policy's wait, or the longer one a Retry-After asks for (at most 60 s), scaled: a service
 * is never asked again sooner than it said, nor sooner than the official client would ask.
 */
function waitFor(failure, failures, options, settings) {
    const policy = options.policy.waitMs(failures, (options.random ?? Math.random)());
    const asked = Math.min(failure.retryAfterMs ?? 0, settings.retryAfterCapMs);
    return { ms: Math.round(Math.max(policy, asked) * settings.scale), asked: asked > policy };
}
function gaveUp(what, failure, attempts, elapsedMs, stop) {
    const count = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const end = stop.final
        ? `not retried (${count}): ${stop.why}`
        : `gave up after ${count} over ${humanDuration(elapsedMs)}${stop.why === '' ? '' : `: ${stop.why}`}`;
    return new service_errors/* ServiceError */._7(`${what} ${failure.outcome}; ${end}`, failure.status, {
        cause: failure.error
    });
}
function retrying(what, failure, attempt, attempts, wait) {
    const asked = wait.asked ? ', as its Retry-After asks' : '';
    return `${what} ${failure.outcome} on attempt ${attempt} of ${attempts}; trying again in ${humanDuration(wait.ms)}${asked}`;
}
/** A duration for a message: "250 ms", "4.5 s", "180 s". */
function humanDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    return `${Number((ms / 1000).toFixed(1))} s`;
}

;// CONCATENATED MODULE: ./src/transport/blob-transfer.ts









/**
 * Streams a URL's body into a file, counting and hashing it on the way, and returns its size and
 * `sha256:<hex>`. Given up when no data comes for the idle timeout; a try that fails starts the
 * file over (DOWNLOADS schedule).
 */
async function downloadToFile(url, file, options) {
    const { what, log, headers, redirected, progress } = options;
    return withRetries({ what, log, policy: DOWNLOADS }, async () => {
        const idleMs = config/* IDLE_TIMEOUT_MS */.k$;
        const response = await request(url, { headers, redirected, idleMs, accept: [200] });
        const meter = new ByteMeter(Number.POSITIVE_INFINITY, undefined, progress);
        await (0,external_node_stream_promises_.pipeline)(bodyChunks(response), meter, (0,external_node_fs_.createWriteStream)(file, { mode: 0o644 }));
        return { size: meter.bytes, digest: meter.digest() };
    });
}
/**
 * A signed URL's body as it arrives, for a reader that consumes it on the way. Opening it is
 * retried (DOWNLOADS schedule); a body that breaks or stops for the idle timeout part-way is not:
 * the caller falls back to a whole download.
 */
async function* streamBody(url, options) {
    const open = () => request(url, { idleMs: config/* IDLE_TIMEOUT_MS */.k$, accept: [200] });
    yield* bodyChunks(await withRetries({ ...options, policy: DOWNLOADS }, open));
}
/**
 * Bytes `start` to `end` (exclusive) of a signed URL, in one ranged GET (DOWNLOADS schedule).
 * An answer of another length is not retried: the caller falls back to a whole download.
 */
async function fetchRange(url, start, end, options) {
    const range = `bytes=${start}-${end - 1}`;
    return withRetries({ ...options, policy: DOWNLOADS }, async ({ remainingMs }) => {
        const headers = { Range: range, 'x-ms-range': range };
        const timeoutMs = Math.min(config/* CALL_TIMEOUT_MS */.MU, remainingMs);
        const response = await request(url, { headers, timeoutMs, accept: [200, 206] });
        const bytes = await readBody(response);
        if ((response.statusCode === 200 && start !== 0) || bytes.length !== end - start) {
            throw new service_errors/* ServiceError */._7(`A ranged download answered ${String(response.statusCode)} with ${bytes.length} bytes, not ${end - start}`, response.statusCode);
        }
        return bytes;
    });
}
/** Bytes per Put Block: big enough for few requests, small enough to hold a few in memory. */
const BLOCK_BYTES = 8 * 1024 * 1024;
/**
 * Streams bytes to a signed block-blob URL, asked for only when the first bytes are ready to go
 * (a source that fails early creates nothing), and returns their size and `sha256:<hex>`: one Put
 * Blob when they fit in a block, else Put Blocks (`concurrency` in flight, each retried on the
 * BLOB_UPLOADS schedule, one that gets no answer within the stall timeout sent again) and one
 * Put Block List. Nothing is readable at the URL until that last request: a failed upload
 * leaves nothing behind.
 */
async function uploadStream(url, source, options) {
    const settings = { ...(0,config/* uploadSettings */.BS)(), ...options };
    const tally = { hash: (0,external_node_crypto_.createHash)('sha256'), size: 0 };
    const upload = new BlockUpload(url, settings);
    const blocks = blocksOf(source, options.blockBytes ?? BLOCK_BYTES, tally);
    await forEachBounded(blocks, settings.concurrency, block => upload.send(block));
    await upload.commit();
    return { size: tally.size, digest: `sha256:${tally.hash.digest('hex')}` };
}
/**
 * Cuts a stream of chunks into blocks of `blockBytes`, each one handed on as soon as it is
 * full, before the next chunk is read; what is left at the end is the last block. Every chunk
 * is counted and hashed into `tally` as it passes.
 */
async function* blocksOf(source, blockBytes, tally) {
    let chunks = [];
    let bytes = 0;
    let index = 0;
    for await (const chunk of source) {
        tally.hash.update(chunk);
        tally.size += chunk.length;
        let rest = chunk;
        while (bytes + rest.length >= blockBytes) {
            chunks.push(rest.subarray(0, blockBytes - bytes));
            rest = rest.subarray(blockBytes - bytes);
            yield { index: index++, chunks, bytes: blockBytes, last: false };
            chunks = [];
            bytes = 0;
        }
        if (rest.length > 0) {
            chunks.push(rest);
            bytes += rest.length;
        }
    }
    yield { index, chunks, bytes, last: true };
}
/** The requests of one upload: one Put Blob, or Put Blocks and then the block list. */
class BlockUpload {
    url;
    options;
    ids = [];
    constructor(url, options) {
        this.url = url;
        this.options = options;
    }
    /** Sends a block: a Put Blob when it is the only one, else a Put Block (none when empty). */
    async send(block) {
        const { contentType, what } = this.options;
        if (block.last && block.index === 0) {
            const headers = { 'x-ms-blob-type': 'BlockBlob', 'Content-Type': contentType };
            await this.put(await this.url(), block.chunks, headers, what);
            return;
        }
        if (block.bytes === 0)
            return;
        const id = Buffer.from(`block-${String(block.index).padStart(8, '0')}`).toString('base64');
        this.ids[block.index] = id;
        const target = `${await this.url()}&comp=block&blockid=${encodeURIComponent(id)}`;
        await this.put(target, block.chunks, {}, `${what} (block ${block.index + 1})`);
    }
    /** Commits the blocks, in order, with a Put Block List; nothing to do after a Put Blob. */
    async commit() {
        if (this.ids.length === 0)
            return;
        const { contentType, what } = this.options;
        const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${this.ids
            .map(id => `<Latest>${id}</Latest>`)
            .join('')}</BlockList>`;
        const headers = { 'Content-Type': 'application/xml', 'x-ms-blob-content-type': contentType };
        const target = `${await this.url()}&comp=blocklist`;
        await this.put(target, [Buffer.from(list)], headers, `${what} (block list)`);
    }
    /** One PUT on the BLOB_UPLOADS schedule: network errors, stalls, 408, 429 and 5xx retried. */
    async put(url, body, headers, what) {
        const { stallMs, log } = this.options;
        const silence = `no answer within ${String(stallMs)} ms (upload stalled)`;
        await withRetries({ what, policy: BLOB_UPLOADS, log }, async () => {
            const answer = await request(url, {
                method: 'PUT',
                headers,
                body,
                timeoutMs: stallMs,
                silence
            });
            // The status says the bytes are stored; what the body says after it changes nothing.
            await readBody(answer).catch(() => undefined);
        });
    }
}

;// CONCATENATED MODULE: ./src/transport/rest-client.ts





/** The default of `GITHUB_API_URL`. */
const DEFAULT_API_URL = 'https://api.github.com';
const PAGE_SIZE = 100;
const MAX_PAGES = 100;
/**
 * The few REST calls `pull` makes, retried as the action's calls are (transport/retry.ts). The
 * token goes to the API host only: the artifact download answers 302 to a blob URL, followed
 * without the Authorization header, and a pagination link that leaves the API host is refused.
 */
class GitHubClient {
    apiUrl;
    token;
    log;
    origin;
    /** `log` hears of each retry (the CLI's stderr). */
    constructor(apiUrl, token, log) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.log = log;
        this.apiUrl = apiUrl.replace(/\/+$/, '');
        this.origin = new URL(this.apiUrl).origin;
    }
    /** Every artifact of a run, all attempts, following the `Link: rel="next"` pages. */
    async listRunArtifacts(repository, runId) {
        let url = `${repoUrl(this.apiUrl, repository)}/actions/runs/${runId}/artifacts?per_page=${PAGE_SIZE}`;
        const artifacts = [];
        const what = `run ${runId} of ${repository.owner}/${repository.name}`;
        for (let pages = 0; url !== undefined && pages < MAX_PAGES; pages++) {
            const page = await this.getJson(url, what);
            const body = page.json;
            artifacts.push(...(body.artifacts ?? []).map(toArtifact));
            url = page.next;
        }
        return artifacts;
    }
    /**
     * Downloads an artifact's bytes (a zip, or the plain file of an artifact uploaded without
     * one) into `target`.
     * @returns the bytes written and their `sha256:<hex>`
     */
    async download(repository, artifact, target, progress) {
        const api = { apiUrl: this.apiUrl, token: this.token };
        const transfer = { what: `Download of ${artifact.name}`, log: this.log, progress };
        const { size, digest } = await asApiError(downloadArtifact(api, repository, artifact.id, target, transfer), `artifact ${artifact.name}`, artifactZipUrl(this.apiUrl, repository, artifact.id));
        return { bytes: size, digest };
    }
    /**
     * One GET of the API: its JSON and the URL of its next page (`Link: rel="next"`). `path` is
     * taken from the API root, or is a full URL on the API host, as Link headers give them. The
     * token never leaves the API host: a link elsewhere is refused, and a redirect elsewhere (one
     * is followed) gets no token.
     */
    async getJson(path, what) {
        const url = /^https?:/.test(path) ? path : `${this.apiUrl}${path}`;
        if (new URL(url).origin !== this.origin) {
            throw new service_errors/* GitHubApiError */.OS(0, `Refused to send the token to ${new URL(url).origin}, not the API`);
        }
        const retry = { what: `GitHub API: ${what}`, policy: SERVICE_CALLS, log: this.log };
        const page = await asApiError(withRetries(retry, async ({ remainingMs }) => {
            const timeoutMs = Math.min(config/* CALL_TIMEOUT_MS */.MU, remainingMs);
            const headers = apiHeaders(this.token);
            const response = await request(url, { headers, timeoutMs, redirected: () => undefined });
            const link = [response.headers.link ?? []].flat().join(', ');
            return { text: (await readBody(response)).toString('utf8'), link };
        }), what, url);
        return { json: JSON.parse(page.text), next: nextLink(page.link) };
    }
}
/** What the REST API is sent: the token, and the media type and version it answers in. */
function apiHeaders(token) {
    return {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28'
    };
}
/**
 * Downloads an artifact through the REST API into `target` (DOWNLOADS schedule): GET
 * .../actions/artifacts/{id}/zip answers 302 to a signed blob URL, which is followed once
 * without the token; `transfer.redirected` hears that URL first, to mask it.
 * @returns the size and `sha256:<hex>` of the bytes written
 */
async function downloadArtifact(api, repository, artifactId, target, transfer) {
    const url = artifactZipUrl(api.apiUrl, repository, artifactId);
    return downloadToFile(url, target, {
        ...transfer,
        headers: apiHeaders(api.token),
        redirected: transfer.redirected ?? (() => undefined)
    });
}
/** The REST URL an artifact downloads from; it answers 302 to a signed blob URL. */
function artifactZipUrl(apiUrl, repository, artifactId) {
    return `${repoUrl(apiUrl, repository)}/actions/artifacts/${String(artifactId)}/zip`;
}
/**
 * A failed call as the exit codes see it: an answer GitHub gave (not found, bad credentials)
 * becomes a GitHubApiError; a retried failure keeps its message, which names the attempts. One
 * that got no answer at all (a timeout, a refused or broken connection) also names the URL it
 * went to (the API's, never the signed blob URL), so a wrong GITHUB_API_URL or an unreachable
 * host shows.
 */
async function asApiError(call, what, url) {
    try {
        return await call;
    }
    catch (error) {
        if (!(error instanceof service_errors/* ServiceError */._7))
            throw error;
        if (error.status === undefined) {
            throw new service_errors/* ServiceError */._7(`${error.message} (${url})`, undefined, { cause: error });
        }
        if ([401, 403, 404].includes(error.status))
            throw apiError(error.status, what);
        throw new service_errors/* GitHubApiError */.OS(error.status, `GitHub API: ${error.message}`);
    }
}
function apiError(status, what) {
    const meaning = status === 404
        ? 'not found (or the token cannot see it)'
        : status === 401
            ? 'bad credentials: check GITHUB_TOKEN'
            : status === 403
                ? 'forbidden: the token needs actions: read on the repository (or a rate limit was hit)'
                : `HTTP ${status}`;
    return new service_errors/* GitHubApiError */.OS(status, `GitHub API: ${what}: ${meaning}`);
}
function toArtifact(item) {
    const value = (item ?? {});
    return {
        id: Number(value.id),
        name: typeof value.name === 'string' ? value.name : '',
        size: Number(value.size_in_bytes ?? 0),
        digest: typeof value.digest === 'string' && value.digest !== '' ? value.digest : undefined,
        expired: value.expired === true
    };
}
/** A repository's REST URL. */
function repoUrl(apiUrl, repository) {
    const owner = encodeURIComponent(repository.owner);
    return `${apiUrl.replace(/\/+$/, '')}/repos/${owner}/${encodeURIComponent(repository.name)}`;
}
/** The `rel="next"` URL of a Link header. */
function nextLink(header) {
    for (const part of (header ?? '').split(',')) {
        const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
        if (match)
            return match[1];
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/packing/progress-report.ts

/** How often a long transfer says how far it got: a silent log for minutes looks hung. */
const PROGRESS_INTERVAL_MS = 10_000;
/** The system's clock; its timer never keeps the process alive on its own. */
const systemClock = {
    now: () => Date.now(),
    every: (ms, tick) => {
        const timer = setInterval(tick, ms);
        timer.unref();
        return () => {
            clearInterval(timer);
        };
    }
};
/** One progress line: `<label>: 1.2 GiB of 3.4 GiB (35%), 52.3 MiB/s`. */
function progressLine(label, bytes, total, bytesPerSecond) {
    const of = total > 0 ? ` of ${formatBytes(total)} (${percentOf(bytes, total)}%)` : '';
    return `${label}: ${formatBytes(bytes)}${of}, ${formatRate(bytesPerSecond)}`;
}
function percentOf(bytes, total) {
    return Math.min(100, Math.floor((bytes / total) * 100));
}
/**
 * Says every interval how many bytes `bytes()` counts so far, out of the total, and the rate
 * since the line before; a transfer that ends within the first interval says nothing. Returns
 * the function that stops it.
 */
function startProgress(options, bytes) {
    const clock = options.clock ?? systemClock;
    let last = { at: clock.now(), bytes: bytes() };
    return clock.every(options.everyMs ?? PROGRESS_INTERVAL_MS, () => {
        const now = { at: clock.now(), bytes: bytes() };
        const seconds = (now.at - last.at) / 1000;
        // A retried transfer starts its count over: the rate is then 0, never negative.
        const rate = seconds > 0 ? (now.bytes - last.bytes) / seconds : 0;
        last = now;
        options.log(progressLine(options.label, now.bytes, options.total, rate));
    });
}
/** Runs `work` with a reporter of what `bytes()` counts, stopped however the work ends. */
async function withProgress(options, bytes, work) {
    const stop = startProgress(options, bytes);
    try {
        return await work();
    }
    finally {
        stop();
    }
}
/**
 * The chunks of `source`, reported as they pass: the reporter starts with the first read and
 * stops when the reader ends, fails or stops reading.
 */
async function* reportedChunks(source, options) {
    let bytes = 0;
    const stop = startProgress(options, () => bytes);
    try {
        for await (const chunk of source) {
            bytes += chunk.length;
            yield chunk;
        }
    }
    finally {
        stop();
    }
}

;// CONCATENATED MODULE: ./src/transport/twirp-client.ts






/** The run and job ids the runtime token grants (its `Actions.Results:<run>:<job>` scope). */
function backendIds(token) {
    const payload = token.split('.')[1] ?? '';
    let claims;
    try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    }
    catch {
        throw new service_errors/* ServiceError */._7('ACTIONS_RUNTIME_TOKEN is not a readable JWT');
    }
    const scp = typeof claims.scp === 'string' ? claims.scp : '';
    for (const scope of scp.split(' ')) {
        const parts = scope.split(':');
        if (parts[0] === 'Actions.Results' && parts.length === 3) {
            return { runBackendId: parts[1] ?? '', jobBackendId: parts[2] ?? '' };
        }
    }
    throw new service_errors/* ServiceError */._7('ACTIONS_RUNTIME_TOKEN grants no Actions.Results scope');
}
/**
 * Calls that create or commit something: a second copy of one whose answer was lost could
 * conflict with the first (a 409 on CreateArtifact), so a broken connection ends them.
 */
const NOT_IDEMPOTENT = new Set(['CreateArtifact', 'FinalizeArtifact', 'DeleteArtifact']);
/**
 * Calls one method of the artifact service with the Twirp schedule (see SERVICE_CALLS); each
 * try waits at most a minute for its answer, and none starts after the call's deadline.
 * @throws ServiceError naming the method, the last status and the attempts made
 */
async function callArtifactService(endpoint, method, body, log) {
    const url = `${endpoint.origin}/twirp/github.actions.results.api.v1.ArtifactService/${method}`;
    const options = {
        what: `Artifact service ${method}`,
        policy: SERVICE_CALLS,
        idempotent: !NOT_IDEMPOTENT.has(method),
        ...(log ? { log } : {})
    };
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${endpoint.token}` };
    const payload = Buffer.from(JSON.stringify(body));
    return withRetries(options, async ({ remainingMs }) => {
        const timeoutMs = Math.min(config/* CALL_TIMEOUT_MS */.MU, remainingMs);
        const response = await request(url, { method: 'POST', headers, body: payload, timeoutMs });
        const text = (await readBody(response)).toString('utf8');
        try {
            return JSON.parse(text);
        }
        catch {
            // A proxy's page, or an answer cut short: tried again as the official client does, when
            // the call is safe to repeat.
            // Its text is not shown: a body cut short could hold half a signed URL, not yet masked.
            throw new service_errors/* TransferInterruptedError */.ws(`answered ${String(response.statusCode)} with ${text.length} characters that are not JSON`);
        }
    });
}

;// CONCATENATED MODULE: ./src/transport/artifact-store.ts











/**
 * The run's artifacts: listed through the artifact service (which records the uploading job),
 * moved with @actions/artifact. Downloads are never unpacked by the client: the bytes are checked
 * against the digest recorded at upload, then unpacked by the caller against its manifest.
 */
class ArtifactStore {
    context;
    token;
    stepLog;
    endpoint;
    upload;
    /** Retries go to the step's log as they happen. */
    log = (line) => {
        this.stepLog.info(line);
    };
    /**
     * @throws ArtifactsUnavailableError on GitHub Enterprise Server
     * @throws ServiceError outside a job
     */
    constructor(context, token, stepLog) {
        this.context = context;
        this.token = token;
        this.stepLog = stepLog;
        this.endpoint = (0,config/* serviceEndpoint */.Xf)();
    }
    /** This job's id at the artifact service. */
    get jobBackendId() {
        return backendIds(this.endpoint.token).jobBackendId;
    }
    /** This run's id at the artifact service. */
    get runBackendId() {
        return backendIds(this.endpoint.token).runBackendId;
    }
    /** Every artifact of this run, all attempts and jobs. */
    async list() {
        const ids = backendIds(this.endpoint.token);
        const response = (await this.call('ListArtifacts', {
            workflow_run_backend_id: ids.runBackendId,
            workflow_job_run_backend_id: ids.jobBackendId
        }));
        return (response.artifacts ?? []).map(item => ({
            id: Number(item.database_id ?? item.databaseId),
            name: item.name ?? '',
            size: Number(item.size ?? 0),
            digest: typeof item.digest === 'object' ? item.digest.value : item.digest,
            jobBackendId: item.workflow_job_run_backend_id ?? item.workflowJobRunBackendId ?? '',
            runBackendId: item.workflow_run_backend_id ?? item.workflowRunBackendId ?? ids.runBackendId,
            createdAt: item.created_at ?? item.createdAt ?? ''
        }));
    }
    /**
     * Downloads an artifact's bytes, as stored (never unpacked), into a fresh folder under `into`
     * and returns the file's path. When the artifact service will not sign a URL for it (earlier
     * attempts' artifacts can answer 404 "workflow run not found"), it goes through the REST API
     * with the job's token.
     * @throws ArchiveIntegrityError when the bytes do not match the digest recorded at upload
     */
    async download(artifact, into) {
        const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)(into, 'download-'));
        const file = (0,external_node_path_.join)(folder, 'artifact');
        const matches = async () => {
            const { digest } = await this.fetchBytes(artifact, file);
            return artifact.digest === undefined || digest === artifact.digest;
        };
        if (await matches())
            return file;
        // A transfer cut short looks like changed bytes: fetched once more before they are called
        // changed (not a retry of the request, which succeeded: a second look at what it gave).
        this.stepLog.info(`Download of ${artifact.name} does not match its digest; fetching it again`);
        if (await matches())
            return file;
        throw new ArchiveIntegrityError(artifact.name, 'its bytes do not match the digest recorded at upload');
    }
    /** The artifact's bytes into `file`, a progress line every interval while they come. */
    async fetchBytes(artifact, file) {
        let bytes = 0;
        const progress = (count) => {
            bytes = count;
        };
        const log = (line) => {
            if (this.stepLog.progress)
                this.stepLog.progress(line);
            else
                this.stepLog.info(line);
        };
        const report = { label: `Downloading ${artifact.name}`, total: artifact.size, log };
        return withProgress(report, () => bytes, async () => {
            try {
                const url = await this.signedUrl(artifact);
                return await downloadToFile(url, file, { ...this.transfer(artifact), progress });
            }
            catch (error) {
                if (!this.restLookup())
                    throw error;
                this.stepLog.info(`Download of ${artifact.name} failed (${(0,errors/* describe */.q0)(error)}); trying the REST API`);
                return this.downloadThroughRest(artifact, file, progress);
            }
        });
    }
    /** A URL that downloads the artifact's bytes for a while, without credentials. */
    async signedUrl(artifact) {
        const response = (await this.call('GetSignedArtifactURL', {
            workflow_run_backend_id: artifact.runBackendId,
            workflow_job_run_backend_id: artifact.jobBackendId,
            name: artifact.name
        }));
        const url = response.signed_url ?? response.signedUrl;
        if (!url)
            throw new service_errors/* ServiceError */._7(`The artifact service gave no download URL for ${artifact.name}`);
        return url;
    }
    /** How a transfer of `artifact` is named in messages and where its retries are logged. */
    transfer(artifact) {
        return { what: `Download of ${artifact.name}`, log: this.log };
    }
    /** Through the REST API with the job's token; the signed URL it redirects to is masked first. */
    async downloadThroughRest(artifact, file, progress) {
        const lookup = this.restLookup();
        if (!lookup)
            throw new service_errors/* ServiceError */._7('No token or repository for the REST API');
        return downloadArtifact({ apiUrl: (0,config/* apiUrl */.y0)(), token: lookup.token }, lookup, artifact.id, file, {
            what: `REST API download of ${artifact.name}`,
            log: this.log,
            redirected: location => {
                this.mask(location);
            },
            progress
        });
    }
    /**
     * Uploads a zip as it is being written (see ZipPacker): create, the bytes in blocks, finalize
     * with their digest. Nothing is listed until the finalize: a failed upload leaves no artifact.
     */
    async uploadZip(name, bytes, options) {
        return this.uploadArtifact(name, 'application/zip', options, url => uploadStream(url, bytes, this.uploadOptions(name, 'application/zip')));
    }
    /**
     * Uploads one text document as an artifact without a zip around it, so it downloads from the
     * run page as the plain file: create, one Put Blob, finalize with its digest.
     */
    async uploadDocument(name, text, options) {
        const body = Buffer.from(text, 'utf8');
        // One block larger than the body: it goes up in one Put Blob, whatever its size.
        return this.uploadArtifact(name, 'application/json', options, url => uploadStream(url, [body], {
            ...this.uploadOptions(name, 'application/json'),
            blockBytes: body.length + 1
        }));
    }
    /** ACTIONS_ARTIFACT_UPLOAD_* read on the first upload; a lowered concurrency is said once. */
    uploadOptions(name, contentType) {
        if (this.upload === undefined) {
            this.upload = (0,config/* uploadSettings */.BS)();
            if (this.upload.concurrencyAsked !== undefined) {
                this.stepLog.info(`ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY is ${this.upload.concurrencyAsked}, more than the cap of ${this.upload.concurrency} for this machine: ${this.upload.concurrency} blocks go up at once.`);
            }
        }
        return { ...this.upload, what: `Upload of ${name}`, log: this.log, contentType };
    }
    /**
     * Create, upload, finalize. The artifact is created when `put` first asks for its URL: an
     * upload whose source fails before any byte is ready (a file holding a secret) creates none.
     */
    async uploadArtifact(name, mimeType, options, put) {
        const ids = backendIds(this.endpoint.token);
        const scope = {
            workflow_run_backend_id: ids.runBackendId,
            workflow_job_run_backend_id: ids.jobBackendId
        };
        let created;
        const url = () => {
            created ??= this.createArtifact(name, mimeType, scope, options.retentionDays);
            return created;
        };
        const { size, digest } = await put(url);
        await url();
        const finalized = (await this.call('FinalizeArtifact', {
            ...scope,
            name,
            size: String(size),
            hash: digest
        }));
        assertOk('FinalizeArtifact', name, finalized);
        const id = Number(finalized.artifact_id ?? finalized.artifactId);
        if (!Number.isSafeInteger(id)) {
            throw new service_errors/* ServiceError */._7(`Artifact service FinalizeArtifact gave no artifact id for ${name} (${JSON.stringify(finalized)})`);
        }
        return { id, size, digest };
    }
    async createArtifact(name, mimeType, scope, retentionDays) {
        const expiresAt = retentionDays
            ? { expires_at: new Date(Date.now() + retentionDays * 86_400_000).toISOString() }
            : {};
        const created = (await this.call('CreateArtifact', {
            ...scope,
            name,
            version: 7,
            mime_type: mimeType,
            ...expiresAt
        }).catch((error) => {
            throw artifactLimitError(error, name) ?? error;
        }));
        assertOk('CreateArtifact', name, created);
        const url = created.signed_upload_url ?? created.signedUploadUrl;
        if (!url)
            throw new service_errors/* ServiceError */._7(`The artifact service gave no upload URL for ${name}`);
        return url;
    }
    /**
     * Deletes an artifact this job uploaded (DeleteArtifact, through the one retry schedule):
     * how a save removes what a pack it committed now holds.
     * @throws ServiceError when the service refuses or cannot be reached
     */
    async delete(name) {
        const ids = backendIds(this.endpoint.token);
        await this.call('DeleteArtifact', {
            workflow_run_backend_id: ids.runBackendId,
            workflow_job_run_backend_id: ids.jobBackendId,
            name
        });
    }
    /** One Twirp call; the signed URLs in its answer are masked before anything can log them. */
    async call(method, body) {
        const answer = await callArtifactService(this.endpoint, method, body, this.log);
        const urls = (answer ?? {});
        for (const key of ['signed_upload_url', 'signedUploadUrl', 'signed_url', 'signedUrl']) {
            const url = urls[key];
            if (typeof url === 'string')
                this.mask(url);
        }
        return answer;
    }
    mask(url) {
        for (const secret of signatureSecrets(url))
            this.stepLog.mask(secret);
    }
    restLookup() {
        const repository = this.context.repository;
        if (!this.token || !repository)
            return undefined;
        return { token: this.token, owner: repository.owner, name: repository.name };
    }
}
/** The service's limit on a job's artifacts, when it does not say another. */
const ARTIFACTS_PER_JOB = 500;
/**
 * A CreateArtifact refused because the job holds as many artifacts as the service allows, said
 * in words that name the limit (the service's own answer does not always); undefined for any
 * other failure.
 */
function artifactLimitError(error, name) {
    const text = (0,errors/* describe */.q0)(error);
    if (!/artifacts?\b.*\b(at most|limit|maximum|exceed)/i.test(text))
        return undefined;
    const limit = /at most (\d+) artifacts/i.exec(text)?.[1] ?? String(ARTIFACTS_PER_JOB);
    return new service_errors/* ServiceError */._7(`the artifact service allows at most ${limit} artifacts per job, and this job holds that many: ${name} was not uploaded (${text}). Earlier checkpoints stay restorable.`, error instanceof service_errors/* ServiceError */._7 ? error.status : undefined, { cause: error });
}
/**
 * A Create or Finalize the service declined: `ok` is false or missing (proto3 JSON leaves a false
 * `ok` out), which the official client treats as a failure too.
 */
function assertOk(method, name, answer) {
    if (answer.ok !== true) {
        throw new service_errors/* ServiceError */._7(`Artifact service ${method} answered ok: false for ${name}`);
    }
}
/**
 * The run's checkpoint documents as a {@link CheckpointStore}, over a listing taken once, so
 * the manager decides "latest" from names without a request per checkpoint.
 */
class RunCheckpointStore {
    artifacts;
    options;
    location;
    byName;
    /** Documents retired into packs, once their packs were read: name to a reader of its text. */
    retired = new Map();
    constructor(artifacts, listing, options) {
        this.artifacts = artifacts;
        this.options = options;
        this.location = `run ${options.runId}`;
        this.byName = new Map(listing.map(artifact => [artifact.name, artifact]));
    }
    /** The listed artifacts' names, and the documents found retired into packs. */
    listNames() {
        return Promise.resolve([...this.byName.keys(), ...this.retired.keys()]);
    }
    /** The names of the run's listed artifacts only. */
    listArtifactNames() {
        return Promise.resolve([...this.byName.keys()]);
    }
    /** Makes documents retired into packs readable, and listed, as the others are. */
    addRetired(documents) {
        for (const [name, read] of documents) {
            if (!this.byName.has(name))
                this.retired.set(name, read);
        }
    }
    /** The listed artifact of a name, for callers that need its id or uploader. */
    artifact(name) {
        return this.byName.get(name);
    }
    async readText(name) {
        const artifact = this.byName.get(name);
        const retired = this.retired.get(name);
        if (!artifact && retired)
            return retired();
        if (!artifact)
            throw new errors/* CheckpointNotFoundError */.MO(`${this.location}/${name}`);
        await (0,promises_.mkdir)(this.options.scratch, { recursive: true });
        const file = await this.artifacts.download(artifact, this.options.scratch);
        return (0,checkpoint_document/* decodeUtf8 */._6)(await (0,promises_.readFile)(file), `${this.location}/${name}`);
    }
    /** Uploads a document as its own artifact, the commit point of a save. */
    async writeText(name, text) {
        await (0,promises_.mkdir)(this.options.scratch, { recursive: true });
        const result = await this.artifacts.uploadDocument(name, text, {
            retentionDays: this.options.retentionDays
        });
        this.byName.set(name, {
            id: result.id,
            name,
            size: result.size,
            digest: result.digest,
            jobBackendId: this.artifacts.jobBackendId,
            // A read of it later asks for a signed URL with these ids, as for a listed one.
            runBackendId: this.artifacts.runBackendId,
            createdAt: new Date().toISOString()
        });
    }
}

;// CONCATENATED MODULE: ./src/transport/scope-ownership.ts

/**
 * Which job owns each scope in each attempt: the job whose first checkpoint artifact of that
 * scope and attempt the artifact service created first (ties broken by job id). Decided from
 * what the service recorded, so two jobs that share a scope by mistake agree on one owner
 * however their uploads interleave.
 * @returns a map from `<scope>.a<attempt>` to the owning job's id
 */
function scopeOwners(listing) {
    const first = new Map();
    for (const artifact of listing) {
        const parsed = (0,naming/* parseAnyArtifactName */.fm)(artifact.name);
        if (!parsed)
            continue;
        const key = ownerKey(parsed.ref.scope, parsed.ref.attempt);
        const current = first.get(key);
        if (!current || earlier(artifact, current))
            first.set(key, artifact);
    }
    return new Map([...first].map(([key, artifact]) => [key, artifact.jobBackendId]));
}
/** The key of a scope in an attempt, as {@link scopeOwners} returns them. */
function ownerKey(scope, attempt) {
    return `${scope}.a${attempt}`;
}
/**
 * The listing without artifacts written by a job that does not own their scope in their
 * attempt: a restore never mixes two jobs' pipelines.
 * @returns the kept artifacts and the names left out
 */
function ownedArtifacts(listing) {
    const owners = scopeOwners(listing);
    const kept = [];
    const foreign = [];
    for (const artifact of listing) {
        const parsed = (0,naming/* parseAnyArtifactName */.fm)(artifact.name);
        const owner = parsed && owners.get(ownerKey(parsed.ref.scope, parsed.ref.attempt));
        if (owner !== undefined && owner !== artifact.jobBackendId)
            foreign.push(artifact.name);
        else
            kept.push(artifact);
    }
    return { kept, foreign };
}
function earlier(a, b) {
    if (a.createdAt !== b.createdAt)
        return a.createdAt < b.createdAt;
    return a.jobBackendId < b.jobBackendId;
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/packing/zip-file.ts




/**
 * Passes bytes through unchanged, writing a copy to `file` on the way (when given): the files
 * archive is uploaded and kept for the Actions cache in one pass, read and packed once. A copy
 * wanted only while it stays under `limit` bytes is given up as soon as it reaches them: its
 * file is removed and the rest of the bytes pass on uncopied, never written to disk.
 */
async function* keepCopy(bytes, file, limit = Number.POSITIVE_INFINITY) {
    if (file === undefined) {
        yield* bytes;
        return;
    }
    const copy = new BoundedCopy(file, limit);
    try {
        for await (const chunk of bytes) {
            await copy.write(chunk);
            yield chunk;
        }
    }
    finally {
        await copy.close();
    }
}
/** A file written chunk by chunk until it would reach `limit` bytes; then it is removed. */
class BoundedCopy {
    file;
    limit;
    out;
    size = 0;
    constructor(file, limit) {
        this.file = file;
        this.limit = limit;
        this.out = (0,external_node_fs_.createWriteStream)(file);
    }
    async write(chunk) {
        if (!this.out)
            return;
        this.size += chunk.length;
        if (this.size < this.limit)
            return write(this.out, chunk);
        await this.close();
        await (0,promises_.rm)(this.file, { force: true });
    }
    async close() {
        const out = this.out;
        if (!out)
            return;
        this.out = undefined;
        out.end();
        await (0,external_node_events_.once)(out, 'close');
    }
}
/** Writes a zip as it is produced to `file`: its size and `sha256:<hex>`. */
async function writeZip(file, bytes) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    for await (const chunk of keepCopy(bytes, file)) {
        hash.update(chunk);
        size += chunk.length;
    }
    return { size, digest: `sha256:${hash.digest('hex')}` };
}
async function write(out, chunk) {
    if (!out.write(chunk))
        await (0,external_node_events_.once)(out, 'drain');
}

;// CONCATENATED MODULE: ./src/checkpoint/packs.ts

// Packs: small archives merged into one artifact, so a checkpoint references few artifacts of
// its run whatever the number of nodes (restore's requests stay bounded, a job's artifacts
// stay under the service's limit). The policy here is pure: the save decides, then uploads.
/** An archive under this size is small: merged into packs. A larger one stays its own artifact. */
const PACKABLE_ARCHIVE_BYTES = 8 * 1024 * 1024;
/**
 * After a save, the newest checkpoint references at most this many artifacts of its run that
 * hold small archives: the new node's own archive and at most three packs or small archives.
 */
const SMALL_UNITS_PER_CHECKPOINT = 4;
/** The newest checkpoint documents of a scope in a job that stay artifacts of their own. */
const SEPARATE_DOCUMENTS = 3;
/** A pack carries at most this many retired documents, the newest; older ones are dropped. */
const DOCUMENTS_PER_PACK = 20;
/**
 * A save that merges nothing still writes a pack once this many of the job's documents wait to
 * be retired (nodes without files, or whose files are large, merge nothing).
 */
const RETIRE_WITHOUT_MERGE = 8;
/** True for an archive a pack may hold: a files archive in run `runId`'s artifacts, small. */
function isPackable(record, runId) {
    return (record.cache === undefined &&
        record.runId === runId &&
        isSmall(record) &&
        (0,naming/* parseAnyArtifactName */.fm)(record.name)?.kind === 'files');
}
function isSmall(record) {
    return record.size < PACKABLE_ARCHIVE_BYTES;
}
/** The artifact that holds an archive of this run: its pack, or its own. */
function holderOf(record) {
    return record.pack ?? record.name;
}
/**
 * The artifacts of run `runId` holding the small archives of `archives`, oldest first (by the
 * checkpoint that wrote them: attempt, then sequence).
 */
function smallUnits(archives, runId) {
    const units = new Map();
    for (const record of archives.filter(item => isPackable(item, runId))) {
        const artifact = holderOf(record);
        const unit = units.get(artifact) ?? { artifact, size: 0, archives: [] };
        unit.size += record.size;
        unit.archives.push(record);
        units.set(artifact, unit);
    }
    return [...units.values()].sort(byWriter);
}
function byWriter(a, b) {
    const refA = (0,naming/* parseAnyArtifactName */.fm)(a.artifact)?.ref;
    const refB = (0,naming/* parseAnyArtifactName */.fm)(b.artifact)?.ref;
    if (!refA || !refB)
        return (0,naming/* compareText */.n6)(a.artifact, b.artifact);
    return (0,naming/* compareRefs */.Iu)(refA, refB);
}
/**
 * The growth factor of the merge policy: merging a suffix worth at least 1/b of the unit before
 * it keeps units geometric, so each byte is rewritten about log_b(n) times.
 */
function growthFactor(smallArchives) {
    return Math.max(2, Math.cbrt(smallArchives));
}
/**
 * Where the merged suffix of `sizes` (units oldest first) starts: at j - 1 for the newest j
 * whose suffix, times `b`, outweighs unit j - 1; else the two newest units.
 */
function mergeStart(sizes, b) {
    let suffix = 0;
    for (let j = sizes.length - 1; j >= 1; j--) {
        suffix += sizes[j] ?? 0;
        if (suffix * b >= (sizes[j - 1] ?? 0))
            return j - 1;
    }
    return Math.max(0, sizes.length - 2);
}
/**
 * Which of the older units (oldest first, without the new node's own archive) a save merges
 * into one pack so that at most {@link SMALL_UNITS_PER_CHECKPOINT} - 1 remain: a suffix of
 * them, or none when the budget already holds.
 * @param smallArchives how many small archives the pipeline holds, the new one included
 */
function unitsToMerge(older, smallArchives) {
    const b = growthFactor(smallArchives);
    let sizes = older.map(unit => unit.size);
    let start = sizes.length;
    while (sizes.length > SMALL_UNITS_PER_CHECKPOINT - 1) {
        const from = mergeStart(sizes, b);
        const merged = sizes.slice(from).reduce((total, size) => total + size, 0);
        sizes = [...sizes.slice(0, from), merged];
        start = Math.min(start, from);
    }
    return older.slice(start);
}

;// CONCATENATED MODULE: ./src/resume/local-copies.ts







/**
 * The job's copies of what it uploaded or downloaded for one scope, in one folder under
 * RUNNER_TEMP: the small archives (so a merge into a pack never downloads them again) and the
 * checkpoint documents this job wrote (so a pack can carry the ones it retires). A copy is used
 * only when its sha256 is the one the checkpoint recorded.
 */
class LocalCopies {
    folder;
    constructor(folder) {
        this.folder = folder;
    }
    /** The copies of `scope` on this runner. */
    static of(runnerTemp, scope) {
        return new LocalCopies((0,external_node_path_.join)(runnerTemp, `checkpoint-copies-${scope}`));
    }
    /** Where the copy of an artifact goes; only names this project gives are taken. */
    path(name) {
        if (!(0,naming/* parseAnyArtifactName */.fm)(name)) {
            throw new ArchiveIntegrityError(name, 'its name is not one this action gives an artifact');
        }
        return (0,external_node_path_.join)(this.folder, name);
    }
    /** The folder, made when first needed. */
    async ready() {
        await (0,promises_.mkdir)(this.folder, { recursive: true });
        return this.folder;
    }
    /** The copy of `name` when its bytes hash to `digest`; a copy that differs is not used. */
    async verified(name, digest) {
        const file = this.path(name);
        // Most archives have no copy yet on a fresh runner: asked cheaply before any read.
        if (!(await (0,promises_.stat)(file).catch(() => undefined))?.isFile())
            return undefined;
        try {
            return (await sha256File(file)) === digest ? file : undefined;
        }
        catch {
            return undefined;
        }
    }
    /** Moves `file` in as the copy of `name`. */
    async adopt(name, file) {
        await this.ready();
        await (0,promises_.rename)(file, this.path(name));
        return this.path(name);
    }
    /** Keeps a document's text, for the pack that retires it later. */
    async keepText(name, text) {
        await this.ready();
        await (0,promises_.writeFile)(this.path(name), text);
    }
    /** The text kept for `name`, if any. */
    async text(name) {
        return (0,promises_.readFile)(this.path(name), 'utf8').catch(() => undefined);
    }
    /** The names of the retired documents a pack this job wrote holds, as recorded when written. */
    async packDocuments(pack) {
        const text = await (0,promises_.readFile)(`${this.path(pack)}.documents`, 'utf8').catch(() => '');
        return text.split('\n').filter(name => name !== '');
    }
    /** Records which retired documents a pack holds. */
    async recordPackDocuments(pack, documents) {
        await this.ready();
        await (0,promises_.writeFile)(`${this.path(pack)}.documents`, documents.join('\n'));
    }
}
async function sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), hash);
    return `sha256:${hash.digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/packing/central-directory.ts

/** How much of a zip's end is fetched first: its end records and, mostly, its directory. */
const TAIL_BYTES = 256 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const central_directory_MAX32 = 0xffffffff;
/**
 * Finds the central directory from the last bytes of a zip (`tail` starts at `tailStart`).
 * @throws UnstreamableZipError when the end records are not in the tail or do not add up
 */
function locateDirectory(tail, tailStart, size) {
    const at = endRecordAt(tail);
    let count = tail.readUInt16LE(at + 10);
    let length = tail.readUInt32LE(at + 12);
    let start = tail.readUInt32LE(at + 16);
    let end = tailStart + at;
    if (count === 0xffff || length === central_directory_MAX32 || start === central_directory_MAX32) {
        const record = zip64EndRecordAt(tail, at, tailStart);
        count = Number(tail.readBigUInt64LE(record + 32));
        length = Number(tail.readBigUInt64LE(record + 40));
        start = Number(tail.readBigUInt64LE(record + 48));
        end = tailStart + record;
    }
    if (start + length > end || end > size) {
        throw new UnstreamableZipError('the central directory does not fit before its end record');
    }
    return { start, length, count };
}
/** Where in `tail` the end of central directory record starts: the last one its comment ends. */
function endRecordAt(tail) {
    for (let index = tail.length - 22; index >= Math.max(0, tail.length - 22 - 0xffff); index--) {
        if (tail.readUInt32LE(index) === EOCD &&
            index + 22 + tail.readUInt16LE(index + 20) === tail.length) {
            return index;
        }
    }
    throw new UnstreamableZipError('no end of central directory record');
}
/** Where in `tail` the zip64 end record starts, found through the locator before `endAt`. */
function zip64EndRecordAt(tail, endAt, tailStart) {
    const locator = endAt - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
        throw new UnstreamableZipError('no zip64 locator');
    }
    const record = Number(tail.readBigUInt64LE(locator + 8)) - tailStart;
    if (record < 0 || record + 56 > locator || tail.readUInt32LE(record) !== ZIP64_EOCD) {
        throw new UnstreamableZipError('no zip64 end record in the tail');
    }
    return record;
}
/**
 * Reads the central directory's entries, in the order their data lies in the zip.
 * @throws UnstreamableZipError for a directory that is not well formed or entries that overlap
 */
function readDirectory(bytes, location) {
    const entries = [];
    let at = 0;
    for (let index = 0; index < location.count; index++) {
        const { entry, next } = readCentralEntry(bytes, at, index);
        entries.push(entry);
        at = next;
    }
    if (at !== location.length)
        throw new UnstreamableZipError('central directory length differs');
    entries.sort((a, b) => a.offset - b.offset);
    for (const entry of entries)
        checkStreamable(entry, location);
    return entries;
}
/** The directory's `index`-th entry, at `at`, and where the next one starts. */
function readCentralEntry(bytes, at, index) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
        throw new UnstreamableZipError(`central directory entry ${index} is not well formed`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameBytes = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength));
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const wide = zip64Values(extra);
    const widened = (value) => (value === central_directory_MAX32 ? (wide.shift() ?? NaN) : value);
    // In the zip64 extra field's fixed order: size, compressed size, offset.
    const size = widened(bytes.readUInt32LE(at + 24));
    const compressed = widened(bytes.readUInt32LE(at + 20));
    const offset = widened(bytes.readUInt32LE(at + 42));
    if (![size, compressed, offset].every(Number.isSafeInteger)) {
        throw new UnstreamableZipError(`central directory entry ${index} has no zip64 sizes`);
    }
    const entry = {
        name: nameBytes.toString('utf8'),
        nameBytes,
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        compressed,
        size,
        offset,
        mode: bytes.readUInt32LE(at + 38) >>> 16
    };
    return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}
/**
 * Refuses an entry the streaming reader cannot follow: zip-encrypted, compressed by another
 * method than deflate, or with data that would run into the directory.
 */
function checkStreamable(entry, location) {
    if (entry.flags & 0x1)
        throw new UnstreamableZipError(`${entry.name} is zip-encrypted`);
    if (entry.method !== 0 && entry.method !== 8) {
        throw new UnstreamableZipError(`${entry.name} uses compression method ${entry.method}`);
    }
    if (entry.offset + 30 + entry.compressed > location.start) {
        throw new UnstreamableZipError(`${entry.name} runs into the central directory`);
    }
}
function zip64Values(extra) {
    for (let at = 0; at + 4 <= extra.length;) {
        const id = extra.readUInt16LE(at);
        const length = extra.readUInt16LE(at + 2);
        if (id === 0x0001) {
            const values = [];
            for (let field = 0; field + 8 <= length && at + 4 + field + 8 <= extra.length; field += 8) {
                values.push(Number(extra.readBigUInt64LE(at + 4 + field)));
            }
            return values;
        }
        at += 4 + length;
    }
    return [];
}

;// CONCATENATED MODULE: ./src/packing/pack-file.ts











/**
 * A pack on disk with its entries listed, each found by name at once however many it holds; a
 * small one is read whole, once.
 * @throws ArchiveIntegrityError when it is not a pack
 */
async function openPack(file) {
    const size = (await (0,promises_.stat)(file)).size;
    if (size > ZIP_IN_MEMORY)
        return withNames(file, await packEntries(file));
    const bytes = await (0,promises_.readFile)(file);
    const entries = await listEntries((0,external_node_path_.basename)(file), size, (position, length) => Promise.resolve(bytesAt(bytes, position, length)));
    return { ...withNames(file, entries), bytes };
}
function withNames(file, entries) {
    return { file, entries, named: new Map(entries.map(entry => [entry.name, entry])) };
}
function bytesAt(bytes, position, length) {
    if (position + length > bytes.length)
        throw new UnstreamableZipError('the zip ends early');
    return bytes.subarray(position, position + length);
}
/** The bytes of a pack of `members`, entries in the given order, all stored. */
async function* packBytes(members) {
    const sources = await Promise.all(members.map(async (member) => ({
        name: member.name,
        path: member.name,
        absolute: member.file,
        mode: 0o644,
        mtime: new Date(0),
        size: (await (0,promises_.stat)(member.file)).size
    })));
    yield* new ZipPacker(sources, { level: 0 }).bytes();
}
/**
 * The entries of a pack, from its central directory, each with the byte range of its data.
 * @throws ArchiveIntegrityError when it is not a pack: not a zip, or an entry is compressed
 */
async function packEntries(packFile) {
    const handle = await (0,promises_.open)(packFile, 'r');
    try {
        const size = (await handle.stat()).size;
        return await listEntries((0,external_node_path_.basename)(packFile), size, (position, length) => readAt(handle, position, length));
    }
    finally {
        await handle.close();
    }
}
/** The entries of a pack of `size` bytes, whose bytes `read` gives by range. */
async function listEntries(label, size, read) {
    try {
        const tailStart = Math.max(0, size - TAIL_BYTES);
        const tail = await read(tailStart, size - tailStart);
        const location = locateDirectory(tail, tailStart, size);
        const directory = await read(location.start, location.length);
        const entries = [];
        for (const entry of readDirectory(directory, location)) {
            if (entry.method !== 0)
                throw new UnstreamableZipError(`${entry.name} is compressed`);
            const local = await read(entry.offset, 30);
            const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
            entries.push({ name: entry.name, start, size: entry.size });
        }
        return entries;
    }
    catch (error) {
        if (!(error instanceof UnstreamableZipError))
            throw error;
        throw new ArchiveIntegrityError(label, `not a pack (${error.message})`);
    }
}
async function readAt(handle, position, length) {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, position);
    if (bytesRead !== length)
        throw new UnstreamableZipError('the zip ends early');
    return bytes;
}
/**
 * Copies one entry's bytes out of a pack into `target`, by its byte range, and checks them
 * against `digest` (`sha256:<hex>`, as the checkpoint recorded them) before anything uses them.
 * @throws ArchiveIntegrityError naming the entry when its bytes differ; `target` is removed
 */
async function copyPackEntry(packFile, entry, target, digest) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const out = (0,external_node_fs_.createWriteStream)(target);
    if (entry.size === 0) {
        out.end();
        await (0,external_node_events_.once)(out, 'close');
    }
    else {
        const end = entry.start + entry.size - 1;
        const source = (0,external_node_fs_.createReadStream)(packFile, { start: entry.start, end });
        source.on('data', chunk => hash.update(chunk));
        await (0,external_node_stream_promises_.pipeline)(source, out);
    }
    if (`sha256:${hash.digest('hex')}` !== digest) {
        await (0,promises_.rm)(target, { force: true });
        throw new ArchiveIntegrityError(entry.name, 'its bytes in the pack do not match its digest');
    }
}
/**
 * Copies the archive `archive` out of the pack `name` into `target`, checked against the digest
 * its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
async function copyArchiveOut(pack, name, archive, target) {
    await copyPackEntry(pack.file, archiveEntry(pack, name, archive.name), target, archive.digest);
}
/**
 * The exact bytes of the archive `archive` in the pack `name`, read into memory (archives in a
 * pack are small) and checked against the digest its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
async function archiveBytesOut(pack, name, archive) {
    const entry = archiveEntry(pack, name, archive.name);
    const bytes = pack.bytes
        ? bytesAt(pack.bytes, entry.start, entry.size)
        : await readPackEntry(pack.file, entry);
    if ((0,canonical/* sha256Digest */.s)(bytes) !== archive.digest) {
        throw new ArchiveIntegrityError(archive.name, 'its bytes in the pack do not match its digest');
    }
    return bytes;
}
function archiveEntry(pack, name, archive) {
    const entry = pack.named.get(archive);
    if (!entry)
        throw new ArchiveIntegrityError(archive, `is not in ${name}`);
    return entry;
}
/**
 * One entry's bytes (the text of a retired checkpoint document, which its own digest verifies,
 * or an archive's bytes, which the caller checks).
 */
async function readPackEntry(packFile, entry) {
    const handle = await (0,promises_.open)(packFile, 'r');
    try {
        return await readAt(handle, entry.start, entry.size);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/resume/run-archive-copies.ts







/** Downloads of small artifacts in flight at once during a restore. */
const PARALLEL_DOWNLOADS = 4;
/**
 * The bytes of this run's archives, each as a local copy checked against the digest its
 * checkpoint recorded: the copy the job already has, else read out of its pack (downloaded
 * whole, once) by byte range, else its own artifact downloaded whole. What is fetched is kept
 * among the copies, so a later save merges it without downloading it again.
 */
class RunArchiveCopies {
    artifacts;
    store;
    copies;
    downloads;
    packs = new Map();
    constructor(artifacts, store, copies, downloads) {
        this.artifacts = artifacts;
        this.store = store;
        this.copies = copies;
        this.downloads = downloads;
    }
    /**
     * A pack of this run with its entries: the job's copy when its bytes still hash to the
     * artifact's digest, else downloaded whole once (checked against the digest recorded at
     * upload) and kept among the copies, so a later save merges out of it without a download.
     */
    pack(name) {
        let pack = this.packs.get(name);
        if (!pack) {
            pack = this.downloadPack(name);
            this.packs.set(name, pack);
        }
        return pack;
    }
    async downloadPack(name) {
        const artifact = this.listed(name);
        const digest = artifact.digest;
        const kept = digest === undefined ? undefined : await this.copies.verified(name, digest);
        if (kept)
            return openPack(kept);
        await (0,promises_.mkdir)(this.downloads, { recursive: true });
        const file = await this.artifacts.download(artifact, this.downloads);
        return openPack(await this.copies.adopt(name, file));
    }
    /** True when the archive is recorded inside a pack this run still lists. */
    inListedPack(record) {
        return record.pack !== undefined && this.store.artifact(record.pack) !== undefined;
    }
    /**
     * The exact bytes of an archive inside a listed pack ({@link inListedPack}), read into memory
     * and checked against `record.digest`: no copy of its own is written.
     * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
     */
    async bytesInPack(record) {
        const pack = record.pack;
        if (pack === undefined)
            throw new ArchiveIntegrityError(record.name, 'is in no pack');
        return archiveBytesOut(await this.pack(pack), pack, record);
    }
    /**
     * A local file holding the archive's exact bytes, verified against `record.digest`.
     * @throws ArchiveIntegrityError when no bytes with that digest can be had
     */
    async archive(record) {
        const kept = await this.copies.verified(record.name, record.digest);
        if (kept)
            return kept;
        await this.copies.ready();
        const holder = record.pack ?? record.name;
        if (!this.store.artifact(holder))
            return this.fromAnyPack(record);
        if (record.pack !== undefined)
            return this.fromPack(record.pack, record);
        const artifact = this.listed(record.name);
        if (artifact.digest !== undefined && artifact.digest !== record.digest) {
            throw new ArchiveIntegrityError(record.name, 'its digest differs from the one recorded');
        }
        await (0,promises_.mkdir)(this.downloads, { recursive: true });
        return this.copies.adopt(record.name, await this.artifacts.download(artifact, this.downloads));
    }
    /** Copies an archive out of a pack, by its byte range, checked against its digest. */
    async fromPack(pack, record) {
        const target = this.copies.path(record.name);
        await copyArchiveOut(await this.pack(pack), pack, record, `${target}.part`);
        await (0,promises_.rename)(`${target}.part`, target);
        return target;
    }
    /**
     * An archive whose artifact is gone: a later save of the job merged it into a newer pack and
     * deleted the old one (an earlier checkpoint's fallback). The scope's packs are searched,
     * newest first, for an entry of its name and digest.
     */
    async fromAnyPack(record) {
        const scope = (0,naming/* parseAnyArtifactName */.fm)(record.name)?.ref.scope;
        const packs = (await this.store.listArtifactNames())
            .map(name => ({ name, ref: (0,naming/* parsePackName */.oQ)(name) }))
            .filter(item => item.ref !== undefined && item.ref.scope === scope)
            .sort((a, b) => (0,naming/* compareRefs */.Iu)(b.ref, a.ref));
        for (const { name } of packs) {
            const { entries } = await this.pack(name);
            if (!entries.some(entry => entry.name === record.name))
                continue;
            try {
                return await this.fromPack(name, record);
            }
            catch (error) {
                if (!(error instanceof ArchiveIntegrityError))
                    throw error;
            }
        }
        throw new ArchiveIntegrityError(record.name, "is in none of this run's artifacts and packs");
    }
    /**
     * The checkpoint documents of `scope` retired into this run's packs, each with a reader of
     * its text: every pack of the scope is downloaded (a fallback past the separate documents).
     */
    async retiredDocuments(scope) {
        const found = new Map();
        const names = await this.store.listArtifactNames();
        for (const pack of names.filter(name => (0,naming/* parsePackName */.oQ)(name)?.scope === scope)) {
            const { file, entries } = await this.pack(pack);
            for (const entry of entries) {
                if ((0,naming/* parseCheckpointName */.PN)(entry.name)?.scope !== scope || found.has(entry.name))
                    continue;
                const where = `${pack}!${entry.name}`;
                found.set(entry.name, async () => (0,checkpoint_document/* decodeUtf8 */._6)(await readPackEntry(file, entry), where));
            }
        }
        return found;
    }
    /**
     * Fetches the artifacts holding a checkpoint's small archives of run `runId`, at most
     * {@link PARALLEL_DOWNLOADS} at a time: each pack, and each small archive of its own, whole.
     */
    async prefetch(archives, runId) {
        // Units whose artifact is gone (an earlier checkpoint's) are searched for one at a time.
        const listed = smallUnits(archives, runId).filter(unit => this.store.artifact(unit.artifact));
        await forEachBounded(listed, PARALLEL_DOWNLOADS, async (unit) => {
            const [only] = unit.archives;
            if (only && only.pack === undefined)
                await this.archive(only);
            else
                await this.pack(unit.artifact);
        });
    }
    listed(name) {
        const artifact = this.store.artifact(name);
        if (!artifact)
            throw new ArchiveIntegrityError(name, "is not among this run's artifacts");
        return artifact;
    }
}

;// CONCATENATED MODULE: ./src/resume/save-packs.ts






/**
 * Before the document is written: merges the older small archives into a new pack when the
 * checkpoint would reference more than the budget allows (see unitsToMerge), carrying this
 * job's documents beyond the newest few, and returns the document that records where each
 * archive now lives. Nothing is deleted here: the new document is the commit point.
 * @param upload sends a zip as an artifact (the caller's, so conflicts are reported as its are)
 */
async function packBeforeCommit(document, newArchive, context, upload) {
    const older = smallUnits(document.archives, context.runId).filter(unit => unit.artifact !== newArchive);
    const smallArchives = document.archives.filter(item => isPackable(item, context.runId)).length;
    const merged = unitsToMerge(older, smallArchives);
    const retiring = await retiringDocuments(document, context);
    if (merged.length === 0 && retiring.length < RETIRE_WITHOUT_MERGE)
        return { document };
    const pack = (0,naming/* packName */.HC)(document);
    const ownPacks = merged.filter(unit => isOwn(unit.artifact, context));
    const carried = await carriedDocuments(retiring, ownPacks, context);
    const members = [...(await archiveMembers(merged, context)), ...carried.members];
    if (members.length === 0)
        return { document };
    await upload(pack, packBytes(members));
    await context.copies.copies.recordPackDocuments(pack, carried.names);
    light_toolkit/* info */.pq(`Packed ${members.length - carried.names.length} small archive(s) and ${carried.names.length} retired checkpoint(s) into ${pack}.`);
    const superseded = [...ownPacks.map(unit => unit.artifact), ...carried.retired];
    return { document: inPack(document, merged, pack), plan: { pack, superseded } };
}
/**
 * After the document is committed: deletes this job's artifacts the new pack holds. A delete
 * that fails is a warning: the artifact is only superfluous, never wrong.
 */
async function deleteSuperseded(plan, artifacts) {
    for (const name of plan.superseded) {
        try {
            await artifacts.delete(name);
        }
        catch (error) {
            light_toolkit/* warning */.$e(`${name} is now inside ${plan.pack} but could not be deleted: ${(0,errors/* describe */.q0)(error)}`);
        }
    }
}
/** The document with the merged archives recorded inside `pack`, sealed again. */
function inPack(document, merged, pack) {
    const inside = new Set(merged.flatMap(unit => unit.archives.map(item => item.name)));
    const archives = document.archives.map((record) => inside.has(record.name) ? { ...record, pack } : record);
    const { digest: _digest, signature: _signature, ...body } = document;
    return (0,checkpoint_document/* sealCheckpoint */.uP)({ ...body, archives });
}
function isOwn(name, { store, artifacts }) {
    return store.artifact(name)?.jobBackendId === artifacts.jobBackendId;
}
/** This job's documents of the scope past the newest few, which the next pack retires. */
async function retiringDocuments(document, context) {
    const own = (await context.store.listArtifactNames())
        .filter(name => isOwn(name, context))
        .map(name => (0,naming/* parseCheckpointName */.PN)(name))
        .filter((ref) => ref?.scope === document.scope)
        .sort(naming/* compareRefs */.Iu);
    // The document about to be written is one of the newest that stay separate.
    return own.slice(0, Math.max(0, own.length - (SEPARATE_DOCUMENTS - 1)));
}
/**
 * The documents the new pack carries: those retired now and those of this job's packs it
 * replaces, the newest {@link DOCUMENTS_PER_PACK} whose text this job kept.
 * @returns the members, their names, and the separate documents they retire (to delete)
 */
async function carriedDocuments(retiring, ownPacks, { copies }) {
    const inPacks = await Promise.all(ownPacks.map(unit => copies.copies.packDocuments(unit.artifact)));
    const candidates = [...retiring, ...inPacks.flat().map(name => (0,naming/* parseCheckpointName */.PN)(name))]
        .filter((ref) => ref !== undefined)
        .sort(naming/* compareRefs */.Iu);
    const kept = [];
    for (const ref of candidates) {
        if ((await copies.copies.text((0,naming/* checkpointName */.s7)(ref))) !== undefined)
            kept.push((0,naming/* checkpointName */.s7)(ref));
    }
    const names = [...new Set(kept)].slice(-DOCUMENTS_PER_PACK);
    const keptSet = new Set(kept);
    return {
        members: names.map(name => ({ name, file: copies.copies.path(name) })),
        names,
        // A retiring document without a kept text stays an artifact: nothing carries it.
        retired: retiring.map(naming/* checkpointName */.s7).filter(name => keptSet.has(name))
    };
}
/** Each merged archive's exact bytes, from the job's copies or fetched and checked. */
async function archiveMembers(merged, context) {
    const members = [];
    for (const record of merged.flatMap(unit => unit.archives)) {
        members.push({ name: record.name, file: await context.copies.archive(record) });
    }
    return members;
}

;// CONCATENATED MODULE: ./src/resume/save-node.ts























/**
 * Uploads the node's files (if any), then the checkpoint document that lists them: the document
 * is the commit point, so a save that dies before it leaves no checkpoint restore would take.
 */
async function saveNode(request) {
    const { save, context, job } = request;
    const attempt = context.run.attempt;
    const artifacts = new ArtifactStore(context, '', stepLog);
    const store = await ownedCheckpointStore(artifacts, request);
    const codec = new codec_CheckpointCodec(save.protection);
    const base = job.lastStepEndedAt ? job.base : await latestInRun(store, save.scope, codec);
    assertNoCaseCollision(save.node, base);
    const packing = packingContext(artifacts, store, request);
    const conflicts = (work) => orScopeConflict(work, save.scope, attempt);
    const { archive, packed } = await conflicts(packFiles(keepingCopy(packing, save), nextRef(save, attempt, base), request, codec));
    const next = nextCheckpoint(base, nodeResult(request, archive, packed));
    const upload = (name, bytes) => artifacts.uploadZip(name, bytes, { retentionDays: save.retentionDays });
    const { document, plan } = await conflicts(packBeforeCommit(next, archive?.name, packing, upload));
    const name = (0,naming/* checkpointName */.s7)(document);
    const text = codec.encode(document);
    await conflicts(store.writeText(name, text));
    await packing.copies.copies.keepText(name, text);
    assertScopeOwned(await artifacts.list(), save.scope, attempt, artifacts.jobBackendId);
    if (plan)
        await deleteSuperseded(plan, artifacts);
    const what = save.partial ? 'progress of' : 'done:';
    light_toolkit/* info */.pq(`Saved ${name}: ${what} node '${save.node}', ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`);
    return document;
}
/** What merging into packs works with: the listing, the job's copies of this scope. */
function packingContext(artifacts, store, { save, context, scratch }) {
    const copies = LocalCopies.of(context.runnerTemp, save.scope);
    return {
        artifacts,
        store,
        copies: new RunArchiveCopies(artifacts, store, copies, (0,external_node_path_.join)(scratch, 'downloads')),
        runId: context.run.runId,
        retentionDays: save.retentionDays
    };
}
/**
 * Uploads the node's files archive, keeping a copy among the job's copies on the way (and one
 * for the Actions cache when asked): a later save merges it into a pack without a download.
 * The copy of an archive too large to be packed is given up as soon as it grows that large.
 */
function keepingCopy({ artifacts, copies }, save) {
    return async (name, bytes) => {
        await copies.copies.ready();
        const copy = copies.copies.path(name);
        return artifacts.uploadZip(name, keepCopy(keepCopy(bytes, save.keepArchive), copy, PACKABLE_ARCHIVE_BYTES), { retentionDays: save.retentionDays });
    };
}
/**
 * The run's checkpoints as a store, once this job is known to own the scope: the artifacts of
 * jobs that did not own theirs are left out.
 */
async function ownedCheckpointStore(artifacts, { save, context, scratch }) {
    const listing = await artifacts.list();
    assertScopeOwned(listing, save.scope, context.run.attempt, artifacts.jobBackendId);
    return new RunCheckpointStore(artifacts, ownedArtifacts(listing).kept, {
        scratch,
        runId: context.run.runId,
        retentionDays: save.retentionDays
    });
}
/** The name parts of the checkpoint that follows `base`. */
function nextRef(save, attempt, base) {
    return { scope: save.scope, attempt, sequence: (base?.sequence ?? 0) + 1, node: save.node };
}
/** What the node adds to the pipeline: its state, its files as packed, how it ran. */
function nodeResult({ save, context, files, durationMs, startedAt }, archive, packed) {
    return {
        scope: save.scope,
        node: save.node,
        run: context.run,
        state: save.state,
        files: files.map(file => fileRecord(file, archive, packed)),
        ...(archive ? { archive } : {}),
        ...(durationMs === undefined ? {} : { durationMs }),
        ...(save.fingerprint ? { fingerprint: save.fingerprint } : {}),
        ...(save.partial ? { partial: true } : {}),
        ...(startedAt === undefined ? {} : { startedAt })
    };
}
/** Refuses a node id that differs only in case from a node of the pipeline. */
function assertNoCaseCollision(node, base) {
    const collision = (0,ids/* caseCollision */.ze)(node, base?.nodes.map(done => done.id) ?? []);
    if (collision) {
        throw new errors/* InvalidInputError */.oC('node', node, `differs only in case from the saved node '${collision}': node ids must be unique ignoring case`);
    }
}
async function latestInRun(store, scope, codec) {
    const manager = new CheckpointManager(store, { scope, codec });
    return manager.latestValid({
        onSkip: ({ ref, error }) => {
            light_toolkit/* warning */.$e(`Checkpoint ${(0,naming/* checkpointName */.s7)(ref)} was passed over: ${error.message}`);
        }
    });
}
/**
 * Packs the node's regular files as one zip, sent to `sink` while it is written: each file is
 * read once, which takes its sha256 for the manifest. Encrypted entries get opaque names.
 */
async function packFiles(sink, ref, request, codec) {
    const regular = request.files.filter(file => file.link === undefined);
    if (regular.length === 0)
        return { archive: undefined, packed: new Map() };
    const name = (0,naming/* filesArchiveName */.jv)(ref);
    const sealKey = codec.fileKey;
    const packing = await packingOf(regular, request.save.compressionLevel, sealKey);
    light_toolkit/* info */.pq(`Packing ${regular.length} file(s) into ${name} at zip level ${packing.level} (${packing.reason}).`);
    const packer = new ZipPacker(packSources(regular, sealKey), {
        level: packing.level,
        sealKey,
        secrets: request.save.protection.secrets
    });
    const total = regular.reduce((sum, file) => sum + file.size, 0);
    const report = { label: `Saving ${name}`, total, log: logProgress };
    const uploaded = await withProgress(report, () => packer.bytesPacked, () => sink(name, packer.bytes()));
    const archive = {
        name,
        runId: request.context.run.runId,
        size: uploaded.size,
        digest: uploaded.digest,
        packing: sealKey ? 'zip-encrypted' : packing.level === 0 ? 'zip-stored' : 'zip-deflate'
    };
    return { archive, packed: packedFiles(regular, packer.entries, sealKey) };
}
/** The zip level: stored when sealed, as `compression-level` says when set, else per payload. */
async function packingOf(files, level, sealKey) {
    if (sealKey)
        return { level: 0, reason: 'encrypted bytes do not compress' };
    if (level === undefined)
        return choosePacking(files);
    return { level, reason: 'compression-level set' };
}
function packSources(files, sealKey) {
    return files.map((file, index) => ({
        name: sealKey ? sealedEntryName(index) : file.path,
        path: file.path,
        absolute: file.absolute,
        mode: file.mode,
        mtime: file.mtime,
        size: file.size
    }));
}
/** What packing read of each file, by path; a sealed entry's stored form too. */
function packedFiles(files, entries, sealKey) {
    const packed = new Map();
    for (const [index, entry] of entries.entries()) {
        const file = files[index];
        if (!file)
            continue;
        packed.set(file.path, {
            size: entry.size,
            sha256: entry.sha256,
            ...(sealKey ? { entry: { name: entry.name, ...entry.stored } } : {})
        });
    }
    return packed;
}
function fileRecord(file, archive, packed) {
    const { path, mode } = file;
    if (file.link !== undefined) {
        return { path, size: 0, sha256: (0,canonical/* sha256Digest */.s)(file.link), mode, link: file.link };
    }
    const bytes = packed.get(path);
    if (!bytes || !archive)
        throw new Error(`${path} was collected but not packed`);
    const { entry, ...record } = bytes;
    return { path, ...record, mode, archive: archive.name, ...(entry ? { entry } : {}) };
}
/**
 * Refuses to go on when another job owns this scope in this attempt: two jobs sharing a scope
 * (a matrix without `scope`) would otherwise interleave their pipelines. Ownership is decided
 * from what the artifact service recorded (see scopeOwners), so of two racing jobs exactly one
 * gets this error, before or after its upload.
 */
function assertScopeOwned(listing, scope, attempt, jobBackendId) {
    const owner = scopeOwners(listing).get(ownerKey(scope, attempt));
    if (owner === undefined || owner === jobBackendId)
        return;
    throw scopeConflict(scope, attempt);
}
function scopeConflict(scope, attempt) {
    return new failure/* ConfigurationError */.j(`Another job of this run already saves checkpoints of scope '${scope}' in attempt ${attempt}. ` +
        `Jobs must not share a scope: set the 'scope' input to something unique per job, ` +
        `e.g. scope: \${{ github.job }}-\${{ matrix.os }} in a matrix.`);
}
/** A 409 on one of our names means another job wrote it first: the same mistake. */
async function orScopeConflict(upload, scope, attempt) {
    try {
        return await upload;
    }
    catch (error) {
        const conflict = error instanceof service_errors/* ServiceError */._7 ? error.status === 409 : /\(409\)/.test((0,errors/* describe */.q0)(error));
        if (conflict)
            throw scopeConflict(scope, attempt);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/resume/save-without-artifacts.ts







/**
 * A save where there are no artifacts (GitHub Enterprise Server): the node's files are packed
 * into a local zip (the one the cache entry will hold) and the checkpoint is built on the job's,
 * recording that its archive is kept in the cache under the node's key. Nothing is uploaded
 * here: the caller saves the entry to the cache, the one store there is.
 */
async function saveWithoutArtifacts(request) {
    const { save, context, job } = request;
    const base = job.base;
    assertNoCaseCollision(save.node, base);
    const zip = save.keepArchive ?? (0,external_node_path_.join)(request.scratch, 'files.zip');
    const codec = new codec_CheckpointCodec(save.protection);
    const ref = nextRef(save, context.run.attempt, base);
    const packedFiles = await packFiles(bytesTo(zip), ref, request, codec);
    const key = cacheKey(save.scope, save.node, save.fingerprint);
    // The archive is kept in the cache under the node's key, when it has one.
    const archive = packedFiles.archive && key ? { ...packedFiles.archive, cache: key } : packedFiles.archive;
    const document = nextCheckpoint(base, nodeResult(request, archive, packedFiles.packed));
    light_toolkit/* info */.pq(`Checkpoint of node '${save.node}' built without artifacts (GitHub Enterprise Server): ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`);
    return document;
}
/** A sink that writes the zip to a local file. */
function bytesTo(file) {
    return (_name, bytes) => writeZip(file, bytes);
}

;// CONCATENATED MODULE: ./src/resume/checkpoint-node.ts











/**
 * Collects a node's files and saves its checkpoint; the job's context then builds on it. The
 * node's duration is the time since the job's previous checkpoint step ended, when known.
 *
 * Steps of one job running in parallel save one at a time per scope (see step-lock.ts): each
 * extends the checkpoint the previous one left, so none is lost and no sequence is taken twice;
 * the entries claim the node first (withNodeClaim), so the same node is not saved twice at once.
 * @throws InvalidInputError for `paths` that leave the workspace
 */
async function checkpointNode(save, paths, context, job, durationMs = sinceLastStep(job)) {
    refuseSecrets(save);
    const files = await collectFiles(context.workspace, paths, 'paths');
    if (paths.length > 0 && files.length === 0) {
        light_toolkit/* warning */.$e(`Input 'paths' matched no files (${paths.join(', ')}): the checkpoint holds state only.`);
    }
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-save-'));
    try {
        const request = { save, context, job, files, scratch, durationMs, startedAt: stepStartedAt() };
        const document = await (0,step_lock/* withScopeLock */.I1)(context.runnerTemp, save.scope, () => commit(request));
        return {
            document,
            files: files.length,
            bytes: files.reduce((total, file) => total + file.size, 0)
        };
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/**
 * Saves the node on the job's newest context (another step may have saved since this one read
 * it) and records the checkpoint as the base of the next save, before the lock is released.
 */
async function commit(request) {
    const { context, job } = request;
    const current = (await (0,job_context/* loadJobContext */.rm)(context.runnerTemp, job.scope)) ?? job;
    const on = { ...request, job: current };
    // GHES has no artifacts: the checkpoint is kept in the cache only (save-to-cache.ts).
    const document = (0,config/* isGhes */.aT)() ? await saveWithoutArtifacts(on) : await saveNode(on);
    current.base = document;
    // Marks the base as known: the next save extends it rather than searching the run.
    current.lastStepEndedAt ||= new Date().toISOString();
    await (0,job_context/* saveJobContext */.MG)(context.runnerTemp, current);
    Object.assign(job, current);
    return document;
}
/** Checkpoints can be downloaded by anyone who can read the run: credentials stay out. */
function refuseSecrets(save) {
    const { secrets, allowSecrets } = save.protection;
    const found = findSecrets(save.state, secrets, allowSecrets);
    if (!found)
        return;
    const escape = found.kind.startsWith('the job')
        ? ''
        : ', or set allow-secrets: true if it is not one';
    throw new errors/* ConfigurationError */.j1(`State key '${found.key}' of node '${save.node}' holds ${found.kind}: checkpoints can be downloaded by anyone who can read the run, so it is not saved. Keep credentials in secrets${escape}.`);
}
/** When this step's process started: nodes saved since ran alongside this one. */
function stepStartedAt() {
    return new Date(Date.now() - process.uptime() * 1000);
}
function sinceLastStep(job) {
    return job.lastStepEndedAt ? Date.now() - Date.parse(job.lastStepEndedAt) : undefined;
}

;// CONCATENATED MODULE: ./src/resume/save-to-cache.ts











/**
 * Whether a save also keeps its node in the Actions cache: asked with `cache: true` (the default
 * on GHES), or by a restore step that reads the cache (`from` lists cache).
 */
function cacheWanted(input, job) {
    return input || job.reuse?.from.includes('cache') === true;
}
/**
 * Saves a node as {@link checkpointNode} does, then, when wanted and the node has a key, keeps
 * its part (its document and files archive) in the Actions cache under the key of its scope,
 * node and fingerprint. The cache is best effort: a failure there is a warning.
 */
async function checkpointWithCache(save, paths, context, job, wanted, durationMs) {
    const key = wanted ? cacheKey(save.scope, save.node, save.fingerprint) : undefined;
    if (!key) {
        if ((0,config/* isGhes */.aT)())
            warnNotKept(save, wanted);
        return { ...(await checkpointNode(save, paths, context, job, durationMs)), kept: !(0,config/* isGhes */.aT)() };
    }
    const keep = await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-cache-save-'));
    try {
        const archive = (0,external_node_path_.join)(keep, 'files.zip');
        const saved = await checkpointNode({ ...save, keepArchive: archive }, paths, context, job, durationMs);
        const cached = await cacheCheckpoint(saved.document, save, key, archive, context.workspace);
        return { ...saved, kept: cached || !(0,config/* isGhes */.aT)() };
    }
    finally {
        await (0,promises_.rm)(keep, { recursive: true, force: true });
    }
}
function warnNotKept(save, wanted) {
    const why = wanted ? 'it has no key' : 'cache is false';
    light_toolkit/* warning */.$e(`Node '${save.node}' is not kept anywhere: GitHub Enterprise Server has no artifacts, and the Actions cache keeps only nodes with a key (${why}).`);
}
async function cacheCheckpoint(document, save, key, archiveFile, workspace) {
    try {
        const part = contribution_restrictTo(document, [save.node]);
        // The entry holds the archive this save wrote; files of an earlier save stay out of it.
        if (part.archives.some(archive => archive.name !== (0,naming/* filesArchiveName */.jv)(document))) {
            light_toolkit/* info */.pq(`Node '${save.node}' is not kept in the cache: some of its files are in an archive of an earlier save.`);
            return false;
        }
        const text = new codec_CheckpointCodec(save.protection).encode(part);
        const [archive] = part.archives;
        const entry = { key, scope: save.scope, node: save.node, document: text };
        const result = await saveEntry(entry, archive && { name: archive.name, file: archiveFile }, workspace, light_toolkit/* notice */.lm);
        light_toolkit/* info */.pq(cacheResult(result, save.node, key));
        return result === 'saved' || result === 'exists';
    }
    catch (error) {
        light_toolkit/* warning */.$e(`Node '${save.node}' could not be kept in the Actions cache: ${(0,errors/* describe */.q0)(error)}`);
        return false;
    }
}
function cacheResult(result, node, key) {
    switch (result) {
        case 'saved':
            return `Node '${node}' is kept in the Actions cache under ${key}.`;
        case 'exists':
            return `Node '${node}' is in the Actions cache already under ${key}: keys never change, nothing to save.`;
        case 'not-saved':
            return `Node '${node}' was not saved to the Actions cache under ${key} (see above).`;
        case 'not-allowed':
            return `Node '${node}' is not saved to the Actions cache: ACTIONS_CACHE_MODE forbids writes.`;
    }
}

;// CONCATENATED MODULE: ./src/packing/place.ts









/** A restore that would write outside the workspace (through a link or a link target). */
class PathEscapeError extends errors/* CheckpointError */.jg {
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths,
 * with their recorded modes, and recreates links. See {@link placeAll}.
 */
async function place_placeFiles(staging, files, workspace) {
    const placements = files.map(file => ({
        file,
        from: file.link === undefined ? stagedPath(staging, file.path) : undefined
    }));
    await placeAll(placements, workspace);
}
/**
 * Puts files in place under `workspace`. Everything is checked before anything is written:
 * every folder on the way is a real folder inside the workspace (a link already there cannot
 * lead a write outside), nothing is in the way, and every link target stays inside. Regular
 * files go first and links last, so no file is written through a link this restore makes;
 * links are then resolved for real, and all of them are removed again if one leads out.
 */
async function placeAll(placements, workspace) {
    const root = await (0,promises_.realpath)(workspace);
    const folders = new FolderWalk(root);
    await mapLimit(placements, FILE_CONCURRENCY, placement => checkPlacement(root, placement.file, folders));
    const regular = placements.filter(({ file, from }) => file.link === undefined && from);
    await mapLimit(regular, FILE_CONCURRENCY, async ({ file, from }) => {
        const target = (0,external_node_path_.join)(root, file.path);
        await folders.make((0,external_node_path_.dirname)(file.path));
        await moveFile(from ?? '', target, file.mode & 0o777);
    });
    const links = placements.filter(placement => placement.file.link !== undefined);
    for (const { file } of links) {
        const target = (0,external_node_path_.join)(root, file.path);
        await folders.make((0,external_node_path_.dirname)(file.path));
        await (0,promises_.rm)(target, { force: true });
        await (0,promises_.symlink)((0,workspace_paths/* nativeLinkTarget */.F$)(file.link ?? ''), target);
    }
    await checkLinks(root, links.map(placement => placement.file));
}
async function checkPlacement(root, file, folders) {
    const refuse = (reason) => {
        throw new PathEscapeError(`Refused to restore ${file.path}: ${reason}`);
    };
    // Checked for this OS too: a name Windows would write elsewhere (`a.`, `a:b`, `con`).
    const unsafe = (0,safe_paths/* unsafePathReason */.m)(file.path, process.platform);
    if (unsafe)
        refuse(`its path ${unsafe}`);
    const problem = await folders.check((0,external_node_path_.dirname)(file.path));
    if (problem)
        refuse(problem);
    const existing = statIfAny((0,external_node_path_.join)(root, file.path));
    if (existing?.isDirectory())
        refuse('a folder of that name is in the way');
    if (file.link !== undefined &&
        !(0,workspace_paths/* isInside */.FK)(root, (0,external_node_path_.resolve)((0,external_node_path_.join)(root, (0,external_node_path_.dirname)(file.path)), (0,workspace_paths/* nativeLinkTarget */.F$)(file.link)))) {
        refuse(`it is a link to ${file.link}, which leads outside the workspace`);
    }
}
/**
 * The folders on the way to the files, each looked at once however many files lie under it:
 * `check` before anything is written (a link already there cannot lead a write outside), and
 * `make` to create the missing ones one at a time, each under a checked real folder.
 */
class FolderWalk {
    root;
    checked = new Map();
    made = new Map();
    constructor(root) {
        this.root = root;
    }
    /** Why files cannot go under `relative`, or undefined when they can. */
    check(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve(undefined);
        let result = this.checked.get(relative);
        if (!result) {
            result = this.check((0,external_node_path_.dirname)(relative)).then(problem => {
                if (problem)
                    return problem;
                return this.checkOne(relative);
            });
            this.checked.set(relative, result);
        }
        return result;
    }
    checkOne(relative) {
        const folder = (0,external_node_path_.join)(this.root, relative);
        const segment = (0,external_node_path_.basename)(relative);
        const stats = statIfAny(folder);
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink()) {
            const real = realFolder(folder);
            if (real === undefined || !(0,workspace_paths/* isInside */.FK)(this.root, real))
                return `its folder ${segment} is a link that leads outside the workspace`;
        }
        else if (!stats.isDirectory()) {
            return `a file is in the way of its folder ${segment}`;
        }
        return undefined;
    }
    make(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve();
        let made = this.made.get(relative);
        if (!made) {
            made = this.make((0,external_node_path_.dirname)(relative)).then(() => this.makeOne(relative));
            this.made.set(relative, made);
        }
        return made;
    }
    async makeOne(relative) {
        const folder = (0,external_node_path_.join)(this.root, relative);
        try {
            await (0,promises_.mkdir)(folder);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const real = external_node_fs_.realpathSync.native(folder);
        if (!(0,workspace_paths/* isInside */.FK)(this.root, real))
            throw new PathEscapeError(`Refused to write under ${relative}: it leads outside the workspace`);
    }
}
/** Links resolved for real (chains included) must stay inside; else none of them stays. */
async function checkLinks(root, links) {
    for (const link of links) {
        const real = await (0,promises_.realpath)((0,external_node_path_.join)(root, link.path)).catch(() => undefined);
        if (real === undefined || (0,workspace_paths/* isInside */.FK)(root, real))
            continue;
        await Promise.all(links.map(item => (0,promises_.rm)((0,external_node_path_.join)(root, item.path), { force: true })));
        throw new PathEscapeError(`Refused to restore link ${link.path}: through other links it leads outside the workspace`);
    }
}
/**
 * Gives a staged file its `mode`, then renames it over whatever file or link is at `to` (it
 * appears there complete, in one rename), or copies it where staging and workspace are on
 * different file systems (after removing what is there: a copy would follow a link). The
 * calls that only touch names are made at once (small-io.ts says why).
 */
async function moveFile(from, to, mode) {
    (0,external_node_fs_.chmodSync)(from, mode);
    try {
        (0,external_node_fs_.renameSync)(from, to);
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
        await (0,promises_.rm)(to, { force: true });
        await (0,promises_.copyFile)(from, to);
        await (0,promises_.rm)(from, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/resume/foreign-archives.ts







/** The REST client of the job's token, or undefined without one. */
function restClient(token) {
    if (token === '')
        return undefined;
    return new GitHubClient(process.env.GITHUB_API_URL ?? DEFAULT_API_URL, token);
}
/**
 * Archives of nodes taken from other runs or the cache, which later attempts of this run (and
 * steps that take an offered node) fetch from where they are kept: the cache entry when the
 * record names one, else the run that uploaded it, through the REST API. Each is checked
 * against the digest its checkpoint recorded before anything is extracted from it.
 */
function archivesElsewhere(options) {
    const listings = new Map();
    const packs = new Map();
    const run = (client, repository, runId) => ({
        runId,
        client,
        repository,
        artifacts: memo(listings, runId, () => client.listRunArtifacts(repository, Number(runId))),
        pack: (name, downloads) => memo(packs, `${runId}/${name}`, () => downloadPack(run(client, repository, runId), name, downloads))
    });
    return (record) => ({
        download: async (downloads) => {
            if (record.cache !== undefined) {
                if (!options.cache) {
                    throw new ArchiveIntegrityError(record.name, 'is kept in the Actions cache, which this step does not read');
                }
                return options.cache(record, downloads);
            }
            const { client, repository } = options;
            if (!client || !repository) {
                throw new ArchiveIntegrityError(record.name, `is kept in run ${record.runId}: reading it needs github-token`);
            }
            const other = run(client, repository, record.runId);
            if (record.pack !== undefined)
                return fromPackOfRun(other, record, record.pack, downloads);
            return downloadFromRun(other, record, downloads);
        }
    });
}
function memo(cache, key, make) {
    let value = cache.get(key);
    if (!value) {
        value = make();
        cache.set(key, value);
    }
    return value;
}
/** Downloads an artifact of another run through the REST API; its path and sha256. */
async function downloadArtifactOf(run, name, downloads) {
    const artifact = (await run.artifacts).find(item => item.name === name && !item.expired);
    if (!artifact)
        throw new ArchiveIntegrityError(name, `is not among run ${run.runId}'s artifacts`);
    const file = (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(downloads, 'run-')), 'artifact');
    let bytes = 0;
    const report = { label: `Downloading ${name}`, total: artifact.size, log: logProgress };
    const { digest } = await withProgress(report, () => bytes, () => run.client.download(run.repository, artifact, file, count => {
        bytes = count;
    }));
    return { file, digest, recorded: artifact.digest };
}
/** Downloads an archive of another run through the REST API, checked against its digest. */
async function downloadFromRun(run, record, downloads) {
    const { file, digest } = await downloadArtifactOf(run, record.name, downloads);
    if (digest !== record.digest) {
        throw new ArchiveIntegrityError(record.name, 'its bytes do not match the digest recorded at upload');
    }
    return file;
}
/** A pack of another run, whole, checked against the digest recorded at its upload. */
async function downloadPack(run, name, downloads) {
    const { file, digest, recorded } = await downloadArtifactOf(run, name, downloads);
    if (recorded !== undefined && digest !== recorded) {
        throw new ArchiveIntegrityError(name, 'its bytes do not match the digest recorded at upload');
    }
    return openPack(file);
}
/** An archive of another run read out of its pack by byte range, checked against its digest. */
async function fromPackOfRun(run, record, pack, downloads) {
    const target = (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(downloads, 'packed-')), 'archive');
    await copyArchiveOut(await run.pack(pack, downloads), pack, record, target);
    return target;
}

;// CONCATENATED MODULE: ./src/packing/entry-writer.ts






/**
 * Writes an entry's bytes into a file (`target`, mode 0600) or onto a list of chunks, through
 * `through` (an inflater) and a meter that counts and hashes them and stops them past the limit:
 * the one way an entry's bytes leave a zip, whichever reader found it.
 * @throws ArchiveIntegrityError past the limit, or when the bytes cannot be read or written
 */
async function entry_writer_writeEntry(entry, target, wording, through = []) {
    const meter = new ByteMeter(entry.limit, () => packing_errors_entryRefusal(entry.archive, entry.name, wording.overflow));
    try {
        const bytes = typeof entry.bytes === 'function' ? await entry.bytes() : entry.bytes;
        await (0,external_node_stream_promises_.pipeline)([bytes, ...through, meter, sinkOf(target)]);
    }
    catch (error) {
        if (error instanceof ArchiveIntegrityError)
            throw error;
        throw packing_errors_entryRefusal(entry.archive, entry.name, `${wording.failure} (${(0,errors/* describe */.q0)(error)})`);
    }
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A file written afresh (owner-only until placed), or a list the chunks are kept on. */
function sinkOf(target) {
    if (typeof target === 'string')
        return (0,external_node_fs_.createWriteStream)(target, { mode: 0o600 });
    return new external_node_stream_.Writable({
        write(chunk, _encoding, callback) {
            target.push(chunk);
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/packing/manifest-entries.ts







/** The context of extracting `archive`, which holds the files `expected`, into `staging`. */
function entryContext(archive, expected, staging, superseded) {
    const remaining = new Map(expected.map(file => [file.path, file]));
    return { archive, remaining, staging, superseded, made: new Set() };
}
/** Fails when a file the manifest lists in this archive was not in it. */
function missingFiles(context) {
    const missing = [...context.remaining.keys()];
    if (missing.length > 0) {
        throw new ArchiveIntegrityError(context.archive, `${missing.length} listed file(s) missing, e.g. ${missing[0]}`);
    }
}
/**
 * Lets an entry in only as what the manifest expects: a safe relative name, a regular file,
 * listed and not seen before, no larger than recorded. Folder entries and files a later archive
 * supersedes are passed over (undefined). Makes the staging folder an entry goes in.
 * @throws ArchiveIntegrityError for anything else
 */
function admitEntry(context, entry) {
    const name = entry.name;
    const refuse = (reason) => {
        throw packing_errors_entryRefusal(context.archive, name, reason);
    };
    if (name.endsWith('/')) {
        if (!(0,safe_paths/* isSafeRelativePath */.V)(name.slice(0, -1)))
            refuse((0,safe_paths/* unsafePathReason */.m)(name.slice(0, -1)) ?? '');
        return undefined;
    }
    // By this OS's rules too: on Windows, a name it would write elsewhere is never staged.
    const unsafe = (0,safe_paths/* unsafePathReason */.m)(name, process.platform);
    if (unsafe)
        refuse(unsafe);
    const type = entry.mode & 0o170000;
    if (type !== 0 && type !== 0o100000)
        refuse('is not a regular file (a link or a device): saves never write one');
    const record = context.remaining.get(name);
    if (!record && context.superseded(name))
        return undefined;
    if (!record)
        return refuse('is not in the checkpoint manifest (or appears twice)');
    context.remaining.delete(name);
    if (entry.size > record.size)
        refuse(`claims ${entry.size} bytes, the manifest ${record.size}`);
    return { name, record, target: stagingTarget(context, name, refuse) };
}
/** Where an admitted entry is staged, its folder made (see makeStagedPath). */
function stagingTarget(context, name, refuse) {
    try {
        return makeStagedPath(context.staging, name, context.made);
    }
    catch (error) {
        return refuse(`cannot be staged (${error.message})`);
    }
}
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 * @param through what the bytes pass through first (an inflater)
 * @throws ArchiveIntegrityError
 */
async function stageEntry(archive, entry, bytes, through = []) {
    const size = entry.record.size;
    const written = await entry_writer_writeEntry({ archive, name: entry.name, bytes, limit: size }, entry.target, { overflow: `inflates past the ${size} bytes recorded`, failure: 'could not be extracted' }, through);
    matchRecord(archive, entry, written.bytes, written.digest);
}
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link stageEntry}.
 * @throws ArchiveIntegrityError
 */
async function stageWholeEntry(archive, entry, data) {
    matchRecord(archive, entry, data.length, (0,canonical/* sha256Digest */.s)(data));
    // Worded as stageEntry words a write that fails.
    await (0,promises_.writeFile)(entry.target, data, { mode: 0o600 }).catch((error) => {
        throw packing_errors_entryRefusal(archive, entry.name, `could not be extracted (${(0,errors/* describe */.q0)(error)})`);
    });
}
/** Fails an entry whose size or sha256 differs from its manifest record. */
function matchRecord(archive, entry, bytes, digest) {
    const expected = entry.record;
    if (bytes !== expected.size) {
        throw packing_errors_entryRefusal(archive, entry.name, `has ${bytes} bytes, the manifest ${expected.size}`);
    }
    if (digest !== expected.sha256) {
        throw packing_errors_entryRefusal(archive, entry.name, 'does not match its sha256 in the manifest');
    }
}

;// CONCATENATED MODULE: ./src/packing/stream-extract.ts







const LOCAL = 0x04034b50;
/**
 * Inflated bytes per output chunk: each chunk costs a callback, a hash update and a file write
 * on the main thread (zlib's 16 KiB default cost twice the time; 256 KiB still a third more).
 */
const INFLATE_CHUNK = 1024 * 1024;
/**
 * A deflated entry up to this size is taken off the download whole and inflated while the next
 * entries stream in: inflating one entry is one thread's work, slower than the download, so
 * entries inflating at once (on zlib's pool) keep every core busy. 100 MiB of JSON in 4 files
 * extracted in 0.45-0.65 s this way, against 0.82-1.08 s one entry after the other. Larger
 * entries stream through, one at a time. The entry is gathered into one Buffer, not handed to
 * the inflater in the socket's 64 KiB pieces: each piece cost a round trip between the thread
 * pool and this thread, which left the cores idle while this thread hashed. 1 GiB of JSON was
 * restored in a median 3.64 s against 3.86 s (each of 6 interleaved pairs faster), peaking at
 * 217-251 MB against 253-268 MB: the pieces are let go as they are copied.
 */
const INFLATE_BESIDE = 21 * 1024 * 1024;
/**
 * Entries inflating beside the download at once; the next is read while fewer run. So at most
 * 63 MiB of deflated bytes are held: the bench's 1 GiB of JSON (entries of 17 MiB) peaked at
 * 274 MB restoring.
 */
const INFLATES_IN_FLIGHT = 3;
/**
 * Extracts a zip while it downloads, entry by entry in the order of the data, each checked as
 * {@link extractArchive} checks it (manifest, path, size, sha256); files superseded by a later
 * archive are passed over. The bytes are hashed on the way; the digest and the directory read
 * beforehand are compared with what streamed once the last byte is in.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
async function extractStream(source, zip, location, expected, staging, superseded = () => false) {
    const entries = readDirectory(zip.directory, location);
    const context = entryContext(zip.archive, expected, staging, superseded);
    const reader = new ByteReader(source);
    const work = {
        writes: new Pending(FILE_CONCURRENCY),
        inflates: new Pending(INFLATES_IN_FLIGHT)
    };
    try {
        for (const entry of entries)
            await streamEntry(reader, entry, context, work);
        await work.writes.drain();
        await work.inflates.drain();
    }
    catch (error) {
        // Nothing may go on writing into staging, nor keep the download open, once this fails.
        await Promise.all([work.writes.settle(), work.inflates.settle()]);
        reader.close();
        throw error;
    }
    await matchStreamed(reader, zip, location);
    missingFiles(context);
}
/**
 * Extracts a zip held whole in memory (an archive read out of a pack), with the checks of
 * {@link extractStream}: its directory is read from its end, its bytes hashed against `digest`.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
async function extractBytes(bytes, zip, expected, staging, superseded = () => false) {
    const size = bytes.length;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const location = locateDirectory(bytes.subarray(tailStart), tailStart, size);
    const directory = bytes.subarray(location.start, location.start + location.length);
    const whole = { ...zip, size, directory };
    await extractStream(external_node_stream_.Readable.from([bytes]), whole, location, expected, staging, superseded);
}
/** Extracts the next entry from the stream, or passes over its data when it is not wanted. */
async function streamEntry(reader, entry, context, { writes, inflates }) {
    await readLocalHeader(reader, entry);
    const admitted = admitEntry(context, entry);
    if (!admitted) {
        await reader.skip(entry.compressed);
        return;
    }
    const { archive } = context;
    if (entry.compressed <= SMALL_FILE && admitted.record.size <= SMALL_FILE) {
        // Small: read whole, inflated at once, written while the next entries stream in.
        const bytes = await reader.read(entry.compressed);
        const data = entry.method === 8 ? inflateWhole(archive, admitted, bytes) : bytes;
        await writes.add(stageWholeEntry(archive, admitted, data));
        return;
    }
    if (entry.method === 8 && entry.compressed <= INFLATE_BESIDE) {
        const deflated = await reader.read(entry.compressed);
        const inflate = (0,external_node_zlib_.createInflateRaw)({ chunkSize: INFLATE_CHUNK });
        await inflates.add(stageEntry(archive, admitted, external_node_stream_.Readable.from([deflated], { objectMode: false }), [inflate]));
        return;
    }
    await writes.drain();
    const inflate = entry.method === 8 ? [(0,external_node_zlib_.createInflateRaw)({ chunkSize: INFLATE_CHUNK })] : [];
    await stageEntry(archive, admitted, reader.take(entry.compressed), inflate);
}
/**
 * Reads up to an entry's data: its local header must be where the directory says and agree
 * with it (method, name), and a stored entry's sizes must be equal.
 * @throws UnstreamableZipError
 */
async function readLocalHeader(reader, entry) {
    if (entry.offset < reader.position) {
        throw new UnstreamableZipError(`${entry.name} overlaps the entry before it`);
    }
    await reader.skip(entry.offset - reader.position);
    const header = await reader.read(30);
    if (header.readUInt32LE(0) !== LOCAL || header.readUInt16LE(8) !== entry.method) {
        throw new UnstreamableZipError(`${entry.name}: its local header differs from the directory`);
    }
    const name = await reader.read(header.readUInt16LE(26));
    await reader.skip(header.readUInt16LE(28));
    if (!name.equals(entry.nameBytes)) {
        throw new UnstreamableZipError(`${entry.name}: its local header names another file`);
    }
    if (entry.method === 0 && entry.compressed !== entry.size) {
        throw new UnstreamableZipError(`${entry.name}: stored, yet its sizes differ`);
    }
}
/**
 * Reads the rest of the download: its length and digest must be those recorded at upload, and
 * the central directory in it the one read beforehand.
 * @throws UnstreamableZipError
 */
async function matchStreamed(reader, zip, location) {
    await reader.skip(location.start - reader.position);
    const directory = await reader.read(location.length);
    await reader.drain();
    if (reader.position !== zip.size || reader.digest() !== zip.digest) {
        throw new UnstreamableZipError('the bytes differ from the digest recorded at upload');
    }
    if (!directory.equals(zip.directory)) {
        throw new UnstreamableZipError('the central directory read first differs from the one streamed');
    }
}
/** A small entry's inflated bytes, never more than the manifest records. */
function inflateWhole(archive, entry, bytes) {
    try {
        return (0,external_node_zlib_.inflateRawSync)(bytes, { maxOutputLength: Math.max(1, entry.record.size) });
    }
    catch (error) {
        // By its code: a RangeError made in another realm (a test's) is no instance of this one's.
        const past = error.code === 'ERR_BUFFER_TOO_LARGE';
        throw packing_errors_entryRefusal(archive, entry.name, past
            ? `inflates past the ${entry.record.size} bytes recorded`
            : `could not be extracted (${error.message})`);
    }
}
/** Writes in flight, at most `limit`; the first failure is thrown by the next add or drain. */
class Pending {
    limit;
    running = new Set();
    failure;
    constructor(limit) {
        this.limit = limit;
    }
    async add(write) {
        const tracked = write
            .catch((error) => {
            this.failure ??= { error };
        })
            .finally(() => this.running.delete(tracked));
        this.running.add(tracked);
        while (this.running.size >= this.limit)
            await Promise.race(this.running);
        this.check();
    }
    async drain() {
        await this.settle();
        this.check();
    }
    /** Waits for every write in flight, failed or not. */
    async settle() {
        await Promise.all(this.running);
    }
    check() {
        if (this.failure !== undefined)
            throw this.failure.error;
    }
}
/** Reads exact byte counts from a stream of chunks, hashing everything that passes. */
class ByteReader {
    position = 0;
    head = Buffer.alloc(0);
    chunks;
    hash = (0,external_node_crypto_.createHash)('sha256');
    constructor(source) {
        this.chunks = source[Symbol.asyncIterator]();
    }
    /** `sha256:<hex>` of every byte read; call once, after {@link drain}. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
    /** Reads the next chunk into the head, once the head is used up. */
    async more() {
        const next = await this.chunks.next();
        if (next.done === true)
            throw new UnstreamableZipError('the download ended early');
        this.hash.update(next.value);
        this.head = next.value;
    }
    /**
     * The next `count` bytes in one Buffer: a view of the head when it holds them, else each
     * piece copied in as it arrives (and let go). Joining the head to each chunk instead copied
     * an entry of 1 MiB about eight times over.
     */
    async read(count) {
        if (this.head.length < count)
            return this.gather(count);
        const bytes = this.head.subarray(0, count);
        this.head = this.head.subarray(count);
        this.position += count;
        return bytes;
    }
    /** The next `count` bytes, in pieces as they arrive. */
    async *take(count) {
        let left = count;
        while (left > 0) {
            if (this.head.length === 0)
                await this.more();
            const piece = this.head.subarray(0, Math.min(left, this.head.length));
            this.head = this.head.subarray(piece.length);
            this.position += piece.length;
            left -= piece.length;
            yield piece;
        }
    }
    async skip(count) {
        let left = count;
        while (left > 0) {
            if (this.head.length === 0)
                await this.more();
            const step = Math.min(left, this.head.length);
            this.head = this.head.subarray(step);
            this.position += step;
            left -= step;
        }
    }
    async gather(count) {
        const bytes = Buffer.allocUnsafe(count);
        let filled = 0;
        for await (const piece of this.take(count))
            filled += piece.copy(bytes, filled);
        return bytes;
    }
    /** Stops reading: the download it comes from is closed once its pending read settles. */
    close() {
        this.chunks.return?.().catch(() => undefined);
    }
    /** Reads to the end: the position is then the stream's length. */
    async drain() {
        this.position += this.head.length;
        this.head = Buffer.alloc(0);
        for (;;) {
            const next = await this.chunks.next();
            if (next.done === true)
                return;
            this.hash.update(next.value);
            this.position += next.value.length;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
;// CONCATENATED MODULE: ./src/packing/zip-reader.ts





/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
async function isZipFile(path) {
    const handle = await open(path, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        const magic = head.subarray(0, bytesRead).toString('hex');
        return magic === '504b0304' || magic === '504b0506';
    }
    finally {
        await handle.close();
    }
}
/**
 * Opens a zip for reading its entries one at a time ({@link zipEntries}); sizes are checked
 * against the headers as entries are read. Close it when done.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a file that is not a readable zip
 */
async function openZip(path, label, names) {
    try {
        return await yauzl.openPromise(path, { ...names, autoClose: false, validateEntrySizes: true });
    }
    catch (error) {
        throw unreadableZip(label, (0,errors/* describe */.q0)(error));
    }
}
/**
 * The entries of an opened zip, one at a time from its central directory. yauzl's refusal of
 * an entry (a name that is absolute or holds `..`, sizes that do not add up) fails it.
 * @throws ArchiveIntegrityError naming the zip, with yauzl's reason
 */
async function* zipEntries(zip, label) {
    const entries = zip.eachEntry();
    try {
        for (;;) {
            const next = await entries.next().catch((error) => {
                throw new ArchiveIntegrityError(label, (0,errors/* describe */.q0)(error));
            });
            if (next.done === true)
                return;
            yield next.value;
        }
    }
    finally {
        // Stops listening for entries when the caller stops early.
        await entries.return?.();
    }
}
/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
async function listZip(path, label) {
    const zip = await openZip(path, label, { strictFileNames: false });
    try {
        const entries = [];
        for await (const entry of zipEntries(zip, label))
            entries.push(entry);
        return { zip, entries };
    }
    catch (error) {
        zip.close();
        throw unreadableZip(label, error.reason);
    }
}
function unreadableZip(label, reason) {
    return new ArchiveIntegrityError(label, `not a readable zip (${reason})`);
}
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
async function readEntry(listed, entry, limit, label) {
    const chunks = [];
    await unzipEntry(listed, entry, chunks, limit, label);
    return Buffer.concat(chunks);
}
/**
 * Writes one entry into the file `target` (or onto a list of chunks), refusing more than
 * `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
async function unzipEntry(listed, entry, target, limit, label) {
    const overflow = `is over ${limit} bytes`;
    if (entry.uncompressedSize > limit)
        throw entryRefusal(label, entry.fileName, overflow);
    const bytes = () => listed.zip.openReadStreamPromise(entry);
    return writeEntry({ archive: label, name: entry.fileName, bytes, limit }, target, {
        overflow,
        failure: 'could not be read'
    });
}

;// CONCATENATED MODULE: ./src/packing/extract.ts







/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * A zip up to {@link ZIP_IN_MEMORY} is read whole and extracted from memory, its files written
 * several at once; one whose layout that reader does not follow is read entry by entry.
 * The caller has checked the zip's digest (its download's).
 * @param expected the manifest's records held by this archive (links excluded)
 * @throws ArchiveIntegrityError
 */
async function extractArchive(zipPath, archive, expected, staging, superseded = () => false) {
    if ((await (0,promises_.stat)(zipPath)).size <= ZIP_IN_MEMORY) {
        const bytes = await (0,promises_.readFile)(zipPath);
        const zip = { archive, digest: (0,canonical/* sha256Digest */.s)(bytes) };
        try {
            await extractBytes(bytes, zip, expected, staging, superseded);
            return;
        }
        catch (error) {
            if (!(error instanceof UnstreamableZipError))
                throw error;
        }
    }
    await extractEntryByEntry(zipPath, archive, expected, staging, superseded);
}
/** {@link extractArchive} through yauzl, which follows any layout, one entry at a time. */
async function extractEntryByEntry(zipPath, archive, expected, staging, superseded) {
    const context = entryContext(archive, expected, staging, superseded);
    const zip = await openZip(zipPath, archive, { strictFileNames: true });
    try {
        for await (const entry of zipEntries(zip, archive))
            await extractEntry(zip, entry, context);
    }
    finally {
        zip.close();
    }
    missingFiles(context);
}
async function extractEntry(zip, entry, context) {
    const admitted = admitEntry(context, {
        name: entry.fileName,
        mode: entry.externalFileAttributes >>> 16,
        size: entry.uncompressedSize
    });
    if (!admitted)
        return;
    await stageEntry(context.archive, admitted, await zip.openReadStreamPromise(entry));
}

;// CONCATENATED MODULE: ./src/resume/stage-archive.ts














/** Archives whose bytes are on the runner staged at once: their file operations overlap. */
const LOCAL_ARCHIVES_AT_ONCE = 8;
/**
 * Downloads every archive a checkpoint's files live in and extracts it into `staging`, each
 * checked against the digest recorded at upload and every file against the manifest. Nothing
 * reaches the workspace here: a bad archive fails the whole checkpoint before any file moves.
 */
async function stage_archive_stageFiles(document, source, folders, fileKey) {
    await (0,promises_.mkdir)(folders.staging, { recursive: true });
    await (0,promises_.mkdir)(folders.downloads, { recursive: true });
    const byArchive = new Map();
    for (const file of document.files) {
        if (file.archive === undefined)
            continue;
        const files = byArchive.get(file.archive);
        if (files)
            files.push(file);
        else
            byArchive.set(file.archive, [file]);
    }
    const fetched = document.archives
        .filter(record => byArchive.has(record.name))
        .map(record => ({ fetcher: source(record), record, folders }));
    // Each archive holds its own files (a path is staged by the one archive holding it), so
    // archives staged together never write the same file.
    const stage = (item) => stageArchive(item, byArchive.get(item.record.name) ?? [], supersededIn(document, item.record.name), fileKey);
    await forEachBounded(fetched.filter(item => item.fetcher.local === true), LOCAL_ARCHIVES_AT_ONCE, stage);
    for (const item of fetched.filter(item => item.fetcher.local !== true))
        await stage(item);
}
/**
 * The archives of this run's artifacts (small ones through `copies`, when given: whole, from
 * their packs); an archive kept elsewhere (in another run, or in the
 * cache) goes to `elsewhere`, and without it is refused.
 */
function runArchives(store, artifacts, runId, elsewhere, copies) {
    return record => {
        if (record.cache !== undefined || record.runId !== runId) {
            if (elsewhere)
                return elsewhere(record);
            throw new ArchiveIntegrityError(record.name, `is kept in run ${record.runId}, not this run`);
        }
        // A small archive is read whole (from its pack, or its own artifact) and kept for merges;
        // one in a listed pack is extracted from the pack's bytes (the pack is what is kept).
        if (copies && (record.pack !== undefined || isPackable(record, runId))) {
            const download = () => copies.archive(record);
            if (!copies.inListedPack(record))
                return { download };
            const zip = { archive: record.name, digest: record.digest };
            return {
                stream: async (expected, into, superseded) => extractBytes(await copies.bytesInPack(record), zip, expected, into, superseded),
                download,
                local: true
            };
        }
        const artifact = listedArtifact(store, record);
        return {
            stream: (expected, into, superseded) => streamArchive(artifacts, artifact, record, expected, into, superseded),
            download: downloads => artifacts.download(artifact, downloads)
        };
    };
}
/**
 * The run's artifact of an archive the checkpoint records.
 * @throws ArchiveIntegrityError when the run has none, or one with another digest
 */
function listedArtifact(store, record) {
    const artifact = store.artifact(record.name);
    if (!artifact)
        throw new ArchiveIntegrityError(record.name, `is not among run ${record.runId}'s artifacts`);
    if (artifact.digest !== undefined && artifact.digest !== record.digest) {
        throw new ArchiveIntegrityError(record.name, 'its digest differs from the one the checkpoint recorded');
    }
    return artifact;
}
/** Extracts one archive's files into staging; a sealed one is opened with the file key. */
async function stageArchive(fetched, files, superseded, fileKey) {
    const { record, folders } = fetched;
    if (record.packing !== 'zip-encrypted') {
        await extractFrom(fetched, files, folders.staging, superseded);
        return;
    }
    if (!fileKey)
        throw new ArchiveIntegrityError(record.name, 'it is encrypted: give the encryption key');
    const sealed = (0,external_node_path_.join)(folders.downloads, `${record.name}.sealed`);
    // Opaque names say nothing of which file a sealed entry was: an entry this checkpoint does
    // not need is one a later node saved again. It is passed over, never decrypted or placed.
    await extractFrom(fetched, files.map(file => sealedRecord(record.name, file)), sealed, name => /^f\d{6}$/.test(name));
    await openFiles(record.name, files, sealed, folders.staging, fileKey);
}
/**
 * Files of the pipeline that another archive holds: an earlier archive still carries its old
 * version of a file a later node saved again, which is passed over rather than refused.
 */
function supersededIn(document, archive) {
    const holders = archiveOfPath(document);
    return name => holders.has(name) && holders.get(name) !== archive;
}
const holdersOf = new WeakMap();
/** Each path of the manifest and the archive holding it, once per checkpoint (many archives). */
function archiveOfPath(document) {
    let holders = holdersOf.get(document);
    if (!holders) {
        holders = new Map(document.files.map(file => [file.path, file.archive]));
        holdersOf.set(document, holders);
    }
    return holders;
}
/**
 * Extracts an archive while it downloads (its directory fetched first, from its end); when that
 * cannot be done (no signed URL, a layout the streaming reader does not follow, a transfer cut
 * short), downloads it whole, checks its digest and extracts it then. Either way every entry is
 * checked against the manifest before the caller places anything.
 */
async function extractFrom({ fetcher, record, folders }, expected, into, superseded) {
    if (fetcher.stream) {
        try {
            await fetcher.stream(expected, into, superseded);
            return;
        }
        catch (error) {
            light_toolkit/* info */.pq(`Reading ${record.name} while it downloads failed (${(0,errors/* describe */.q0)(error)}): downloading it whole`);
        }
    }
    const zip = await fetcher.download(folders.downloads);
    await extractArchive(zip, record.name, expected, into, superseded);
}
async function streamArchive(artifacts, artifact, record, expected, into, superseded) {
    const url = await artifacts.signedUrl(artifact);
    const transfer = artifacts.transfer(artifact);
    const size = record.size;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const tail = await fetchRange(url, tailStart, size, transfer);
    const location = locateDirectory(tail, tailStart, size);
    const directory = location.start >= tailStart
        ? tail.subarray(location.start - tailStart, location.start - tailStart + location.length)
        : await fetchRange(url, location.start, location.start + location.length, transfer);
    await extractStream(reportedChunks(streamBody(url, transfer), {
        label: `Restoring ${record.name}`,
        total: size,
        log: logProgress
    }), { archive: record.name, size, digest: record.digest, directory }, location, expected, into, superseded);
}

;// CONCATENATED MODULE: ./src/resume/found.ts









/** Where checkpoints come from: this run's earlier attempts, earlier runs, the Actions cache. */
const SOURCE_NAMES = (/* unused pure expression or super */ null && (['attempts', 'runs', 'cache']));
/**
 * Adds a verified checkpoint's nodes that no earlier source supplied to what was found. The
 * first checkpoint is taken whole, as restore always took it; later ones give only their part.
 */
function found_take(found, document, sourceOf) {
    const fresh = document.nodes.filter(node => found.reuse.sources[node.id] === undefined);
    if (found.document === undefined) {
        found.document = document;
    }
    else {
        if (fresh.length === 0)
            return;
        found.document = mergeInto(found.document, restrictTo(document, fresh.map(node => node.id)));
    }
    for (const node of fresh) {
        found.reuse.sources[node.id] = sourceOf(node);
        found.reuse.reasons[node.id] = 'done';
        found.known.add(node.id);
    }
    if (!found.newest || isNewer(document, found.newest))
        found.newest = document;
}
/** Orders checkpoints of any runs: by run, then attempt, then sequence. */
function isNewer(a, b) {
    const runs = Number(a.run.runId) - Number(b.run.runId);
    if (runs !== 0 && !Number.isNaN(runs))
        return runs > 0;
    return a.attempt - b.attempt > 0 || (a.attempt === b.attempt && a.sequence > b.sequence);
}
const BETTER = new Set(['done', 'offered']);
const RETRYABLE = new Set(['files-missing', 'corrupt', 'untrusted']);
/**
 * Records why a node was or was not taken: the newest source's word stands, unless an older
 * one takes it, or the newest could not even be read.
 */
function found_setReason(found, node, reason) {
    const current = found.reuse.reasons[node];
    if (current === undefined || BETTER.has(reason) || RETRYABLE.has(current)) {
        found.reuse.reasons[node] = reason;
    }
}
/**
 * Stages the part of each node of `ids` (its files fetched and checked against the manifest),
 * then places the ones that verified into the workspace, in the order the nodes wrote. A node
 * whose files do not verify is left out (`files-missing`), the others still taken.
 * @returns the nodes placed
 */
async function found_placeParts(document, ids, source, request, found, scratch, label = `run ${document.run.runId}`) {
    const fileKey = new CheckpointCodec(request.keys).fileKey;
    const staged = [];
    for (const id of ids) {
        const part = restrictTo(document, [id]);
        const staging = await mkdtemp(join(scratch, 'staging-'));
        try {
            await stageFiles(part, source, { downloads: join(scratch, 'downloads'), staging }, fileKey);
            staged.push({ id, part, staging });
        }
        catch (error) {
            if (!(error instanceof CheckpointError) || isPermissionError(error))
                throw error;
            found.reuse.reasons[id] = 'files-missing';
            core.warning(`Node '${id}' is not taken from ${label}: ${describe(error)}`);
        }
    }
    for (const { part, staging } of staged) {
        await placeFiles(staging, part.files, request.context.workspace);
    }
    return staged.map(item => item.id);
}
function isPermissionError(error) {
    return error instanceof GitHubApiError && error.status === 403;
}

;// CONCATENATED MODULE: ./src/resume/from-cache.ts













/**
 * Restores the entry of `key` into RUNNER_TEMP and verifies its checkpoint as an artifact's
 * (digest, shape, signature), and that it is the checkpoint of this scope and node under this
 * very key; undefined on a miss.
 * @throws CheckpointError when the entry does not verify
 */
async function fetchCacheHit(entry, runnerTemp, codec) {
    const restored = await restoreEntry(entry, runnerTemp, light_toolkit/* notice */.lm);
    if (!restored)
        return undefined;
    const dispose = () => (0,promises_.rm)(restored.scratch, { recursive: true, force: true });
    try {
        const source = `cache entry ${entry.key}`;
        const bytes = await (0,promises_.readFile)((0,external_node_path_.join)(restored.folder, ENTRY_DOCUMENT)).catch(() => {
            throw new errors/* CorruptCheckpointError */.MG(source, `it holds no checkpoint of node '${entry.node}'`);
        });
        const text = (0,checkpoint_document/* decodeUtf8 */._6)(bytes, source);
        const document = codec.decode(text, source);
        const record = document.nodes.find(node => node.id === entry.node);
        if (document.scope !== entry.scope ||
            cacheKey(entry.scope, entry.node, record?.fingerprint) !== entry.key) {
            throw new errors/* CorruptCheckpointError */.MG(source, `it is not node '${entry.node}' with this key`);
        }
        const part = keptInCache(contribution_restrictTo(document, [entry.node]), entry.key);
        return { document: part, archives: entryArchives(restored.folder), dispose };
    }
    catch (error) {
        await dispose();
        throw error;
    }
}
/** The part of a node taken from the cache, its archives marked as kept there. */
function keptInCache(document, key) {
    const archives = document.archives.map(archive => ({ ...archive, cache: key }));
    return (0,checkpoint_document/* sealCheckpoint */.uP)({ ...document, archives });
}
/** The archives of a restored entry: files beside its document, each checked before use. */
function entryArchives(folder) {
    return record => ({
        download: async () => {
            const file = (0,external_node_path_.join)(folder, record.name);
            await checkArchive(file, record);
            return file;
        }
    });
}
async function checkArchive(file, record) {
    const found = await hashFile(file).catch(() => undefined);
    if (!found)
        throw new ArchiveIntegrityError(record.name, 'is missing from its cache entry');
    if (found.bytes !== record.size || found.digest !== record.digest) {
        throw new ArchiveIntegrityError(record.name, 'its bytes do not match the digest recorded at upload');
    }
}
/**
 * Archives kept in the cache, fetched by the key their record names, for later attempts of a run
 * that took a node from the cache: copied into `downloads`, checked against their digest.
 */
function cacheArchives(runnerTemp) {
    return async (record, downloads) => {
        const ref = (0,naming/* parseArtifactName */.TZ)(record.name)?.ref;
        if (!ref || record.cache === undefined) {
            throw new ArchiveIntegrityError(record.name, 'names no cache entry of a node');
        }
        const restored = await restoreEntry({ key: record.cache, scope: ref.scope, node: ref.node }, runnerTemp, light_toolkit/* notice */.lm);
        if (!restored)
            throw new ArchiveIntegrityError(record.name, `its cache entry ${record.cache} is gone`);
        try {
            const file = (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)(downloads, 'cache-')), record.name);
            await (0,promises_.copyFile)((0,external_node_path_.join)(restored.folder, record.name), file);
            await checkArchive(file, record);
            return file;
        }
        finally {
            await (0,promises_.rm)(restored.scratch, { recursive: true, force: true });
        }
    };
}
/**
 * The `cache` source of restore: each node named in `keys` that no earlier source supplied is
 * looked up under the key of its scope, node and current key; a verified entry is placed.
 */
async function fromCache(request, found) {
    const codec = new CheckpointCodec(request.keys);
    const scratch = await mkdtemp(join(request.context.runnerTemp, 'checkpoint-cached-'));
    try {
        for (const [node, given] of request.sources.keys) {
            if (found.reuse.sources[node] !== undefined)
                continue;
            if (asked(request, node)) {
                setReason(found, node, 'rerun-requested');
                continue;
            }
            const key = guardedCacheKey(request.scope, node, given);
            if (!key) {
                setReason(found, node, 'no-key');
                continue;
            }
            await from_cache_lookUp(request, found, { key, node }, codec, scratch);
        }
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}
function asked(request, node) {
    return request.invalidation.rerun.includes(node) || request.invalidation.rerunFrom === node;
}
async function from_cache_lookUp(request, found, entry, codec, scratch) {
    let hit;
    try {
        hit = await fetchCacheHit({ ...entry, scope: request.scope }, request.context.runnerTemp, codec);
        if (!hit)
            return;
        const record = hit.document.nodes.find(node => node.id === entry.node);
        const verdict = record && judgeNode(record, { keys: request.sources.keys, sameCommit: false });
        if (verdict?.take !== 'now') {
            setReason(found, entry.node, verdict?.reason ?? 'corrupt');
            return;
        }
        const { document, archives } = hit;
        const placed = await placeParts(document, [entry.node], archives, request, found, scratch, 'the cache');
        if (placed.length > 0)
            take(found, document, () => 'cache');
    }
    catch (error) {
        refused(request, found, entry.node, error);
    }
    finally {
        await hit?.dispose();
    }
}
/** An entry that does not verify is a reason; a cache that cannot be read, a warning. */
function refused(request, found, node, error) {
    if (!(error instanceof CheckpointError)) {
        if (request.failOnError)
            throw error;
        core.warning(`The Actions cache could not be read (${describe(error)}): node '${node}' is not taken from it.`);
        return;
    }
    setReason(found, node, error instanceof UntrustedCheckpointError ? 'untrusted' : 'corrupt');
    core.warning(`Node '${node}' is not taken from the cache: ${describe(error)}`);
}

;// CONCATENATED MODULE: ./src/run/adopt.ts














/**
 * Takes a `run` node that restore found in another run (an offer) when its recorded fingerprint
 * matches this step's whole fingerprint: its files are fetched, verified and placed, and its
 * part of the state joins the job's checkpoint. Nodes asked to run again are never taken.
 */
async function adoptOffered(inputs, context, job, fingerprint) {
    const offer = job.reuse?.offers[inputs.node];
    if (!offer || mustRunAgain(job, inputs.node))
        return { taken: false };
    const document = (0,checkpoint_document/* parseCheckpointValue */.tb)(offer.document, `the offer of ${offer.source}`);
    const record = document.nodes.find(node => node.id === inputs.node);
    const partial = document.partials?.find(item => item.id === inputs.node);
    const changed = (0,checkpoint_fingerprint/* changedPart */.e1)((record ?? partial)?.fingerprint, fingerprint);
    if (changed) {
        light_toolkit/* info */.pq(`Node '${inputs.node}' was done in ${offer.source}, but its ${changed} changed.`);
        // Kept with the job's context when the step records what it did.
        if (job.reuse)
            job.reuse.reasons[inputs.node] = `stale:${changed}`;
        return { taken: false, reason: `stale:${changed}` };
    }
    await place(document, inputs, context);
    if (!record && partial) {
        // Progress, not a result: the command runs, handed what it had done.
        await adoptInto(context, job, document, inputs.node, offer.source, 'offered');
        return { taken: false, partial };
    }
    await adoptInto(context, job, document, inputs.node, offer.source);
    return { taken: true, source: offer.source };
}
/**
 * Takes a `run` node from the Actions cache, looked up under the key of its scope, node and
 * whole fingerprint, when this step keeps nodes there or the restore step reads it.
 */
async function adoptCached(inputs, context, job, fingerprint) {
    const key = cacheKey(inputs.scope, inputs.node, fingerprint);
    if (!key || mustRunAgain(job, inputs.node))
        return { taken: false };
    const codec = new codec_CheckpointCodec(inputs.protection);
    const entry = { key, scope: inputs.scope, node: inputs.node };
    const hit = await fetchCacheHit(entry, context.runnerTemp, codec);
    if (!hit) {
        light_toolkit/* info */.pq(`Node '${inputs.node}' is not in the Actions cache under ${key}.`);
        return { taken: false };
    }
    try {
        const record = hit.document.nodes.find(node => node.id === inputs.node);
        if ((0,checkpoint_fingerprint/* changedPart */.e1)(record?.fingerprint, fingerprint))
            return { taken: false };
        await place(hit.document, inputs, context, hit.archives);
        await adoptInto(context, job, hit.document, inputs.node, 'cache');
        return { taken: true, source: 'cache' };
    }
    finally {
        await hit.dispose();
    }
}
/** Whether restore was told to reset, or to run this node again. */
function mustRunAgain(job, node) {
    const reuse = job.reuse;
    return (reuse?.reset === true ||
        reuse?.rerun.includes(node) === true ||
        job.restored?.rerun.includes(node) === true);
}
async function place(document, inputs, context, archives) {
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-adopt-'));
    try {
        const staging = (0,external_node_path_.join)(scratch, 'staging');
        const source = archives ??
            archivesElsewhere({
                client: restClient(inputs.githubToken),
                repository: context.repository,
                cache: cacheArchives(context.runnerTemp)
            });
        const fileKey = new codec_CheckpointCodec(inputs.protection).fileKey;
        await stage_archive_stageFiles(document, source, { downloads: (0,external_node_path_.join)(scratch, 'downloads'), staging }, fileKey);
        await place_placeFiles(staging, document.files, context.workspace);
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** The node's part joins the job's checkpoint; later saves extend it. */
async function adoptInto(context, job, document, node, source, reason = 'done') {
    await (0,job_context/* updateJobContext */.m9)(context.runnerTemp, job, current => {
        current.base = contribution_mergeInto(current.base, document);
        if (current.reuse) {
            if (reason === 'done')
                current.reuse.sources[node] = source;
            current.reuse.reasons[node] = reason;
            current.reuse.offers = Object.fromEntries(Object.entries(current.reuse.offers).filter(([id]) => id !== node));
        }
    });
    light_toolkit/* info */.pq(reason === 'done'
        ? `Node '${node}' is done with the same fingerprint in ${source}: taken from there.`
        : `Node '${node}' was stopped part-way in ${source} with the same fingerprint: it resumes from there.`);
}
/** A failure to take a node from elsewhere: the command runs instead (unless fail-on-error). */
function cannotAdopt(inputs, where, error) {
    if (inputs.failOnError)
        throw error;
    light_toolkit/* warning */.$e(`Node '${inputs.node}' could not be taken from ${where} (${(0,errors/* describe */.q0)(error)}): its command runs.`);
    return { taken: false };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/run/shell.ts
var shell = __webpack_require__(2431);
;// CONCATENATED MODULE: ./src/run/command.ts





/** Variables a step must not hand to the user's command: this action's inputs and tokens. */
const PRIVATE_ENV = /^(INPUT_|STATE_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_URL$)/;
/**
 * Runs a script with its output streamed live. SIGINT and SIGTERM (the cancel button, a
 * timeout) are passed on to the command, so it can stop cleanly and the post step can save
 * its progress.
 */
async function runCommand(options) {
    let child;
    let cancelledBy;
    const forward = (signal) => {
        cancelledBy = signal;
        if (child)
            signalCommand(child, signal);
    };
    // Listening before the command starts: a signal that came between its start and the
    // listener would end this step at once and leave the command running in its own group,
    // holding the step's output open. One that comes while it starts is handled once it exists
    // (listeners run on the event loop, after this synchronous start).
    process.on('SIGINT', forward).on('SIGTERM', forward);
    try {
        child = spawnScript(options);
        const code = await exitCodeOf(child);
        return { code, cancelledBy };
    }
    finally {
        process.off('SIGINT', forward).off('SIGTERM', forward);
    }
}
function spawnScript(options) {
    const { program, args, verbatim } = (0,shell/* commandLine */.ay)(options.shell, options.script);
    return (0,external_node_child_process_.spawn)(program, args, {
        cwd: options.cwd,
        env: { ...publicEnv(process.env), ...options.env },
        stdio: 'inherit',
        // Its own process group, so a cancel reaches the whole command (a `sleep` under bash too).
        // On Windows `detached` would open a console of its own instead: the signal goes to the
        // shell alone there.
        detached: !options.shell.windows,
        // As the runner starts it: the program's path quoted, then the arguments as they are.
        windowsVerbatimArguments: verbatim,
        ...(verbatim ? { argv0: `"${program}"` } : {})
    });
}
/** Passes a signal on to the command's process group, or to the shell alone without one. */
function signalCommand(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        child.kill(signal);
    }
}
/** The command's exit code; one killed by a signal exits as a shell reports it, 128 + n. */
async function exitCodeOf(child) {
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (exitCode, signal) => {
            resolve(exitCode ?? (signal ? 128 + signalNumber(signal) : null));
        });
    });
}
function publicEnv(env) {
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !PRIVATE_ENV.test(name))
            kept[name] = value;
    }
    return kept;
}
function signalNumber(signal) {
    return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}
/**
 * Reads what the command wrote to `$CHECKPOINT_STATE_FILE`: nothing, or a JSON object.
 * @throws ConfigurationError showing the first bytes when it is anything else
 */
async function readCommandState(file, node) {
    const text = await (0,promises_.readFile)(file, 'utf8').catch(() => '');
    if (text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    const problem = (0,checkpoint_state/* isJsonObject */.OW)(value) ? (0,checkpoint_state/* stateProblem */.TF)(value) : undefined;
    if (problem) {
        throw new failure/* ConfigurationError */.j(`The command of node '${node}' left a state in $CHECKPOINT_STATE_FILE that ${problem}: no checkpoint was written.`);
    }
    if (!(0,checkpoint_state/* isJsonObject */.OW)(value)) {
        const head = JSON.stringify(text.slice(0, 80)) + (text.length > 80 ? '...' : '');
        throw new failure/* ConfigurationError */.j(`The command of node '${node}' left $CHECKPOINT_STATE_FILE holding ${head}, not a JSON object: no checkpoint was written.`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/resume/restore-latest.ts

















/**
 * Finds the scope's checkpoints in the run and restores the newest one that verifies, files
 * included; a bad one is reported and the previous one tried. Undefined when there is none,
 * which on a first attempt is known without asking the service. Archives of nodes this run took
 * from another run or the cache are fetched through `elsewhere`.
 * @throws ArtifactsUnavailableError on GitHub Enterprise Server, which has no artifact service
 */
async function restoreLatest(scope, token, context, keys = {}, elsewhere) {
    // Said on a first attempt too: the first step of the job tells the user at once.
    (0,config/* assertArtifactsAvailable */.Dr)();
    if (context.run.attempt <= 1) {
        light_toolkit/* info */.pq('This is the first attempt of the run: there is no earlier checkpoint to restore.');
        return undefined;
    }
    const codec = new codec_CheckpointCodec(keys);
    const artifacts = new ArtifactStore(context, token, stepLog);
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-restore-'));
    try {
        const store = await readableCheckpoints(artifacts, scope, scratch, context.run.runId);
        const manager = new CheckpointManager(store, { scope, codec });
        if ((await manager.list()).length === 0) {
            light_toolkit/* info */.pq(`No checkpoint of scope '${scope}' in this run: the pipeline starts from the beginning.`);
            return undefined;
        }
        const runId = context.run.runId;
        const copies = new RunArchiveCopies(artifacts, store, LocalCopies.of(context.runnerTemp, scope), (0,external_node_path_.join)(scratch, 'downloads'));
        const archives = runArchives(store, artifacts, runId, elsewhere, copies);
        const restoring = { manager, store, archives, copies, runId, codec, scratch };
        return await restoreNewestValid({ ...restoring, workspace: context.workspace });
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/**
 * The run's checkpoints as a store, without those written by a job that did not own their
 * scope, which are reported: a restore never mixes two jobs' pipelines.
 */
async function readableCheckpoints(artifacts, scope, scratch, runId) {
    const { kept, foreign } = ownedArtifacts(await artifacts.list());
    if (foreign.some(name => name.startsWith(`checkpoint.${scope}.`))) {
        light_toolkit/* warning */.$e(`Checkpoints of scope '${scope}' were also written by a job that did not own it (${foreign.length} artifact(s), e.g. ${foreign[0] ?? ''}): they are ignored. Give each job its own scope.`);
    }
    return new RunCheckpointStore(artifacts, kept, { scratch, runId });
}
/**
 * Restores the newest checkpoint that verifies; a bad one is reported and the previous one
 * tried. Past the first bad one, the documents retired into packs are listed too, so the
 * fallback reaches as far back as they go.
 */
async function restoreNewestValid(restoring) {
    const tried = new Set();
    let expanded = false;
    for (;;) {
        const ref = (await restoring.manager.list())
            .reverse()
            .find(item => !tried.has((0,naming/* checkpointName */.s7)(item)));
        if (!ref) {
            if (expanded)
                break;
            expanded = await listRetired(restoring);
            continue;
        }
        tried.add((0,naming/* checkpointName */.s7)(ref));
        try {
            return await stageAndPlace(ref, (0,external_node_path_.join)(restoring.scratch, `staging-${tried.size}`), restoring);
        }
        catch (error) {
            // Only a checkpoint that is bad is passed over; a service or disk failure would fail
            // every older one the same way, and is reported as what it is (fail-on-error applies).
            if (error instanceof service_errors/* ServiceError */._7 || !(error instanceof errors/* CheckpointError */.jg))
                throw error;
            light_toolkit/* warning */.$e(`Checkpoint ${(0,naming/* checkpointName */.s7)(ref)} was not restored: ${(0,errors/* describe */.q0)(error)}. Trying the previous one.`);
            expanded ||= await listRetired(restoring);
        }
    }
    light_toolkit/* warning */.$e(`None of the ${tried.size} checkpoint(s) of scope '${restoring.manager.scope}' could be restored: starting from the beginning.`);
    return undefined;
}
/** Lists the documents retired into the scope's packs among the checkpoints; true when done. */
async function listRetired({ store, copies, manager }) {
    try {
        store.addRetired(await copies.retiredDocuments(manager.scope));
    }
    catch (error) {
        if (error instanceof service_errors/* ServiceError */._7 || !(error instanceof errors/* CheckpointError */.jg))
            throw error;
        light_toolkit/* warning */.$e(`A pack of scope '${manager.scope}' could not be read: ${(0,errors/* describe */.q0)(error)}`);
    }
    return true;
}
/**
 * Loads and verifies one checkpoint, stages its files (each checked against the manifest), then
 * puts them in the workspace: a bad checkpoint fails before any file moves.
 */
async function stageAndPlace(ref, staging, { manager, archives, copies, runId, codec, scratch, workspace }) {
    const document = await manager.load(ref);
    await copies.prefetch(document.archives, runId);
    const folders = { downloads: (0,external_node_path_.join)(scratch, 'downloads'), staging };
    await stage_archive_stageFiles(document, archives, folders, codec.fileKey);
    await place_placeFiles(staging, document.files, workspace);
    report(document);
    return document;
}
function report(document) {
    const nodes = completedNodes(document);
    light_toolkit/* info */.pq(`Restored ${(0,naming/* checkpointName */.s7)(document)} (attempt ${document.attempt} of run ${document.run.runId}): ` +
        `${nodes.length} node(s) done [${nodes.join(', ')}], ${document.files.length} file(s) put back.`);
}

;// CONCATENATED MODULE: ./src/run/job-context-for-run.ts








/**
 * The job's context for the run entry. In a job without a restore step the first run step
 * restores the latest checkpoint itself, so a skipped node's files are there too; run steps in
 * parallel take turns, so the others find what the first one restored.
 */
async function jobContextForRun(inputs, context) {
    const known = await (0,step_lock/* withScopeLock */.I1)(context.runnerTemp, inputs.scope, async () => (await (0,job_context/* loadJobContext */.rm)(context.runnerTemp, inputs.scope)) ??
        (await restoreForRun(inputs, context)));
    return known ?? (0,job_context/* newJobContext */.FZ)(inputs.scope);
}
async function restoreForRun(inputs, context) {
    try {
        // Nodes an earlier attempt took from other runs or the cache have their files there.
        const elsewhere = archivesElsewhere({
            client: restClient(inputs.githubToken),
            repository: context.repository,
            cache: cacheArchives(context.runnerTemp)
        });
        const restored = await restoreLatest(inputs.scope, inputs.githubToken, context, inputs.protection, elsewhere);
        return await (0,job_context/* rememberRestore */.Gm)(context.runnerTemp, inputs.scope, restored, undefined);
    }
    catch (error) {
        if ((0,failure/* noticeIfUnavailable */.G)(error))
            return undefined;
        if (inputs.failOnError)
            throw error;
        light_toolkit/* warning */.$e(`Could not read checkpoints (${(0,errors/* describe */.q0)(error)}): node '${inputs.node}' runs.`);
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/run/run-outputs.ts
var run_outputs = __webpack_require__(7367);
// EXTERNAL MODULE: ./src/run/skip.ts
var skip = __webpack_require__(1650);
;// CONCATENATED MODULE: ./src/run/main.ts























/**
 * The run entry: skips the command when its node is done with the same fingerprint; otherwise
 * runs it, fails the step when it fails, and checkpoints the node when it succeeds. `known` is
 * the job context the cheap path (skip.ts) already read.
 */
async function runRun(known) {
    let failOnError = false;
    const context = (0,run_context/* readRunContext */.$)();
    try {
        const inputs = await (0,run_inputs/* getRunInputs */.B)(context.workspace);
        const cacheInput = (0,cache_input/* getCacheInput */.H)();
        failOnError = inputs.failOnError;
        const job = known ?? (await jobContextForRun(inputs, context));
        const step = { inputs, context, job, cache: cacheWanted(cacheInput, job) };
        const fingerprint = (0,skip/* runFingerprint */.q5)(inputs);
        const decision = await inGroup(`Check node '${inputs.node}'`, () => decide(step, fingerprint));
        light_toolkit/* setOutput */.uH(run_outputs/* RunOutput */.N.Reason, decision.reason);
        if (decision.skip)
            await (0,skip/* skipDoneNode */.iN)(inputs.node, job, context.runnerTemp, decision.source);
        // The same node in two parallel steps: the second is refused before its command runs.
        else
            await (0,step_lock/* withNodeClaim */.PW)(context.runnerTemp, inputs.scope, inputs.node, () => runNode(step, decision, fingerprint));
    }
    catch (error) {
        (0,failure.reportFailure)(error, failOnError);
    }
}
/** Runs the node's command: a failure fails the step, a success is checkpointed. */
async function runNode(step, decision, fingerprint) {
    const { inputs, context, job } = step;
    light_toolkit/* info */.pq(`Running node '${inputs.node}' (${explain(decision)}).`);
    const started = Date.now();
    const code = await execute(step, decision);
    if (code !== 0) {
        await failCommand(step, code);
        return;
    }
    const commandMs = Date.now() - started;
    const state = await readCommandState(stateFile(step), inputs.node);
    light_toolkit/* saveState */.LZ(RunState.Status, 'completed');
    const saving = Date.now();
    const saved = await inGroup(`Save node '${inputs.node}'`, () => checkpointWithCache({ ...inputs, state: (0,checkpoint_state/* overlayStates */.tk)(inputs.state, state), fingerprint }, inputs.paths, context, job, step.cache, commandMs));
    light_toolkit/* setOutput */.uH(run_outputs/* RunOutput */.N.Skipped, 'false');
    light_toolkit/* setOutput */.uH(run_outputs/* RunOutput */.N.State, (0,checkpoint_state/* stateJson */.mE)(saved.document.state));
    await (0,job_context/* recordEvent */.yM)(context.runnerTemp, job, (0,job_context/* ranEvent */.Cx)(saved.document, inputs.node, decision.reason));
    const moved = movedInWords({ ...saved, ms: Date.now() - saving });
    light_toolkit/* info */.pq(saved.kept
        ? `Ran node '${inputs.node}' (${formatDuration(commandMs)}) and saved it as ${(0,naming/* checkpointName */.s7)(saved.document)}: ${moved}.`
        : `Ran node '${inputs.node}' (${formatDuration(commandMs)}); it was not saved (see the warning above): ${moved}.`);
}
/**
 * Skip a node done in this job with the same fingerprint; else take it from another run or the
 * cache when it is done there with the same fingerprint; else run it, saying why.
 */
async function decide(step, fingerprint) {
    const { inputs, job } = step;
    const decision = (0,checkpoint_decision/* decideNode */.z)(job.restored, inputs.node, fingerprint);
    if (decision.skip || decision.reason === 'rerun-requested')
        return decision;
    if (job.reuse?.rerun.includes(inputs.node))
        return { skip: false, reason: 'rerun-requested' };
    const adoption = await adoptElsewhere(step, fingerprint);
    if (adoption.taken)
        return { skip: true, reason: 'done', source: adoption.source };
    if (adoption.partial)
        return { skip: false, reason: 'partial', partial: adoption.partial };
    if (adoption.reason && decision.reason === 'not-done')
        return { ...decision, reason: adoption.reason };
    return decision;
}
/** The node as restore offered it from another run, else as the cache holds it, when it fits. */
async function adoptElsewhere(step, fingerprint) {
    const { inputs, context, job } = step;
    let offered;
    try {
        offered = await adoptOffered(inputs, context, job, fingerprint);
    }
    catch (error) {
        offered = cannotAdopt(inputs, job.reuse?.offers[inputs.node]?.source ?? 'another run', error);
    }
    if (offered.taken || !step.cache)
        return offered;
    try {
        const cached = await adoptCached(inputs, context, job, fingerprint);
        return cached.taken ? cached : offered;
    }
    catch (error) {
        cannotAdopt(inputs, 'the Actions cache', error);
        return offered;
    }
}
function explain(decision) {
    if (decision.reason === 'not-done')
        return 'not done yet';
    if (decision.reason === 'partial')
        return 'resuming its saved progress';
    if (decision.reason === 'rerun-requested')
        return 'asked to run again';
    return `done before, but its ${decision.reason.slice('stale:'.length)} changed`;
}
/** Where the command finds the progress of an earlier attempt and leaves its state. */
function stateFile({ context, inputs }) {
    return (0,external_node_path_.join)(context.runnerTemp, 'checkpoint-action', `${inputs.scope}.${inputs.node}.progress.json`);
}
/** Runs the command; the post step learns from the saved state whether it finished. */
async function execute(step, decision) {
    const { inputs, context } = step;
    const file = stateFile(step);
    await (0,promises_.mkdir)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-action'), { recursive: true });
    await (0,promises_.writeFile)(file, decision.partial ? JSON.stringify(decision.partial.state) : '', 'utf8');
    const script = (0,external_node_path_.join)(context.runnerTemp, 'checkpoint-action', `${inputs.scope}.${inputs.node}${inputs.shell.extension}`);
    await (0,promises_.writeFile)(script, (0,shell/* scriptText */.r7)(inputs.shell, inputs.run), 'utf8');
    light_toolkit/* saveState */.LZ(RunState.Node, inputs.node);
    light_toolkit/* saveState */.LZ(RunState.Scope, inputs.scope);
    light_toolkit/* saveState */.LZ(RunState.StateFile, file);
    light_toolkit/* saveState */.LZ(RunState.Status, 'running');
    const env = {
        CHECKPOINT_STATE_FILE: file,
        CHECKPOINT_PARTIAL: String(decision.partial !== undefined),
        CHECKPOINT_NODE: inputs.node
    };
    const result = await runCommand({
        shell: inputs.shell,
        script,
        cwd: inputs.workingDirectory,
        env
    });
    light_toolkit/* setOutput */.uH(run_outputs/* RunOutput */.N.ExitCode, result.code === null ? '' : String(result.code));
    if (result.cancelledBy) {
        light_toolkit/* saveState */.LZ(RunState.Status, 'cancelled');
        light_toolkit/* warning */.$e(`Node '${inputs.node}' was cancelled (${result.cancelledBy}): its progress is saved by the post step.`);
    }
    return result.code;
}
async function failCommand({ inputs, context, job }, code) {
    light_toolkit/* setOutput */.uH(run_outputs/* RunOutput */.N.Skipped, 'false');
    light_toolkit/* setFailed */.C1(`The command of node '${inputs.node}' exited with code ${String(code)}: no checkpoint was written.`);
    process.exitCode = code ?? 1;
    await (0,job_context/* recordEvent */.yM)(context.runnerTemp, job, {
        node: inputs.node,
        status: 'failed',
        reason: `exit code ${String(code)}`
    }).catch((error) => {
        light_toolkit/* debug */.Yz((0,errors/* describe */.q0)(error));
    });
}


/***/ })

};
