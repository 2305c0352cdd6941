import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 855:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _restore_post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(122);

await (0,_restore_post_js__WEBPACK_IMPORTED_MODULE_0__/* .runRestorePost */ .G)();
// The step is done: a socket the toolkit abandoned (a stalled upload) must not keep it alive.
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 122:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G: () => (/* binding */ runRestorePost)
});

;// CONCATENATED MODULE: ./src/checkpoint/errors.ts
/**
 * Typed errors of the checkpoint domain. Each message names the thing (file, input, value) and
 * the rule, so a user can act on it without reading the source.
 */
/** Base class: every error this project raises on purpose. */
class CheckpointError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A value broke a rule: a node id, a scope, a state document, an input. Never retried. */
class errors_InvalidInputError extends CheckpointError {
    input;
    value;
    rule;
    constructor(input, value, rule) {
        super(`Input '${input}' has an invalid value ${quote(value)}: ${rule}`);
        this.input = input;
        this.value = value;
        this.rule = rule;
    }
}
/**
 * A mistake in how the action is used that no retry can fix (two jobs sharing a scope, a secret
 * in the state): it fails the step whatever `fail-on-error` says, as an invalid input does.
 */
class errors_ConfigurationError extends (/* unused pure expression or super */ null && (CheckpointError)) {
}
/** The seed's "no write permission": the store's directory or file cannot be written. */
class CheckpointWriteError extends CheckpointError {
    file;
    constructor(file, cause) {
        super(`Cannot write checkpoint ${file}: ${describe(cause)}`, { cause });
        this.file = file;
    }
}
/** The seed's "corrupt checkpoint file": unreadable JSON, a wrong shape or a digest mismatch. */
class errors_CorruptCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason, options) {
        super(`Checkpoint ${file} is corrupt: ${reason}`, options);
        this.file = file;
        this.reason = reason;
    }
}
/** A checkpoint written by a newer version of the action: refused, never half-read. */
class UnsupportedSchemaError extends CheckpointError {
    file;
    schema;
    supported;
    constructor(file, schema, supported) {
        super(`Checkpoint ${file} has schema version ${schema}; this version of checkpoint-action reads ` +
            `versions up to ${supported}. Upgrade the action to read it.`);
        this.file = file;
        this.schema = schema;
        this.supported = supported;
    }
}
/** The seed's "missing checkpoint". */
class CheckpointNotFoundError extends CheckpointError {
    file;
    constructor(file) {
        super(`Checkpoint ${file} does not exist`);
        this.file = file;
    }
}
/** Shows a value in a message: quoted, control characters escaped, long values cut. */
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
}
/**
 * The message of anything thrown, Error or not, with its cause when the message leaves it out
 * (fetch says only "fetch failed"; its cause says "connect ECONNREFUSED ...").
 */
