/** Outputs of the run entry, as run/action.yml spells them. */
export enum RunOutput {
  Skipped = 'skipped',
  Reason = 'reason',
  ExitCode = 'exit-code',
  State = 'state'
}
