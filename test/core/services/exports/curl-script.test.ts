import { describe, expect, it } from 'vitest'
import { buildCurl } from '../../../../src/core/services/exports/curl'
import {
  buildCurlScripts,
  EXTRACT_TOKEN,
  FRESH_KEY_COMMAND,
} from '../../../../src/core/services/exports/curl-script'
import type { JournalAttempt } from '../../../../src/shared/contract'

const KEY = '6f1c2b9e-7d3a-4c8e-9b1f-2a3d4e5f6a7b'
const attempt: JournalAttempt = {
  n: 1,
  method: 'POST',
  url: 'https://api.uat.payroc.com/v1/processing-terminals/1234001/hosted-fields-sessions',
  startedAt: '2026-12-02T00:00:00Z',
  durationMs: 12,
  request: {
    headers: {
      Authorization: 'Bearer eyJh…abcd',
      'Idempotency-Key': KEY,
      'Content-Type': 'application/json',
    },
    body: '{"libVersion":"1.7.0.261457","scenario":"payment"}',
  },
}
const scripts = (secrets: string[] = []) =>
  buildCurlScripts({
    command: buildCurl(attempt),
    identityBaseUrl: 'https://identity.uat.payroc.com/',
    environmentLabel: 'UAT',
    method: attempt.method,
    url: attempt.url,
    idempotencyKey: KEY,
    knownSecrets: secrets,
  })

describe('buildCurlScripts: Copy as cURL with the identity step', () => {
  it('step 1 posts the API key to identity /authorize and extracts access_token without jq', () => {
    const { replay } = scripts()
    expect(replay).toContain(
      `curl -sS -f -X POST 'https://identity.uat.payroc.com/authorize' -H "x-api-key: $PAYROC_API_KEY" | ${EXTRACT_TOKEN}`,
    )
    expect(replay).not.toMatch(/\bjq\b(?! needed|\))/)
    expect(replay).toContain('Needs: sh, curl, sed (no jq).')
  })
  it('step 2 is the journaled call with the Bearer variable, after step 1', () => {
    const { replay } = scripts()
    expect(replay.indexOf('Step 2')).toBeGreaterThan(replay.indexOf('Step 1'))
    expect(replay).toContain('-H "Authorization: Bearer $PAYROC_BEARER"')
    expect(replay).toContain(`-H 'Idempotency-Key: ${KEY}'`)
  })
  it('explains both variables and refuses to run without the API key', () => {
    const { replay } = scripts()
    expect(replay).toMatch(/#\s+PAYROC_API_KEY\s+your API key for UAT/)
    expect(replay).toMatch(/#\s+PAYROC_BEARER\s+the access token step 1 fetches/)
    expect(replay).toContain(': "${PAYROC_API_KEY:?')
    expect(replay.startsWith('#!/bin/sh\n')).toBe(true)
  })
  it('warns that the same Idempotency-Key returns the original answer', () => {
    expect(scripts().replay).toMatch(/same Idempotency-Key returns the ORIGINAL answer/)
    expect(scripts().replay).toContain('same\n# session token')
  })
  it('the fresh-key variant makes a new UUID portably and sends it instead', () => {
    const { freshKey } = scripts()
    expect(freshKey).toContain(FRESH_KEY_COMMAND)
    expect(freshKey).toContain('-H "Idempotency-Key: $IDEMPOTENCY_KEY"')
    expect(freshKey).not.toContain(KEY)
    expect(freshKey).not.toContain('ORIGINAL answer')
  })
  it('never contains a known secret, even one echoed in the URL or body', () => {
    const secret = 'super-secret-api-key-42'
    const leaky = { ...attempt, url: `${attempt.url}?k=${secret}` }
    const out = buildCurlScripts({
      command: buildCurl(leaky),
      identityBaseUrl: 'https://identity.uat.payroc.com',
      environmentLabel: 'UAT',
      method: 'POST',
      url: leaky.url,
      knownSecrets: [secret],
    })
    expect(out.replay).not.toContain(secret)
    expect(out.freshKey).not.toContain(secret)
  })
  it('a call without an Idempotency-Key (e.g. a GET) gets no replay warning and is left as it is', () => {
    const get: JournalAttempt = { ...attempt, method: 'GET', request: { headers: { Authorization: 'x' } } }
    const out = buildCurlScripts({
      command: buildCurl(get),
      identityBaseUrl: 'https://identity.uat.payroc.com',
      environmentLabel: 'UAT',
      method: 'GET',
      url: get.url,
    })
    expect(out.replay).not.toContain('WARNING')
    expect(out.freshKey).toContain('curl -sS -i -X GET')
  })
})