function describe(error) {
    if (error instanceof Error) {
        const cause = error.cause instanceof Error ? describe(error.cause) : '';
        return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
    }
    if (typeof error === 'string')
        return error;
    try {
        const text = JSON.stringify(error);
        return text ?? String(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/checkpoint/canonical.ts

/**
 * Characters of a long string encoded at a time into one reused buffer while it is hashed.
 * Hashing a string whole first encodes it into a buffer as large: for 50 MB of state, 150 ms
 * of the digest's 180 ms, most of it the kernel handing over 50 MB of fresh pages.
 */
const TEXT_CHUNK = 256 * 1024;
/**
 * JSON with object keys sorted at every depth and no white space: the same value always gives
 * the same bytes, so a digest over it does not depend on how the document was formatted.
 */
function canonical_canonicalJson(value) {
    if (value === undefined)
        return 'null';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(item => canonical_canonicalJson(item)).join(',')}]`;
    const record = value;
    const keys = Object.keys(record)
        .filter(key => record[key] !== undefined)
        .sort();
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonical_canonicalJson(record[key])}`).join(',')}}`;
}
/** `sha256:<hex>` of a string (its UTF-8) or bytes, the form the artifact service uses too. */
function canonical_sha256Digest(data) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    if (typeof data === 'string' && data.length > TEXT_CHUNK)
        updateWithText(hash, data);
    else
        hash.update(data);
    return `sha256:${hash.digest('hex')}`;
}
/** Hashes `text`'s UTF-8 a chunk at a time, a surrogate pair never cut in two. */
function updateWithText(hash, text) {
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a pair, two units, takes 4).
    const buffer = Buffer.allocUnsafe(TEXT_CHUNK * 3);
    for (let start = 0; start < text.length;) {
        let end = Math.min(text.length, start + TEXT_CHUNK);
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)))
            end -= 1;
        const written = buffer.write(text.slice(start, end), 'utf8');
        hash.update(buffer.subarray(0, written));
        start = end;
    }
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}

;// CONCATENATED MODULE: ./src/checkpoint/ids.ts

/** Node ids and scopes: what artifact names, output names and file names can all carry. */
const ids_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The rule in words, as error messages state it. */
const ID_RULE = 'must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or digit';
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
function validateId(input, value) {
    if (!ids_ID_PATTERN.test(value))
        throw new InvalidInputError(input, value, ID_RULE);
    return value;
}
/**
 * Finds the id in `known` that equals `id` ignoring case but not exactly: workflow expressions
 * compare output names case-insensitively, so `done-Build` and `done-build` would collide.
 */
function caseCollision(id, known) {
    const folded = id.toLowerCase();
    for (const other of known) {
        if (other !== id && other.toLowerCase() === folded)
            return other;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/naming.ts

/** Every name this project gives an artifact or a file starts with this. */
const NAME_PREFIX = 'checkpoint';
const NAME_PATTERN = /^checkpoint\.([^.]+)\.a(\d{1,9})\.s(\d{1,9})\.([^.]+)\.(json|files|pack)$/;
function stem(ref) {
    const sequence = String(ref.sequence).padStart(3, '0');
    return `${NAME_PREFIX}.${ref.scope}.a${ref.attempt}.s${sequence}.${ref.node}`;
}
/**
 * The name of a checkpoint document, as artifact and as file: `checkpoint.<scope>.a<attempt>.
 * s<sequence>.<node>.json`. Dots cannot occur in ids, so the name parses back unambiguously, and
 * the attempt in it means a re-run never reuses a name (a 409 from the artifact service).
 */
function naming_checkpointName(ref) {
    return `${stem(ref)}.json`;
}
/** The name of the archive holding the files a node added: `<stem>.files`. */
function filesArchiveName(ref) {
    return `${stem(ref)}.files`;
}
/**
 * The name of a pack written by the save of `ref`: `<stem>.pack`, a zip of stored entries holding
 * small archives merged together and checkpoint documents retired from their own artifacts.
 */
function packName(ref) {
    return `${stem(ref)}.pack`;
}
const NAMERS = {
    json: naming_checkpointName,
    files: filesArchiveName,
    pack: packName
};
/** Reads a checkpoint document's name back into its ref; undefined for any other name. */
function parseCheckpointName(name) {
    const parsed = parseArtifactName(name);
    return parsed?.kind === 'json' ? parsed.ref : undefined;
}
/** Reads a document's or a files archive's name back; undefined for others (packs too). */
function parseArtifactName(name) {
    const parsed = parseAnyArtifactName(name);
    return parsed?.kind === 'pack'
        ? undefined
        : parsed;
}
/** Reads a pack's name back into the ref of the save that wrote it; undefined for others. */
function parsePackName(name) {
    const parsed = parseAnyArtifactName(name);
    return parsed?.kind === 'pack' ? parsed.ref : undefined;
}
/** Reads any name this project gives (document, files archive, pack); undefined for others. */
function parseAnyArtifactName(name) {
    const match = NAME_PATTERN.exec(name);
    if (!match)
        return undefined;
    const [, scope = '', attempt = '', sequence = '', node = '', kind = ''] = match;
    if (!ID_PATTERN.test(scope) || !ID_PATTERN.test(node))
        return undefined;
    const ref = { scope, attempt: Number(attempt), sequence: Number(sequence), node };
    const parsed = { ref, kind: kind };
    // One spelling per checkpoint: `a01` or `s1` would name the same one twice.
    return NAMERS[parsed.kind](ref) === name ? parsed : undefined;
}
/**
 * Orders checkpoints oldest first: by attempt, then by sequence. Never by artifact id (not
 * monotonic across attempts) and never by time stamps (second resolution, clock skew).
 */
function compareRefs(a, b) {
    return a.attempt - b.attempt || a.sequence - b.sequence || compareText(a.node, b.node);
}
/**
 * Orders texts by UTF-16 code units: the same order on every machine, whatever its locale, and
 * without the tens of milliseconds a first `localeCompare` takes to load the collation data.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** True when both refs name the same checkpoint. */
function sameRef(a, b) {
    return compareRefs(a, b) === 0 && a.scope === b.scope;
}

;// CONCATENATED MODULE: ./src/checkpoint/safe-paths.ts
/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters (nor UNC paths, which start with a slash), no NUL.
 * Anything else could land outside the root, on some OS. With `platform` 'win32', a path about
 * to be written on Windows must also be one that Windows writes where it says: no name that
 * Windows trims (a trailing dot or space), no character it refuses or reads as a stream
 * (`a:b`), no device name (`CON`, `nul.txt`).
 */
function unsafePathReason(path, platform) {
    if (path.length === 0)
        return 'is empty';
    if (path.includes('\0'))
        return 'contains a NUL byte';
    if (path.includes('\\'))
        return 'contains a backslash';
    if (path.startsWith('/'))
        return 'is absolute';
    if (/^[A-Za-z]:/.test(path))
        return 'starts with a drive letter';
    const segments = path.split('/');
    if (segments.some(segment => segment === '..'))
        return 'contains a ".." segment';
    if (segments.some(segment => segment === '.' || segment === ''))
        return 'is not normalized';
    if (platform === 'win32')
        return windowsNameReason(segments);
    return undefined;
}
/** Names Windows keeps for devices, with any extension: `CON`, `nul.txt`, `COM1`, `lpt9.log`. */
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$/i;
/** Characters Windows refuses in a name (`:` also opens an alternate data stream). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Control characters (U+0001 to U+001F; NUL is refused everywhere), which Windows refuses too. */
function hasControlCharacter(name) {
    for (let index = 0; index < name.length; index++) {
        if (name.charCodeAt(index) < 0x20)
            return true;
    }
    return false;
}
function windowsNameReason(segments) {
    for (const segment of segments) {
        if (/[. ]$/.test(segment)) {
            return `has a name ending in a dot or a space (${JSON.stringify(segment)}), which Windows drops`;
        }
        if (WINDOWS_FORBIDDEN.test(segment) || hasControlCharacter(segment)) {
            return `has a name with a character Windows does not allow (${JSON.stringify(segment)})`;
        }
        if (WINDOWS_DEVICE.test(segment)) {
            return `has a name Windows keeps for a device (${JSON.stringify(segment)})`;
        }
    }
    return undefined;
}
/** True when `path` is a safe workspace-relative path (see {@link unsafePathReason}). */
function isSafeRelativePath(path, platform) {
    return unsafePathReason(path, platform) === undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/state.ts

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const STATE_RULE = 'must be a JSON object, or key=value lines (one per line, keys like my_key)';
/** True for a plain JSON object (not null, not an array). */
function state_isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses state as users write it in YAML: a JSON object, or `key=value` lines whose values are
 * strings. Blank lines are ignored; a repeated key is an error rather than a silent overwrite.
 * @param input the input's name, for the error message
 */
function parseStateText(input, text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return parseJsonObject(input, trimmed);
    const state = {};
    for (const [index, rawLine] of trimmed.split(/\r?\n/).entries()) {
        const line = rawLine.trim();
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const key = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!KEY_PATTERN.test(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} ${JSON.stringify(line)}: ${STATE_RULE}`);
        }
        if (Object.hasOwn(state, key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} repeats the key '${key}'`);
        }
        if (FORBIDDEN_KEYS.has(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} has the key '${key}': ${FORBIDDEN_KEY_RULE}`);
        }
        defineKey(state, key, line.slice(equals + 1).trim());
    }
    return state;
}
/** How deep state may nest: a checkpoint adds two levels and is refused beyond 200. */
const MAX_STATE_DEPTH = 198;
function parseJsonObject(input, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new InvalidInputError(input, text, `${STATE_RULE} (${error.message})`);
    }
    if (!state_isJsonObject(value))
        throw new InvalidInputError(input, text, STATE_RULE);
    const problem = stateProblem(value);
    if (problem)
        throw new InvalidInputError(input, text, problem);
    return value;
}
/**
 * Why a state may not be saved (a key of {@link FORBIDDEN_KEYS} at any depth, or nesting deeper
 * than {@link MAX_STATE_DEPTH}), or undefined: the one check of every state a save is given.
 */
function stateProblem(state) {
    const scan = scanJson(state, MAX_STATE_DEPTH);
    if (scan.forbidden) {
        return `holds the key '${scan.forbidden.key}' at ${scan.forbidden.path}: ${FORBIDDEN_KEY_RULE}`;
    }
    if (scan.depth > MAX_STATE_DEPTH)
        return `nests deeper than ${MAX_STATE_DEPTH} levels, the most a state may`;
    return undefined;
}
/**
 * Keys refused in state at any depth: code that assigns or merges a restored state
 * (`Object.assign(target, state)`, `target[key] = value`) would change an object's prototype
 * through them. JSON.parse keeps them as plain data; the checkpoint's consumers may not.
 */
const FORBIDDEN_KEYS = new Set([
    '__proto__',
    'constructor',
    'prototype'
]);
/** Why a forbidden key is refused, for error messages. */
const FORBIDDEN_KEY_RULE = 'keys named __proto__, constructor or prototype are refused at any depth (merged into an object, they change its prototype)';
/**
 * Walks a JSON value once: its nesting depth and its first forbidden key. The save side checks
 * what users give as state with it, the restore side every document it reads.
 */
function scanJson(value, stopAbove) {
    if (typeof value !== 'object' || value === null)
        return { depth: 0 };
    const walk = { stopAbove, trail: [] };
    const depth = depthBelow(value, 1, walk);
    return { depth, forbidden: walk.forbidden };
}
/**
 * The nesting depth of a JSON value, counted up to `stopAbove` + 1: deeper values are not walked
 * further, so the recursion never goes more than `stopAbove` + 1 calls deep, however deep the
 * value. One pass without allocation: a 50 MB state takes tens of milliseconds.
 */
