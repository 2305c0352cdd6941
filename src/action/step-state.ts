/**
 * What the restore entry hands its post step (`core.saveState` / `core.getState`): the scope
 * whose summary it writes.
 */
export enum RestoreState {
  Scope = 'scope'
}

/** What the run entry hands its post step, which saves a cancelled command's progress. */
export enum RunState {
  Node = 'node',
  Scope = 'scope',
  StateFile = 'state-file',
  /** `running` until the command ends; a post step that still sees it saves partial progress. */
  Status = 'status'
}
