/** A JSON value, as state holds it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | {
    [key: string]: JsonValue;
};
/** The pipeline's state: a JSON object. */
export type PipelineState = Record<string, JsonValue>;
/** True for a plain JSON object (not null, not an array). */
export declare function isJsonObject(value: unknown): value is PipelineState;
/**
 * Parses state as users write it in YAML: a JSON object, or `key=value` lines whose values are
 * strings. Blank lines are ignored; a repeated key is an error rather than a silent overwrite.
 * @param input the input's name, for the error message
 */
export declare function parseStateText(input: string, text: string): PipelineState;
/** How deep state may nest: a checkpoint adds two levels and is refused beyond 200. */
export declare const MAX_STATE_DEPTH = 198;
/**
 * Why a state may not be saved (a key of {@link FORBIDDEN_KEYS} at any depth, or nesting deeper
 * than {@link MAX_STATE_DEPTH}), or undefined: the one check of every state a save is given.
 */
export declare function stateProblem(state: PipelineState): string | undefined;
/**
 * Keys refused in state at any depth: code that assigns or merges a restored state
 * (`Object.assign(target, state)`, `target[key] = value`) would change an object's prototype
 * through them. JSON.parse keeps them as plain data; the checkpoint's consumers may not.
 */
export declare const FORBIDDEN_KEYS: ReadonlySet<string>;
/** Why a forbidden key is refused, for error messages. */
export declare const FORBIDDEN_KEY_RULE = "keys named __proto__, constructor or prototype are refused at any depth (merged into an object, they change its prototype)";
/** What one walk over a JSON value finds. */
export interface JsonScan {
    /** The nesting depth, counted up to `stopAbove` + 1 (see {@link nestingDepth}). */
    depth: number;
    /** The first of {@link FORBIDDEN_KEYS} met, and its path: `config.constructor`, `list[2].__proto__`. */
    forbidden?: {
        key: string;
        path: string;
    } | undefined;
}
/**
 * Walks a JSON value once: its nesting depth and its first forbidden key. The save side checks
 * what users give as state with it, the restore side every document it reads.
 */
export declare function scanJson(value: unknown, stopAbove: number): JsonScan;
/**
 * The nesting depth of a JSON value, counted up to `stopAbove` + 1: deeper values are not walked
 * further, so the recursion never goes more than `stopAbove` + 1 calls deep, however deep the
 * value. One pass without allocation: a 50 MB state takes tens of milliseconds.
 */
export declare function nestingDepth(value: unknown, stopAbove: number): number;
/**
 * `JSON.stringify(state)`, computed once per state object: the digest, the document, the
 * outputs and the job context all use the same text. States are never changed once built
 * (every merge makes a new object), so the text stays true to the object.
 */
export declare function stateJson(state: PipelineState): string;
/**
 * Records `text` as the JSON of `state`, when the caller knows that `JSON.stringify(state)`
 * gives exactly it (e.g. a digest over the text matched one computed over the stringified
 * state), so it is not serialized again.
 */
export declare function rememberStateJson(state: PipelineState, text: string): void;
/**
 * {@link mergeStates} of two states, or the one that is not empty as it is (no copy, and its
 * JSON text, when known, is kept).
 */
export declare function overlayStates(under: PipelineState, over: PipelineState): PipelineState;
/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
export declare function mergeStates(...states: PipelineState[]): PipelineState;
/**
 * A state of these keys and values, in their order, a later value of a key winning. Keys are
 * defined as in {@link mergeStates}, so a key named `__proto__` stays data.
 */
export declare function stateFromEntries(entries: Iterable<readonly [string, JsonValue]>): PipelineState;
