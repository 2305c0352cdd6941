/**
 * JSON with object keys sorted at every depth and no white space: the same value always gives
 * the same bytes, so a digest over it does not depend on how the document was formatted.
 */
export declare function canonicalJson(value: unknown): string;
/** `sha256:<hex>` of a string (its UTF-8) or bytes, the form the artifact service uses too. */
export declare function sha256Digest(data: string | Uint8Array): string;
