import { CheckpointError } from '../checkpoint/errors.js';
/** A command line the CLI cannot act on: unknown option, missing argument, bad value. */
export class UsageError extends CheckpointError {
}
/** Something the user named, or the source should hold, is not there. */
export class NotFoundError extends CheckpointError {
}
/** Bytes that do not match what was recorded for them (a verify that failed, a bad download). */
export class IntegrityError extends CheckpointError {
}
