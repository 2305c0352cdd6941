import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ox: () => (/* binding */ getCheckpointInputs),
/* harmony export */   pW: () => (/* binding */ getBoolean),
/* harmony export */   pd: () => (/* binding */ Input),
/* harmony export */   rP: () => (/* binding */ requiredId)
/* harmony export */ });
/* unused harmony exports getScope, getList, getInteger, getRetentionDays, getProtection */
/* harmony import */ var _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6285);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7339);
/* harmony import */ var _checkpoint_ids_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7388);



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
    const scope = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(Input.Scope) || env.GITHUB_JOB || 'default';
    return (0,_checkpoint_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .validateId */ .GZ)(Input.Scope, scope);
}
/** A list input: commas or new lines separate items; blank items are dropped. */
function getList(name) {
    return _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name)
        .split(/[\r\n,]/)
        .map(item => item.trim())
        .filter(item => item !== '');
}
/** A boolean input in the YAML 1.2 core schema's spellings; empty means `fallback`. */
function getBoolean(name, fallback) {
    const value = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    if (value === '')
        return fallback;
    if (/^(true|True|TRUE)$/.test(value))
        return true;
    if (/^(false|False|FALSE)$/.test(value))
        return false;
    throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC(name, value, 'must be true or false');
}
/** An integer input within [min, max]; empty means unset. */
function getInteger(name, min, max) {
    const value = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    if (value === '')
        return undefined;
    const number = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < min || number > max) {
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC(name, value, `must be a whole number from ${min} to ${max}`);
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
    _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(`Input 'retention-days' is ${days}, longer than this repository keeps artifacts (GITHUB_RETENTION_DAYS=${cap}): checkpoints are kept ${cap} days.`);
    return cap;
}
/** Reads the protection inputs and masks the keys in the log. */
function getProtection() {
    const signingKey = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(Input.SigningKey);
    const encryptionKey = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(Input.EncryptionKey);
    for (const key of [signingKey, encryptionKey])
        if (key !== '')
            _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(key);
    const token = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(Input.GithubToken) || process.env.GITHUB_TOKEN || '';
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
        key: _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(Input.Key),
        salt: _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(Input.Salt),
        protection: getProtection()
    };
}
/** A required node id input. @throws InvalidInputError when empty or not an id */
function requiredId(name, why) {
    const value = _light_toolkit_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
    if (value === '')
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC(name, value, `is required: ${why}`);
    return (0,_checkpoint_ids_js__WEBPACK_IMPORTED_MODULE_2__/* .validateId */ .GZ)(name, value);
}


/***/ }),

/***/ 827:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cx: () => (/* binding */ ranEvent),
/* harmony export */   FZ: () => (/* binding */ newJobContext),
/* harmony export */   Gm: () => (/* binding */ rememberRestore),
/* harmony export */   MG: () => (/* binding */ saveJobContext),
/* harmony export */   m9: () => (/* binding */ updateJobContext),
/* harmony export */   rm: () => (/* binding */ loadJobContext),
/* harmony export */   yM: () => (/* binding */ recordEvent)
/* harmony export */ });
/* unused harmony exports baseFileName, jobContextOrNew */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _checkpoint_document_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9465);
/* harmony import */ var _checkpoint_naming_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7108);
/* harmony import */ var _step_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4160);





