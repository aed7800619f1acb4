import { describe, expect, it } from 'vitest'
import { Journal } from '../../../../src/core/services/storage/exchange-journal'
import { KnownSecrets } from '../../../../src/core/services/credentials/known-secrets'
import { journalEntry as entry } from '../../../support/journal-entry'

const API_KEY = 'merchant-key-123456'
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.payload.signature-abcdef'
const SESSION_TOKEN = 'sess_0123456789abcdefXYZ123'

describe('Journal', () => {
  it('redacts keys, bearer tokens and session tokens in headers and bodies', () => {
    const secrets = new KnownSecrets()
    secrets.add(API_KEY)
    secrets.add(BEARER)
    const journal = new Journal(secrets)
    const authorize = journal.attempt({
      n: 1,
      method: 'POST',
      url: 'http://127.0.0.1:1/authorize',
      startedAt: 0,
      durationMs: 3,
      requestHeaders: { 'x-api-key': API_KEY },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ access_token: BEARER, token_type: 'Bearer', expires_in: 3600 }),
      },
    })
    const create = journal.attempt({
      n: 1,
      method: 'POST',
      url: 'http://127.0.0.1:1/v1/processing-terminals/1234001/hosted-fields-sessions',
      startedAt: 0,
      durationMs: 3,
      requestHeaders: { Authorization: `Bearer ${BEARER}`, 'Idempotency-Key': 'k' },
      requestBody: '{"libVersion":"1.7.0.261457","scenario":"payment"}',
      response: {
        status: 201,
        headers: { location: '/x' },
        body: JSON.stringify({ processingTerminalId: '1234001', token: SESSION_TOKEN, expiresAt: 'x' }),
      },
      // A proxy or an error message echoing a secret in plain text is scrubbed too.
      error: { kind: 'network', message: `proxy said: bad key ${API_KEY}` },
    })
    const text = JSON.stringify([authorize, create])
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(BEARER)
    expect(text).not.toContain(SESSION_TOKEN)
    expect(authorize.request.headers['x-api-key']).toBe('merc…3456')
    expect(create.request.headers['Authorization']).toMatch(/^Bearer eyJh…/)
    expect(create.response?.body).toContain('…XYZ123')
    expect(create.request.headers['Idempotency-Key']).toBe('k')
  })

  it('is a ring buffer that lists newest first and emits summaries', () => {
    const journal = new Journal(new KnownSecrets(), 3)
    const seen: string[] = []
    journal.onEntry((summary) => seen.push(summary.id))
    for (const id of ['a', 'b', 'c', 'd']) journal.add(entry(id))
    expect(journal.get('a')).toBeUndefined()
    expect(journal.get('d')?.id).toBe('d')
    expect(journal.list().map((summary) => summary.id)).toEqual(['d', 'c', 'b'])
    expect(journal.list(1)[0]).toMatchObject({ id: 'd', attemptCount: 0 })
    expect(seen).toEqual(['a', 'b', 'c', 'd'])
  })
})
