import { Transform, type TransformCallback } from 'node:stream';
/**
 * Counts and hashes the bytes that pass, and fails the stream with `onOverflow`'s error once
 * more than `limit` bytes went by: a size recorded in a manifest bounds what is ever written.
 */
export declare class ByteMeter extends Transform {
    private readonly limit;
    private readonly onOverflow;
    private readonly onBytes?;
    bytes: number;
    private readonly hash;
    constructor(limit?: number, onOverflow?: () => Error, onBytes?: ((bytes: number) => void) | undefined);
    _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void;
    /** `sha256:<hex>` of everything that passed; call once, at the end. */
    digest(): string;
}
/** The size and `sha256:<hex>` of a file, streamed. */
export declare function hashFile(path: string): Promise<{
    bytes: number;
    digest: string;
}>;
