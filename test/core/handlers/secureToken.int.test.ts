/**
 * secureToken:save / secureToken:update through the channel handlers against the embedded sandbox: the same
 * gateway client as create-session (Bearer, Idempotency-Key, journal), the reuse error on `token`, hints, the
 * production gate, and no full token value in the journal.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../src/core/console-app'
import { createConsole } from '../../../src/core/console-app'
import { SECURE_TOKEN_HINTS } from '../../../src/core/hint-catalogue'
import type { SaveSecureTokenInput } from '../../../src/shared/contract'
import { UUID_V4_PATTERN } from '../../../src/shared/payroc'
import { consoleOptions, tempDir } from '../../support/console-fixtures'
import { call } from '../../support/call'
import { submitThroughLibraryProtocol, UAT_VISA } from '../../support/library-protocol'
import { sandboxControlClient } from '../../../src/sandbox/control-client'

let app: ConsoleApp
let sandboxUrl: string

beforeAll(async () => {
  app = await createConsole(
    consoleOptions(await tempDir('hfc-secure-tokens-'), {
      gateway: { retry: { baseDelayMs: 5 }, timeouts: { responseTimeoutMs: 2000 } },
    }),
  )
  sandboxUrl = app.info.sandboxUrl
})
afterAll(async () => app.close())
afterEach(async () => {
  await sandboxControlClient(sandboxUrl).clearFaults()
})

const target = { environmentId: 'sandbox', profile: 'default' } as const

/** A tokenization session, then the library protocol's fields and submit with a UAT test card: a single-use token. */
async function singleUseToken(
  terminal = '1234001',
  secureTokenId?: string,
  cardNumber = '4539858876047062',
): Promise<string> {
  const session = await call(app, 'session:create', {
    ...target,
    processingTerminalId: terminal,
    scenario: 'tokenization',
    libVersion: '1.7.0.261457',
    ...(secureTokenId ? { secureTokenId } : {}),
  })
  if (!session.ok) throw new Error(session.error.message)
  // As Payroc's library does it: each field posted from its frame, then the submit (library-protocol.ts).
  const answer = await submitThroughLibraryProtocol(sandboxUrl, session.value.token, {
    ...UAT_VISA,
    cardNumber,
    expiryDate: '1230',
  })
  expect(answer.status, answer.text).toBe(201)
  return String(answer.json['token'])
}

const save = (singleUse: string, extra: Partial<SaveSecureTokenInput> = {}) =>
  call(app, 'secureToken:save', {
    ...target,
    processingTerminalId: '1234001',
    singleUseToken: singleUse,
    ...extra,
  })

