import { InvalidInputError } from './errors.js';
const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const STATE_RULE = 'must be a JSON object, or key=value lines (one per line, keys like my_key)';
/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses state as users write it in YAML: a JSON object, or `key=value` lines whose values are
 * strings. Blank lines are ignored; a repeated key is an error rather than a silent overwrite.
 * @param input the input's name, for the error message
 */
export function parseStateText(input, text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return parseJsonObject(input, trimmed);
    const state = {};
    for (const [index, rawLine] of trimmed.split(/\r?\n/).entries()) {
        const line = rawLine.trim();
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const key = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!KEY_PATTERN.test(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} ${JSON.stringify(line)}: ${STATE_RULE}`);
        }
        if (Object.hasOwn(state, key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} repeats the key '${key}'`);
        }
        defineKey(state, key, line.slice(equals + 1).trim());
    }
    return state;
}
function parseJsonObject(input, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new InvalidInputError(input, text, `${STATE_RULE} (${error.message})`);
    }
    if (!isJsonObject(value))
        throw new InvalidInputError(input, text, STATE_RULE);
    return value;
}
/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
export function mergeStates(...states) {
    const merged = {};
    for (const state of states) {
        for (const key of Object.keys(state))
            defineKey(merged, key, state[key] ?? null);
    }
    return merged;
}
function defineKey(target, key, value) {
    Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
    });
}
