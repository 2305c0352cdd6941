import type { JsonValue, PipelineState } from './state.js'

/** Shapes of credentials that must not end up in a checkpoint anyone with read access can download. */
const CREDENTIAL_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a GitHub token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/ },
  { name: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/ },
  { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ }
]

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