function nestingDepth(value, stopAbove) {
    return scanJson(value, stopAbove).depth;
}
/** A path as the messages show it: `a.b[2].c`. */
function pathText(trail, key) {
    let text = '';
    for (const step of [...trail, key]) {
        text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`;
    }
    return text;
}
function depthBelow(node, depth, walk) {
    if (depth > walk.stopAbove)
        return depth;
    let deepest = depth;
    if (Array.isArray(node)) {
        const items = node;
        for (let index = 0; index < items.length; index++) {
            const child = items[index];
            if (typeof child !== 'object' || child === null)
                continue;
            deepest = Math.max(deepest, depthOfChild(child, index, depth, walk));
            if (deepest > walk.stopAbove)
                return deepest;
        }
        return deepest;
    }
    // for-in walks the keys without building an array per object (half the time on large
    // states); inherited keys are passed over, as JSON.stringify passes them over.
    const record = node;
    for (const key in record) {
        if (!Object.hasOwn(record, key))
            continue;
        if (walk.forbidden === undefined && FORBIDDEN_KEYS.has(key)) {
            walk.forbidden = { key, path: pathText(walk.trail, key) };
        }
        const child = record[key];
        if (typeof child !== 'object' || child === null)
            continue;
        deepest = Math.max(deepest, depthOfChild(child, key, depth, walk));
        if (deepest > walk.stopAbove)
            return deepest;
    }
    return deepest;
}
/** The depth below an object or array child, its step on the trail while it is walked. */
function depthOfChild(child, step, depth, walk) {
    walk.trail.push(step);
    const deepest = depthBelow(child, depth + 1, walk);
    walk.trail.pop();
    return deepest;
}
const stateTexts = new WeakMap();
/**
 * `JSON.stringify(state)`, computed once per state object: the digest, the document, the
 * outputs and the job context all use the same text. States are never changed once built
 * (every merge makes a new object), so the text stays true to the object.
 */
function state_stateJson(state) {
    let text = stateTexts.get(state);
    if (text === undefined) {
        text = JSON.stringify(state);
        stateTexts.set(state, text);
    }
    return text;
}
/**
 * Records `text` as the JSON of `state`, when the caller knows that `JSON.stringify(state)`
 * gives exactly it (e.g. a digest over the text matched one computed over the stringified
 * state), so it is not serialized again.
 */
function rememberStateJson(state, text) {
    stateTexts.set(state, text);
}
/**
 * {@link mergeStates} of two states, or the one that is not empty as it is (no copy, and its
 * JSON text, when known, is kept).
 */
function overlayStates(under, over) {
    if (!hasKeys(under))
        return hasKeys(over) ? over : {};
    if (!hasKeys(over))
        return under;
    return mergeStates(under, over);
}
function hasKeys(state) {
    for (const key in state)
        if (Object.hasOwn(state, key))
            return true;
    return false;
}
/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
function mergeStates(...states) {
    const merged = {};
    for (const state of states) {
        for (const key of Object.keys(state))
            defineKey(merged, key, state[key] ?? null);
    }
    return merged;
}
/**
 * A state of these keys and values, in their order, a later value of a key winning. Keys are
 * defined as in {@link mergeStates}, so a key named `__proto__` stays data.
 */
function stateFromEntries(entries) {
    const state = {};
    for (const [key, value] of entries)
        defineKey(state, key, value);
    return state;
}
function defineKey(target, key, value) {
    Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
    });
}

;// CONCATENATED MODULE: ./src/checkpoint/document.ts






/** The schema version this code writes and the newest it reads. */
const SCHEMA_VERSION = 1;
/** Marks a JSON document as a checkpoint, for tools that find one in a folder of downloads. */
const CHECKPOINT_KIND = 'checkpoint-action/checkpoint';
/** How deep state may nest: deeper documents are refused before anything recurses over them. */
const MAX_DEPTH = 200;
/** Computes the digest of a body: sha256 of its canonical JSON. */
function digestOf(body) {
    // State can be tens of MB: canonical form costs several times JSON.stringify on it. Its
    // compact JSON text, which JSON.parse then JSON.stringify reproduce exactly, is hashed
    // instead, and only the envelope is put in canonical form.
    const state = body.state;
    const stateText = state_isJsonObject(state)
        ? state_stateJson(state)
        : (JSON.stringify(state) ?? 'null');
    return digestWithStateText(body, stateText);
}
/** {@link digestOf}, given the state's JSON text. */
function digestWithStateText(body, stateText) {
    const { digest: _digest, signature: _signature, state: _state, ...rest } = body;
    return canonical_sha256Digest(canonical_canonicalJson({ ...rest, stateDigest: canonical_sha256Digest(stateText) }));
}
/** Seals a body with its digest. */
function sealCheckpoint(body) {
    return { ...body, digest: digestOf(body) };
}
/** Separates the envelope, indented, from the state, compact and last, in a document's text. */
const STATE_MARKER = '\n  "state": ';
/**
 * The document as written to disk and uploaded: the envelope indented, so it opens well in an
 * editor, and the state compact and last, so a large state costs its own size, not twice it.
 */
function document_serializeCheckpoint(document) {
    const { state, ...envelope } = document;
    const text = JSON.stringify(envelope, null, 2);
    const stateText = isJsonObject(state) ? stateJson(state) : JSON.stringify(state);
    if (text === '{}')
        return `{${STATE_MARKER}${stateText}\n}\n`;
    return `${text.slice(0, -2)},${STATE_MARKER}${stateText}\n}\n`;
}
/**
 * Parses and verifies a checkpoint: JSON, schema version, shape, digest, and (when `expected` is
 * given) that it is the checkpoint its name says, so a renamed or replayed file is refused.
 * @param source names the file or artifact in error messages
 * @throws CorruptCheckpointError or UnsupportedSchemaError
 */
function parseCheckpoint(text, source, expected) {
    const parsed = parseDocumentJson(text, source);
    return parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
}
/**
 * JSON.parse of a document, in two parts when it is laid out as {@link serializeCheckpoint}
 * writes it: the envelope, then the state's text on its own, which is kept so that a digest
 * over it needs no serializing and the state file and job context can be written from it.
 * Otherwise (or when a part does not parse) the whole text, as any JSON. Both give the same
 * value: when the envelope without its last member parses as an object and the state's text as
 * a value, the whole text is that object with the member `"state"` set to that value.
 */
function parseDocumentJson(text, source) {
    const split = splitState(text);
    if (split) {
        try {
            const envelope = JSON.parse(split.envelope);
            if (state_isJsonObject(envelope) && Object.keys(envelope).length > 0) {
                const state = JSON.parse(split.state);
                Object.defineProperty(envelope, 'state', {
                    value: state,
                    enumerable: true,
                    writable: true,
                    configurable: true
                });
                return { value: envelope, stateText: split.state };
            }
        }
        catch {
            // Not in the writer's layout after all: parsed whole below, with its error if any.
        }
    }
    return { value: parseJson(text, source) };
}
function splitState(text) {
    const at = text.lastIndexOf(STATE_MARKER);
    if (at <= 0 || text.charCodeAt(at - 1) !== 0x2c /* , */)
        return undefined;
    const end = text.endsWith('\n}\n') ? text.length - 3 : text.endsWith('\n}') ? text.length - 2 : -1;
    if (end < at + STATE_MARKER.length)
        return undefined;
    return {
        envelope: `${text.slice(0, at - 1)}\n}`,
        state: text.slice(at + STATE_MARKER.length, end)
    };
}
/** JSON.parse with the failure reported as a corrupt checkpoint. */
function parseJson(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new errors_CorruptCheckpointError(source, `not valid JSON (${error.message})`);
    }
}
/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
function decodeUtf8(bytes, source) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new CorruptCheckpointError(source, 'not valid UTF-8');
    }
}
/** {@link parseCheckpoint} over an already parsed JSON value. */
function parseCheckpointValue(value, source, expected, stateText) {
    if (!state_isJsonObject(value) || value.kind !== CHECKPOINT_KIND) {
        throw new errors_CorruptCheckpointError(source, `not a checkpoint (no "kind": "${CHECKPOINT_KIND}")`);
    }
    const schema = value.schema;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
        throw new errors_CorruptCheckpointError(source, 'its "schema" is not a positive integer');
    }
    if (schema > SCHEMA_VERSION)
        throw new UnsupportedSchemaError(source, schema, SCHEMA_VERSION);
    // One walk, before anything else recurses over the value: its depth, and keys that a
    // consumer merging the restored state would turn into a prototype change.
    const scan = scanJson(value, MAX_DEPTH);
    if (scan.depth > MAX_DEPTH) {
        throw new errors_CorruptCheckpointError(source, `it nests deeper than ${MAX_DEPTH} levels`);
    }
    if (scan.forbidden) {
        const { key, path } = scan.forbidden;
        throw new errors_CorruptCheckpointError(source, `it holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`);
    }
    const document = value;
    const problem = shapeProblem(document);
    if (problem)
        throw new errors_CorruptCheckpointError(source, problem);
    if (!digestMatches(document, stateText)) {
        throw new errors_CorruptCheckpointError(source, 'its digest does not match its content');
    }
    if (expected && naming_checkpointName(expected) !== naming_checkpointName(document)) {
        throw new errors_CorruptCheckpointError(source, `its content is ${naming_checkpointName(document)}`);
    }
    return document;
}
/**
 * Whether the document's digest covers its content. With the state's text as it was read, the
 * digest over that text is tried first: when it matches, the writer digested exactly that text
 * as `JSON.stringify(state)`, so the text is remembered as the state's JSON and never computed.
 */
function digestMatches(document, stateText) {
    if (stateText !== undefined && digestWithStateText(document, stateText) === document.digest) {
        rememberStateJson(document.state, stateText);
        return true;
    }
    return digestOf(document) === document.digest;
}
function shapeProblem(document) {
    if (!isId(document.scope))
        return 'its "scope" is not a valid id';
    if (!isId(document.node))
        return 'its "node" is not a valid id';
    if (!isCount(document.attempt) || document.attempt < 1)
        return 'its "attempt" is not valid';
    if (!isCount(document.sequence) || document.sequence < 1)
        return 'its "sequence" is not valid';
    if (!state_isJsonObject(document.state))
        return 'its "state" is not an object';
    if (!isRunInfo(document.run))
        return 'its "run" is malformed';
    if (typeof document.digest !== 'string')
        return 'it has no "digest"';
    if (typeof document.createdAt !== 'string')
        return 'its "createdAt" is not a string';
    if (document.parent !== undefined && typeof document.parent !== 'string') {
        return 'its "parent" is not a string';
    }
    if (document.signature !== undefined && typeof document.signature !== 'string') {
        return 'its "signature" is not a string';
    }
    if (!Array.isArray(document.nodes) || !document.nodes.every(isNodeRecord)) {
        return 'its "nodes" list is malformed';
    }
    if (document.partials !== undefined &&
        (!Array.isArray(document.partials) || !document.partials.every(isPartialRecord))) {
        return 'its "partials" list is malformed';
    }
    if (!Array.isArray(document.archives) || !document.archives.every(isArchiveRecord)) {
        return 'its "archives" list is malformed';
    }
    if (!Array.isArray(document.files))
        return 'its "files" list is malformed';
    return filesProblem(document.files, new Set(document.archives.map(archive => archive.name)));
}
function filesProblem(files, archives) {
    const seen = new Set();
    const links = new Set();
    const linkTargets = new Map();
    for (const file of files) {
        if (!isFileRecord(file))
            return 'its "files" list is malformed';
        const unsafe = unsafePathReason(file.path);
        if (unsafe)
            return `file path ${JSON.stringify(file.path)} ${unsafe}`;
        if (file.mode > 0o777) {
            return `file ${JSON.stringify(file.path)} has mode ${file.mode.toString(8)}: only permission bits (up to 777) are ever saved`;
        }
        const escape = file.link === undefined ? undefined : linkProblem(file.path, file.link);
        if (escape)
            return `link ${JSON.stringify(file.path)} ${escape}`;
        if (seen.has(file.path))
            return `file ${JSON.stringify(file.path)} is listed twice`;
        if (file.link === undefined && !archives.has(file.archive ?? '')) {
            return `file ${JSON.stringify(file.path)} has no archive`;
        }
        if (file.link !== undefined) {
            links.add(file.path);
            linkTargets.set(file.path, file.link);
        }
        seen.add(file.path);
    }
    const through = [...links].find(path => resolveThroughLinks(path, linkTargets) === undefined);
    if (through)
        return `link ${JSON.stringify(through)} leads outside the workspace through other links`;
    for (const path of seen) {
        const parts = path.split('/');
        for (let end = 1; end < parts.length; end++) {
            const folder = parts.slice(0, end).join('/');
            if (links.has(folder))
                return `file ${JSON.stringify(path)} lies under the link ${JSON.stringify(folder)}`;
            if (seen.has(folder))
                return `${JSON.stringify(folder)} is listed both as a file and as a folder`;
        }
    }
    return undefined;
}
/**
 * Resolves a workspace path as the file system would, following the manifest's own links:
 * undefined when it climbs above the workspace. A loop stops after 40 links.
 */
function resolveThroughLinks(path, links) {
    let pending = path.split('/');
    const resolved = [];
    let hops = 0;
    while (pending.length > 0) {
        const segment = pending.shift() ?? '';
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..') {
            if (resolved.pop() === undefined)
                return undefined;
            continue;
        }
        resolved.push(segment);
        const target = links.get(resolved.join('/'));
        if (target === undefined)
            continue;
        // A loop never resolves, on disk either (ELOOP): harmless, as long as no step climbed out.
        if (++hops > 40)
            return resolved;
        resolved.pop();
        pending = [...target.split('/'), ...pending];
    }
    return resolved;
}
/** Why a link's target would leave the workspace, read as text from the link's folder. */
function linkProblem(path, target) {
    if (target === '' || target.includes('\0') || target.includes('\\'))
        return 'has a malformed target';
    if (target.startsWith('/') || /^[A-Za-z]:/.test(target))
        return `points to the absolute path ${JSON.stringify(target)}`;
    const depth = path.split('/').length - 1;
    let level = depth;
    for (const segment of target.split('/')) {
        if (segment === '..')
            level--;
        else if (segment !== '.' && segment !== '')
            level++;
        if (level < 0)
            return `points to ${JSON.stringify(target)}, outside the workspace`;
    }
    return undefined;
}
function isId(value) {
    return typeof value === 'string' && ids_ID_PATTERN.test(value);
}
function isEntry(value) {
    if (!state_isJsonObject(value))
        return false;
    const entry = value;
    return (typeof entry.name === 'string' &&
        unsafePathReason(entry.name) === undefined &&
        isCount(entry.size) &&
        typeof entry.sha256 === 'string');
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isNodeRecord(value) {
    if (!state_isJsonObject(value))
        return false;
    const record = value;
    return (isId(record.id) &&
        isCount(record.sequence) &&
        isCount(record.attempt) &&
        typeof record.runId === 'string' &&
        typeof record.savedAt === 'string' &&
        (record.durationMs === undefined || isCount(record.durationMs)) &&
        (record.fingerprint === undefined || isStringRecord(record.fingerprint)) &&
        (record.added === undefined || isAdditions(record.added)) &&
        (record.replaced === undefined || isReplaced(record.replaced)));
}
function isStringList(value) {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}
function isAdditions(value) {
    if (!state_isJsonObject(value))
        return false;
    const { state, links } = value;
    return isStringList(state) && (links === undefined || isStringList(links));
}
/** Replaced files may be placed again: they pass the same checks as the manifest's. */
function isReplaced(value) {
    if (!state_isJsonObject(value))
        return false;
    const { state, files } = value;
    if (state !== undefined && !state_isJsonObject(state))
        return false;
    if (files === undefined)
        return true;
    return (Array.isArray(files) &&
        files.every(file => isFileRecord(file) &&
            unsafePathReason(file.path) === undefined &&
            (file.link === undefined || linkProblem(file.path, file.link) === undefined)));
}
function isStringRecord(value) {
    return state_isJsonObject(value) && Object.values(value).every(item => typeof item === 'string');
}
const RUN_TEXT_FIELDS = ['repository', 'workflow', 'job', 'sha', 'ref'];
function isRunInfo(value) {
    if (!state_isJsonObject(value))
        return false;
    const run = value;
    return (typeof run.runId === 'string' &&
        isCount(run.attempt) &&
        RUN_TEXT_FIELDS.every(field => run[field] === undefined || typeof run[field] === 'string'));
}
const PACKINGS = new Set(['zip-stored', 'zip-deflate', 'zip-encrypted']);
function isPartialRecord(value) {
    return isNodeRecord(value) && state_isJsonObject(value.state);
}
function isArchiveRecord(value) {
    return (state_isJsonObject(value) &&
        typeof value.name === 'string' &&
        typeof value.runId === 'string' &&
        isCount(value.size) &&
        typeof value.digest === 'string' &&
        typeof value.packing === 'string' &&
        PACKINGS.has(value.packing) &&
        (value.cache === undefined || typeof value.cache === 'string') &&
        (value.pack === undefined || typeof value.pack === 'string'));
}
function isFileRecord(item) {
    if (!state_isJsonObject(item))
        return false;
    const value = item;
    return (typeof value.path === 'string' &&
        isCount(value.size) &&
        typeof value.sha256 === 'string' &&
        isCount(value.mode) &&
        (value.archive === undefined || typeof value.archive === 'string') &&
        (value.entry === undefined || isEntry(value.entry)) &&
        (value.link === undefined || typeof value.link === 'string'));
}
/** The ref a document carries. */
function refOf(document) {
    const { scope, attempt, sequence, node } = document;
    return { scope, attempt, sequence, node };
}

;// CONCATENATED MODULE: ./src/action/step-lock.ts




const FIFTEEN_MINUTES = (/* unused pure expression or super */ null && (15 * 60 * 1000));
/** The folder of the job's checkpoint files in RUNNER_TEMP. */
function stepFolder(runnerTemp) {
    return (0,external_node_path_namespaceObject.join)(runnerTemp, 'checkpoint-action');
}
/** A name no other step (process) of the job uses for a temporary file next to `file`. */
function step_lock_uniqueTemp(file) {
    return `${file}.${String(process.pid)}.${randomBytes(6).toString('hex')}.tmp`;
}
/**
 * Runs `work` while holding the lock of `scope`, released after (also when it throws).
 * @throws Error naming the lock file when it stays held by a live process past the timeout
 */
async function step_lock_withScopeLock(runnerTemp, scope, work, options = {}) {
    const file = join(stepFolder(runnerTemp), `${scope}.lock`);
    const release = await acquire(file, options);
    try {
        return await work();
    }
    finally {
        await release();
    }
}
/**
 * Marks `node` of `scope` as being saved by this step; the returned function unmarks it.
 * @throws ConfigurationError when another live step of the job saves the same node now
 */
async function claimNode(runnerTemp, scope, node, options = {}) {
    const file = join(stepFolder(runnerTemp), `${scope}.${node}.saving`);
    await mkdir(stepFolder(runnerTemp), { recursive: true });
    const got = await tryAcquire(file, options.isAlive ?? isAlive);
    if (typeof got === 'function')
        return got;
    throw new ConfigurationError(`Node '${node}' of scope '${scope}' is being saved by another step of this job (process ${String(got)}) at the same time: steps that run in parallel must save different nodes. This save is refused; the other one goes on.`);
}
/**
 * Runs `work` while `node` of `scope` is claimed by this step (see {@link claimNode}).
 * @throws ConfigurationError when another live step of the job saves the same node now
 */
async function withNodeClaim(runnerTemp, scope, node, work) {
    const unclaim = await claimNode(runnerTemp, scope, node);
    try {
        return await work();
    }
    finally {
        await unclaim();
    }
}
/** Takes the lock in `file`, trying again after a growing pause while a live process holds it. */
async function acquire(file, options) {
    const now = options.now ?? Date.now;
    const pause = options.pause ?? defaultPause;
    const timeoutMs = options.timeoutMs ?? FIFTEEN_MINUTES;
    const started = now();
    await mkdir(join(file, '..'), { recursive: true });
    for (let delay = 10;; delay = Math.min(delay * 2, 250)) {
        const got = await tryAcquire(file, options.isAlive ?? isAlive);
        if (typeof got === 'function')
            return got;
        if (delay === 10)
            (options.onWait ?? logLine)(`Waiting for ${file}: process ${String(got)} of this job holds it.`);
        if (now() - started >= timeoutMs) {
            throw new Error(`Waited ${String(Math.round(timeoutMs / 1000))} s for the lock ${file}, held by process ${String(got)} of this job: another checkpoint step of the job did not finish. Remove the file if that process is stuck.`);
        }
        await pause(delay);
    }
}
/**
 * Creates `file` holding this process's id and a token, or answers the pid of its live holder.
 * The content is written first and linked into place: the name appears whole or not at all.
 */
async function tryAcquire(file, alive) {
    const token = `${String(process.pid)} ${randomBytes(8).toString('hex')}`;
    const temp = step_lock_uniqueTemp(file);
    await writeFile(temp, token, 'utf8');
    try {
        for (;;) {
            if (await linked(temp, file))
                return () => releaseIfOurs(file, token);
            const holder = await holderOf(file);
            // Released since the link failed: link again. Taking over a lock seen gone could move
            // aside the one another step has just taken, and two steps would hold it.
            if (holder === undefined)
                continue;
            if (alive(holder))
                return holder;
            await takeOverStale(file, alive);
        }
    }
    finally {
        await rm(temp, { force: true });
    }
}
async function linked(from, to) {
    try {
        await link(from, to);
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
}
/** The pid in a lock file; undefined when it is gone. */
async function holderOf(file) {
    try {
        return Number.parseInt(await readFile(file, 'utf8'), 10);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/**
 * Moves a stale lock aside under a name of its own, so two steps taking it over at once cannot
 * remove a lock one of them just took; a live lock moved by mistake is put back.
 */
async function takeOverStale(file, alive) {
    const aside = step_lock_uniqueTemp(`${file}.stale`);
    try {
        await rename(file, aside);
    }
    catch {
        return; // gone already: the next try creates it
    }
    const holder = await holderOf(aside);
    if (holder !== undefined && alive(holder))
        await linked(aside, file);
    await rm(aside, { force: true });
}
async function releaseIfOurs(file, token) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === token)
        await rm(file, { force: true });
}
/** Whether a process runs: signal 0 checks without sending; EPERM means it runs as another user. */
function isAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * A line of the step's log, as core.info writes it: the job context (which takes this lock) is
 * read by code that does not load the toolkit.
 */
function logLine(message) {
    process.stdout.write(`${message}\n`);
}
function defaultPause(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/action/job-context.ts





const folderOf = stepFolder;
function contextFile(runnerTemp, scope) {
    return (0,external_node_path_namespaceObject.join)(folderOf(runnerTemp), `${scope}.json`);
}
/** The file of a base checkpoint: named by its digest, so the same document is written once. */
function baseFileName(scope, base) {
    return `${scope}.base.${base.digest.replace(/^sha256:/, '')}.json`;
}
/**
 * The job's context for a scope, or undefined before any checkpoint step ran (or when it cannot
 * be read). The base checkpoint is read and verified (digest, shape, depth) unless `base` is
 * false, for steps that only need the rest.
 */
async function loadJobContext(runnerTemp, scope, options = {}) {
    try {
        const stored = JSON.parse(await (0,promises_namespaceObject.readFile)(contextFile(runnerTemp, scope), 'utf8'));
        const { baseFile, base: inline, ...rest } = stored;
        if (options.base === false || baseFile === undefined)
            return { ...rest, base: inline };
        if (!baseFile.startsWith(`${scope}.base.`) || /[/\\]/.test(baseFile))
            return undefined;
        const base = await readBase((0,external_node_path_namespaceObject.join)(folderOf(runnerTemp), baseFile));
        // Only a file of this scope named by the digest of what it holds is taken as the base.
        if (baseFileName(scope, base) !== baseFile)
            return undefined;
        return { ...rest, base };
    }
    catch {
        return undefined;
    }
}
/**
 * The bases this process read and verified, or wrote, by file: the text and its document. A
 * save reads the job's context three times (before its lock, under it, and to record its
 * event); verifying the base again each time would cost its digest over every node per read.
 * A file whose text is still exactly the one verified is that document; any other text (a
 * changed file) is parsed and verified again.
 */
const knownBases = new Map();
/** The base checkpoint in `file`, verified (digest, shape, depth) unless its text is known. */
async function readBase(file) {
    const text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    const known = knownBases.get(file);
    if (known?.text === text)
        return known.document;
    const document = parseCheckpoint(text, file);
    rememberBase(file, text, document);
    return document;
}
function rememberBase(file, text, document) {
    knownBases.clear();
    knownBases.set(file, { text, document });
}
/**
 * Writes the job's context for its scope, whole or not at all: the base's file first (unless a
 * file of its digest is there already), then the small context naming it; bases it no longer
 * names are removed after.
 */
async function saveJobContext(runnerTemp, context) {
    const folder = folderOf(runnerTemp);
    const file = contextFile(runnerTemp, context.scope);
    await mkdir(folder, { recursive: true });
    const { base, ...rest } = context;
    const baseFile = base ? await writeBase(folder, context.scope, base) : undefined;
    const stored = baseFile ? { ...rest, baseFile } : rest;
    // Parallel steps of the job write here too: each its own temporary file.
    const temp = uniqueTemp(file);
    await writeFile(temp, JSON.stringify(stored), 'utf8');
    await rename(temp, file);
    await removeOtherBases(folder, context.scope, baseFile);
}
async function writeBase(folder, scope, base) {
    const name = baseFileName(scope, base);
    const file = join(folder, name);
    const there = await stat(file).then(found => found.isFile(), () => false);
    if (!there) {
        const text = serializeCheckpoint(base);
        const temp = uniqueTemp(file);
        await writeFile(temp, text, 'utf8');
        await rename(temp, file);
        rememberBase(file, text, base);
    }
    return name;
}
async function removeOtherBases(folder, scope, keep) {
    const prefix = `${scope}.base.`;
    for (const name of await readdir(folder)) {
        // Only bases: a temporary file of another step's write is not one.
        if (name.startsWith(prefix) && name.endsWith('.json') && name !== keep) {
            await rm(join(folder, name), { force: true });
        }
    }
}
/**
 * Records what the restore step did, for the later steps of the job: the checkpoint they extend
 * (with re-run nodes taken out) and what was restored.
 */
async function rememberRestore(runnerTemp, scope, restored, invalidation, origin = {}) {
    const base = invalidation?.document ?? restored;
    // Taken from several sources, the checkpoint is named after the newest one it came from.
    const newest = origin.newest ?? restored;
    const context = {
        scope,
        base,
        ...(origin.reuse ? { reuse: origin.reuse } : {}),
        restored: restored &&
            newest && {
            checkpoint: checkpointName(newest),
            attempt: newest.attempt,
            runId: newest.run.runId,
            nodes: base?.nodes ?? [],
            rerun: invalidation?.rerun ?? [],
            partials: restored.partials ?? []
        },
        events: [],
        lastStepEndedAt: new Date().toISOString()
    };
    await saveJobContext(runnerTemp, context);
    return context;
}
/**
 * The job's context for a scope, or a new one when no checkpoint step ran before. Read under the
 * scope's lock: a step running in parallel replaces the files it is read from.
 */
async function jobContextOrNew(runnerTemp, scope) {
    const known = await withScopeLock(runnerTemp, scope, () => loadJobContext(runnerTemp, scope));
    return known ?? newJobContext(scope);
}
/** The context of a job in which no checkpoint step of `scope` ran yet. */
function newJobContext(scope) {
    return { scope, events: [], lastStepEndedAt: '' };
}
/**
 * Changes the job's context under its scope's lock, on the newest version on disk (a step
 * running in parallel may have changed it since this one read it); `job` then holds the result.
 */
async function updateJobContext(runnerTemp, job, change) {
    await withScopeLock(runnerTemp, job.scope, async () => {
        const current = (await loadJobContext(runnerTemp, job.scope)) ?? job;
        change(current);
        await saveJobContext(runnerTemp, current);
        Object.assign(job, current);
    });
}
/** Appends a step's event and marks the end of the step, for the next one's duration. */
async function recordEvent(runnerTemp, job, event) {
    await updateJobContext(runnerTemp, job, current => {
        current.events.push(event);
        current.lastStepEndedAt = new Date().toISOString();
    });
}
/** The event of a node this step ran and checkpointed: its checkpoint and recorded duration. */
function ranEvent(document, node, reason) {
    const durationMs = document.nodes.find(record => record.id === node)?.durationMs;
    return {
        node,
        status: 'ran',
        reason,
        checkpoint: checkpointName(document),
        ...(durationMs === undefined ? {} : { durationMs })
    };
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/transport/run-context.ts


/** Reads the run context from the runner's environment, with local fallbacks. */
function readRunContext(env = process.env) {
    const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    return {
        workspace: (0,external_node_path_namespaceObject.resolve)(env.GITHUB_WORKSPACE ?? process.cwd()),
        runnerTemp: (0,external_node_path_namespaceObject.resolve)(env.RUNNER_TEMP ?? (0,external_node_os_namespaceObject.tmpdir)()),
        run: definedOnly({
            runId: env.GITHUB_RUN_ID ?? 'local',
            attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1,
            repository: env.GITHUB_REPOSITORY,
            workflow: env.GITHUB_WORKFLOW,
            job: env.GITHUB_JOB,
            sha: env.GITHUB_SHA,
            ref: env.GITHUB_REF
        }),
        repository: owner && name ? { owner, name } : undefined
    };
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

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

;// CONCATENATED MODULE: ./src/checkpoint/fingerprint.ts

/** The major version of the action, part of every fingerprint: a new major re-runs nodes. */
const fingerprint_ACTION_MAJOR = 'v1';
/** The parts in the order a mismatch is reported. */
const FINGERPRINT_PARTS = (/* unused pure expression or super */ null && (['key', 'command', 'shell', 'salt', 'version']));
/** Computes a fingerprint from what the step knows; empty parts are left out. */
function fingerprint_computeFingerprint(input) {
    const fingerprint = { version: fingerprint_ACTION_MAJOR };
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
function changedPart(recorded, current) {
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
function judgeNode(record, request) {
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
        ? { key: fingerprint.key, version: fingerprint.version ?? ACTION_MAJOR }
        : fingerprint;
    const digest = sha256Digest(canonicalJson({ scope, node, parts })).replace(/^sha256:/, '');
    return `checkpoint.${scope}.${node}.${digest}`;
}
/** The cache key a node guarded by hand has now, from its key in the restore input `keys`. */
function guardedCacheKey(scope, node, key) {
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

;// CONCATENATED MODULE: ./src/checkpoint/time-saved.ts

/**
 * How a node's recorded duration was measured: a `run` node records its command's own time (its
 * fingerprint holds the command); a `save` node records the time since the job's previous
 * checkpoint step ended, which may include steps that are not the node's work.
 */
function workOf(node) {
    return { durationMs: node.durationMs, measured: node.fingerprint?.command !== undefined };
}
/**
 * The time saved by not running `work` again: the one figure the notice, the job summary and the
 * demo give.
 */
function timeSaved(work) {
    const saved = { totalMs: 0, measuredMs: 0, estimatedMs: 0 };
    for (const { durationMs = 0, measured } of work) {
        saved.totalMs += durationMs;
        if (measured)
            saved.measuredMs += durationMs;
        else
            saved.estimatedMs += durationMs;
    }
    return saved;
}
const ESTIMATE = 'the time since the previous checkpoint step, which may include setup steps that run again anyway';
/** The figure in words: `about 1 min 05 s of work not repeated (...how it was measured)`. */
function describeTimeSaved(saved) {
    const figure = `about ${formatDuration(saved.totalMs)} of work not repeated`;
    if (saved.totalMs === 0)
        return figure;
    if (saved.estimatedMs === 0)
        return `${figure} (the commands' own time)`;
    if (saved.measuredMs === 0)
        return `${figure} (an estimate: ${ESTIMATE})`;
    return (`${figure} (${formatDuration(saved.measuredMs)} of command time, ` +
        `${formatDuration(saved.estimatedMs)} estimated as ${ESTIMATE})`);
}

