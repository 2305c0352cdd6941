/**
 * Typed errors of the checkpoint domain. Each message names the thing (file, input, value) and
 * the rule, so a user can act on it without reading the source.
 */
/** Base class: every error this project raises on purpose. */
export class CheckpointError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A value broke a rule: a node id, a scope, a state document, an input. Never retried. */
export class InvalidInputError extends CheckpointError {
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
export class ConfigurationError extends CheckpointError {
}
/** The seed's "no write permission": the store's directory or file cannot be written. */
export class CheckpointWriteError extends CheckpointError {
    file;
    constructor(file, cause) {
        super(`Cannot write checkpoint ${file}: ${describe(cause)}`, { cause });
        this.file = file;
    }
}
/** The seed's "corrupt checkpoint file": unreadable JSON, a wrong shape or a digest mismatch. */
export class CorruptCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason, options) {
        super(`Checkpoint ${file} is corrupt: ${reason}`, options);
        this.file = file;
        this.reason = reason;
    }
}
/** A checkpoint written by a newer version of the action: refused, never half-read. */
export class UnsupportedSchemaError extends CheckpointError {
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
export class CheckpointNotFoundError extends CheckpointError {
    file;
    constructor(file) {
        super(`Checkpoint ${file} does not exist`);
        this.file = file;
    }
}
/** Shows a value in a message: quoted, control characters escaped, long values cut. */
export function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
}
/**
 * The message of anything thrown, Error or not, with its cause when the message leaves it out
 * (fetch says only "fetch failed"; its cause says "connect ECONNREFUSED ...").
 */
export function describe(error) {
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
