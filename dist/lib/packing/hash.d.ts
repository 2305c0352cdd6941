/** `sha256:<hex>` of a file, streamed. */
export declare function hashFile(file: string): Promise<string>;
