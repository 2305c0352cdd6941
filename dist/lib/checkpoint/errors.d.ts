/**
 * Typed errors of the checkpoint domain. Each message names the thing (file, input, value) and
 * the rule, so a user can act on it without reading the source.
 */
/** Base class: every error this project raises on purpose. */
export declare class CheckpointError extends Error {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/** A value broke a rule: a node id, a scope, a state document, an input. Never retried. */
export declare class InvalidInputError extends CheckpointError {
    readonly input: string;
    readonly value: string;
    readonly rule: string;
    constructor(input: string, value: string, rule: string);
}
/**
 * A mistake in how the action is used that no retry can fix (two jobs sharing a scope, a secret
 * in the state): it fails the step whatever `fail-on-error` says, as an invalid input does.
 */
export declare class ConfigurationError extends CheckpointError {
}
/** The seed's "no write permission": the store's directory or file cannot be written. */
export declare class CheckpointWriteError extends CheckpointError {
    readonly file: string;
    constructor(file: string, cause: unknown);
}
/** The seed's "corrupt checkpoint file": unreadable JSON, a wrong shape or a digest mismatch. */
export declare class CorruptCheckpointError extends CheckpointError {
    readonly file: string;
    readonly reason: string;
    constructor(file: string, reason: string, options?: {
        cause?: unknown;
    });
}
/** A checkpoint written by a newer version of the action: refused, never half-read. */
export declare class UnsupportedSchemaError extends CheckpointError {
    readonly file: string;
    readonly schema: number;
    readonly supported: number;
    constructor(file: string, schema: number, supported: number);
}
/** The seed's "missing checkpoint". */
export declare class CheckpointNotFoundError extends CheckpointError {
    readonly file: string;
    constructor(file: string);
}
/** Shows a value in a message: quoted, control characters escaped, long values cut. */
export declare function quote(value: string): string;
/**
 * The message of anything thrown, Error or not, with its cause when the message leaves it out
 * (fetch says only "fetch failed"; its cause says "connect ECONNREFUSED ...").
 */
export declare function describe(error: unknown): string;
