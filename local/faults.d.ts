// Types of faults.js's engine, for tests that drive it without a server.
import type { FaultKind, Faults, RequestInfo } from './index.js'

/** One application of a rule to one request. */
export interface Fault {
  kind: FaultKind
  status?: number
  body?: unknown
  headers?: Record<string, string>
  afterBytes?: number
  phase?: 'request' | 'response'
  ms?: number
  bytes?: number
}

/** The fault state of one stand-in. */
export interface FaultEngine {
  readonly faults: Faults
  /** Requests admitted so far. */
  readonly count: number
  /** Counts a request and takes the first rule that matches it. */
  admit(described: Omit<RequestInfo, 'seq'>): {
    info: RequestInfo
    fault: Fault | undefined
    held: Promise<unknown> | undefined
  }
  /** Releases held and delayed requests for good. */
  stop(): void
}

/** `now` is the clock failFor windows are measured on (Date.now by default). */
export function createFaultEngine(deps: {
  log: (line: string) => void
  now?: () => number
}): FaultEngine