const folderOf = _step_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .stepFolder */ .Do;
function contextFile(runnerTemp, scope) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(folderOf(runnerTemp), `${scope}.json`);
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
        const stored = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(contextFile(runnerTemp, scope), 'utf8'));
        const { baseFile, base: inline, ...rest } = stored;
        if (options.base === false || baseFile === undefined)
            return { ...rest, base: inline };
        if (!baseFile.startsWith(`${scope}.base.`) || /[/\\]/.test(baseFile))
            return undefined;
        const base = await readBase((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(folderOf(runnerTemp), baseFile));
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
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    const known = knownBases.get(file);
    if (known?.text === text)
        return known.document;
    const document = (0,_checkpoint_document_js__WEBPACK_IMPORTED_MODULE_2__/* .parseCheckpoint */ .S7)(text, file);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(folder, { recursive: true });
    const { base, ...rest } = context;
    const baseFile = base ? await writeBase(folder, context.scope, base) : undefined;
    const stored = baseFile ? { ...rest, baseFile } : rest;
    // Parallel steps of the job write here too: each its own temporary file.
    const temp = (0,_step_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .uniqueTemp */ .qA)(file);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temp, JSON.stringify(stored), 'utf8');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, file);
    await removeOtherBases(folder, context.scope, baseFile);
}
async function writeBase(folder, scope, base) {
    const name = baseFileName(scope, base);
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(folder, name);
    const there = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file).then(found => found.isFile(), () => false);
    if (!there) {
        const text = (0,_checkpoint_document_js__WEBPACK_IMPORTED_MODULE_2__/* .serializeCheckpoint */ .tf)(base);
        const temp = (0,_step_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .uniqueTemp */ .qA)(file);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temp, text, 'utf8');
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, file);
        rememberBase(file, text, base);
    }
    return name;
}
async function removeOtherBases(folder, scope, keep) {
    const prefix = `${scope}.base.`;
    for (const name of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(folder)) {
        // Only bases: a temporary file of another step's write is not one.
        if (name.startsWith(prefix) && name.endsWith('.json') && name !== keep) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(folder, name), { force: true });
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
            checkpoint: (0,_checkpoint_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpointName */ .s7)(newest),
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
    await (0,_step_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .withScopeLock */ .I1)(runnerTemp, job.scope, async () => {
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
        checkpoint: (0,_checkpoint_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpointName */ .s7)(document),
        ...(durationMs === undefined ? {} : { durationMs })
    };
}


/***/ }),

/***/ 6285:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony exports getState, appendSummary */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



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
        process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
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
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (value.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, 'utf8');
    return true;
}
/** Masks a value in the log. */
function setSecret(value) {
    issue('add-mask', value);
}
function info(message) {
    process.stdout.write(`${message}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
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
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/***/ }),

/***/ 4160:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Do: () => (/* binding */ stepFolder),
/* harmony export */   I1: () => (/* binding */ withScopeLock),
/* harmony export */   PW: () => (/* binding */ withNodeClaim),
/* harmony export */   qA: () => (/* binding */ uniqueTemp)
/* harmony export */ });
/* unused harmony exports claimNode, isAlive */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7339);




const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** The folder of the job's checkpoint files in RUNNER_TEMP. */
function stepFolder(runnerTemp) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(runnerTemp, 'checkpoint-action');
}
/** A name no other step (process) of the job uses for a temporary file next to `file`. */
function uniqueTemp(file) {
    return `${file}.${String(process.pid)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
}
/**
 * Runs `work` while holding the lock of `scope`, released after (also when it throws).
 * @throws Error naming the lock file when it stays held by a live process past the timeout
 */
async function withScopeLock(runnerTemp, scope, work, options = {}) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stepFolder(runnerTemp), `${scope}.lock`);
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
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stepFolder(runnerTemp), `${scope}.${node}.saving`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(stepFolder(runnerTemp), { recursive: true });
    const got = await tryAcquire(file, options.isAlive ?? isAlive);
    if (typeof got === 'function')
        return got;
    throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Node '${node}' of scope '${scope}' is being saved by another step of this job (process ${String(got)}) at the same time: steps that run in parallel must save different nodes. This save is refused; the other one goes on.`);
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(file, '..'), { recursive: true });
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
    const token = `${String(process.pid)} ${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')}`;
    const temp = uniqueTemp(file);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, token, 'utf8');
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
    }
}
async function linked(from, to) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(from, to);
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
        return Number.parseInt(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8'), 10);
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
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(file, aside);
    }
    catch {
        return; // gone already: the next try creates it
    }
    const holder = await holderOf(aside);
    if (holder !== undefined && alive(holder))
        await linked(aside, file);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(aside, { force: true });
}
async function releaseIfOurs(file, token) {
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8').catch(() => undefined);
    if (text === token)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(file, { force: true });
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


/***/ }),

/***/ 2864:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson),
/* harmony export */   s: () => (/* binding */ sha256Digest)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

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
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
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


/***/ }),

/***/ 870:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ decideNode)
/* harmony export */ });
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5542);

