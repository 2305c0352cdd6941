// GitHub's own action parser, as the runner applies it at "Set up job". Its dist imports its
// JSON schemas without an import attribute, which plain Node refuses (ERR_IMPORT_ATTRIBUTE_MISSING);
// jest's ESM loader links JSON modules itself, so under jest the package loads as published.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import {
  convertActionTemplate,
  parseAction,
  type ActionTemplate
} from '@actions/workflow-parser/actions/index'
import { ROOT } from './root.js'

/** An action.yml as GitHub loads it: the converted template, or the parser's messages. */
export interface LoadedAction {
  /** Path relative to the project root, as the messages name it. */
  file: string
  /** Empty when the parser refused the file. */
  template: Partial<ActionTemplate>
  /** The parser's messages, e.g. `action.yml (Line: 11, Col: 18): Unrecognized named-value: 'github'`. */
  errors: string[]
}

/** Parses and converts `content` as the action metadata file `file` with GitHub's schema. */
export function parseActionMetadata(file: string, content: string): LoadedAction {
  const parsed = parseAction({ name: file, content }, new NoOperationTraceWriter())
  const template: Partial<ActionTemplate> = parsed.value
    ? convertActionTemplate(parsed.context, parsed.value)
    : {}
  return { file, template, errors: parsed.context.errors.getErrors().map(error => error.message) }
}

/** Loads the project's action metadata file `file` (relative to the root). */
export function loadActionMetadata(file: string): LoadedAction {
  return parseActionMetadata(file, readFileSync(join(ROOT, file), 'utf8'))
}
