/**
 * Path-parameter ids through dispatch: dot segments and unpaired surrogates are `validation` errors naming the
 * field, nothing reaches the gateway, and — like every validation failure — no history entry is written (history
 * records exchanges with the gateway; a refused input never became one). The refusal is the answer itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsoleApp } from '../../../src/core/console-app'
import { createConsole } from '../../../src/core/console-app'
import { sandboxControlClient } from '../../../src/sandbox/control-client'
import { call } from '../../support/call'
import { consoleOptions, sessionInput, tempDir } from '../../support/console-fixtures'

let app: ConsoleApp
beforeAll(async () => {
  app = await createConsole(consoleOptions(await tempDir('hfc-path-ids-')))
})
afterAll(async () => app.close())

const target = { environmentId: 'sandbox', profile: 'default', processingTerminalId: '1234001' } as const

describe('path-parameter ids', () => {
  it.each(['..', '.', '...'])('refuses secureTokenId %j as validation, sending nothing', async (id) => {
    const before = (await sandboxControlClient(app.info.sandboxUrl).journal()).length
    const result = await call(app, 'secureToken:update', {
      ...target,
      singleUseToken: 'sut-1',
      secureTokenId: id,
    })
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
    if (!result.ok) expect(result.error.message).toMatch(/Secure token ID cannot be only dots/)
    expect((await sandboxControlClient(app.info.sandboxUrl).journal()).length).toBe(before)
  })

  it('refuses a lone surrogate in processingTerminalId as validation, not internal, and records no entry', async () => {
    const historyBefore = await call(app, 'history:list', {})
    const result = await call(app, 'session:create', sessionInput({ processingTerminalId: '1234\uD800' }))
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
    if (!result.ok) expect(result.error.message).toMatch(/Processing terminal ID contains a broken character/)
    const historyAfter = await call(app, 'history:list', {})
    expect(JSON.stringify(historyAfter)).toBe(JSON.stringify(historyBefore))
  })

  it('refuses a lone low surrogate in secureTokenId on save', async () => {
    const result = await call(app, 'secureToken:save', {
      ...target,
      singleUseToken: 'sut-1',
      secureTokenId: 'MREF\uDC00x',
    })
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it.each([
    ['payment:refund', { paymentId: 'abc/../xyz', amount: 100 }, /Payment ID cannot contain/],
    ['bankTransfer:reverse', { paymentId: '..........' }, /Payment ID cannot be only dots/],
    ['secureToken:delete', { secureTokenId: '..' }, /Secure token ID cannot be only dots/],
    ['secureToken:get', { secureTokenId: 'a/b' }, /Secure token ID cannot contain/],
  ] as const)(
    '%s refuses a path id that would change the path, sending nothing',
    async (channel, rest, words) => {
      const before = (await sandboxControlClient(app.info.sandboxUrl).journal()).length
      const result = await app.dispatch(channel, { ...target, ...rest })
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } })
      if (!result.ok) expect(result.error.message).toMatch(words)
      expect((await sandboxControlClient(app.info.sandboxUrl).journal()).length).toBe(before)
    },
  )
})