/**
 * Decides a node from what was restored and what its step knows now: done with a matching
 * fingerprint is skipped; everything else runs, and the reason says why.
 */
function decideNode(restored, node, fingerprint) {
    if (restored?.rerun.includes(node))
        return { skip: false, reason: 'rerun-requested' };
    const record = restored?.nodes.find(done => done.id === node);
    if (record) {
        const changed = (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_0__/* .changedPart */ .e1)(record.fingerprint, fingerprint);
        return changed
            ? { skip: false, reason: `stale:${changed}`, record }
            : { skip: true, reason: 'done', record };
    }
    const partial = restored?.partials.find(item => item.id === node);
    if (partial)
        return { skip: false, reason: 'partial', partial };
    return { skip: false, reason: 'not-done' };
}


/***/ }),

/***/ 9465:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H8: () => (/* binding */ refOf),
/* harmony export */   S7: () => (/* binding */ parseCheckpoint),
/* harmony export */   U8: () => (/* binding */ CHECKPOINT_KIND),
/* harmony export */   _6: () => (/* binding */ decodeUtf8),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION),
/* harmony export */   pB: () => (/* binding */ parseDocumentJson),
/* harmony export */   tb: () => (/* binding */ parseCheckpointValue),
/* harmony export */   tf: () => (/* binding */ serializeCheckpoint),
/* harmony export */   uP: () => (/* binding */ sealCheckpoint)
/* harmony export */ });
/* unused harmony exports MAX_DEPTH, digestOf, parseJson */
/* harmony import */ var _canonical_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2864);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7339);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7388);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7108);
/* harmony import */ var _safe_paths_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4708);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8699);






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
    const stateText = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(state)
        ? (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .stateJson */ .mE)(state)
        : (JSON.stringify(state) ?? 'null');
    return digestWithStateText(body, stateText);
}
/** {@link digestOf}, given the state's JSON text. */
function digestWithStateText(body, stateText) {
    const { digest: _digest, signature: _signature, state: _state, ...rest } = body;
    return (0,_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .s)((0,_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalJson */ .d)({ ...rest, stateDigest: (0,_canonical_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256Digest */ .s)(stateText) }));
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
function serializeCheckpoint(document) {
    const { state, ...envelope } = document;
    const text = JSON.stringify(envelope, null, 2);
    const stateText = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(state) ? (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .stateJson */ .mE)(state) : JSON.stringify(state);
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
            if ((0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(envelope) && Object.keys(envelope).length > 0) {
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, `not valid JSON (${error.message})`);
    }
}
/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
function decodeUtf8(bytes, source) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, 'not valid UTF-8');
    }
}
/** {@link parseCheckpoint} over an already parsed JSON value. */
function parseCheckpointValue(value, source, expected, stateText) {
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value) || value.kind !== CHECKPOINT_KIND) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, `not a checkpoint (no "kind": "${CHECKPOINT_KIND}")`);
    }
    const schema = value.schema;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, 'its "schema" is not a positive integer');
    }
    if (schema > SCHEMA_VERSION)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnsupportedSchemaError */ .lv(source, schema, SCHEMA_VERSION);
    // One walk, before anything else recurses over the value: its depth, and keys that a
    // consumer merging the restored state would turn into a prototype change.
    const scan = (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .scanJson */ .Ey)(value, MAX_DEPTH);
    if (scan.depth > MAX_DEPTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, `it nests deeper than ${MAX_DEPTH} levels`);
    }
    if (scan.forbidden) {
        const { key, path } = scan.forbidden;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, `it holds the key '${key}' at ${path}: ${_state_js__WEBPACK_IMPORTED_MODULE_4__/* .FORBIDDEN_KEY_RULE */ .XP}`);
    }
    const document = value;
    const problem = shapeProblem(document);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, problem);
    if (!digestMatches(document, stateText)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, 'its digest does not match its content');
    }
    if (expected && (0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpointName */ .s7)(expected) !== (0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpointName */ .s7)(document)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CorruptCheckpointError */ .MG(source, `its content is ${(0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .checkpointName */ .s7)(document)}`);
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
        (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .rememberStateJson */ .Lx)(document.state, stateText);
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
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(document.state))
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
        const unsafe = (0,_safe_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .unsafePathReason */ .m)(file.path);
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
    return typeof value === 'string' && _ids_js__WEBPACK_IMPORTED_MODULE_2__/* .ID_PATTERN */ .pw.test(value);
}
function isEntry(value) {
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value))
        return false;
    const entry = value;
    return (typeof entry.name === 'string' &&
        (0,_safe_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .unsafePathReason */ .m)(entry.name) === undefined &&
        isCount(entry.size) &&
        typeof entry.sha256 === 'string');
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isNodeRecord(value) {
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value))
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
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value))
        return false;
    const { state, links } = value;
    return isStringList(state) && (links === undefined || isStringList(links));
}
/** Replaced files may be placed again: they pass the same checks as the manifest's. */
function isReplaced(value) {
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value))
        return false;
    const { state, files } = value;
    if (state !== undefined && !(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(state))
        return false;
    if (files === undefined)
        return true;
    return (Array.isArray(files) &&
        files.every(file => isFileRecord(file) &&
            (0,_safe_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .unsafePathReason */ .m)(file.path) === undefined &&
            (file.link === undefined || linkProblem(file.path, file.link) === undefined)));
}
function isStringRecord(value) {
    return (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value) && Object.values(value).every(item => typeof item === 'string');
}
const RUN_TEXT_FIELDS = ['repository', 'workflow', 'job', 'sha', 'ref'];
function isRunInfo(value) {
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value))
        return false;
    const run = value;
    return (typeof run.runId === 'string' &&
        isCount(run.attempt) &&
        RUN_TEXT_FIELDS.every(field => run[field] === undefined || typeof run[field] === 'string'));
}
const PACKINGS = new Set(['zip-stored', 'zip-deflate', 'zip-encrypted']);
function isPartialRecord(value) {
    return isNodeRecord(value) && (0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value.state);
}
function isArchiveRecord(value) {
    return ((0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(value) &&
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
    if (!(0,_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isJsonObject */ .OW)(item))
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


/***/ }),

/***/ 7339:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MG: () => (/* binding */ CorruptCheckpointError),
/* harmony export */   MO: () => (/* binding */ CheckpointNotFoundError),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   jg: () => (/* binding */ CheckpointError),
/* harmony export */   lv: () => (/* binding */ UnsupportedSchemaError),
/* harmony export */   oC: () => (/* binding */ InvalidInputError),
/* harmony export */   q0: () => (/* binding */ describe)
/* harmony export */ });
/* unused harmony export CheckpointWriteError */
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
class InvalidInputError extends CheckpointError {
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
class ConfigurationError extends CheckpointError {
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


/***/ }),

