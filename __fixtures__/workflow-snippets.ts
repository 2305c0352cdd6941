// The workflows the project shows its users: ```yaml blocks of its Markdown files, and its
// workflow files. A snippet that is only steps, a step or a job is wrapped in the smallest
// workflow around it, so GitHub's parser and actionlint can check it as a runner would load it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { projectFiles } from './project-files.js'
import { ROOT } from './root.js'

/** A workflow, or part of one, as the project shows it. */
export interface WorkflowSource {
  /** Path relative to the project root. */
  file: string
  /** 1-based line of the block's opening fence; 0 for a whole file. */
  fenceLine: number
  /** 1-based line, in `file`, of the snippet's first line. */
  firstLine: number
  text: string
}

/** A snippet as a complete workflow, and where its own lines sit in that workflow. */
export interface WrappedWorkflow {
  text: string
  /** Lines added above the snippet. */
  linesAbove: number
  /** Columns added before each of the snippet's lines. */
  indent: number
}

const WORKFLOW_FILE = /^(?:examples|\.github\/workflows)\/[^/]+\.ya?ml$/

/** Every workflow source of the project: Markdown blocks, examples/ and .github/workflows/. */
export function projectWorkflowSources(): WorkflowSource[] {
  const sources: WorkflowSource[] = []
  for (const file of projectFiles()) {
    const text = () => readFileSync(join(ROOT, file), 'utf8')
    if (file.endsWith('.md')) sources.push(...yamlBlocks(file, text()))
    else if (WORKFLOW_FILE.test(file))
      sources.push({ file, fenceLine: 0, firstLine: 1, text: text() })
  }
  return sources
}

/** The ```yaml (or ```yml) fenced blocks of a Markdown text, indentation of the fence removed. */
export function yamlBlocks(file: string, markdown: string): WorkflowSource[] {
  const lines = markdown.split('\n')
  const blocks: WorkflowSource[] = []
  for (let index = 0; index < lines.length; index++) {
    const fence = /^( {0,3})```ya?ml\s*$/.exec(lines[index] ?? '')
    if (!fence) continue
    const indent = fence[1]?.length ?? 0
    const end = lines.findIndex((line, at) => at > index && /^ {0,3}```\s*$/.test(line))
    if (end < 0) throw new Error(`${file}:${index + 1}: the yaml block is never closed`)
    const body = lines.slice(index + 1, end).map(line => line.slice(indent))
    blocks.push({ file, fenceLine: index + 1, firstLine: index + 2, text: body.join('\n') + '\n' })
    index = end
  }
  return blocks
}

/** Where a message about the source's text points: `README.md:160:5`. */
export function sourcePosition(source: WorkflowSource, line: number, column?: number): string {
  const at = `${source.file}:${source.firstLine + line - 1}`
  return column === undefined ? at : `${at}:${column}`
}

/** A label naming the source: the file, and the block's fence line when it is a block. */
export function sourceLabel(source: WorkflowSource): string {
  return source.fenceLine === 0
    ? source.file
    : `${source.file} (yaml block at line ${source.fenceLine})`
}

const JOB = 'on: push\njobs:\n  snippet:\n'
const RUNS_ON = '    runs-on: ubuntu-latest\n'

/**
 * The source as a complete workflow: a workflow (`on:`) as it is; `jobs:` under `on: push`;
 * a job (`steps:`), a list of steps or one step inside a job on ubuntu-latest. Anything else
 * is not a workflow a user could paste: it throws.
 */
export function wrapWorkflow(source: WorkflowSource): WrappedWorkflow {
  const shape = snippetShape(source)
  switch (shape) {
    case 'workflow':
      return { text: source.text, linesAbove: 0, indent: 0 }
    case 'jobs':
      return { text: `on: push\n${source.text}`, linesAbove: 1, indent: 0 }
    case 'job':
      return indented(JOB + (hasKey(source, 'runs-on') ? '' : RUNS_ON), source.text, 4)
    case 'steps':
      return indented(`${JOB}${RUNS_ON}    steps:\n`, source.text, 6)
    case 'step':
      return indented(`${JOB}${RUNS_ON}    steps:\n`, source.text, 8, '      - ')
  }
}

type Shape = 'workflow' | 'jobs' | 'job' | 'steps' | 'step'

function snippetShape(source: WorkflowSource): Shape {
  const value: unknown = parse(source.text)
  if (Array.isArray(value)) return 'steps'
  const keys = typeof value === 'object' && value !== null ? Object.keys(value) : []
  if (keys.includes('on')) return 'workflow'
  if (keys.includes('jobs')) return 'jobs'
  if (keys.includes('steps')) return 'job'
  if (keys.includes('uses') || keys.includes('run')) return 'step'
  throw new Error(
    `${sourceLabel(source)}: neither a workflow, jobs, a job, steps nor a step (keys: ${keys.join(', ') || 'none'})`
  )
}

function hasKey(source: WorkflowSource, key: string): boolean {
  const value = parse(source.text) as Record<string, unknown>
  return key in value
}

function indented(above: string, text: string, indent: number, first?: string): WrappedWorkflow {
  const pad = ' '.repeat(indent)
  const lines = text.split('\n').map((line, at) => {
    if (at === 0 && first !== undefined) return first + line
    return line === '' ? line : pad + line
  })
  return { text: above + lines.join('\n'), linesAbove: above.split('\n').length - 1, indent }
}
