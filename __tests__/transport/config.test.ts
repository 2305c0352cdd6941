import { describe, expect, it } from '@jest/globals'
import { cpus } from 'node:os'
import { ConfigurationError } from '../../src/checkpoint/errors.js'
import {
  concurrencyCap,
  isEnterpriseServer,
  serviceEndpoint,
  uploadSettings
} from '../../src/transport/config.js'
import { ArtifactsUnavailableError, ServiceError } from '../../src/transport/service-errors.js'

describe('ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY and ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS', () => {
  it('default to 4 blocks in flight and a 5 minute stall timeout', () => {
    expect(uploadSettings({})).toEqual({ concurrency: 4, stallMs: 300_000 })
  })

  it('are honoured', () => {
    const env = {
      ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY: '8',
      ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: '1000'
    }
    expect(uploadSettings(env)).toEqual({ concurrency: 8, stallMs: 1000 })
  })

  it("lowers a concurrency above the toolkit's cap to it, and says what was asked", () => {
    const settings = uploadSettings({ ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY: '1000' })
    expect(settings).toEqual({
      concurrency: concurrencyCap(cpus().length),
      concurrencyAsked: 1000,
      stallMs: 300_000
    })
  })

  it('caps as @actions/artifact does: 32, or 16 per CPU up to 300 on more than 4', () => {
    expect([1, 4, 5, 8, 18, 19, 64].map(concurrencyCap)).toEqual([32, 32, 80, 128, 288, 300, 300])
  })

  it.each([
    ['ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY', '0'],
    ['ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY', 'four'],
    ['ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY', '2.5'],
    ['ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS', '-1']
  ])('refuses %s=%s, naming the variable, the value and the rule', (name, value) => {
    expect(() => uploadSettings({ [name]: value })).toThrow(ConfigurationError)
    expect(() => uploadSettings({ [name]: value })).toThrow(
      `${name} has an invalid value "${value}": it must be a whole number of at least 1`
    )
  })
})

describe('GitHub Enterprise Server', () => {
  it.each([
    ['https://github.com', false],
    ['https://GITHUB.COM/', false],
    ['https://octo.ghe.com', false],
    ['http://github.localhost', false],
    ['', false],
    ['not a url', false],
    ['https://ghes.example.com', true],
    ['https://github.example.com', true],
    ['https://ghe.com.example.org', true]
  ])('%j is GHES: %s', (url, ghes) => {
    expect(isEnterpriseServer(url)).toBe(ghes)
  })

  it('has no artifact service: the endpoint says so, naming the server, whatever else is set', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://ghes.example.com',
      ACTIONS_RUNTIME_TOKEN: 'a.b.c',
      ACTIONS_RESULTS_URL: 'https://results.example.com/'
    }
    expect(() => serviceEndpoint(env)).toThrow(ArtifactsUnavailableError)
    expect(() => serviceEndpoint(env)).toThrow(/GitHub Enterprise Server \(ghes\.example\.com\)/)
  })

  it('outside a job, on github.com, the runtime variables are what is missing', () => {
    expect(() => serviceEndpoint({ GITHUB_SERVER_URL: 'https://github.com' })).toThrow(ServiceError)
    expect(() => serviceEndpoint({})).toThrow(/ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL/)
  })
})
