/**
 * Where checkpoint documents live. The manager needs only names (cheap) and texts (one at a
 * time), so a store over a directory, the run's artifacts or an export file all fit.
 */
export interface CheckpointStore {
    /** Where the store is, for messages: a directory, a run, a file. */
    readonly location: string;
    /** Names of every document in the store; reads no content. */
    listNames(): Promise<string[]>;
    /**
     * The text of one document.
     * @throws CheckpointNotFoundError when there is no such document
     */
    readText(name: string): Promise<string>;
    /**
     * Writes a document whole or not at all: a crash never leaves half of one behind.
     * @throws CheckpointWriteError when the store cannot be written
     */
    writeText(name: string, text: string): Promise<void>;
}
