import { describe, expect, it } from 'vitest'
import {
  attemptLabel,
  attemptVerdict,
  earlierLabel,
  historyOutcomeLabel,
  withUiLabels,
  type AttemptInput,
  type LibraryOutcome,
} from '../../src/shared/attempt-verdict'
import { libraryReason } from '../../src/shared/library-reasons'
import { err, ok, type AppError } from '../../src/shared/result'

const session = ok({ token: 'tok_abcdef123456', expiresAt: '2026-12-02T01:10:00Z' })
const base: AttemptInput = {
  call: session,
  library: { state: 'none' },
  scenario: 'tokenization',
  processingTerminalId: '1234002',
  environmentLabel: 'Sandbox',
}
const withLibrary = (library: LibraryOutcome, extra: Partial<AttemptInput> = {}) =>
  attemptVerdict({ ...base, ...extra, library })
const failed = (error: Partial<AppError> & Pick<AppError, 'kind'>) =>
  attemptVerdict({ ...base, call: err({ message: 'm', hint: 'the hint', ...error }) })

/** The library's own messages (Payroc's UAT build) and the sandbox's words for the same failures. */
const REAL_SECURE_TOKENS =
  "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens."
const SANDBOX_SECURE_TOKENS =
  'Secure tokens are not enabled for processing terminal 1234002, so Hosted Fields cannot run in tokenization mode.'

