import { FORBIDDEN_KEYS, type JsonValue } from '../src/checkpoint/state.js'

/**
 * A copy of a JSON value that a save accepts: each key state refuses (`__proto__`,
 * `constructor`, `prototype`, which fast-check's strings produce on purpose) gets a `_` in
 * front, at any depth. Other keys, `toString` and the like, are kept.
 */
export function withoutForbiddenKeys<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map(item => withoutForbiddenKeys(item)) as T
  if (value === null || typeof value !== 'object') return value
  const copy: Record<string, JsonValue> = {}
  for (const key of Object.keys(value)) {
    const name = FORBIDDEN_KEYS.has(key) ? `_${key}` : key
    Object.defineProperty(copy, name, {
      value: withoutForbiddenKeys(value[key] ?? null),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return copy as T
}
