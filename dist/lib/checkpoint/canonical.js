import { createHash } from 'node:crypto';
/**
 * JSON with object keys sorted at every depth and no white space: the same value always gives
 * the same bytes, so a digest over it does not depend on how the document was formatted.
 */
export function canonicalJson(value) {
    if (value === undefined)
        return 'null';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(item => canonicalJson(item)).join(',')}]`;
    const record = value;
    const keys = Object.keys(record)
        .filter(key => record[key] !== undefined)
        .sort();
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
/** `sha256:<hex>` of a string or bytes, the form the artifact service uses too. */
export function sha256Digest(data) {
    return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}
