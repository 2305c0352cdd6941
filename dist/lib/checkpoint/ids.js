import { InvalidInputError } from './errors.js';
/** Node ids and scopes: what artifact names, output names and file names can all carry. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The rule in words, as error messages state it. */
export const ID_RULE = 'must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or digit';
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
export function validateId(input, value) {
    if (!ID_PATTERN.test(value))
        throw new InvalidInputError(input, value, ID_RULE);
    return value;
}
/**
 * Finds the id in `known` that equals `id` ignoring case but not exactly: workflow expressions
 * compare output names case-insensitively, so `done-Build` and `done-build` would collide.
 */
export function caseCollision(id, known) {
    const folded = id.toLowerCase();
    for (const other of known) {
        if (other !== id && other.toLowerCase() === folded)
            return other;
    }
    return undefined;
}
