/**
 * checkpoint-action as a library: the checkpoint model, `CheckpointManager` over a local
 * folder, and the reader of checkpoints downloaded from a run page that the CLI uses. It does
 * not load the Actions toolkit, so it runs anywhere Node 20 does.
 *
 * @example
 * ```ts
 * import { readCheckpointSource, verifySource } from 'checkpoint-action'
 *
 * const source = await readCheckpointSource('downloads/')
 * try {
 *   for (const found of source.checkpoints) console.log(found.name, source.status(found))
 *   console.log((await verifySource(source)).ok)
 * } finally {
 *   await source.close()
 * }
 * ```
 * @packageDocumentation
 */
export { CHECKPOINT_KIND, SCHEMA_VERSION, digestOf, parseCheckpoint, refOf, sealCheckpoint, serializeCheckpoint } from './checkpoint/document.js';
export type { ArchiveRecord, CheckpointBody, CheckpointDocument, FileRecord, NodeRecord, PartialRecord, RunInfo } from './checkpoint/document.js';
export type { Fingerprint, FingerprintPart } from './checkpoint/fingerprint.js';
export { canonicalJson, sha256Digest } from './checkpoint/canonical.js';
export { CheckpointCodec, ENCRYPTED_KIND, UntrustedCheckpointError } from './checkpoint/codec.js';
export type { CodecKeys } from './checkpoint/codec.js';
export { ID_PATTERN, ID_RULE, validateId } from './checkpoint/ids.js';
export { NAME_PREFIX, checkpointName, compareRefs, filesArchiveName, parseArtifactName, parseCheckpointName, sameRef } from './checkpoint/naming.js';
export type { CheckpointRef } from './checkpoint/naming.js';
export { completedNodes } from './checkpoint/progress.js';
export { describeTimeSaved, timeSaved, workOf } from './checkpoint/time-saved.js';
export type { TimeSaved, WorkNotRepeated } from './checkpoint/time-saved.js';
export { formatBytes, formatDuration } from './checkpoint/units.js';
export { isJsonObject, mergeStates } from './checkpoint/state.js';
export type { JsonValue, PipelineState } from './checkpoint/state.js';
export { isSafeRelativePath, unsafePathReason } from './checkpoint/safe-paths.js';
export { CheckpointError, CheckpointNotFoundError, CheckpointWriteError, CorruptCheckpointError, InvalidInputError, UnsupportedSchemaError } from './checkpoint/errors.js';
export { ArchiveIntegrityError } from './packing/packing-errors.js';
export { PathEscapeError } from './packing/place.js';
export { CheckpointManager, EXPORT_KIND } from './checkpoint/manager.js';
export type { CheckpointExport, ManagerOptions, SkippedCheckpoint } from './checkpoint/manager.js';
export type { CheckpointStore } from './checkpoint/store.js';
export { LocalDirectoryStore } from './offline/local-directory-store.js';
export { readCheckpointSource, MAX_DOCUMENT_BYTES } from './offline/read-source.js';
export type { ReadOptions } from './offline/read-source.js';
export { CheckpointSource, archivesOf } from './offline/source.js';
export type { CheckpointStatus, FoundArchive, FoundCheckpoint, SourceProblem } from './offline/source.js';
export { selectCheckpoint, documentOf } from './offline/select.js';
export { verifySource } from './offline/verify.js';
export type { VerifiedItem, VerifyReport } from './offline/verify.js';
export { diffCheckpoints, isEmptyDiff } from './offline/diff.js';
export type { CheckpointDiff, FileChange, StateChange } from './offline/diff.js';
export { restoreCheckpoint } from './offline/restore-checkpoint.js';
export type { RestoreOptions, RestoreResult } from './offline/restore-checkpoint.js';
export { exportScope, importSource } from './offline/export-import.js';
export type { ExportResult, ImportOptions, ImportResult } from './offline/export-import.js';
export { IntegrityError, NotFoundError, UsageError } from './offline/offline-errors.js';