;// CONCATENATED MODULE: ./src/action/summary-stop.ts
/**
 * The summary's last section: where the pipeline stopped and how to resume it. A run step's
 * failed or cancelled command is known; a failure in a step this action does not see is not
 * (a post step is not told the job's status), so the last node checkpointed is named instead.
 */
function renderStop(job, rows) {
    const stopped = rows.find(row => row.status === 'failed' || row.status === 'partial');
    const done = rows.filter(row => ['ran', 'stale', 'restored'].includes(row.status));
    const last = done[done.length - 1]?.node;
    if (!stopped && last === undefined)
        return [];
    const where = stopped
        ? stoppedAt(stopped)
        : `If this job failed, it stopped after node \`${last ?? ''}\`, the last one checkpointed: the step that failed is not one of checkpoint-action's.`;
    return ['#### Where it stopped, and how to resume', '', where, '', ...howToResume(job, last)];
}
function stoppedAt(row) {
    if (row.status === 'partial') {
        return `Stopped at node \`${row.node}\`: it was cancelled, and its progress is kept for the next attempt.`;
    }
    return `Stopped at node \`${row.node}\`: its command failed (${row.reason || 'see its log'}).`;
}
/** The two ways on: the same commit ("Re-run failed jobs"), or a fix in a new run. */
function howToResume(job, last) {
    const from = job.reuse?.from ?? ['attempts'];
    const kept = last === undefined ? 'the nodes checkpointed' : `the nodes up to \`${last}\``;
    const rerun = from.includes('attempts')
        ? `- Same commit: **Re-run failed jobs** on the run page; ${kept} are restored and skipped.`
        : `- Same commit: add \`attempts\` to the restore step's \`from\`, then **Re-run failed jobs**.`;
    const newRun = from.includes('runs')
        ? `- A fix in a new commit: push it; the new run's restore step (\`from: runs\`) takes each node whose key is unchanged.`
        : `- A fix in a new commit: set \`from: attempts, runs\` and \`keys\` on the restore step, so the new run takes each node whose key is unchanged.`;
    return [rerun, newRun];
}

