/** Node ids and scopes: what artifact names, output names and file names can all carry. */
export declare const ID_PATTERN: RegExp;
/** The rule in words, as error messages state it. */
export declare const ID_RULE = "must be 1-64 characters of letters, digits, \"_\" and \"-\", starting with a letter or digit";
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
export declare function validateId(input: string, value: string): string;
/**
 * Finds the id in `known` that equals `id` ignoring case but not exactly: workflow expressions
 * compare output names case-insensitively, so `done-Build` and `done-build` would collide.
 */
export declare function caseCollision(id: string, known: Iterable<string>): string | undefined;