/***/ 5542:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JY: () => (/* binding */ ACTION_MAJOR),
/* harmony export */   Yo: () => (/* binding */ computeFingerprint),
/* harmony export */   e1: () => (/* binding */ changedPart)
/* harmony export */ });
/* unused harmony export FINGERPRINT_PARTS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** The major version of the action, part of every fingerprint: a new major re-runs nodes. */
const ACTION_MAJOR = 'v1';
/** The parts in the order a mismatch is reported. */
const FINGERPRINT_PARTS = ['key', 'command', 'shell', 'salt', 'version'];
/** Computes a fingerprint from what the step knows; empty parts are left out. */
function computeFingerprint(input) {
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
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(value).digest('hex')}`;
}


/***/ }),

/***/ 7388:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ validateId),
/* harmony export */   pw: () => (/* binding */ ID_PATTERN),
/* harmony export */   ze: () => (/* binding */ caseCollision)
/* harmony export */ });
/* unused harmony export ID_RULE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7339);

/** Node ids and scopes: what artifact names, output names and file names can all carry. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The rule in words, as error messages state it. */
const ID_RULE = 'must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or digit';
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
function validateId(input, value) {
    if (!ID_PATTERN.test(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, value, ID_RULE);
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


/***/ }),

/***/ 7108:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HC: () => (/* binding */ packName),
/* harmony export */   Iu: () => (/* binding */ compareRefs),
/* harmony export */   PN: () => (/* binding */ parseCheckpointName),
/* harmony export */   TZ: () => (/* binding */ parseArtifactName),
/* harmony export */   fm: () => (/* binding */ parseAnyArtifactName),
/* harmony export */   jv: () => (/* binding */ filesArchiveName),
/* harmony export */   n6: () => (/* binding */ compareText),
/* harmony export */   oQ: () => (/* binding */ parsePackName),
/* harmony export */   s7: () => (/* binding */ checkpointName)
/* harmony export */ });
/* unused harmony exports NAME_PREFIX, sameRef */
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7388);

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
function checkpointName(ref) {
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
    json: checkpointName,
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
    if (!_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .ID_PATTERN */ .pw.test(scope) || !_ids_js__WEBPACK_IMPORTED_MODULE_0__/* .ID_PATTERN */ .pw.test(node))
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


/***/ }),

/***/ 4708:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ isSafeRelativePath),
/* harmony export */   m: () => (/* binding */ unsafePathReason)
/* harmony export */ });
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


/***/ }),

/***/ 8699:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A6: () => (/* binding */ parseStateText),
/* harmony export */   Ey: () => (/* binding */ scanJson),
/* harmony export */   Gv: () => (/* binding */ stateFromEntries),
/* harmony export */   Lx: () => (/* binding */ rememberStateJson),
/* harmony export */   OW: () => (/* binding */ isJsonObject),
/* harmony export */   TF: () => (/* binding */ stateProblem),
/* harmony export */   XP: () => (/* binding */ FORBIDDEN_KEY_RULE),
/* harmony export */   mE: () => (/* binding */ stateJson),
/* harmony export */   ti: () => (/* binding */ mergeStates),
/* harmony export */   tk: () => (/* binding */ overlayStates)
/* harmony export */ });
/* unused harmony exports MAX_STATE_DEPTH, FORBIDDEN_KEYS, nestingDepth */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7339);

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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, text, `line ${index + 1} ${JSON.stringify(line)}: ${STATE_RULE}`);
        }
        if (Object.hasOwn(state, key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, text, `line ${index + 1} repeats the key '${key}'`);
        }
        if (FORBIDDEN_KEYS.has(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, text, `line ${index + 1} has the key '${key}': ${FORBIDDEN_KEY_RULE}`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, text, `${STATE_RULE} (${error.message})`);
    }
    if (!isJsonObject(value))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, text, STATE_RULE);
    const problem = stateProblem(value);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(input, text, problem);
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


/***/ }),

/***/ 7851:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F$: () => (/* binding */ nativeLinkTarget),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   b8: () => (/* binding */ portableLinkTarget),
/* harmony export */   wG: () => (/* binding */ pathsOf),
/* harmony export */   yE: () => (/* binding */ toRelative)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7339);


/**
 * The path functions of the OS the step runs on: Windows' (drive letters, backslashes, names
 * compared ignoring case) or POSIX's. Every function here takes the platform, defaulting to this
 * process's, so that each OS's rules are tested on any machine.
 */
function pathsOf(platform = process.platform) {
    return platform === 'win32' ? (node_path__WEBPACK_IMPORTED_MODULE_0___default().win32) : (node_path__WEBPACK_IMPORTED_MODULE_0___default().posix);
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
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC(input, given, `must be inside the workspace ${workspace}`);
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


/***/ }),

/***/ 3536:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ getCacheInput)
/* harmony export */ });
/* unused harmony export CACHE_INPUT */
/* harmony import */ var _action_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1729);
/* harmony import */ var _transport_config_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3343);


/** The save and run entries' input that also keeps a keyed node's checkpoint in the cache. */
const CACHE_INPUT = 'cache';
/**
 * Whether to save keyed nodes to the Actions cache too: `cache`, by default true on GitHub
 * Enterprise Server (where the cache is the only store) and false elsewhere.
 * @throws InvalidInputError
 */
function getCacheInput(env = process.env) {
    return (0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .getBoolean */ .pW)(CACHE_INPUT, (0,_transport_config_js__WEBPACK_IMPORTED_MODULE_1__/* .isGhes */ .aT)(env));
}


/***/ }),

/***/ 9345:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _skip_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1650);

// A node done with the same fingerprint is skipped without loading the code that runs and saves
// a command (and @actions/core with its HTTP client): most steps of a re-run are skips.
const cheap = await (0,_skip_js__WEBPACK_IMPORTED_MODULE_0__/* .skipIfDone */ .r7)();
if (!cheap.skipped) {
    const { runRun } = await Promise.all(/* import() */[__nccwpck_require__.e(663), __nccwpck_require__.e(772)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8772));
    await runRun(cheap.job);
}
// The step is done: a socket the toolkit abandoned (a stalled upload) must not keep it alive.
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7560:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ getRunInputs)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7339);
/* harmony import */ var _checkpoint_state_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8699);
/* harmony import */ var _packing_workspace_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7851);
/* harmony import */ var _action_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1729);
/* harmony import */ var _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6285);
/* harmony import */ var _shell_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(2431);







/** Reads and validates the run entry's inputs. @throws InvalidInputError */
async function getRunInputs(workspace) {
    const node = (0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .requiredId */ .rP)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Node, 'name the node this command is');
    const run = (0,_action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Run, { trimWhitespace: false });
    if (run.trim() === '')
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Run, run, 'is required: give the command to run');
    return {
        node,
        run,
        ...(0,_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .getCheckpointInputs */ .ox)(),
        shell: await (0,_shell_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveShell */ .jQ)((0,_action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.Shell)),
        workingDirectory: await getFolder(workspace, (0,_action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.WorkingDirectory)),
        state: (0,_checkpoint_state_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStateText */ .A6)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.State, (0,_action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.State)),
        githubToken: (0,_action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_5__/* .getInput */ .V4)(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.GithubToken)
    };
}
async function getFolder(workspace, value) {
    const folder = (0,_packing_workspace_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .LI)(workspace, value === '' ? '.' : value, _action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.WorkingDirectory);
    const stats = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(folder).catch(() => undefined);
    if (!stats?.isDirectory()) {
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidInputError */ .oC(_action_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .Input */ .pd.WorkingDirectory, value, 'must be an existing folder in the workspace');
    }
    return folder;
}


/***/ }),

/***/ 7367:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ RunOutput)
/* harmony export */ });
/** Outputs of the run entry, as run/action.yml spells them. */
var RunOutput;
(function (RunOutput) {
    RunOutput["Skipped"] = "skipped";
    RunOutput["Reason"] = "reason";
    RunOutput["ExitCode"] = "exit-code";
    RunOutput["State"] = "state";
})(RunOutput || (RunOutput = {}));


/***/ }),

/***/ 2431:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ay: () => (/* binding */ commandLine),
/* harmony export */   jQ: () => (/* binding */ resolveShell),
/* harmony export */   r7: () => (/* binding */ scriptText)
/* harmony export */ });
/* unused harmony exports processHost, splitArguments, findProgram */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7339);




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
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidInputError */ .oC('shell', value, SHELL_RULE);
    }
    const windows = host.platform === 'win32';
    const missing = builtIn && osProblem(builtIn, command, windows);
    if (missing)
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidInputError */ .oC('shell', value, missing);
    const program = await findShellProgram(builtIn ? kind : command, host);
    if (!program) {
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidInputError */ .oC('shell', value, `'${command}' is not installed on this runner (not found on PATH)`);
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
function commandLine(shell, script) {
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
    const win = (node_path__WEBPACK_IMPORTED_MODULE_2___default().win32);
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
    const paths = windows ? (node_path__WEBPACK_IMPORTED_MODULE_2___default().win32) : (node_path__WEBPACK_IMPORTED_MODULE_2___default().posix);
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
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(file)).isFile())
            return false;
        // Windows has no executable bit: X_OK there only checks that the file exists.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 1650:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   iN: () => (/* binding */ skipDoneNode),
/* harmony export */   q5: () => (/* binding */ runFingerprint),
/* harmony export */   r7: () => (/* binding */ skipIfDone)
/* harmony export */ });
/* harmony import */ var _checkpoint_decision_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(870);
/* harmony import */ var _checkpoint_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5542);
/* harmony import */ var _checkpoint_state_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8699);
/* harmony import */ var _run_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7560);
/* harmony import */ var _run_outputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7367);
/* harmony import */ var _action_job_context_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(827);
/* harmony import */ var _transport_run_context_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3066);
/* harmony import */ var _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(6285);
/* harmony import */ var _resume_cache_input_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(3536);









/** What a `run` step's node is done with: its key, command, shell and salt. */
function runFingerprint(inputs) {
    return (0,_checkpoint_fingerprint_js__WEBPACK_IMPORTED_MODULE_1__/* .computeFingerprint */ .Yo)({
        key: inputs.key,
        command: inputs.run,
        shell: inputs.shell.name,
        salt: inputs.salt
    });
}
/**
 * The run entry's cheap path: a node that this job restored as done with the same fingerprint
 * is skipped without loading the code (and the toolkit) that runs and saves a command. Whatever
 * else happens (bad inputs, no job context yet, a node to run) is left to the full entry, which
 * reads everything again and reports it; the job context it found is handed on.
 * @returns whether the node was skipped, and the job context when one was read
 */
async function skipIfDone() {
    const context = (0,_transport_run_context_js__WEBPACK_IMPORTED_MODULE_6__/* .readRunContext */ .$)();
    let inputs;
    try {
        inputs = await (0,_run_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getRunInputs */ .B)(context.workspace);
        (0,_resume_cache_input_js__WEBPACK_IMPORTED_MODULE_8__/* .getCacheInput */ .H)();
    }
    catch {
        return { skipped: false };
    }
    const job = await (0,_action_job_context_js__WEBPACK_IMPORTED_MODULE_5__/* .loadJobContext */ .rm)(context.runnerTemp, inputs.scope);
    if (!job)
        return { skipped: false };
    const decision = (0,_checkpoint_decision_js__WEBPACK_IMPORTED_MODULE_0__/* .decideNode */ .z)(job.restored, inputs.node, runFingerprint(inputs));
    if (!decision.skip)
        return { skipped: false, job };
    try {
        _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH(_run_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .RunOutput */ .N.Reason, decision.reason);
        await skipDoneNode(inputs.node, job, context.runnerTemp);
    }
    catch (error) {
        const { reportFailure } = await __nccwpck_require__.e(/* import() */ 280).then(__nccwpck_require__.bind(__nccwpck_require__, 9280));
        reportFailure(error, inputs.failOnError);
    }
    return { skipped: true, job };
}
/**
 * Skips a node done with the same fingerprint, on the cheap path and the full one alike: says
 * where it was restored from (`source` when taken from another run or the cache), sets the
 * outputs of a skip and records it for the summary.
 */
async function skipDoneNode(node, job, runnerTemp, source) {
    _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq(`Node '${node}' is done with the same fingerprint (restored from ${source ?? job.restored?.checkpoint ?? ''}): skipped.`);
    _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH(_run_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .RunOutput */ .N.Skipped, 'true');
    _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH(_run_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .RunOutput */ .N.ExitCode, '');
    _action_light_toolkit_js__WEBPACK_IMPORTED_MODULE_7__/* .setOutput */ .uH(_run_outputs_js__WEBPACK_IMPORTED_MODULE_4__/* .RunOutput */ .N.State, (0,_checkpoint_state_js__WEBPACK_IMPORTED_MODULE_2__/* .stateJson */ .mE)(job.base?.state ?? {}));
    const event = { node, status: 'skipped', reason: 'done' };
    await (0,_action_job_context_js__WEBPACK_IMPORTED_MODULE_5__/* .recordEvent */ .yM)(runnerTemp, job, source === undefined ? event : { ...event, checkpoint: source });
}


/***/ }),

/***/ 3343:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ uploadSettings),
/* harmony export */   Dr: () => (/* binding */ assertArtifactsAvailable),
/* harmony export */   MU: () => (/* binding */ CALL_TIMEOUT_MS),
/* harmony export */   Xf: () => (/* binding */ serviceEndpoint),
/* harmony export */   aT: () => (/* binding */ isGhes),
/* harmony export */   cC: () => (/* binding */ CONNECT_TIMEOUT_MS),
/* harmony export */   k$: () => (/* binding */ IDLE_TIMEOUT_MS),
/* harmony export */   wP: () => (/* binding */ retrySettings),
/* harmony export */   y0: () => (/* binding */ apiUrl)
/* harmony export */ });
/* unused harmony exports CALL_DEADLINE_MS, STEP_RETRY_BUDGET_MS, RETRY_AFTER_CAP_MS, DEFAULT_UPLOAD_CONCURRENCY, DEFAULT_UPLOAD_STALL_MS, concurrencyCap, isEnterpriseServer */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7339);
/* harmony import */ var _service_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1964);



/** Each call's deadline: the official Twirp client's calls time out after 3 minutes. */
const CALL_DEADLINE_MS = 3 * 60_000;
/** A step gives up on a dead service within this long. */
const STEP_RETRY_BUDGET_MS = 5 * 60_000;
/** The longest Retry-After the action waits. */
const RETRY_AFTER_CAP_MS = 60_000;
/** A download that sends nothing for this long is abandoned (the official client's timer). */
const IDLE_TIMEOUT_MS = 30_000;
/**
 * A host that has not accepted the connection after this long is given up, as undici (behind
 * fetch, which the transport used before its own client) gives it up: the request never left.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** A Twirp or REST try that gets no answer this long is abandoned. */
const CALL_TIMEOUT_MS = 60_000;
/** Put Blocks in flight at once, unless ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY says otherwise. */
const DEFAULT_UPLOAD_CONCURRENCY = 4;
/** A Put Block without an answer this long is sent again (the toolkit's default). */
const DEFAULT_UPLOAD_STALL_MS = 5 * 60_000;
/** The retry settings; `CHECKPOINT_RETRY_SCALE` must be a number above 0, at most 10. */
function retrySettings(env = process.env) {
    const text = env.CHECKPOINT_RETRY_SCALE ?? '';
    const scale = text.trim() === '' ? 1 : Number(text);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`CHECKPOINT_RETRY_SCALE has an invalid value ${(0,_checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)}: it must be a number above 0 and at most 10`);
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
    const cap = concurrencyCap((0,node_os__WEBPACK_IMPORTED_MODULE_0__.cpus)().length);
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
        throw new _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${name} has an invalid value ${(0,_checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(text)}: it must be a whole number of at least 1`);
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
        throw new _service_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ServiceError */ ._7('ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set: checkpoints are stored as ' +
            'artifacts, which only a step of a GitHub Actions job can reach');
    }
    return { origin: new URL(url).origin, token };
}
/** @throws ArtifactsUnavailableError when the job runs on GitHub Enterprise Server */
function assertArtifactsAvailable(env = process.env) {
    const server = env.GITHUB_SERVER_URL ?? '';
    if (isEnterpriseServer(server))
        throw new _service_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ArtifactsUnavailableError */ .yI(new URL(server).host);
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


/***/ }),