;// CONCATENATED MODULE: ./src/action/summary.ts





/**
 * The nodes of the job in pipeline order: restored ones first (as restored, unless a step of
 * this job ran them again), then the ones this job ran.
 */
function summaryRows(job) {
    const rows = new Map();
    const restored = job.restored;
    for (const node of restored?.nodes ?? []) {
        const source = job.reuse?.sources[node.id] ?? `attempt ${node.attempt}`;
        rows.set(node.id, {
            node: node.id,
            status: 'restored',
            reason: 'done',
            ...workOf(node),
            where: source.startsWith('attempt ') ? `${source}, ${restored?.checkpoint ?? ''}` : source
        });
    }
    for (const event of job.events) {
        if (event.status === 'skipped' && rows.has(event.node))
            continue;
        rows.set(event.node, rowOf(event));
    }
    return [...rows.values()];
}
function rowOf(event) {
    const status = event.status === 'ran' && event.reason?.startsWith('stale:')
        ? 'stale'
        : event.status === 'save-failed'
            ? 'save failed'
            : event.status === 'skipped'
                ? 'restored'
                : event.status;
    return {
        node: event.node,
        status,
        reason: event.reason ?? '',
        durationMs: event.durationMs,
        measured: false,
        where: event.checkpoint ?? event.message ?? ''
    };
}
/** Work not repeated, in words: the recorded durations of the nodes restored and skipped. */
function workNotRepeated(rows) {
    return describeTimeSaved(timeSaved(rows.filter(row => row.status === 'restored')));
}
/** One line for a notice annotation, or undefined when nothing was resumed. */
function resumeNotice(job) {
    if (!job)
        return undefined;
    const skipped = summaryRows(job).filter(row => row.status === 'restored');
    if (skipped.length === 0)
        return undefined;
    return (`Resumed from ${origins(job, skipped)}: ${skipped.length} node(s) skipped ` +
        `(${skipped.map(row => row.node).join(', ')}), ${workNotRepeated(skipped)}.`);
}
/** Where the skipped nodes came from: `attempt 1`, or e.g. `run 1234 and the cache`. */
function origins(job, skipped) {
    const named = skipped.map(row => {
        const source = job.reuse?.sources[row.node] ?? row.where.split(',')[0] ?? '';
        return source === 'cache' ? 'the cache' : source;
    });
    return [...new Set(named)].join(' and ');
}
const STATUS_STYLE = {
    restored: 'fill:#ddf4ff,stroke:#0969da',
    ran: 'fill:#dafbe1,stroke:#1a7f37',
    stale: 'fill:#fff8c5,stroke:#9a6700',
    failed: 'fill:#ffebe9,stroke:#cf222e',
    partial: 'fill:#fbefff,stroke:#8250df',
    'save failed': 'fill:#ffebe9,stroke:#cf222e'
};
/** A Mermaid flowchart of the pipeline, each node coloured by its status. */
function renderMermaid(rows) {
    const lines = ['```mermaid', 'flowchart LR'];
    rows.forEach((row, index) => {
        const arrow = index > 0 ? `n${index - 1} --> ` : '';
        lines.push(`  ${arrow}n${index}["${row.node}<br/>${row.status}"]:::${classOf(row.status)}`);
    });
    for (const status of new Set(rows.map(row => row.status))) {
        lines.push(`  classDef ${classOf(status)} ${STATUS_STYLE[status]}`);
    }
    lines.push('```');
    return lines.join('\n');
}
function classOf(status) {
    return status.replace(' ', '_');
}
/**
 * The job summary of one scope: where the checkpoint came from, each node's status, reason,
 * duration and checkpoint, the work not repeated, and a flowchart of the pipeline.
 */
