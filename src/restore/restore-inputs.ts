import { validateId } from '../checkpoint/ids.js'
import {
  getBoolean,
  getList,
  getProtection,
  getScope,
  Input,
  type Protection
} from '../action/inputs.js'
import { getInput } from '../action/light-toolkit.js'

/** Inputs of the restore entry (root action.yml). */
export interface RestoreInputs {
  scope: string
  githubToken: string
  failOnError: boolean
  /** Nodes to run again although done. */
  rerun: string[]
  /** A node to run again with every node done after it. */
  rerunFrom: string | undefined
  /** Ignore every checkpoint: the pipeline runs from the beginning. */
  reset: boolean
  protection: Protection
}

/** Reads and validates the restore entry's inputs. @throws InvalidInputError */
export function getRestoreInputs(): RestoreInputs {
  return {
    scope: getScope(),
    githubToken: getInput(Input.GithubToken),
    failOnError: getBoolean(Input.FailOnError, false),
    rerun: getList(Input.Rerun).map(id => validateId(Input.Rerun, id)),
    rerunFrom: optionalId(Input.RerunFrom),
    reset: getBoolean(Input.Reset, false),
    protection: getProtection()
  }
}

function optionalId(name: string): string | undefined {
  const value = getInput(name)
  return value === '' ? undefined : validateId(name, value)
}