describe('attemptVerdict: the API call and the card form together', () => {
  it('a created session whose form init failed is an error, not a success (1234002 + Tokenization)', () => {
    for (const message of [REAL_SECURE_TOKENS, SANDBOX_SECURE_TOKENS]) {
      const verdict = withLibrary({ state: 'init-error', message })
      expect(verdict.tone).toBe('error')
      expect(verdict.sentence).toBe(
        'Session created, but the card form failed: this terminal is not set up for secure tokens.',
      )
      expect(verdict.hint).toMatch(/Payment scenario/)
      expect(verdict.historyOutcome).toBe('created-form-failed')
    }
  })

  it('config and field errors of the form are errors with their own History codes', () => {
    const config = withLibrary({
      state: 'config-error',
      message:
        'The target selector supplied for card number either occurs more than once or does not exist on the page.',
    })
    expect(config.tone).toBe('error')
    expect(config.sentence).toContain('no single element for the Card number field')
    expect(config.historyOutcome).toBe('created-form-config-error')
    const field = withLibrary({
      state: 'field-error',
      field: 'cardNumber',
      message: 'The maximum number of retries to embed this field has been reached.',
    })
    expect(field.tone).toBe('error')
    expect(field.sentence).toContain('a card field could not be loaded from the gateway')
    expect(field.historyOutcome).toBe('created-field-failed')
  })

  it('created with no word from the form yet, or starting, is pending and recorded as created', () => {
    for (const state of ['none', 'initialising'] as const) {
      const verdict = withLibrary({ state })
      expect(verdict.tone).toBe('pending')
      expect(verdict.sentence).toMatch(/^Session created; the card form/)
      expect(verdict.historyOutcome).toBe('created')
    }
  })

  it('a ready form is the success, with scenario-specific advice', () => {
    const tokenization = withLibrary({ state: 'ready' })
    expect(tokenization).toMatchObject({ tone: 'success', historyOutcome: 'form-ready' })
    expect(tokenization.sentence).toBe('Session created and the card form is ready.')
    expect(tokenization.hint).toContain('save')
    expect(withLibrary({ state: 'ready' }, { scenario: 'payment' }).hint).not.toContain('save')
  })

  it('a submission success reports the single-use token, never the token itself', () => {
    const token = 'SUT'.padEnd(128, 'x')
    const tokenization = withLibrary({ state: 'submitted', singleUseToken: token })
    expect(tokenization).toMatchObject({ tone: 'success', historyOutcome: 'token-received' })
    expect(tokenization.sentence).toContain('ready to save as a secure token')
    const payment = withLibrary({ state: 'submitted', singleUseToken: token }, { scenario: 'payment' })
    expect(payment.sentence).toContain('30 minutes')
    expect(JSON.stringify([tokenization, payment])).not.toContain(token)
  })

  it('a failed submission names the reason and is recorded as submission-failed', () => {
    const verdict = withLibrary({ state: 'submission-error', message: 'The session token has expired.' })
    expect(verdict).toMatchObject({ tone: 'error', historyOutcome: 'submission-failed' })
    expect(verdict.sentence).toBe(
      'The card form was submitted, but it failed: the session expired (sessions last 10 minutes).',
    )
  })

  it('an expired session disables the form and offers to recreate the same session', () => {
    const verdict = withLibrary({ state: 'expired' })
    expect(verdict).toMatchObject({ tone: 'warning', historyOutcome: 'expired' })
    expect(verdict.sentence).toContain('disabled')
    expect(verdict.hint).toContain('same terminal, scenario and environment')
  })

  it('a call in flight is pending and names what is being created', () => {
    const verdict = attemptVerdict({ ...base, call: 'pending', scenario: 'payment' })
    expect(verdict.tone).toBe('pending')
    expect(verdict.sentence).toBe('Creating a Payment session for terminal 1234002 on Sandbox…')
    expect(verdict.historyOutcome).toBe('pending')
  })

  it('a failed call ignores whatever the (earlier) form said', () => {
    const verdict = attemptVerdict({
      ...base,
      library: { state: 'ready' },
      call: err({
        kind: 'forbidden',
        status: 403,
        message: 'Forbidden',
        hint: 'Use a terminal this key may use.',
      }),
    })
    expect(verdict.tone).toBe('error')
    expect(verdict.sentence).toBe('Session not created: this API key may not use terminal 1234002 (403).')
    expect(verdict.hint).toBe('Use a terminal this key may use.')
    expect(verdict.historyOutcome).toBe('failed-403')
  })

  it.each([
    [{ kind: 'auth', status: 401 }, 'the API key was rejected (401)', 'failed-401'],
    [
      { kind: 'conflict', status: 409 },
      'the Idempotency-Key was already used for a different request (409)',
      'failed-409',
    ],
    [{ kind: 'rate-limited', status: 429 }, 'the gateway is limiting requests (429)', 'failed-429'],
    [{ kind: 'gateway', status: 503 }, 'the gateway failed (503)', 'failed-503'],
    [{ kind: 'network' }, 'the gateway could not be reached', 'failed-network'],
    [{ kind: 'tls' }, "the gateway's certificate was not accepted", 'failed-tls'],
    [{ kind: 'timeout' }, 'the gateway did not answer in time', 'failed-timeout'],
    [{ kind: 'malformed-response', status: 201 }, "the gateway's answer was not understood", 'failed-201'],
    [{ kind: 'keychain' }, 'the API key could not be read from the keychain', 'failed-keychain'],
    [{ kind: 'not-acceptable', status: 406 }, "the gateway refused the request's format (406)", 'failed-406'],
    [
      { kind: 'unsupported-media', status: 415 },
      "the gateway refused the request's format (415)",
      'failed-415',
    ],
    [
      { kind: 'payload-too-large', status: 413 },
      "the gateway refused the request's format (413)",
      'failed-413',
    ],
    [{ kind: 'internal', message: 'apiBase: bad URL.' }, 'API base URL: bad URL', 'failed-internal'],
  ] as const)('call error %o → "%s"', (error, reason, code) => {
    const verdict = failed(error)
    expect(verdict.sentence).toBe(`Session not created: ${reason}.`)
    expect(verdict.tone).toBe('error')
    expect(verdict.historyOutcome).toBe(code)
  })

  it('a validation error uses the first field message with the UI label', () => {
    const verdict = failed({
      kind: 'validation',
      status: 400,
      message: 'The request is invalid: processingTerminalId must be at least 4 characters',
      fields: { processingTerminalId: ['processingTerminalId must be at least 4 characters'] },
    })
    expect(verdict.sentence).toBe(
      'Session not created: Processing terminal ID must be at least 4 characters.',
    )
    expect(verdict.historyOutcome).toBe('failed-400')
    expect(failed({ kind: 'validation', message: 'libVersion must look like 1.7.0.261457' }).sentence).toBe(
      'Session not created: Library version must look like 1.7.0.261457.',
    )
  })

  it('cancelled and unconfirmed calls are warnings, not failures', () => {
    expect(failed({ kind: 'cancelled' })).toMatchObject({ tone: 'warning', historyOutcome: 'cancelled' })
    const unconfirmed = attemptVerdict({
      ...base,
      environmentLabel: 'Production',
      call: err({ kind: 'confirmation-required', message: 'm', hint: 'Confirm it.' }),
    })
    expect(unconfirmed).toMatchObject({
      tone: 'warning',
      historyOutcome: 'not-confirmed',
      hint: 'Confirm it.',
    })
    expect(unconfirmed.sentence).toContain('Production')
  })

  it('every verdict is one sentence with a hint and a label naming scenario, terminal and environment', () => {
    const libraries: LibraryOutcome[] = [
      { state: 'none' },
      { state: 'initialising' },
      { state: 'ready' },
      { state: 'init-error', message: 'x' },
      { state: 'config-error', message: 'x' },
      { state: 'field-error', message: 'x' },
      { state: 'submitted', singleUseToken: 't' },
      { state: 'submission-error', message: 'x' },
      { state: 'expired' },
    ]
    for (const library of libraries) {
      const verdict = withLibrary(library)
      expect(verdict.sentence).toMatch(/^[A-Z][^]*[.…]$/)
      expect(verdict.sentence.slice(0, -1)).not.toMatch(/\.\s/)
      expect(verdict.hint.length).toBeGreaterThan(0)
      expect(verdict.label).toBe('Tokenization · 1234002 · Sandbox')
    }
  })
})

