import * as core from '../action/light-toolkit.js'
import type { CheckpointDocument } from '../checkpoint/document.js'
import { checkpointName } from '../checkpoint/naming.js'

/** Outputs of the save entry, as save/action.yml spells them. */
export enum SaveOutput {
  Saved = 'saved',
  Checkpoint = 'checkpoint',
  Sequence = 'sequence'
}

/** The outputs of a save that wrote a checkpoint: its name and sequence number. */
export function setSavedOutputs(document: CheckpointDocument): void {
  core.setOutput(SaveOutput.Saved, 'true')
  core.setOutput(SaveOutput.Checkpoint, checkpointName(document))
  core.setOutput(SaveOutput.Sequence, String(document.sequence))
}

/**
 * The outputs of a save that wrote none: it failed, or the node's restored checkpoint stands,
 * which `checkpoint` then names.
 */
export function setNotSavedOutputs(restoredAs?: string): void {
  core.setOutput(SaveOutput.Saved, 'false')
  if (restoredAs !== undefined) core.setOutput(SaveOutput.Checkpoint, restoredAs)
}
