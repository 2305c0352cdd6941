import { CheckpointError } from '../checkpoint/errors.js'

/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
export class ArchiveIntegrityError extends CheckpointError {
  constructor(
    readonly archive: string,
    readonly reason: string
  ) {
    super(`Archive ${archive} was refused: ${reason}`)
  }
}

/** A zip the streaming reader does not take; the caller falls back to reading it whole. */
export class UnstreamableZipError extends Error {}

/** The refusal of one entry of `archive`, named as the zip names it. */
export function entryRefusal(archive: string, name: string, reason: string): ArchiveIntegrityError {
  return new ArchiveIntegrityError(archive, `entry ${JSON.stringify(name)} ${reason}`)
}