describe('labels', () => {
  it('stale results are labelled "Earlier session · Sandbox-style" labels', () => {
    const label = attemptLabel({
      scenario: 'payment',
      processingTerminalId: '1234001',
      environmentLabel: 'Sandbox',
    })
    expect(earlierLabel(label)).toBe('Earlier session · Payment · 1234001 · Sandbox')
  })
  it('History outcome codes read as words', () => {
    expect(historyOutcomeLabel('created-form-failed')).toBe('Created · form failed')
    expect(historyOutcomeLabel('failed-403')).toBe('Failed 403')
    expect(historyOutcomeLabel('failed-network')).toBe('Failed (network)')
    expect(historyOutcomeLabel('something-new')).toBe('something-new')
  })
  it('internal names become UI labels, every occurrence', () => {
    expect(withUiLabels('secureTokenId and libVersion; secureTokenId')).toBe(
      'Secure token ID and Library version; Secure token ID',
    )
  })
})

describe('libraryReason: the library messages in plain words', () => {
  it.each([
    [
      'The request is unauthorised, please check your credentials.',
      'refused the session token (unauthorised)',
    ],
    [
      'The maximum number of retries to fetch the terminal configuration has been reached, please check your credentials.',
      "did not give the card form this terminal's configuration",
    ],
    ['The provided session token is invalid.', 'no valid session token'],
    ['A session token is required to use hosted fields.', 'no valid session token'],
    ['The provided session token has expired. Create a new session.', 'the session expired'],
    [
      'The provided session token has already been used by another Hosted Fields instance. Create a new session for each form.',
      'already used by another card form',
    ],
    [
      'Invalid libVersion 1.7.0.1: the session was created for libVersion 1.7.0.2.',
      'library version does not match',
    ],
    ['You have passed ACH fields but the terminal is not setup to allow ACH.', 'not set up for ACH'],
    ["The mode must be set to 'tokenization' to use secure tokens.", 'needs the Tokenization scenario'],
    [
      'The maximum number of retries to submit this field has been reached.',
      'could not be sent to the gateway',
    ],
    ['Invalid response from the payment gateway when submitting details', 'could not be sent to the gateway'],
    ["The mode 'payment' does not match the session's scenario 'tokenization'.", 'mode does not match'],
    [
      'CVV wrapper is required for card forms. If you do not have a wrapper, please provide false.',
      'no CVV wrapper',
    ],
    [
      'The target selector supplied for cardholder name either occurs more than once or does not exist on the page.',
      'Cardholder name field',
    ],
    ['Payroc is not defined', 'library script did not load'],
  ])('%s', (message, reason) => {
    expect(libraryReason(message).reason).toContain(reason)
    expect(libraryReason(message).hint.length).toBeGreaterThan(10)
  })
  it('an unknown message is quoted, and an empty one still gives a reason', () => {
    expect(libraryReason('Something odd happened.').reason).toBe('the library said “Something odd happened”')
    expect(libraryReason('  ').reason).toBe('the library reported an error without a message')
  })
})
