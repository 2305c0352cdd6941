import { stateJson, type JsonValue, type PipelineState } from './state.js'

/** Shapes of credentials that must not end up in a checkpoint anyone with read access can download. */
const CREDENTIAL_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/ },
  { name: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/ },
  { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ }
]

/**
 * The same shapes without their word boundaries, searched in the state's JSON text before any
 * value is visited: every string a pattern above matches holds a match of its loose form, whose
 * characters JSON never escapes, so no text match means no finding, at the cost of one pass
 * over the text instead of a walk over every value.
 */
const LOOSE_SHAPES =
  /(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20}|github_pat_[A-Za-z0-9_]{20}|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----|(?:AKIA|ASIA)[0-9A-Z]{16}/

/** A credential found in state: where, and what it looks like. */
export interface SecretFinding {
  /** The state key, dotted for nested keys: `auth.token`, `hosts[2]`. */
  key: string
  kind: string
}

/**
 * Finds values in a state that are credentials: the exact `known` secrets (the job's token, the
 * signing and encryption keys) always, and values shaped like tokens or keys unless `allowShapes`.
 */
export function findSecrets(
  state: PipelineState,
  known: string[],
  allowShapes = false
): SecretFinding | undefined {
  const secrets = known.filter(secret => secret.length >= 8)
  if (!mayHoldSecrets(stateJson(state), secrets, allowShapes)) return undefined
  const visit = (value: JsonValue, key: string): SecretFinding | undefined => {
    if (typeof value === 'string') return classify(value, key, secrets, allowShapes)
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const found = visit(item, `${key}[${index}]`)
        if (found) return found
      }
    } else if (value !== null && typeof value === 'object') {
      for (const child of Object.keys(value)) {
        const found = visit(value[child] ?? null, key ? `${key}.${child}` : child)
        if (found) return found
      }
    }
    return undefined
  }
  return visit(state, '')
}

function classify(
  value: string,
  key: string,
  secrets: string[],
  allowShapes: boolean
): SecretFinding | undefined {
  if (secrets.some(secret => value.includes(secret)))
    return { key, kind: "the job's token or a checkpoint key" }
  if (allowShapes) return undefined
  const match = CREDENTIAL_PATTERNS.find(({ pattern }) => pattern.test(value))
  return match ? { key, kind: match.name } : undefined
}

/**
 * False only when no value of the state can hold a secret or shape: a secret inside a string
 * value is inside its JSON text in escaped form (escaping goes character by character, and
 * whole surrogate pairs are never escaped; a secret with a surrogate of its own is always
 * looked for value by value).
 */
function mayHoldSecrets(text: string, secrets: string[], allowShapes: boolean): boolean {
  for (const secret of secrets) {
    if (/[\uD800-\uDFFF]/.test(secret)) return true
    if (text.includes(JSON.stringify(secret).slice(1, -1))) return true
  }
  return !allowShapes && LOOSE_SHAPES.test(text)
}