function renderSummary(job, scope) {
    const lines = [`### Checkpoints of \`${scope}\``, ''];
    if (!job)
        return [...lines, 'The restore step did not complete: see its log.', ''].join('\n');
    const rows = summaryRows(job);
    lines.push(headline(job, rows), '');
    if (rows.length === 0)
        return lines.join('\n');
    lines.push('| Node | Status | Reason | Duration | Checkpoint |', '| --- | --- | --- | --- | --- |');
    for (const row of rows) {
        lines.push(`| ${row.node} | ${row.status} | ${escapeCell(rowReason(row.reason))} | ${formatDuration(row.durationMs)} | ${escapeCell(row.where)} |`);
    }
    const sections = [renderMermaid(rows), renderReasons(job), renderStop(job, rows)];
    return [...lines, '', ...sections.flatMap(section => sectionLines(section)), ''].join('\n');
}
/** Why each node was or was not taken from another run or the cache, in plain words. */
function renderReasons(job) {
    const reasons = Object.entries(job.reuse?.reasons ?? {}).filter(([node]) => !(job.reuse?.sources[node] ?? '').startsWith('attempt '));
    if (reasons.length === 0)
        return [];
    const lines = ['Nodes looked for in other runs and the cache:', ''];
    for (const [node, reason] of reasons) {
        const source = job.reuse?.sources[node];
        const from = source ? ` from ${source === 'cache' ? 'the cache' : source}` : '';
        lines.push(`- \`${node}\`${from}: ${reasonInWords(reason)} (\`${reason}\`)`);
    }
    return lines;
}
function headline(job, rows) {
    const restored = job.restored;
    const skipped = rows.filter(row => row.status === 'restored').length;
    if (!restored) {
        if (skipped === 0)
            return 'No checkpoint to resume from: the pipeline ran from the beginning.';
        return `Resumed ${skipped} node(s) from ${origins(job, rows.filter(row => row.status === 'restored'))}, ${workNotRepeated(rows)}.`;
    }
    return (`Resumed from \`${restored.checkpoint}\` (attempt ${restored.attempt} of run ${restored.runId}): ` +
        `${skipped} node(s) skipped, ${workNotRepeated(rows)}.`);
}
/** A section of the summary and the blank line after it; nothing when it is empty. */
function sectionLines(section) {
    const lines = typeof section === 'string' ? [section] : section;
    return lines.length === 0 ? [] : [...lines, ''];
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
const ROW_REASONS = {
    done: 'done before',
    'not-done': 'not done before',
    'rerun-requested': 'asked to run again',
    partial: 'resumed its saved progress',
    cancelled: 'cancelled, its progress kept'
};
/** A row's reason code in plain words: `not-done` is "not done before". */
function rowReason(reason) {
    if (reason === '')
        return '';
    if (reason.startsWith('stale:'))
        return `its ${reason.slice('stale:'.length)} changed`;
    return ROW_REASONS[reason] ?? reasonInWords(reason);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/action/light-toolkit.ts



// The steps' one way to speak to the runner: the commands they use (inputs, outputs, state, log
// lines, groups, failure), written byte for byte as @actions/core writes them (its tests check
// both against each other).
// Loading @actions/core also loads its HTTP client, undici, for OIDC tokens no step asks for:
// 1 MB of bundle, about 90 ms of every step's start on Node 24.
/** An input as the runner passes it (`INPUT_<NAME>`), trimmed unless asked not to be. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
    return options.trimWhitespace === false ? value : value.trim();
}
/** A value the main step saved for its post step. */
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/** Sets a step output through the runner's output file. */
function setOutput(name, value) {
    if (!keyValueCommand('OUTPUT', name, value)) {
        process.stdout.write(EOL);
        issue('set-output', value, { name });
    }
}
/** Keeps a value for the step's post step, through the runner's state file. */
function saveState(name, value) {
    if (!keyValueCommand('STATE', name, value))
        issue('save-state', value, { name });
}
/**
 * Appends `name` and `value` to the runner's file for `command` (GITHUB_OUTPUT, GITHUB_STATE)
 * between fresh delimiters; false when the runner gave no such file. (A file the runner named
 * but did not make is made, where @actions/core throws.)
 */
function keyValueCommand(command, name, value) {
    const file = process.env[`GITHUB_${command}`] ?? '';
    if (file === '')
        return false;
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (value.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
    return true;
}
/** Masks a value in the log. */
function setSecret(value) {
    issue('add-mask', value);
}
function info(message) {
    process.stdout.write(`${message}${EOL}`);
}
function light_toolkit_notice(message) {
    issue('notice', message);
}
function warning(message) {
    issue('warning', message);
}
function debug(message) {
    issue('debug', message);
}
/** Fails the step: an error annotation, and exit code 1 once the step ends. */
function setFailed(message) {
    process.exitCode = 1;
    issue('error', message);
}
/** Folds the log lines that follow, up to {@link endGroup}, under `title`. */
function startGroup(title) {
    issue('group', title);
}
function endGroup() {
    issue('endgroup', '');
}
/** Appends Markdown to the job summary, when the runner gives a summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY ?? '';
    if (file === '')
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY');
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, 'utf8');
}
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/restore/post.ts






/**
 * The restore entry's post step: the job summary. It never fails the job. It moves no bytes, so
 * it runs without loading @actions/core.
 */
async function runRestorePost() {
    try {
        const scope = getState(RestoreState.Scope);
        if (!scope)
            return;
        const job = await loadJobContext(readRunContext().runnerTemp, scope, { base: false });
        appendSummary(renderSummary(job, scope));
        const notice = resumeNotice(job);
        if (notice)
            light_toolkit_notice(notice);
    }
    catch (error) {
        warning(`Could not write the checkpoint summary: ${describe(error)}`);
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(855);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
