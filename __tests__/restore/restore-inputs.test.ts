import { afterEach, describe, expect, it } from '@jest/globals'
import { InvalidInputError } from '../../src/checkpoint/errors.js'
import { getSourceInputs } from '../../src/restore/restore-inputs.js'
import { getCacheInput } from '../../src/resume/cache-input.js'

const saved = { ...process.env }

afterEach(() => {
  process.env = { ...saved }
})

function withInputs(inputs: Record<string, string>): void {
  process.env = { ...saved }
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value
  }
}

const github = { GITHUB_SERVER_URL: 'https://github.com' }
const ghes = { GITHUB_SERVER_URL: 'https://ghes.example.com' }

describe('restore source inputs', () => {
  it('defaults to attempts, match ref, 10 runs and no keys; attempts and cache on GHES', () => {
    withInputs({})
    expect(getSourceInputs(github)).toEqual({
      from: ['attempts'],
      match: 'ref',
      maxRuns: 10,
      keys: new Map()
    })
    expect(getSourceInputs(ghes).from).toEqual(['attempts', 'cache'])
    expect(getSourceInputs({ GITHUB_SERVER_URL: 'https://octo.ghe.com' }).from).toEqual([
      'attempts'
    ])
  })

  it('reads a list of sources in order, commas or new lines, each once', () => {
    withInputs({ from: 'runs,\ncache\nattempts, runs', match: 'sha', 'max-runs': '3' })
    expect(getSourceInputs(github)).toMatchObject({
      from: ['runs', 'cache', 'attempts'],
      match: 'sha',
      maxRuns: 3
    })
  })

  it('reads node=key lines, keys kept as given and possibly empty', () => {
    withInputs({ keys: 'build = abc=1\n\n  fetch=\ntest_2=x y' })
    expect(getSourceInputs(github).keys).toEqual(
      new Map([
        ['build', 'abc=1'],
        ['fetch', ''],
        ['test_2', 'x y']
      ])
    )
  })

  it.each([
    [
      { from: 'attempts, artifacts' },
      'from',
      `'artifacts' is not a source: list attempts, runs or cache`
    ],
    [{ from: 'Runs' }, 'from', `'Runs' is not a source`],
    [
      { match: 'branch' },
      'match',
      'must be ref (runs of this branch, then of the default branch) or sha'
    ],
    [{ 'max-runs': '0' }, 'max-runs', 'must be a positive whole number'],
    [{ 'max-runs': '-2' }, 'max-runs', 'must be a positive whole number'],
    [{ 'max-runs': '2.5' }, 'max-runs', 'must be a positive whole number'],
    [{ 'max-runs': 'ten' }, 'max-runs', 'must be a positive whole number'],
    [{ keys: 'build' }, 'keys', 'line 1: each line must be node=key'],
    [{ keys: 'fetch=1\n=abc' }, 'keys', 'line 2: each line must be node=key'],
    [{ keys: 'my node=abc' }, 'keys', 'with a node of 1-64 characters'],
    [{ keys: '../x=abc' }, 'keys', 'line 1: each line must be node=key'],
    [{ keys: 'build=1\nBuild=2' }, 'keys', "line 2 names node 'Build' again"],
    [{ keys: 'build=1\nbuild=2' }, 'keys', "line 2 names node 'build' again"]
  ])('refuses %j naming the input, the value and the rule', (inputs, input, rule) => {
    withInputs(inputs)
    let error: unknown
    try {
      getSourceInputs(github)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(InvalidInputError)
    const invalid = error as InvalidInputError
    expect(invalid.input).toBe(input)
    expect(invalid.value).toBe(Object.values(inputs)[0])
    expect(invalid.message).toContain(`Input '${input}' has an invalid value`)
    expect(invalid.message).toContain(rule)
  })
})

describe('the cache input of save and run', () => {
  it('defaults to false, and to true on GHES', () => {
    withInputs({})
    expect(getCacheInput(github)).toBe(false)
    expect(getCacheInput(ghes)).toBe(true)
    withInputs({ cache: 'false' })
    expect(getCacheInput(ghes)).toBe(false)
    withInputs({ cache: 'true' })
    expect(getCacheInput(github)).toBe(true)
  })

  it('refuses anything but true or false', () => {
    withInputs({ cache: 'yes' })
    expect(() => getCacheInput(github)).toThrow(
      `Input 'cache' has an invalid value "yes": must be true or false`
    )
  })
})
