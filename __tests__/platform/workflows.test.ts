import { beforeAll, describe, expect, it } from '@jest/globals'
import { createWorkflowChecker, type WorkflowChecker } from '../../__fixtures__/workflow-check.js'
import { projectWorkflowSources, sourceLabel } from '../../__fixtures__/workflow-snippets.js'

let check: WorkflowChecker

beforeAll(async () => {
  check = await createWorkflowChecker()
})

describe.each(projectWorkflowSources().map(source => [sourceLabel(source), source] as const))(
  '%s',
  (_label, source) => {
    it('is valid', async () => {
      expect(await check(source)).toEqual([])
    })
  }
)
