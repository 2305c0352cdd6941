import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  ACTION_VERSION,
  USER_AGENT,
  retryAfterMs,
  signatureSecrets,
  statusError
} from '../../src/transport/http.js'

describe('Retry-After', () => {
  const now = Date.parse('2026-11-24T10:00:00Z')

  it.each([
    ['2', 2000],
    [' 120 ', 120_000],
    ['0', 0],
    ['1.5', 1500],
    ['Tue, 24 Nov 2026 10:00:30 GMT', 30_000],
    ['Tue, 24 Nov 2026 09:00:00 GMT', 0]
  ])('%j asks for %i ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms)
  })

  it.each([null, undefined, '', 'soon', '-5'])('%j asks for nothing', header => {
    expect(retryAfterMs(header, now)).toBeUndefined()
  })
})

describe('statusError', () => {
  it('says what a Twirp error says, and reads Retry-After', async () => {
    const response = new Response(JSON.stringify({ code: 'unavailable', msg: 'try later' }), {
      status: 429,
      headers: { 'retry-after': '7' }
    })
    const error = await statusError(response)
    expect(error.message).toBe('answered 429, rate limited (try later)')
    expect(error.status).toBe(429)
    expect(error.retryAfterMs).toBe(7000)
  })

  it("says what Azure's XML and REST's JSON say, and the status text when the body is empty", async () => {
    const xml =
      '<?xml version="1.0"?><Error><Code>ServerBusy</Code><Message>Busy now</Message></Error>'
    expect((await statusError(new Response(xml, { status: 503 }))).message).toBe(
      'answered 503 (Busy now)'
    )
    const rest = JSON.stringify({ message: 'Not Found', documentation_url: 'x' })
    expect((await statusError(new Response(rest, { status: 404 }))).message).toBe(
      'answered 404 (Not Found)'
    )
    const empty = new Response(null, { status: 502, statusText: 'Bad Gateway' })
    expect((await statusError(empty)).message).toBe('answered 502 (Bad Gateway)')
  })
})

describe('signed URLs', () => {
  it("masks a signed URL's sig, raw and URL-encoded, and nothing else", () => {
    const url =
      'https://acct.blob.core.windows.net/c/b?sv=2024&se=2026-11-24&sr=b&sp=r&sig=ab%2Bcd%3D'
    expect(signatureSecrets(url)).toEqual(['ab+cd=', 'ab%2Bcd%3D'])
    expect(signatureSecrets('https://example.com/x?sv=1')).toEqual([])
    expect(signatureSecrets('not a url')).toEqual([])
  })
})

describe('User-Agent', () => {
  it("names the action and package.json's version", () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
    expect(USER_AGENT).toBe(`checkpoint-action/${pkg.version}`)
  })
})
