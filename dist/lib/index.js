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
// The checkpoint model.
export { CHECKPOINT_KIND, SCHEMA_VERSION, digestOf, parseCheckpoint, refOf, sealCheckpoint, serializeCheckpoint } from './checkpoint/document.js';
export { canonicalJson, sha256Digest } from './checkpoint/canonical.js';
export { CheckpointCodec, ENCRYPTED_KIND, UntrustedCheckpointError } from './checkpoint/codec.js';
export { ID_PATTERN, ID_RULE, validateId } from './checkpoint/ids.js';
export { NAME_PREFIX, checkpointName, compareRefs, filesArchiveName, parseArtifactName, parseCheckpointName, sameRef } from './checkpoint/naming.js';
export { completedNodes } from './checkpoint/progress.js';
export { isJsonObject, mergeStates } from './checkpoint/state.js';
export { isSafeRelativePath, unsafePathReason } from './checkpoint/safe-paths.js';
// Errors: every one a CheckpointError whose message names the thing and the rule.
export { CheckpointError, CheckpointNotFoundError, CheckpointWriteError, CorruptCheckpointError, InvalidInputError, UnsupportedSchemaError } from './checkpoint/errors.js';
export { ArchiveIntegrityError } from './packing/packing-errors.js';
export { PathEscapeError } from './packing/place.js';
// Checkpoints in a local folder.
export { CheckpointManager, EXPORT_KIND } from './checkpoint/manager.js';
export { LocalDirectoryStore } from './offline/local-directory-store.js';
// Checkpoints downloaded from a run page: read, verify, compare, restore, export.
export { readCheckpointSource, MAX_DOCUMENT_BYTES } from './offline/read-source.js';
export { CheckpointSource, archivesOf } from './offline/source.js';
export { selectCheckpoint, documentOf } from './offline/select.js';
export { verifySource } from './offline/verify.js';
export { diffCheckpoints, isEmptyDiff } from './offline/diff.js';
export { restoreCheckpoint } from './offline/restore-checkpoint.js';
export { exportScope, importSource } from './offline/export-import.js';
export { IntegrityError, NotFoundError, UsageError } from './offline/offline-errors.js';
