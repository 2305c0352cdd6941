import { CheckpointCodec } from '../checkpoint/codec.js';
import { CheckpointSource } from './source.js';
/** A checkpoint document larger than this is refused rather than read into memory. */
export declare const MAX_DOCUMENT_BYTES: number;
/** How to read a source. */
export interface ReadOptions {
    /**
     * Decrypts and checks signatures with the user's keys (the action's `encryption-key` and
     * `signing-key`); without one, encrypted checkpoints are listed as untrusted.
     */
    codec?: CheckpointCodec;
}
/**
 * Reads checkpoints as downloaded from a run page: a checkpoint document (plain JSON), a files
 * archive (a zip, named `<name>.zip` or `<name>`), a pack (`<name>.pack`, with or without
 * `.zip`: small archives and retired documents, each an entry named after its artifact), a zip
 * holding documents, archives or packs, a checkpoint export, a folder of those (one level of
 * subfolders too), or a folder a files archive was unzipped into (named after the archive).
 * Archives renamed on download are found by their size and digest; an archive is found by its
 * name wherever it lies, so a document written before its archive was packed finds it in a pack. Nothing is verified beyond the documents' own digests: that is
 * what `verifySource` does. Call `close()` on the result when done.
 * @throws NotFoundError when `path` does not exist; UsageError for a file that is none of these
 */
export declare function readCheckpointSource(path: string, options?: ReadOptions): Promise<CheckpointSource>;
