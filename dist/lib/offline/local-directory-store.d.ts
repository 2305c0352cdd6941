import type { CheckpointStore } from '../checkpoint/store.js';
/**
 * Checkpoints as files in one directory. Writes go to a temporary file that is flushed to disk
 * and renamed over the target, then the directory is flushed: a crash leaves the old file or the
 * new one, never half of one.
 */
export declare class LocalDirectoryStore implements CheckpointStore {
    readonly location: string;
    constructor(location: string);
    listNames(): Promise<string[]>;
    readText(name: string): Promise<string>;
    writeText(name: string, text: string): Promise<void>;
}