/***/ 3066:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** Reads the run context from the runner's environment, with local fallbacks. */
function readRunContext(env = process.env) {
    const [owner, name] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    return {
        workspace: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.GITHUB_WORKSPACE ?? process.cwd()),
        runnerTemp: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.RUNNER_TEMP ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)()),
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


/***/ }),

/***/ 1964:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F9: () => (/* binding */ HttpStatusError),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   ws: () => (/* binding */ TransferInterruptedError),
/* harmony export */   yI: () => (/* binding */ ArtifactsUnavailableError)
/* harmony export */ });
/* harmony import */ var _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7339);

/** A GitHub service or blob storage could not be reached, or refused a call. */
class ServiceError extends _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg {
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
class HttpStatusError extends ServiceError {
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
class TransferInterruptedError extends ServiceError {
}
/**
 * The job runs where the artifact service does not exist: GitHub Enterprise Server. Not a failure
 * of the service: the step says so in a notice and goes on with the Actions cache alone.
 */
class ArtifactsUnavailableError extends _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg {
    host;
    constructor(host) {
        super(`GitHub Enterprise Server (${host}) has no artifact service: checkpoints are saved to and ` +
            'restored from the Actions cache only (nodes with a key); the other nodes run again.');
        this.host = host;
    }
}
/** GitHub's REST API answered with an error status. */
class GitHubApiError extends _checkpoint_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CheckpointError */ .jg {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 2327:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9345);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
