/**
 * The simulated library's config and init errors, seen from a merchant page on another origin: each emits one
 * `error` event with the right type and message, initialize() rejects, and no field frame is rendered.
 */
import { events, expect, initState, LIB, payloads, test } from './library-fixtures'
import type { Page } from '@playwright/test'
import { sandboxControlClient } from '../src/sandbox/control-client'

interface ErrorPayload {
  type: string
  field?: string
  message: string
}

async function expectOnlyError(page: Page, type: string, message: string | RegExp): Promise<ErrorPayload> {
  await expect(initState(page)).toContainText('rejected: ')
  const errors = await payloads<ErrorPayload>(page, 'error')
  expect(errors.length).toBeGreaterThan(0)
  const first = errors[0] as ErrorPayload
  expect(first.type).toBe(type)
  if (typeof message === 'string') expect(first.message).toBe(message)
  else expect(first.message).toMatch(message)
  await expect(initState(page)).toHaveText(`rejected: ${first.message}`)
  await expect(page.locator('iframe')).toHaveCount(0)
  return first
}

test.describe('config errors', () => {
  const cases: [variant: string, field: string | undefined, message: RegExp][] = [
    ['no-wrapper', 'cvv', /^fields\.card\.cvv\.wrapperTarget is required \(a selector, or false\)\.$/],
    ['wrapper-typo', 'cvv', /^fields\.card\.cvv\.wrapper is not an option; did you mean wrapperTarget\?$/],
    ['zero-match', 'cardNumber', /'\.card-numbr' matches no element; it must match exactly one\.$/],
    ['two-match', 'cardNumber', /'\.dup' matches 2 elements; it must match exactly one\.$/],
    ['submit-outside', 'submit', /submit belongs inside fields\.card/],
  ]
  for (const [variant, fieldName, message] of cases) {
    test(`${variant} → a config error and no request to the gateway`, async ({ page, bed }) => {
      const token = await bed.createSession()
      await page.goto(bed.checkout({ token, variant }))
      const error = await expectOnlyError(page, 'config', message)
      expect(error.field).toBe(fieldName)
      // Option checks happen before initialize() calls the gateway: the token is still unused.
      expect(bed.sandbox.state.findSession(token)?.initializedBy).toBeUndefined()
    })
  }

  test('a missing sessionToken is a config error', async ({ page, bed }) => {
    await page.goto(bed.checkout({ token: '' }))
    await expectOnlyError(page, 'config', 'sessionToken is required.')
  })
})

test.describe('init errors', () => {
  test('an unknown session token', async ({ page, bed }) => {
    await page.goto(bed.checkout({ token: 'a'.repeat(48) }))
    await expectOnlyError(page, 'init', 'The provided session token is invalid.')
  })

  test('an expired session token', async ({ page, bed }) => {
    const config = await sandboxControlClient(bed.sandbox.url).configure({ sessionTtlSeconds: 1 })
    expect(config.sessionTtlSeconds).toBe(1)
    // The sandbox sweeps expired sessions every second, after which a token reads as unknown ("invalid"); so the
    // page is loaded first and initialises on a click the moment the token has expired. Should the sweep still
    // win (a loaded machine), the scenario is repeated with a fresh session (at most three times).
    for (let attempt = 1; ; attempt++) {
      const token = await bed.createSession()
      await page.goto(bed.checkout({ token, init: 'click' }))
      await expect
        .poll(() => bed.sandbox.state.lookupSession(token).status, { intervals: [20], timeout: 10_000 })
        .toBe('expired')
      await page.getByRole('button', { name: 'Pay by card' }).click()
      await expect(initState(page)).toContainText('rejected: ')
      const swept = bed.sandbox.state.sessions.peek(token) === undefined
      const [error] = await payloads<ErrorPayload>(page, 'error')
      if (swept && error?.message === 'The provided session token is invalid.' && attempt < 3) continue
      await expectOnlyError(page, 'init', 'The provided session token has expired. Create a new session.')
      break
    }
  })

  test('a token already used by another instance', async ({ page, context, bed }) => {
    const token = await bed.createSession()
    await page.goto(bed.checkout({ token }))
    await expect(initState(page)).toHaveText('resolved')
    const second = await context.newPage()
    await second.goto(bed.checkout({ token }))
    await expectOnlyError(second, 'init', /^The provided session token has already been used/)
    // The first form is untouched.
    await expect(page.locator('iframe')).toHaveCount(5)
  })

  test('a libVersion that differs from the session', async ({ page, bed }) => {
    const token = await bed.createSession('1234001', 'payment', '1.6.0.172441')
    await page.goto(bed.checkout({ token }))
    await expectOnlyError(
      page,
      'init',
      `Invalid libVersion ${LIB}: the session was created for libVersion 1.6.0.172441. ` +
        `Load hosted-fields-1.6.0.172441.js or create the session with libVersion ${LIB}.`,
    )
  })

  test('tokenization on terminal 1234002 (no secure tokens)', async ({ page, bed }) => {
    const token = await bed.createSession('1234002', 'tokenization')
    await page.goto(bed.checkout({ token, mode: 'tokenization' }))
    await expectOnlyError(
      page,
      'init',
      'Secure tokens are not enabled for processing terminal 1234002, so Hosted Fields cannot run in tokenization mode.',
    )
  })

  test('a mode that does not match the session scenario', async ({ page, bed }) => {
    const token = await bed.createSession('1234001', 'payment')
    await page.goto(bed.checkout({ token, mode: 'tokenization' }))
    await expectOnlyError(
      page,
      'init',
      "The mode 'tokenization' does not match the session's scenario 'payment'.",
    )
  })

  test('events that do not exist never fire', async ({ page, bed }) => {
    await page.goto(bed.checkout({ token: 'b'.repeat(48) }))
    await expect(initState(page)).toContainText('rejected')
    for (const name of ['ready', 'focus', 'blur', 'submissionError'])
      await expect(events(page, name)).toHaveCount(0)
  })
})
