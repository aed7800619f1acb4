import { describe, expect, it } from 'vitest'
import { MAX_LOG_ENTRIES, singleUseTokenOf } from '@renderer/features/eventlog/eventlog-slice'
import { EVENT_HINTS, hintForEvent } from '@renderer/features/eventlog/event-hints'

describe('hint mapping of library events', () => {
  const error = (message: string, type = 'init') => hintForEvent('error', { type, message })
  it('maps invalid, expired and already-used session tokens to "create a new session"', () => {
    expect(error('The provided session token is invalid.')).toBe(EVENT_HINTS.session)
    expect(error('The provided session token has expired. Create a new session.')).toBe(EVENT_HINTS.session)
    expect(error('The session token has already been used by another Hosted Fields instance.')).toBe(
      EVENT_HINTS.session,
    )
    expect(EVENT_HINTS.session).toMatch(/create a new session — tokens last 10 minutes and serve one form/i)
  })
  it('maps a libVersion mismatch', () => {
    expect(error('Invalid libVersion 1.7.0.261471: the session was created for 1.7.0.261457.')).toBe(
      EVENT_HINTS.libVersion,
    )
    expect(EVENT_HINTS.libVersion).toMatch(/the session's libVersion must equal the loaded script's version/i)
  })
  it('maps tokenization on a terminal without secure tokens', () => {
    expect(error('Secure tokens are not enabled for processing terminal 1234002.')).toBe(
      EVENT_HINTS.secureTokens,
    )
    expect(EVENT_HINTS.secureTokens).toMatch(/use payment, or enable secure tokens for this terminal/i)
  })
  it('maps a script that did not load, and CSP violations', () => {
    expect(hintForEvent('page:scriptError', { message: 'x' })).toBe(EVENT_HINTS.scriptNotLoaded)
    expect(EVENT_HINTS.scriptNotLoaded).toMatch(/Payroc is not defined/)
    expect(hintForEvent('page:cspViolation', { directive: 'frame-src' })).toBe(EVENT_HINTS.csp)
  })
  it('maps configuration mistakes merchants make', () => {
    expect(error('fields.card.cvv.wrapper is not an option; did you mean wrapperTarget?', 'config')).toBe(
      EVENT_HINTS.wrapperTarget,
    )
    expect(error("fields.card.cardNumber.target '.x' matches no element", 'config')).toBe(EVENT_HINTS.target)
    expect(error('fields.submit is not an option: submit belongs inside fields.card', 'config')).toBe(
      EVENT_HINTS.submit,
    )
    expect(error('The request is unauthorised, please check your credentials.')).toBe(
      EVENT_HINTS.unauthorised,
    )
    // The 401 detail of Payroc's spec (the sandbox's default 401 detail).
    expect(error('Your identity could not be verified')).toBe(EVENT_HINTS.unauthorised)
  })
  it('leaves field errors, successes and unknown messages without a hint (submission gets the generic one)', () => {
    expect(error('Invalid card number', 'field')).toBeUndefined()
    expect(hintForEvent('submissionSuccess', { token: 't', expiresAt: 'x' })).toBeUndefined()
    expect(error('something new')).toBeUndefined()
    expect(error('Declined', 'submission')).toBe(EVENT_HINTS.submission)
    expect(hintForEvent('page:initializeFailed', { message: 'The provided session token is invalid.' })).toBe(
      EVENT_HINTS.session,
    )
  })
})

describe('event log helpers', () => {
  it('takes the single-use token from submissionSuccess only', () => {
    const at = new Date().toISOString()
    expect(
      singleUseTokenOf({ name: 'submissionSuccess', payload: { token: 't1', expiresAt: at }, at }),
    ).toEqual({
      token: 't1',
      expiresAt: at,
    })
    expect(singleUseTokenOf({ name: 'error', payload: { token: 't1', expiresAt: at }, at })).toBeNull()
    expect(singleUseTokenOf({ name: 'submissionSuccess', payload: null, at })).toBeNull()
    expect(MAX_LOG_ENTRIES).toBeGreaterThan(50)
  })
})
