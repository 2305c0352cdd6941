import { type Stats } from 'node:fs';
/** Files up to this size are read here, at once. */
export declare const SYNC_FILE: number;
/** The bytes of a small file, read at once (a failure rejects, as fs/promises would). */
export declare function readSmallFile(file: string): Promise<Buffer>;
/** What is at `path` (a link not followed), or undefined when nothing is. */
export declare function statIfAny(path: string): Stats | undefined;
/** Where `folder` really is (links resolved), or undefined when it cannot be resolved. */
export declare function realFolder(folder: string): string | undefined;
