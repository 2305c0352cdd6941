import { CheckpointError } from '../checkpoint/errors.js';
/** The CLI's exit codes, as `checkpoint-action --help` documents them. */
export declare const ExitCode: {
    /** Everything asked for was done. */
    readonly Ok: 0;
    /** A source, checkpoint, node, archive, run or repository that does not exist. */
    readonly NotFound: 1;
    /** A bad command line or an input this version cannot read. */
    readonly Usage: 2;
    /**
     * A digest mismatch, a truncated or hostile archive, a path or link leaving the target, a
     * checkpoint that is not signed with the signing key or does not decrypt.
     */
    readonly Integrity: 3;
    /** Anything else: the network, GitHub's API, the disk. */
    readonly Failure: 4;
};
/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
/** A command line the CLI cannot act on: unknown option, missing argument, bad value. */
export declare class UsageError extends CheckpointError {
}
/** Something the user named, or the source should hold, is not there. */
export declare class NotFoundError extends CheckpointError {
}
/** Bytes that do not match what was recorded for them (a verify that failed, a bad download). */
export declare class IntegrityError extends CheckpointError {
}
/** GitHub's REST API answered with an error status. */
export declare class GitHubApiError extends CheckpointError {
    readonly status: number;
    constructor(status: number, message: string);
}
/** The exit code of anything a command throws: the one place errors meet exit codes. */
export declare function exitCodeOf(error: unknown): ExitCode;