describe('secureToken:save', () => {
  it('saves a single-use token as a secure token with a masked card', async () => {
    const singleUse = await singleUseToken()
    const saved = await save(singleUse)
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
    if (!saved.ok) return
    expect(saved.value.secureTokenId).toMatch(/^MREF_/)
    expect(saved.value.processingTerminalId).toBe('1234001')
    expect(saved.value.token.length).toBeGreaterThan(8)
    expect(saved.value.source).toMatchObject({ type: 'card', cardholderName: 'Jo Doe', cardType: 'Visa' })
    expect(saved.value.source.cardNumber).toMatch(/^453985.*7062$/)
    expect(saved.value.source.cardNumber).not.toContain('4539858876047062')
    expect(saved.value.idempotencyKey).toMatch(UUID_V4_PATTERN)
    expect(saved.value.attempts).toBe(1)
  })

  it('uses the secureTokenId given', async () => {
    const id = `merchant-ref-${Date.now()}`
    const saved = await save(await singleUseToken(), { secureTokenId: id })
    expect(saved.ok && saved.value.secureTokenId).toBe(id)
  })

  it('refuses a single-use token used twice: validation error on token, with its hint', async () => {
    const singleUse = await singleUseToken()
    expect((await save(singleUse)).ok).toBe(true)
    const again = await save(singleUse)
    expect(again.ok).toBe(false)
    if (again.ok) return
    expect(again.error.kind).toBe('validation')
    expect(again.error.status).toBe(400)
    expect(again.error.fields?.['token']?.[0]).toMatch(/already been used/)
    expect(again.error.problem?.errors?.[0]?.parameter).toBe('token')
    expect(again.error.hint).toBe(SECURE_TOKEN_HINTS.tokenUsed)
    expect(again.error.journalId).toBeTruthy()
  })

  it('names the missing secure-token setup on a terminal without it', async () => {
    const answer = await call(app, 'secureToken:save', {
      ...target,
      processingTerminalId: '1234002',
      singleUseToken: 'not-a-real-token-000000',
    })
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.kind).toBe('forbidden')
    expect(answer.error.hint).toBe(SECURE_TOKEN_HINTS.notEnabled)
  })

  it('retries a 503 with the same Idempotency-Key and journals it as secure-token:create', async () => {
    const singleUse = await singleUseToken()
    await sandboxControlClient(sandboxUrl).addFault({
      route: 'secure-tokens',
      action: { type: 'status', status: 503 },
      times: 1,
    })
    const saved = await save(singleUse)
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
    if (!saved.ok) return
    expect(saved.value.attempts).toBe(2)
    const entry = await call(app, 'journal:get', { id: saved.value.journalId })
    expect(entry.ok).toBe(true)
    if (!entry.ok) return
    expect(entry.value.operation).toBe('secure-token:create')
    expect(entry.value.attempts.map((a) => a.response?.status)).toEqual([503, 201])
    const keys = entry.value.attempts.map((a) => a.request.headers['Idempotency-Key'])
    expect(keys).toEqual([saved.value.idempotencyKey, saved.value.idempotencyKey])
  })

  it('keeps the single-use token and the secure token out of the journal (last 6 characters only)', async () => {
    const singleUse = await singleUseToken()
    const saved = await save(singleUse)
    expect(saved.ok).toBe(true)
    if (!saved.ok) return
    const entry = await call(app, 'journal:get', { id: saved.value.journalId })
    if (!entry.ok) throw new Error(entry.error.message)
    const text = JSON.stringify(entry.value)
    expect(text).not.toContain(singleUse)
    expect(text).not.toContain(saved.value.token)
    expect(text).toContain(singleUse.slice(-6))
    expect(entry.value.attempts[0]?.request.headers['Authorization']).not.toMatch(/^Bearer [^…]{20,}$/)
    // The cURL copy of the exchange masks them too.
    const curl = await call(app, 'journal:curl', { id: saved.value.journalId })
    expect(curl.ok && curl.value.command).not.toContain(singleUse)
  })

  it('asks for confirmation in production before sending anything', async () => {
    const answer = await call(app, 'secureToken:save', {
      environmentId: 'production',
      profile: 'default',
      processingTerminalId: '1234001',
      singleUseToken: 'whatever-token-123456',
    })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.kind).toBe('confirmation-required')
  })
})

describe('secureToken:update', () => {
  it('replaces the saved card with the one from a session created with that secureTokenId', async () => {
    const id = `update-me-${Date.now()}`
    const first = await save(await singleUseToken('1234001', id), { secureTokenId: id })
    expect(first.ok, JSON.stringify(first)).toBe(true)
    const singleUse = await singleUseToken('1234001', id, '5100270000000007')
    const updated = await call(app, 'secureToken:update', {
      ...target,
      processingTerminalId: '1234001',
      secureTokenId: id,
      singleUseToken: singleUse,
    })
    expect(updated.ok, JSON.stringify(updated)).toBe(true)
    if (!updated.ok || !first.ok) return
    expect(updated.value.secureTokenId).toBe(id)
    expect(updated.value.token).toBe(first.value.token)
    expect(updated.value.source.cardNumber).toMatch(/^510027.*0007$/)
    const entry = await call(app, 'journal:get', { id: updated.value.journalId })
    if (!entry.ok) throw new Error(entry.error.message)
    expect(entry.value.operation).toBe('secure-token:update')
    expect(entry.value.attempts[0]?.url).toMatch(new RegExp(`/secure-tokens/${id}/update-account$`))
    expect(JSON.parse(entry.value.attempts[0]?.request.body ?? '{}')).toEqual({
      type: 'singleUseToken',
      token: `…${singleUse.slice(-6)}`,
    })
    expect(JSON.stringify(entry.value)).not.toContain(singleUse)
  })

  it('says to save first when the secureTokenId does not exist', async () => {
    const answer = await call(app, 'secureToken:update', {
      ...target,
      processingTerminalId: '1234001',
      secureTokenId: 'never-saved',
      singleUseToken: await singleUseToken(),
    })
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.status).toBe(404)
    expect(answer.error.hint).toBe(SECURE_TOKEN_HINTS.unknownSecureToken)
  })
})
