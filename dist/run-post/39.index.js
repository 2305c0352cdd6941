export const id = 39;
export const ids = [39];
export const modules = {

/***/ 1039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRunPost: () => (/* binding */ runRunPost)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
    process.stdout.write(`${message}${external_node_os_.EOL}`);
}
function notice(message) {
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
    appendFileSync(file, markdown, 'utf8');
}
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

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
class errors_ConfigurationError extends CheckpointError {
}
/** The seed's "no write permission": the store's directory or file cannot be written. */
class CheckpointWriteError extends CheckpointError {
    file;
    constructor(file, cause) {
        super(`Cannot write checkpoint ${file}: ${errors_describe(cause)}`, { cause });
        this.file = file;
    }
}
/** The seed's "corrupt checkpoint file": unreadable JSON, a wrong shape or a digest mismatch. */
class CorruptCheckpointError extends CheckpointError {
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
function errors_describe(error) {
    if (error instanceof Error) {
        const cause = error.cause instanceof Error ? errors_describe(error.cause) : '';
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
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(value).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/checkpoint/ids.ts

/** Node ids and scopes: what artifact names, output names and file names can all carry. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The rule in words, as error messages state it. */
const ID_RULE = 'must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or digit';
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
function ids_validateId(input, value) {
    if (!ID_PATTERN.test(value))
        throw new errors_InvalidInputError(input, value, ID_RULE);
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
    const parsed = naming_parseArtifactName(name);
    return parsed?.kind === 'json' ? parsed.ref : undefined;
}
/** Reads a document's or a files archive's name back; undefined for others (packs too). */
function naming_parseArtifactName(name) {
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

;// CONCATENATED MODULE: ./src/transport/service-errors.ts

/** A GitHub service or blob storage could not be reached, or refused a call. */
class service_errors_ServiceError extends CheckpointError {
    status;
    constructor(message, 
    /** The HTTP status of the last answer, when there was one. */
    status, options) {
        super(message, options);
        this.status = status;
    }
}
/**
 * A try answered with an error status. Its message reads after the call's name: "answered 503
 * (...)"; a 429 says "rate limited".
 */
class HttpStatusError extends service_errors_ServiceError {
    retryAfterMs;
    constructor(status, detail, 
    /** How long the answer's Retry-After asks to wait, when it says. */
    retryAfterMs) {
        const limited = status === 429 ? ', rate limited' : '';
        super(`answered ${status}${limited}${detail === '' ? '' : ` (${detail})`}`, status);
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * A transfer that broke or went quiet part-way (a body cut short, no data within the idle
 * timeout): the request may have reached the service, so only an idempotent one is sent again.
 */
class TransferInterruptedError extends service_errors_ServiceError {
}
/**
 * The job runs where the artifact service does not exist: GitHub Enterprise Server. Not a failure
 * of the service: the step says so in a notice and goes on with the Actions cache alone.
 */
class ArtifactsUnavailableError extends CheckpointError {
    host;
    constructor(host) {
        super(`GitHub Enterprise Server (${host}) has no artifact service: checkpoints are saved to and ` +
            'restored from the Actions cache only (nodes with a key); the other nodes run again.');
        this.host = host;
    }
}
/** GitHub's REST API answered with an error status. */
class service_errors_GitHubApiError extends CheckpointError {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}

;// CONCATENATED MODULE: ./src/action/failure.ts




/**
 * The one place an entry's failure is reported. Invalid inputs and configuration mistakes always
 * fail the step; service and I/O failures fail it only when the user asked (`fail-on-error`),
 * and otherwise warn, so a checkpoint problem never fails the user's job by surprise. Artifacts
 * that do not exist here (GitHub Enterprise Server) are no failure at all: a notice.
 */
function reportFailure(error, failOnError) {
    if (noticeIfUnavailable(error))
        return;
    const message = describe(error);
    if (error instanceof InvalidInputError || error instanceof ConfigurationError || failOnError) {
        core.setFailed(message);
        return;
    }
    core.warning(`${message} (the step goes on: set fail-on-error: true to fail it instead)`);
}
let unavailableNoticed = false;
/**
 * When `error` says the artifact service does not exist here (GitHub Enterprise Server), says
 * so in one notice per step (a run step meets it twice: reading checkpoints, then saving) and
 * returns true; false for any other error.
 */
function noticeIfUnavailable(error) {
    if (!(error instanceof ArtifactsUnavailableError))
        return false;
    if (!unavailableNoticed)
        notice(error.message);
    unavailableNoticed = true;
    return true;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts



/** Every input name, as action.yml spells it. */
var Input;
(function (Input) {
    Input["Node"] = "node";
    Input["State"] = "state";
    Input["StateFile"] = "state-file";
    Input["Paths"] = "paths";
    Input["Scope"] = "scope";
    Input["RetentionDays"] = "retention-days";
    Input["CompressionLevel"] = "compression-level";
    Input["FailOnError"] = "fail-on-error";
    Input["GithubToken"] = "github-token";
    Input["Rerun"] = "rerun";
    Input["RerunFrom"] = "rerun-from";
    Input["Reset"] = "reset";
    Input["Key"] = "key";
    Input["Salt"] = "salt";
    Input["AllowSecrets"] = "allow-secrets";
    Input["SigningKey"] = "signing-key";
    Input["EncryptionKey"] = "encryption-key";
    Input["Run"] = "run";
    Input["Shell"] = "shell";
    Input["WorkingDirectory"] = "working-directory";
})(Input || (Input = {}));
/** The scope input, defaulting to the job's id as GitHub names it. */
function getScope(env = process.env) {
    const scope = getInput(Input.Scope) || env.GITHUB_JOB || 'default';
    return ids_validateId(Input.Scope, scope);
}
/** A list input: commas or new lines separate items; blank items are dropped. */
function getList(name) {
    return getInput(name)
        .split(/[\r\n,]/)
        .map(item => item.trim())
        .filter(item => item !== '');
}
/** A boolean input in the YAML 1.2 core schema's spellings; empty means `fallback`. */
function getBoolean(name, fallback) {
    const value = getInput(name);
    if (value === '')
        return fallback;
    if (/^(true|True|TRUE)$/.test(value))
        return true;
    if (/^(false|False|FALSE)$/.test(value))
        return false;
    throw new errors_InvalidInputError(name, value, 'must be true or false');
}
/** An integer input within [min, max]; empty means unset. */
function getInteger(name, min, max) {
    const value = getInput(name);
    if (value === '')
        return undefined;
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
        throw new errors_InvalidInputError(name, value, `must be a whole number from ${min} to ${max}`);
    }
    return number;
}
/**
 * `retention-days` (1-90), capped at the repository's retention, which the runner passes as
 * `GITHUB_RETENTION_DAYS`: a longer one is lowered to it, with a notice, as the artifact client
 * lowers it (with a warning) rather than have the service refuse the upload.
 */
function getRetentionDays(env = process.env) {
    const days = getInteger(Input.RetentionDays, 1, 90);
    const text = (env.GITHUB_RETENTION_DAYS ?? '').trim();
    const cap = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (days === undefined || !Number.isSafeInteger(cap) || cap < 1 || days <= cap)
        return days;
    notice(`Input 'retention-days' is ${days}, longer than this repository keeps artifacts (GITHUB_RETENTION_DAYS=${cap}): checkpoints are kept ${cap} days.`);
    return cap;
}
/** Reads the protection inputs and masks the keys in the log. */
function getProtection() {
    const signingKey = getInput(Input.SigningKey);
    const encryptionKey = getInput(Input.EncryptionKey);
    for (const key of [signingKey, encryptionKey])
        if (key !== '')
            setSecret(key);
    const token = getInput(Input.GithubToken) || process.env.GITHUB_TOKEN || '';
    const secrets = [signingKey, encryptionKey, token, process.env.ACTIONS_RUNTIME_TOKEN ?? ''];
    return {
        signingKey,
        encryptionKey,
        allowSecrets: getBoolean(Input.AllowSecrets, false),
        secrets: secrets.filter(secret => secret !== '')
    };
}
/** Reads and validates the inputs of {@link CheckpointInputs}. @throws InvalidInputError */
function getCheckpointInputs() {
    return {
        scope: getScope(),
        paths: getList(Input.Paths),
        retentionDays: getRetentionDays(),
        compressionLevel: getInteger(Input.CompressionLevel, 0, 9),
        failOnError: getBoolean(Input.FailOnError, false),
        key: getInput(Input.Key),
        salt: getInput(Input.Salt),
        protection: getProtection()
    };
}
/** A required node id input. @throws InvalidInputError when empty or not an id */
function requiredId(name, why) {
    const value = toolkit.getInput(name);
    if (value === '')
        throw new InvalidInputError(name, value, `is required: ${why}`);
    return validateId(name, value);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
function canonicalJson(value) {
    if (value === undefined)
        return 'null';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(item => canonicalJson(item)).join(',')}]`;
    const record = value;
    const keys = Object.keys(record)
        .filter(key => record[key] !== undefined)
        .sort();
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
/** `sha256:<hex>` of a string (its UTF-8) or bytes, the form the artifact service uses too. */
function sha256Digest(data) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
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

;// CONCATENATED MODULE: ./src/checkpoint/safe-paths.ts
/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters (nor UNC paths, which start with a slash), no NUL.
 * Anything else could land outside the root, on some OS. With `platform` 'win32', a path about
 * to be written on Windows must also be one that Windows writes where it says: no name that
 * Windows trims (a trailing dot or space), no character it refuses or reads as a stream
 * (`a:b`), no device name (`CON`, `nul.txt`).
 */
function safe_paths_unsafePathReason(path, platform) {
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
    return safe_paths_unsafePathReason(path, platform) === undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/state.ts

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const STATE_RULE = 'must be a JSON object, or key=value lines (one per line, keys like my_key)';
/** True for a plain JSON object (not null, not an array). */
function isJsonObject(value) {
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
    if (!isJsonObject(value))
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
function stateJson(state) {
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
function state_stateFromEntries(entries) {
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
    const stateText = isJsonObject(state)
        ? stateJson(state)
        : (JSON.stringify(state) ?? 'null');
    return digestWithStateText(body, stateText);
}
/** {@link digestOf}, given the state's JSON text. */
function digestWithStateText(body, stateText) {
    const { digest: _digest, signature: _signature, state: _state, ...rest } = body;
    return sha256Digest(canonicalJson({ ...rest, stateDigest: sha256Digest(stateText) }));
}
/** Seals a body with its digest. */
function document_sealCheckpoint(body) {
    return { ...body, digest: digestOf(body) };
}
/** Separates the envelope, indented, from the state, compact and last, in a document's text. */
const STATE_MARKER = '\n  "state": ';
/**
 * The document as written to disk and uploaded: the envelope indented, so it opens well in an
 * editor, and the state compact and last, so a large state costs its own size, not twice it.
 */
function serializeCheckpoint(document) {
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
            if (isJsonObject(envelope) && Object.keys(envelope).length > 0) {
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
        throw new CorruptCheckpointError(source, `not valid JSON (${error.message})`);
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
    if (!isJsonObject(value) || value.kind !== CHECKPOINT_KIND) {
        throw new CorruptCheckpointError(source, `not a checkpoint (no "kind": "${CHECKPOINT_KIND}")`);
    }
    const schema = value.schema;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
        throw new CorruptCheckpointError(source, 'its "schema" is not a positive integer');
    }
    if (schema > SCHEMA_VERSION)
        throw new UnsupportedSchemaError(source, schema, SCHEMA_VERSION);
    // One walk, before anything else recurses over the value: its depth, and keys that a
    // consumer merging the restored state would turn into a prototype change.
    const scan = scanJson(value, MAX_DEPTH);
    if (scan.depth > MAX_DEPTH) {
        throw new CorruptCheckpointError(source, `it nests deeper than ${MAX_DEPTH} levels`);
    }
    if (scan.forbidden) {
        const { key, path } = scan.forbidden;
        throw new CorruptCheckpointError(source, `it holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`);
    }
    const document = value;
    const problem = shapeProblem(document);
    if (problem)
        throw new CorruptCheckpointError(source, problem);
    if (!digestMatches(document, stateText)) {
        throw new CorruptCheckpointError(source, 'its digest does not match its content');
    }
    if (expected && naming_checkpointName(expected) !== naming_checkpointName(document)) {
        throw new CorruptCheckpointError(source, `its content is ${naming_checkpointName(document)}`);
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
    if (!isJsonObject(document.state))
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
        const unsafe = safe_paths_unsafePathReason(file.path);
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
    return typeof value === 'string' && ID_PATTERN.test(value);
}
function isEntry(value) {
    if (!isJsonObject(value))
        return false;
    const entry = value;
    return (typeof entry.name === 'string' &&
        safe_paths_unsafePathReason(entry.name) === undefined &&
        isCount(entry.size) &&
        typeof entry.sha256 === 'string');
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isNodeRecord(value) {
    if (!isJsonObject(value))
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
    if (!isJsonObject(value))
        return false;
    const { state, links } = value;
    return isStringList(state) && (links === undefined || isStringList(links));
}
/** Replaced files may be placed again: they pass the same checks as the manifest's. */
function isReplaced(value) {
    if (!isJsonObject(value))
        return false;
    const { state, files } = value;
    if (state !== undefined && !isJsonObject(state))
        return false;
    if (files === undefined)
        return true;
    return (Array.isArray(files) &&
        files.every(file => isFileRecord(file) &&
            safe_paths_unsafePathReason(file.path) === undefined &&
            (file.link === undefined || linkProblem(file.path, file.link) === undefined)));
}
function isStringRecord(value) {
    return isJsonObject(value) && Object.values(value).every(item => typeof item === 'string');
}
const RUN_TEXT_FIELDS = ['repository', 'workflow', 'job', 'sha', 'ref'];
function isRunInfo(value) {
    if (!isJsonObject(value))
        return false;
    const run = value;
    return (typeof run.runId === 'string' &&
        isCount(run.attempt) &&
        RUN_TEXT_FIELDS.every(field => run[field] === undefined || typeof run[field] === 'string'));
}
const PACKINGS = new Set(['zip-stored', 'zip-deflate', 'zip-encrypted']);
function isPartialRecord(value) {
    return isNodeRecord(value) && isJsonObject(value.state);
}
function isArchiveRecord(value) {
    return (isJsonObject(value) &&
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
    if (!isJsonObject(item))
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




const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** The folder of the job's checkpoint files in RUNNER_TEMP. */
function stepFolder(runnerTemp) {
    return (0,external_node_path_.join)(runnerTemp, 'checkpoint-action');
}
/** A name no other step (process) of the job uses for a temporary file next to `file`. */
function uniqueTemp(file) {
    return `${file}.${String(process.pid)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
}
/**
 * Runs `work` while holding the lock of `scope`, released after (also when it throws).
 * @throws Error naming the lock file when it stays held by a live process past the timeout
 */
async function withScopeLock(runnerTemp, scope, work, options = {}) {
    const file = (0,external_node_path_.join)(stepFolder(runnerTemp), `${scope}.lock`);
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
    const file = (0,external_node_path_.join)(stepFolder(runnerTemp), `${scope}.${node}.saving`);
    await (0,promises_.mkdir)(stepFolder(runnerTemp), { recursive: true });
    const got = await tryAcquire(file, options.isAlive ?? isAlive);
    if (typeof got === 'function')
        return got;
    throw new errors_ConfigurationError(`Node '${node}' of scope '${scope}' is being saved by another step of this job (process ${String(got)}) at the same time: steps that run in parallel must save different nodes. This save is refused; the other one goes on.`);
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
    await (0,promises_.mkdir)((0,external_node_path_.join)(file, '..'), { recursive: true });
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
    const token = `${String(process.pid)} ${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`;
    const temp = uniqueTemp(file);
    await (0,promises_.writeFile)(temp, token, 'utf8');
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
        await (0,promises_.rm)(temp, { force: true });
    }
}
async function linked(from, to) {
    try {
        await (0,promises_.link)(from, to);
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
        return Number.parseInt(await (0,promises_.readFile)(file, 'utf8'), 10);
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
    const aside = uniqueTemp(`${file}.stale`);
    try {
        await (0,promises_.rename)(file, aside);
    }
    catch {
        return; // gone already: the next try creates it
    }
    const holder = await holderOf(aside);
    if (holder !== undefined && alive(holder))
        await linked(aside, file);
    await (0,promises_.rm)(aside, { force: true });
}
async function releaseIfOurs(file, token) {
    const text = await (0,promises_.readFile)(file, 'utf8').catch(() => undefined);
    if (text === token)
        await (0,promises_.rm)(file, { force: true });
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
    return (0,external_node_path_.join)(folderOf(runnerTemp), `${scope}.json`);
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
        const stored = JSON.parse(await (0,promises_.readFile)(contextFile(runnerTemp, scope), 'utf8'));
        const { baseFile, base: inline, ...rest } = stored;
        if (options.base === false || baseFile === undefined)
            return { ...rest, base: inline };
        if (!baseFile.startsWith(`${scope}.base.`) || /[/\\]/.test(baseFile))
            return undefined;
        const base = await readBase((0,external_node_path_.join)(folderOf(runnerTemp), baseFile));
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
    const text = await (0,promises_.readFile)(file, 'utf8');
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
    await (0,promises_.mkdir)(folder, { recursive: true });
    const { base, ...rest } = context;
    const baseFile = base ? await writeBase(folder, context.scope, base) : undefined;
    const stored = baseFile ? { ...rest, baseFile } : rest;
    // Parallel steps of the job write here too: each its own temporary file.
    const temp = uniqueTemp(file);
    await (0,promises_.writeFile)(temp, JSON.stringify(stored), 'utf8');
    await (0,promises_.rename)(temp, file);
    await removeOtherBases(folder, context.scope, baseFile);
}
async function writeBase(folder, scope, base) {
    const name = baseFileName(scope, base);
    const file = (0,external_node_path_.join)(folder, name);
    const there = await (0,promises_.stat)(file).then(found => found.isFile(), () => false);
    if (!there) {
        const text = serializeCheckpoint(base);
        const temp = uniqueTemp(file);
        await (0,promises_.writeFile)(temp, text, 'utf8');
        await (0,promises_.rename)(temp, file);
        rememberBase(file, text, base);
    }
    return name;
}
async function removeOtherBases(folder, scope, keep) {
    const prefix = `${scope}.base.`;
    for (const name of await (0,promises_.readdir)(folder)) {
        // Only bases: a temporary file of another step's write is not one.
        if (name.startsWith(prefix) && name.endsWith('.json') && name !== keep) {
            await (0,promises_.rm)((0,external_node_path_.join)(folder, name), { force: true });
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

;// CONCATENATED MODULE: ./src/transport/run-context.ts


/** Reads the run context from the runner's environment, with local fallbacks. */
function readRunContext(env = process.env) {
    const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    return {
        workspace: (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd()),
        runnerTemp: (0,external_node_path_.resolve)(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)()),
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
    if (!mayHoldSecrets(stateJson(state), secrets, allowShapes))
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

;// CONCATENATED MODULE: ./src/packing/workspace-paths.ts


/**
 * The path functions of the OS the step runs on: Windows' (drive letters, backslashes, names
 * compared ignoring case) or POSIX's. Every function here takes the platform, defaulting to this
 * process's, so that each OS's rules are tested on any machine.
 */
function pathsOf(platform = process.platform) {
    return platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
}
/** True when `target` is `root` or below it (both absolute and resolved). */
function isInside(root, target, platform = process.platform) {
    const paths = pathsOf(platform);
    const fromRoot = paths.relative(root, target);
    return (fromRoot === '' ||
        (!fromRoot.startsWith(`..${paths.sep}`) && fromRoot !== '..' && !paths.isAbsolute(fromRoot)));
}
/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it: `..`,
 * another absolute path, another drive, a UNC share.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
function resolveInside(workspace, given, input, platform = process.platform) {
    const absolute = pathsOf(platform).resolve(workspace, given);
    if (!isInside(workspace, absolute, platform)) {
        throw new errors_InvalidInputError(input, given, `must be inside the workspace ${workspace}`);
    }
    return absolute;
}
/** The workspace-relative form of an absolute path inside it, as checkpoints store it: `/`. */
function toRelative(workspace, absolute, platform = process.platform) {
    const fromWorkspace = pathsOf(platform).relative(workspace, absolute);
    return fromWorkspace.split(pathsOf(platform).sep).join('/');
}
/** A link's target as checkpoints store it: with `/` (Windows writes `\`). */
function portableLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\\/g, '/') : target;
}
/** A stored link target as the OS writes it: Windows' links need `\` to resolve. */
function nativeLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\//g, '\\') : target;
}

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
    const glob = await __webpack_require__.e(/* import() */ 660).then(__webpack_require__.bind(__webpack_require__, 3660));
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
    resolveInside(root, fixed === '' ? '.' : fixed, input, platform);
    const paths = pathsOf(platform);
    // The glob takes `/` and, on Windows, `\` between folders.
    const absolute = paths.isAbsolute(body) ? body : `${root}${paths.sep}${body}`;
    return negated ? `!${absolute}` : absolute;
}
/**
 * The path a checkpoint stores for a file the glob found: workspace-relative with `/`; one no
 * checkpoint could hold (a POSIX name with a backslash, say) is refused here, not on restore.
 */
function storedPath(root, absolute, input, platform = process.platform) {
    const path = toRelative(root, absolute, platform);
    const unsafe = safe_paths_unsafePathReason(path);
    if (unsafe) {
        throw new errors_InvalidInputError(input, path, `names a file whose path ${unsafe}: checkpoints store workspace paths with / between folders, the same on every OS`);
    }
    return path;
}
async function describeFile(root, absolute, options) {
    const { input } = options;
    const path = storedPath(root, absolute, input);
    if (!isInside(root, await options.realFolder((0,external_node_path_.dirname)(absolute)))) {
        throw new errors_InvalidInputError(input, path, 'lies under a link that leads outside the workspace');
    }
    // At once: one call per file, for thousands of files (small-io.ts says why).
    const stats = (0,external_node_fs_.lstatSync)(absolute);
    const mode = stats.mode & 0o777;
    if (stats.isSymbolicLink()) {
        const target = await (0,promises_.readlink)(absolute);
        if ((0,external_node_path_.isAbsolute)(target) || !isInside(root, (0,external_node_path_.resolve)((0,external_node_path_.dirname)(absolute), target))) {
            throw new errors_InvalidInputError(input, path, `is a link to ${target}, outside the workspace: links must stay inside it`);
        }
        const link = portableLinkTarget(target);
        if (link.includes('\\')) {
            throw new errors_InvalidInputError(input, path, `is a link to ${target}, whose backslash no checkpoint can store`);
        }
        return { path, absolute, size: 0, mode, mtime: stats.mtime, link };
    }
    return { path, absolute, size: stats.size, mode, mtime: stats.mtime };
}

;// CONCATENATED MODULE: ./src/transport/config.ts



/** Each call's deadline: the official Twirp client's calls time out after 3 minutes. */
const CALL_DEADLINE_MS = 3 * 60_000;
/** A step gives up on a dead service within this long. */
const STEP_RETRY_BUDGET_MS = 5 * 60_000;
/** The longest Retry-After the action waits. */
const RETRY_AFTER_CAP_MS = 60_000;
/** A download that sends nothing for this long is abandoned (the official client's timer). */
const config_IDLE_TIMEOUT_MS = 30_000;
/**
 * A host that has not accepted the connection after this long is given up, as undici (behind
 * fetch, which the transport used before its own client) gives it up: the request never left.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** A Twirp or REST try that gets no answer this long is abandoned. */
const config_CALL_TIMEOUT_MS = 60_000;
/** Put Blocks in flight at once, unless ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY says otherwise. */
const DEFAULT_UPLOAD_CONCURRENCY = 4;
/** A Put Block without an answer this long is sent again (the toolkit's default). */
const DEFAULT_UPLOAD_STALL_MS = 5 * 60_000;
/** The retry settings; `CHECKPOINT_RETRY_SCALE` must be a number above 0, at most 10. */
function retrySettings(env = process.env) {
    const text = env.CHECKPOINT_RETRY_SCALE ?? '';
    const scale = text.trim() === '' ? 1 : Number(text);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
        throw new errors_ConfigurationError(`CHECKPOINT_RETRY_SCALE has an invalid value ${quote(text)}: it must be a number above 0 and at most 10`);
    }
    return {
        scale,
        callDeadlineMs: CALL_DEADLINE_MS,
        stepBudgetMs: STEP_RETRY_BUDGET_MS,
        retryAfterCapMs: RETRY_AFTER_CAP_MS
    };
}
/**
 * `ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY` and `ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS`, read as
 * @actions/artifact 6.2.1 reads them (shared/config.js): a concurrency below 1 or not a number
 * is an error, one above the cap (32; 16 per CPU up to 300 on more than 4 CPUs) is lowered to it.
 * @throws ConfigurationError naming the variable, its value and the rule
 */
function uploadSettings(env = process.env) {
    const asked = positiveInteger(env, 'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY');
    const stallMs = positiveInteger(env, 'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS');
    const cap = concurrencyCap((0,external_node_os_.cpus)().length);
    const settings = {
        concurrency: Math.min(asked ?? DEFAULT_UPLOAD_CONCURRENCY, cap),
        stallMs: stallMs ?? DEFAULT_UPLOAD_STALL_MS
    };
    if (asked !== undefined && asked > cap)
        settings.concurrencyAsked = asked;
    return settings;
}
/** The toolkit's cap on blocks in flight for a machine with `cpuCount` CPUs. */
function concurrencyCap(cpuCount) {
    return cpuCount > 4 ? Math.min(16 * cpuCount, 300) : 32;
}
function positiveInteger(env, name) {
    const text = (env[name] ?? '').trim();
    if (text === '')
        return undefined;
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < 1) {
        throw new errors_ConfigurationError(`${name} has an invalid value ${quote(text)}: it must be a whole number of at least 1`);
    }
    return value;
}
/**
 * The artifact service's endpoint.
 * @throws ArtifactsUnavailableError on GitHub Enterprise Server, which has no artifact service
 * @throws ServiceError outside a job, where the runtime variables are unset
 */
function serviceEndpoint(env = process.env) {
    assertArtifactsAvailable(env);
    const url = env.ACTIONS_RESULTS_URL;
    const token = env.ACTIONS_RUNTIME_TOKEN;
    if (!url || !token) {
        throw new service_errors_ServiceError('ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set: checkpoints are stored as ' +
            'artifacts, which only a step of a GitHub Actions job can reach');
    }
    return { origin: new URL(url).origin, token };
}
/** @throws ArtifactsUnavailableError when the job runs on GitHub Enterprise Server */
function assertArtifactsAvailable(env = process.env) {
    const server = env.GITHUB_SERVER_URL ?? '';
    if (isEnterpriseServer(server))
        throw new ArtifactsUnavailableError(new URL(server).host);
}
/** Whether this job runs on GitHub Enterprise Server, which has no artifact service. */
function isGhes(env = process.env) {
    return isEnterpriseServer(env.GITHUB_SERVER_URL ?? '');
}
/**
 * Whether a `GITHUB_SERVER_URL` is a GitHub Enterprise Server, as @actions/artifact's isGhes
 * decides: any host but github.com, *.ghe.com (GHE.com data residency) and *.localhost. Unset
 * or unreadable means github.com.
 */
function isEnterpriseServer(serverUrl) {
    if (serverUrl.trim() === '')
        return false;
    let host;
    try {
        host = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return false;
    }
    return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}
/** The REST API's base URL, without a trailing slash. */
function apiUrl(env = process.env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/action/step-log.ts


/** The title of the group the step's details are folded in, while one is open. */
let openGroup;
/**
 * Folds what `work` logs into a `::group::` titled `title`, closed however the work ends: the
 * step's details stay one click away, and its one final line stands out below them.
 */
async function inGroup(title, work) {
    core.startGroup(title);
    openGroup = title;
    try {
        return await work();
    }
    finally {
        openGroup = undefined;
        core.endGroup();
    }
}
/**
 * A progress line of a long transfer, written outside the open group (which then goes on as
 * "(continued)"): a collapsed group must not hide that the step is moving.
 */
function logProgress(line) {
    if (openGroup === undefined) {
        info(line);
        return;
    }
    endGroup();
    info(line);
    startGroup(`${openGroup} (continued)`);
}
/** The end of a step's final line: `12 file(s), 3.4 GiB, in 41.2 s`. */
function movedInWords({ files, bytes, ms }) {
    return `${files} file(s), ${formatBytes(bytes)}, in ${formatDuration(ms)}`;
}
/** The step's log as the transport reports to it: lines, progress, and values masked. */
const stepLog = {
    info: line => {
        info(line);
    },
    progress: logProgress,
    mask: secret => {
        setSecret(secret);
    }
};

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
async function crypto_decryptFile(from, to, key) {
    const handle = await open(from, 'r');
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
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    const body = size === ENCRYPTION_OVERHEAD
        ? Readable.from([])
        : createReadStream(from, { start: NONCE_BYTES, end: size - TAG_BYTES - 1 });
    await pipeline(body, decipher, createWriteStream(to, { mode: 0o600 }));
}

;// CONCATENATED MODULE: ./src/checkpoint/codec.ts





/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
const ENCRYPTED_KIND = 'checkpoint-action/encrypted';
/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
class UntrustedCheckpointError extends CheckpointError {
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
class CheckpointCodec {
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
        const text = serializeCheckpoint(signed);
        if (!this.encryption)
            return text;
        const envelope = {
            kind: ENCRYPTED_KIND,
            schema: 1,
            ...refOf(document),
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
        let parsed = parseDocumentJson(text, source);
        if (isJsonObject(parsed.value) && parsed.value.kind === ENCRYPTED_KIND) {
            parsed = this.open(parsed.value, source);
        }
        const document = parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
        if (this.signing && !signatureMatches(document.digest, document.signature, this.signing)) {
            const reason = document.signature
                ? 'its signature does not match the signing key'
                : 'it is not signed';
            throw new UntrustedCheckpointError(source, reason);
        }
        return document;
    }
    open(envelope, source) {
        if (!this.encryption) {
            throw new UntrustedCheckpointError(source, 'it is encrypted: give the encryption key (input encryption-key, or CHECKPOINT_ENCRYPTION_KEY for the CLI)');
        }
        try {
            const plain = decryptBytes(Buffer.from(String(envelope.data), 'base64'), this.encryption);
            return parseDocumentJson(plain.toString('utf8'), source);
        }
        catch (error) {
            if (error instanceof CheckpointError)
                throw error;
            throw new UntrustedCheckpointError(source, 'it does not decrypt with the encryption key (wrong key, or changed bytes)');
        }
    }
}

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
    return { nodes: upsertNode(nodes, own), state: overlayStates(pipeline.state, state), files };
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
        const state = mergeStates(writer.replaced?.state ?? {}, state_stateFromEntries(values));
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
    return state_stateFromEntries(keys.map(key => [key, state[key] ?? null]));
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
        const id = naming_parseArtifactName(file.archive)?.ref.node;
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
    return stateFromEntries(values);
}
/**
 * The checkpoint with only the nodes `ids`: their state, files and archives, as if the other
 * nodes had never run. It keeps the checkpoint's name; partial progress is left out.
 */
function restrictTo(document, ids) {
    const pipeline = partsOf(document, new Set(ids)).reduce((built, part) => addPart(built, part), EMPTY);
    return sealCheckpoint({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline)
    });
}
/**
 * Adds the nodes of `part` (a checkpoint restricted to them, from another run or the cache) to
 * the job's checkpoint: their records, state and files win over what `base` has of them.
 */
function mergeInto(base, part) {
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
    return sealCheckpoint({
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
        kind: CHECKPOINT_KIND,
        schema: SCHEMA_VERSION,
        scope: result.scope,
        node: result.node,
        sequence,
        attempt: result.run.attempt,
        run: result.run,
        createdAt: now,
        ...(base ? { parent: naming_checkpointName(base) } : {}),
        ...pipeline,
        archives: archivesUsed(archives, pipeline)
    };
    if (result.partial)
        partials.push({ ...partialOf(record), state: result.state });
    return document_sealCheckpoint(partials.length > 0 ? { ...body, partials } : body);
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
        this.scope = ids_validateId('scope', options.scope ?? 'default');
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
        const name = typeof target === 'string' ? target : naming_checkpointName(target);
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
        ids_validateId('node', node);
        const problem = stateProblem(state);
        if (problem)
            throw new errors_InvalidInputError('state', JSON.stringify(state), problem);
        const base = await this.latestValid();
        const document = nextCheckpoint(base, {
            scope: this.scope,
            node,
            run: { ...this.run, attempt: Math.max(this.run.attempt, base?.attempt ?? 1) },
            state,
            ...extra
        });
        await this.store.writeText(naming_checkpointName(document), this.codec.encode(document));
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
            const name = naming_checkpointName(document);
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
async function meter_hashFile(path) {
    const meter = new ByteMeter();
    await pipeline(createReadStream(path), meter, discard());
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A sink for streams whose bytes only a meter needs. */
function discard() {
    return new Writable({
        write(_chunk, _encoding, callback) {
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/packing/packing-errors.ts

/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
class packing_errors_ArchiveIntegrityError extends CheckpointError {
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
function entryRefusal(archive, name, reason) {
    return new packing_errors_ArchiveIntegrityError(archive, `entry ${JSON.stringify(name)} ${reason}`);
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
function staged_path_stagedPath(staging, path) {
    const name = createHash('sha256').update(path, 'utf8').digest('hex').slice(0, 40);
    return join(staging, name.slice(0, 1), name.slice(1));
}
/**
 * Where a file is staged to be written: {@link stagedPath}, with its folder (and the staging
 * folder above it) made unless `made`, the folders made so far, kept by the caller, has it.
 */
function staged_path_makeStagedPath(staging, path, made) {
    const target = staged_path_stagedPath(staging, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
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
    if (!entry || unsafePathReason(entry.name)) {
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
        return lstatSync(path);
    }
    catch {
        return undefined;
    }
}
/** Where `folder` really is (links resolved), or undefined when it cannot be resolved. */
function realFolder(folder) {
    try {
        return realpathSync.native(folder);
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
        throw new errors_ConfigurationError(`File ${source.path} contains the job's token or a checkpoint key: it is not saved, since checkpoints can be downloaded by anyone who can read the run.`);
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
        const sha256 = sha256Digest(data);
        const packed = {
            crc: crc32(stored),
            compressed: body.length,
            size: data.length,
            sha256,
            stored: key
                ? { size: stored.length, sha256: sha256Digest(stored) }
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
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
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
async function http_request(url, options = {}) {
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
        timers.after(ms, () => new TransferInterruptedError(silence));
    }
    const idleMs = options.idleMs;
    if (idleMs !== undefined) {
        outgoing.setTimeout(idleMs, () => {
            timers.fail(new TransferInterruptedError(`got no data for ${idleMs / 1000} s`));
        });
    }
    outgoing.on('socket', socket => {
        // A socket the agent kept alive is connected already.
        if (!socket.connecting)
            return;
        const timer = timers.after(CONNECT_TIMEOUT_MS, connectTimeout);
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
    return Object.assign(new Error(`no connection within ${CONNECT_TIMEOUT_MS / 1000} s`), {
        code: CONNECT_TIMEOUT_CODE
    });
}
/**
 * The chunks of an answer's body as they arrive; one that ends before its last byte is an error.
 * The answer is destroyed when the reader stops early, so its connection is not reused half read.
 */
async function* http_bodyChunks(response) {
    try {
        for await (const chunk of response)
            yield chunk;
        if (!response.complete) {
            throw new TransferInterruptedError('the answer ended before its last byte');
        }
    }
    finally {
        response.destroy();
    }
}
/** An answer's whole body. */
async function http_readBody(response) {
    const chunks = [];
    for await (const chunk of http_bodyChunks(response))
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
/** An error answer as a {@link HttpStatusError}: its status, what its body says, its Retry-After. */
async function statusError(response) {
    const body = await http_readBody(response).catch(() => Buffer.alloc(0));
    return new HttpStatusError(response.statusCode ?? 0, detailOf(body.toString('utf8')) || (response.statusMessage ?? ''), retryAfterMs(response.headers['retry-after']));
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
const retry_SERVICE_CALLS = {
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
const retry_DOWNLOADS = { attempts: 5, waitMs: () => 5000 };
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
async function retry_withRetries(options, attempt) {
    const settings = retrySettings();
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
    if (error instanceof HttpStatusError && error.status !== undefined) {
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
    const interrupted = error instanceof TransferInterruptedError || (code !== undefined && MAYBE_SENT.has(code));
    if (!notSent && !interrupted)
        return undefined;
    return {
        error,
        outcome: `failed: ${errors_describe(error)}`,
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
    return new service_errors_ServiceError(`${what} ${failure.outcome}; ${end}`, failure.status, {
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
    return retry_withRetries({ what, log, policy: retry_DOWNLOADS }, async () => {
        const idleMs = config_IDLE_TIMEOUT_MS;
        const response = await http_request(url, { headers, redirected, idleMs, accept: [200] });
        const meter = new ByteMeter(Number.POSITIVE_INFINITY, undefined, progress);
        await (0,external_node_stream_promises_.pipeline)(http_bodyChunks(response), meter, (0,external_node_fs_.createWriteStream)(file, { mode: 0o644 }));
        return { size: meter.bytes, digest: meter.digest() };
    });
}
/**
 * A signed URL's body as it arrives, for a reader that consumes it on the way. Opening it is
 * retried (DOWNLOADS schedule); a body that breaks or stops for the idle timeout part-way is not:
 * the caller falls back to a whole download.
 */
async function* streamBody(url, options) {
    const open = () => request(url, { idleMs: IDLE_TIMEOUT_MS, accept: [200] });
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
        const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs);
        const response = await request(url, { headers, timeoutMs, accept: [200, 206] });
        const bytes = await readBody(response);
        if ((response.statusCode === 200 && start !== 0) || bytes.length !== end - start) {
            throw new ServiceError(`A ranged download answered ${String(response.statusCode)} with ${bytes.length} bytes, not ${end - start}`, response.statusCode);
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
    const settings = { ...uploadSettings(), ...options };
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
        await retry_withRetries({ what, policy: BLOB_UPLOADS, log }, async () => {
            const answer = await http_request(url, {
                method: 'PUT',
                headers,
                body,
                timeoutMs: stallMs,
                silence
            });
            // The status says the bytes are stored; what the body says after it changes nothing.
            await http_readBody(answer).catch(() => undefined);
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
            throw new GitHubApiError(0, `Refused to send the token to ${new URL(url).origin}, not the API`);
        }
        const retry = { what: `GitHub API: ${what}`, policy: SERVICE_CALLS, log: this.log };
        const page = await asApiError(withRetries(retry, async ({ remainingMs }) => {
            const timeoutMs = Math.min(CALL_TIMEOUT_MS, remainingMs);
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
        if (!(error instanceof ServiceError))
            throw error;
        if (error.status === undefined) {
            throw new ServiceError(`${error.message} (${url})`, undefined, { cause: error });
        }
        if ([401, 403, 404].includes(error.status))
            throw apiError(error.status, what);
        throw new GitHubApiError(error.status, `GitHub API: ${error.message}`);
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
    return new GitHubApiError(status, `GitHub API: ${what}: ${meaning}`);
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

;// CONCATENATED MODULE: ./src/checkpoint/units.ts
// Sizes, durations and rates as the log, the job summary and the CLI write them for people.
/** Bytes as people read them: `812 B`, `1.5 KiB`, `256.0 MiB`. */
function units_formatBytes(bytes) {
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
function units_formatDuration(ms) {
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
    const of = total > 0 ? ` of ${units_formatBytes(total)} (${percentOf(bytes, total)}%)` : '';
    return `${label}: ${units_formatBytes(bytes)}${of}, ${formatRate(bytesPerSecond)}`;
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
        throw new service_errors_ServiceError('ACTIONS_RUNTIME_TOKEN is not a readable JWT');
    }
    const scp = typeof claims.scp === 'string' ? claims.scp : '';
    for (const scope of scp.split(' ')) {
        const parts = scope.split(':');
        if (parts[0] === 'Actions.Results' && parts.length === 3) {
            return { runBackendId: parts[1] ?? '', jobBackendId: parts[2] ?? '' };
        }
    }
    throw new service_errors_ServiceError('ACTIONS_RUNTIME_TOKEN grants no Actions.Results scope');
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
        policy: retry_SERVICE_CALLS,
        idempotent: !NOT_IDEMPOTENT.has(method),
        ...(log ? { log } : {})
    };
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${endpoint.token}` };
    const payload = Buffer.from(JSON.stringify(body));
    return retry_withRetries(options, async ({ remainingMs }) => {
        const timeoutMs = Math.min(config_CALL_TIMEOUT_MS, remainingMs);
        const response = await http_request(url, { method: 'POST', headers, body: payload, timeoutMs });
        const text = (await http_readBody(response)).toString('utf8');
        try {
            return JSON.parse(text);
        }
        catch {
            // A proxy's page, or an answer cut short: tried again as the official client does, when
            // the call is safe to repeat.
            // Its text is not shown: a body cut short could hold half a signed URL, not yet masked.
            throw new TransferInterruptedError(`answered ${String(response.statusCode)} with ${text.length} characters that are not JSON`);
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
        this.endpoint = serviceEndpoint();
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
        throw new packing_errors_ArchiveIntegrityError(artifact.name, 'its bytes do not match the digest recorded at upload');
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
                this.stepLog.info(`Download of ${artifact.name} failed (${errors_describe(error)}); trying the REST API`);
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
            throw new service_errors_ServiceError(`The artifact service gave no download URL for ${artifact.name}`);
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
            throw new service_errors_ServiceError('No token or repository for the REST API');
        return downloadArtifact({ apiUrl: apiUrl(), token: lookup.token }, lookup, artifact.id, file, {
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
            this.upload = uploadSettings();
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
            throw new service_errors_ServiceError(`Artifact service FinalizeArtifact gave no artifact id for ${name} (${JSON.stringify(finalized)})`);
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
            throw new service_errors_ServiceError(`The artifact service gave no upload URL for ${name}`);
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
    const text = errors_describe(error);
    if (!/artifacts?\b.*\b(at most|limit|maximum|exceed)/i.test(text))
        return undefined;
    const limit = /at most (\d+) artifacts/i.exec(text)?.[1] ?? String(ARTIFACTS_PER_JOB);
    return new service_errors_ServiceError(`the artifact service allows at most ${limit} artifacts per job, and this job holds that many: ${name} was not uploaded (${text}). Earlier checkpoints stay restorable.`, error instanceof service_errors_ServiceError ? error.status : undefined, { cause: error });
}
/**
 * A Create or Finalize the service declined: `ok` is false or missing (proto3 JSON leaves a false
 * `ok` out), which the official client treats as a failure too.
 */
function assertOk(method, name, answer) {
    if (answer.ok !== true) {
        throw new service_errors_ServiceError(`Artifact service ${method} answered ok: false for ${name}`);
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
            throw new CheckpointNotFoundError(`${this.location}/${name}`);
        await (0,promises_.mkdir)(this.options.scratch, { recursive: true });
        const file = await this.artifacts.download(artifact, this.options.scratch);
        return decodeUtf8(await (0,promises_.readFile)(file), `${this.location}/${name}`);
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
        const parsed = parseAnyArtifactName(artifact.name);
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
        const parsed = parseAnyArtifactName(artifact.name);
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
        parseAnyArtifactName(record.name)?.kind === 'files');
}
function isSmall(record) {
    return record.size < PACKABLE_ARCHIVE_BYTES;
}
/** The artifact that holds an archive of this run: its pack, or its own. */
function packs_holderOf(record) {
    return record.pack ?? record.name;
}
/**
 * The artifacts of run `runId` holding the small archives of `archives`, oldest first (by the
 * checkpoint that wrote them: attempt, then sequence).
 */
function smallUnits(archives, runId) {
    const units = new Map();
    for (const record of archives.filter(item => isPackable(item, runId))) {
        const artifact = packs_holderOf(record);
        const unit = units.get(artifact) ?? { artifact, size: 0, archives: [] };
        unit.size += record.size;
        unit.archives.push(record);
        units.set(artifact, unit);
    }
    return [...units.values()].sort(byWriter);
}
function byWriter(a, b) {
    const refA = parseAnyArtifactName(a.artifact)?.ref;
    const refB = parseAnyArtifactName(b.artifact)?.ref;
    if (!refA || !refB)
        return compareText(a.artifact, b.artifact);
    return compareRefs(refA, refB);
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
        if (!parseAnyArtifactName(name)) {
            throw new packing_errors_ArchiveIntegrityError(name, 'its name is not one this action gives an artifact');
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
        throw new packing_errors_ArchiveIntegrityError(label, `not a pack (${error.message})`);
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
        throw new packing_errors_ArchiveIntegrityError(entry.name, 'its bytes in the pack do not match its digest');
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
    if (sha256Digest(bytes) !== archive.digest) {
        throw new packing_errors_ArchiveIntegrityError(archive.name, 'its bytes in the pack do not match its digest');
    }
    return bytes;
}
function archiveEntry(pack, name, archive) {
    const entry = pack.named.get(archive);
    if (!entry)
        throw new packing_errors_ArchiveIntegrityError(archive, `is not in ${name}`);
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
            throw new packing_errors_ArchiveIntegrityError(record.name, 'is in no pack');
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
            throw new packing_errors_ArchiveIntegrityError(record.name, 'its digest differs from the one recorded');
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
        const scope = parseAnyArtifactName(record.name)?.ref.scope;
        const packs = (await this.store.listArtifactNames())
            .map(name => ({ name, ref: parsePackName(name) }))
            .filter(item => item.ref !== undefined && item.ref.scope === scope)
            .sort((a, b) => compareRefs(b.ref, a.ref));
        for (const { name } of packs) {
            const { entries } = await this.pack(name);
            if (!entries.some(entry => entry.name === record.name))
                continue;
            try {
                return await this.fromPack(name, record);
            }
            catch (error) {
                if (!(error instanceof packing_errors_ArchiveIntegrityError))
                    throw error;
            }
        }
        throw new packing_errors_ArchiveIntegrityError(record.name, "is in none of this run's artifacts and packs");
    }
    /**
     * The checkpoint documents of `scope` retired into this run's packs, each with a reader of
     * its text: every pack of the scope is downloaded (a fallback past the separate documents).
     */
    async retiredDocuments(scope) {
        const found = new Map();
        const names = await this.store.listArtifactNames();
        for (const pack of names.filter(name => parsePackName(name)?.scope === scope)) {
            const { file, entries } = await this.pack(pack);
            for (const entry of entries) {
                if (parseCheckpointName(entry.name)?.scope !== scope || found.has(entry.name))
                    continue;
                const where = `${pack}!${entry.name}`;
                found.set(entry.name, async () => decodeUtf8(await readPackEntry(file, entry), where));
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
            throw new packing_errors_ArchiveIntegrityError(name, "is not among this run's artifacts");
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
    const pack = packName(document);
    const ownPacks = merged.filter(unit => isOwn(unit.artifact, context));
    const carried = await carriedDocuments(retiring, ownPacks, context);
    const members = [...(await archiveMembers(merged, context)), ...carried.members];
    if (members.length === 0)
        return { document };
    await upload(pack, packBytes(members));
    await context.copies.copies.recordPackDocuments(pack, carried.names);
    info(`Packed ${members.length - carried.names.length} small archive(s) and ${carried.names.length} retired checkpoint(s) into ${pack}.`);
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
            warning(`${name} is now inside ${plan.pack} but could not be deleted: ${errors_describe(error)}`);
        }
    }
}
/** The document with the merged archives recorded inside `pack`, sealed again. */
function inPack(document, merged, pack) {
    const inside = new Set(merged.flatMap(unit => unit.archives.map(item => item.name)));
    const archives = document.archives.map((record) => inside.has(record.name) ? { ...record, pack } : record);
    const { digest: _digest, signature: _signature, ...body } = document;
    return document_sealCheckpoint({ ...body, archives });
}
function isOwn(name, { store, artifacts }) {
    return store.artifact(name)?.jobBackendId === artifacts.jobBackendId;
}
/** This job's documents of the scope past the newest few, which the next pack retires. */
async function retiringDocuments(document, context) {
    const own = (await context.store.listArtifactNames())
        .filter(name => isOwn(name, context))
        .map(name => parseCheckpointName(name))
        .filter((ref) => ref?.scope === document.scope)
        .sort(compareRefs);
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
    const candidates = [...retiring, ...inPacks.flat().map(name => parseCheckpointName(name))]
        .filter((ref) => ref !== undefined)
        .sort(compareRefs);
    const kept = [];
    for (const ref of candidates) {
        if ((await copies.copies.text(naming_checkpointName(ref))) !== undefined)
            kept.push(naming_checkpointName(ref));
    }
    const names = [...new Set(kept)].slice(-DOCUMENTS_PER_PACK);
    const keptSet = new Set(kept);
    return {
        members: names.map(name => ({ name, file: copies.copies.path(name) })),
        names,
        // A retiring document without a kept text stays an artifact: nothing carries it.
        retired: retiring.map(naming_checkpointName).filter(name => keptSet.has(name))
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
    const codec = new CheckpointCodec(save.protection);
    const base = job.lastStepEndedAt ? job.base : await latestInRun(store, save.scope, codec);
    assertNoCaseCollision(save.node, base);
    const packing = packingContext(artifacts, store, request);
    const conflicts = (work) => orScopeConflict(work, save.scope, attempt);
    const { archive, packed } = await conflicts(packFiles(keepingCopy(packing, save), nextRef(save, attempt, base), request, codec));
    const next = nextCheckpoint(base, nodeResult(request, archive, packed));
    const upload = (name, bytes) => artifacts.uploadZip(name, bytes, { retentionDays: save.retentionDays });
    const { document, plan } = await conflicts(packBeforeCommit(next, archive?.name, packing, upload));
    const name = naming_checkpointName(document);
    const text = codec.encode(document);
    await conflicts(store.writeText(name, text));
    await packing.copies.copies.keepText(name, text);
    assertScopeOwned(await artifacts.list(), save.scope, attempt, artifacts.jobBackendId);
    if (plan)
        await deleteSuperseded(plan, artifacts);
    const what = save.partial ? 'progress of' : 'done:';
    info(`Saved ${name}: ${what} node '${save.node}', ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`);
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
    const collision = caseCollision(node, base?.nodes.map(done => done.id) ?? []);
    if (collision) {
        throw new errors_InvalidInputError('node', node, `differs only in case from the saved node '${collision}': node ids must be unique ignoring case`);
    }
}
async function latestInRun(store, scope, codec) {
    const manager = new CheckpointManager(store, { scope, codec });
    return manager.latestValid({
        onSkip: ({ ref, error }) => {
            warning(`Checkpoint ${naming_checkpointName(ref)} was passed over: ${error.message}`);
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
    const name = filesArchiveName(ref);
    const sealKey = codec.fileKey;
    const packing = await packingOf(regular, request.save.compressionLevel, sealKey);
    info(`Packing ${regular.length} file(s) into ${name} at zip level ${packing.level} (${packing.reason}).`);
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
        return { path, size: 0, sha256: sha256Digest(file.link), mode, link: file.link };
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
    return new errors_ConfigurationError(`Another job of this run already saves checkpoints of scope '${scope}' in attempt ${attempt}. ` +
        `Jobs must not share a scope: set the 'scope' input to something unique per job, ` +
        `e.g. scope: \${{ github.job }}-\${{ matrix.os }} in a matrix.`);
}
/** A 409 on one of our names means another job wrote it first: the same mistake. */
async function orScopeConflict(upload, scope, attempt) {
    try {
        return await upload;
    }
    catch (error) {
        const conflict = error instanceof service_errors_ServiceError ? error.status === 409 : /\(409\)/.test(errors_describe(error));
        if (conflict)
            throw scopeConflict(scope, attempt);
        throw error;
    }
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
        ? { key: fingerprint.key, version: fingerprint.version ?? fingerprint_ACTION_MAJOR }
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
    const codec = new CheckpointCodec(save.protection);
    const ref = nextRef(save, context.run.attempt, base);
    const packedFiles = await packFiles(bytesTo(zip), ref, request, codec);
    const key = cacheKey(save.scope, save.node, save.fingerprint);
    // The archive is kept in the cache under the node's key, when it has one.
    const archive = packedFiles.archive && key ? { ...packedFiles.archive, cache: key } : packedFiles.archive;
    const document = nextCheckpoint(base, nodeResult(request, archive, packedFiles.packed));
    info(`Checkpoint of node '${save.node}' built without artifacts (GitHub Enterprise Server): ${request.files.length} file(s), state keys [${Object.keys(document.state).join(', ')}].`);
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
        warning(`Input 'paths' matched no files (${paths.join(', ')}): the checkpoint holds state only.`);
    }
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)(context.runnerTemp, 'checkpoint-save-'));
    try {
        const request = { save, context, job, files, scratch, durationMs, startedAt: stepStartedAt() };
        const document = await withScopeLock(context.runnerTemp, save.scope, () => commit(request));
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
    const current = (await loadJobContext(context.runnerTemp, job.scope)) ?? job;
    const on = { ...request, job: current };
    // GHES has no artifacts: the checkpoint is kept in the cache only (save-to-cache.ts).
    const document = isGhes() ? await saveWithoutArtifacts(on) : await saveNode(on);
    current.base = document;
    // Marks the base as known: the next save extends it rather than searching the run.
    current.lastStepEndedAt ||= new Date().toISOString();
    await saveJobContext(context.runnerTemp, current);
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
    throw new errors_ConfigurationError(`State key '${found.key}' of node '${save.node}' holds ${found.kind}: checkpoints can be downloaded by anyone who can read the run, so it is not saved. Keep credentials in secrets${escape}.`);
}
/** When this step's process started: nodes saved since ran alongside this one. */
function stepStartedAt() {
    return new Date(Date.now() - process.uptime() * 1000);
}
function sinceLastStep(job) {
    return job.lastStepEndedAt ? Date.now() - Date.parse(job.lastStepEndedAt) : undefined;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/run/shell.ts




/** The runner's template for each built-in shell, and the OSes that have it. */
const BUILT_IN = {
    bash: { args: '--noprofile --norc -eo pipefail {0}' },
    sh: { args: '-e {0}', notOnWindows: true },
    python: { args: '{0}' },
    pwsh: { args: `-command ". '{0}'"` },
    powershell: { args: `-command ". '{0}'"`, windowsOnly: true },
    cmd: { args: '/D /E:ON /V:OFF /S /C "CALL "{0}""', windowsOnly: true }
};
/** The script's extension by the command's name, as the runner picks it (templates too). */
const EXTENSIONS = {
    bash: '.sh',
    sh: '.sh',
    python: '.py',
    pwsh: '.ps1',
    powershell: '.ps1',
    cmd: '.cmd'
};
const POWERSHELL_WRAP = {
    before: ["$ErrorActionPreference = 'stop'"],
    after: ['if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }']
};
const SHELL_RULE = 'must be bash, sh, python, pwsh, cmd or powershell (Windows), or a command line containing {0}, e.g. "perl {0}"';
/**
 * Resolves the `shell` input as GitHub's `shell:` works: a built-in name, or a command line
 * whose first word is the program and whose `{0}` is replaced by the script's path. The
 * program must be on PATH; `cmd` and `powershell` exist on Windows only, `sh` everywhere else.
 * @throws InvalidInputError for an unknown shell or one this runner does not have
 */
async function resolveShell(value, host = processHost()) {
    const name = value.trim() === '' ? 'bash' : value.trim();
    const spaceAt = name.search(/\s/);
    const command = spaceAt < 0 ? name : name.slice(0, spaceAt);
    const template = spaceAt < 0 ? '' : name.slice(spaceAt).trim();
    // The runner knows its shells by name whatever the case (`PowerShell`), as it picks extensions.
    const kind = command.toLowerCase();
    const builtIn = template === '' ? BUILT_IN[kind] : undefined;
    if (!builtIn && !template.includes('{0}')) {
        throw new errors_InvalidInputError('shell', value, SHELL_RULE);
    }
    const windows = host.platform === 'win32';
    const missing = builtIn && osProblem(builtIn, command, windows);
    if (missing)
        throw new errors_InvalidInputError('shell', value, missing);
    const program = await findShellProgram(builtIn ? kind : command, host);
    if (!program) {
        throw new errors_InvalidInputError('shell', value, `'${command}' is not installed on this runner (not found on PATH)`);
    }
    const args = builtIn?.args ?? template;
    return {
        name,
        program,
        args: windows ? [args] : splitArguments(args),
        windows,
        extension: EXTENSIONS[kind] ?? '',
        ...scriptWrap(kind)
    };
}
/** Why a built-in shell does not exist on this OS, if it does not. */
function osProblem(shell, command, windows) {
    if (shell.windowsOnly && !windows)
        return `'${command}' exists on Windows runners only`;
    if (shell.notOnWindows && windows) {
        return `'${command}' is not a shell on Windows runners: use bash (Git Bash)`;
    }
    return undefined;
}
function scriptWrap(kind) {
    if (kind === 'cmd')
        return { before: ['@echo off'], after: [] };
    if (kind === 'pwsh' || kind === 'powershell')
        return POWERSHELL_WRAP;
    return { before: [], after: [] };
}
/** This process as a {@link ShellHost}. */
function processHost() {
    return { platform: process.platform, env: process.env, isProgram: isProgramFile };
}
/** How to start a script: the program, its arguments, and whether they go verbatim. */
function shell_commandLine(shell, script) {
    // Every {0}, as the runner's string.Format does; a function, so `$&` in a path stays text.
    const args = shell.args.map(part => part.replaceAll('{0}', () => script));
    return { program: shell.program, args, verbatim: shell.windows };
}
/** The script file's text: the command between the lines GitHub adds, CRLF on Windows. */
function scriptText(shell, run) {
    const text = [...shell.before, run, ...shell.after].join('\n');
    return shell.windows ? text.replace(/\r?\n/g, '\r\n') : text;
}
/**
 * Splits a template into arguments as the runner's process start does on Linux and macOS:
 * at white space, except inside double quotes, which are removed.
 */
function splitArguments(text) {
    const args = [];
    let current;
    let quoted = false;
    for (const char of text) {
        if (char === '"') {
            quoted = !quoted;
            current ??= '';
        }
        else if (!quoted && /\s/.test(char)) {
            if (current !== undefined)
                args.push(current);
            current = undefined;
        }
        else {
            current = (current ?? '') + char;
        }
    }
    if (current !== undefined)
        args.push(current);
    return args;
}
/**
 * The program a shell name means on this OS: `python` falls back to `python3`; on Windows,
 * `cmd` is %ComSpec% and `bash` is Git Bash (never the WSL launcher in the Windows folder).
 */
async function findShellProgram(command, host) {
    const windows = host.platform === 'win32';
    if (windows && command === 'cmd') {
        const comSpec = envValue(host, 'ComSpec');
        if (comSpec && (await host.isProgram(comSpec)))
            return comSpec;
    }
    if (windows && command === 'bash')
        return findGitBash(host);
    const candidates = command === 'python' ? ['python', 'python3'] : [command];
    for (const candidate of candidates) {
        const found = await findProgram(candidate, host);
        if (found)
            return found;
    }
    return undefined;
}
async function findGitBash(host) {
    const win = (external_node_path_default()).win32;
    const systemRoot = (envValue(host, 'SystemRoot') ?? 'C:\\Windows').toLowerCase();
    const notWsl = (file) => {
        const folder = win.dirname(file).toLowerCase();
        return !folder.startsWith(systemRoot) && !folder.endsWith('\\windowsapps');
    };
    const onPath = await findProgram('bash', host, notWsl);
    if (onPath)
        return onPath;
    for (const root of ['ProgramFiles', 'ProgramW6432', 'ProgramFiles(x86)']) {
        const folder = envValue(host, root);
        if (!folder)
            continue;
        const file = win.join(folder, 'Git', 'bin', 'bash.exe');
        if (await host.isProgram(file))
            return file;
    }
    return undefined;
}
/**
 * Looks a program up as the runner does: in each PATH folder in order; on Windows with `;`
 * between folders and each PATHEXT extension tried (unless the name has one of them already).
 * A name with a folder in it is taken as it is.
 */
async function findProgram(name, host, accept = () => true) {
    const windows = host.platform === 'win32';
    const paths = windows ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    const names = windows ? withExtensions(name, envValue(host, 'PATHEXT')) : [name];
    const hasFolder = windows ? /[\\/]/.test(name) : name.includes('/');
    const folders = hasFolder
        ? ['']
        : (envValue(host, 'PATH') ?? '').split(windows ? ';' : ':').filter(folder => folder !== '');
    for (const folder of folders) {
        for (const candidate of names) {
            const file = folder === '' ? candidate : paths.join(folder, candidate);
            if (accept(file) && (await host.isProgram(file)))
                return file;
        }
    }
    return undefined;
}
const DEFAULT_PATHEXT = '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC';
function withExtensions(name, pathExt) {
    const extensions = (pathExt || DEFAULT_PATHEXT).split(';').filter(ext => ext !== '');
    const lower = name.toLowerCase();
    if (extensions.some(ext => lower.endsWith(ext.toLowerCase())))
        return [name];
    return extensions.map(ext => `${name}${ext.toLowerCase()}`);
}
/** An environment variable; on Windows, whatever the case of its name (`Path`, `PATH`). */
function envValue(host, name) {
    if (host.platform !== 'win32')
        return host.env[name];
    const key = Object.keys(host.env).find(item => item.toUpperCase() === name.toUpperCase());
    return key === undefined ? undefined : host.env[key];
}
async function isProgramFile(file) {
    try {
        if (!(await (0,promises_.stat)(file)).isFile())
            return false;
        // Windows has no executable bit: X_OK there only checks that the file exists.
        await (0,promises_.access)(file, external_node_fs_.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

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
    const { program, args, verbatim } = commandLine(options.shell, options.script);
    return spawn(program, args, {
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
    const problem = isJsonObject(value) ? stateProblem(value) : undefined;
    if (problem) {
        throw new errors_ConfigurationError(`The command of node '${node}' left a state in $CHECKPOINT_STATE_FILE that ${problem}: no checkpoint was written.`);
    }
    if (!isJsonObject(value)) {
        const head = JSON.stringify(text.slice(0, 80)) + (text.length > 80 ? '...' : '');
        throw new errors_ConfigurationError(`The command of node '${node}' left $CHECKPOINT_STATE_FILE holding ${head}, not a JSON object: no checkpoint was written.`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/run/post.ts













/**
 * The run entry's post step, which runs even when the job was cancelled: when the command did
 * not finish, the progress it wrote to `$CHECKPOINT_STATE_FILE` (and its `paths`) is saved as a
 * partial checkpoint, which the next attempt hands back to the command.
 */
async function runRunPost() {
    const status = getState(RunState.Status);
    if (status !== 'running' && status !== 'cancelled')
        return;
    const node = getState(RunState.Node);
    const scope = getState(RunState.Scope);
    const context = readRunContext();
    const failOnError = getBoolean(Input.FailOnError, false);
    try {
        await withNodeClaim(context.runnerTemp, scope, node, () => keepProgress(node, scope, context));
    }
    catch (error) {
        if (noticeIfUnavailable(error))
            return;
        const message = `Could not keep the progress of node '${node}': ${errors_describe(error)}`;
        if (failOnError)
            setFailed(message);
        else
            warning(message);
    }
}
/** Saves what an unfinished command left (its state file and `paths`) as a partial checkpoint. */
async function keepProgress(node, scope, context) {
    const progress = await readCommandState(getState(RunState.StateFile), node);
    const inputs = getCheckpointInputs();
    if (Object.keys(progress).length === 0 && inputs.paths.length === 0) {
        info(`Node '${node}' did not finish and recorded no progress: nothing to keep.`);
        return;
    }
    const job = await jobContextOrNew(context.runnerTemp, scope);
    const fingerprint = await commandFingerprint(inputs);
    const save = { ...inputs, scope, node, state: progress, fingerprint, partial: true };
    const saved = await checkpointNode(save, inputs.paths, context, job);
    const checkpoint = naming_checkpointName(saved.document);
    info(`Node '${node}' did not finish: its progress is kept in ${checkpoint} for the next attempt.`);
    await recordEvent(context.runnerTemp, job, {
        node,
        status: 'partial',
        reason: 'cancelled',
        checkpoint
    });
}
/** The whole fingerprint, as the run step computes it: progress crosses runs only with it. */
async function commandFingerprint(inputs) {
    const shell = await resolveShell(getInput(Input.Shell)).catch(() => undefined);
    return fingerprint_computeFingerprint({
        key: inputs.key,
        command: getInput(Input.Run, { trimWhitespace: false }),
        shell: shell?.name,
        salt: inputs.salt
    });
}


/***/ })

};
