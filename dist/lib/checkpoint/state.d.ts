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
/** The nesting depth of a JSON value, walked without recursion (deep values cannot overflow). */
export declare function nestingDepth(value: unknown, stopAbove?: number): number;
/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
export declare function mergeStates(...states: PipelineState[]): PipelineState;
