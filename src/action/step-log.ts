import * as core from './light-toolkit.js'
import { formatBytes, formatDuration } from '../checkpoint/units.js'
import type { StepLog } from '../transport/artifact-store.js'

/** The title of the group the step's details are folded in, while one is open. */
let openGroup: string | undefined

/**
 * Folds what `work` logs into a `::group::` titled `title`, closed however the work ends: the
 * step's details stay one click away, and its one final line stands out below them.
 */
export async function inGroup<T>(title: string, work: () => Promise<T>): Promise<T> {
  core.startGroup(title)
  openGroup = title
  try {
    return await work()
  } finally {
    openGroup = undefined
    core.endGroup()
  }
}

/**
 * A progress line of a long transfer, written outside the open group (which then goes on as
 * "(continued)"): a collapsed group must not hide that the step is moving.
 */
export function logProgress(line: string): void {
  if (openGroup === undefined) {
    core.info(line)
    return
  }
  core.endGroup()
  core.info(line)
  core.startGroup(`${openGroup} (continued)`)
}

/** What a step moved, for its final line. */
export interface StepMoved {
  files: number
  bytes: number
  ms: number
}

/** The end of a step's final line: `12 file(s), 3.4 GiB, in 41.2 s`. */
export function movedInWords({ files, bytes, ms }: StepMoved): string {
  return `${files} file(s), ${formatBytes(bytes)}, in ${formatDuration(ms)}`
}

/** The step's log as the transport reports to it: lines, progress, and values masked. */
export const stepLog: StepLog = {
  info: line => {
    core.info(line)
  },
  progress: logProgress,
  mask: secret => {
    core.setSecret(secret)
  }
}
