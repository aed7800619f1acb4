/**
 * The parity matrix: every case runs against the simulated library and against Payroc's real UAT build (its
 * gateway host routed to the same sandbox, real-library-routing.ts) with the same merchant page, and expects the
 * same outcome — events, payloads, error types and exact messages. Where ../shared is absent the real column is
 * skipped with one printed line.
 */
import type { Page } from '@playwright/test'
import { sandboxControlClient } from '../src/sandbox/control-client'
import {
  configurationCalls,
  events,
  expect,
  expectOnlyErrors,
  expectPosted,
  expectReady,
  fillCard,
  FUTURE_EXPIRY,
  payloads,
  submitButton,
  test,
  VISA_CARD,
  type ErrorEvent,
  type Library,
  type LibraryBed,
} from './library-fixtures'
import { REAL_GATEWAY, realLibraryMissing, routeRealLibrary } from './real-library-routing'

const LIBRARIES: Library[] = ['simulated', 'real']
const missing = realLibraryMissing()
if (missing) console.log(`library-parity: Payroc's real library skipped — ${missing}.`)

const TARGET_TEXT = ' either occurs more than once or does not exist on the page.'
const INVALID_TOKEN = 'The provided session token is invalid.'

async function open(
  page: Page,
  bed: LibraryBed,
  library: Library,
  options: { terminal?: string; scenario?: string; variant?: string } = {},
): Promise<string> {
  const token = await bed.createSession(options.terminal, options.scenario)
  await page.goto(
    bed.checkout({
      token,
      library,
      ...(options.scenario ? { mode: options.scenario } : {}),
      ...(options.variant ? { variant: options.variant } : {}),
    }),
  )
  return token
}

for (const library of LIBRARIES) {
  test.describe(`${library} library`, () => {
    test.beforeEach(async ({ context, bed }) => {
      if (library === 'real') {
        test.skip(missing !== null, missing ?? '')
        await routeRealLibrary(context, bed.sandbox.url)
      }
    })

    test('card payment with a UAT Visa → submissionSuccess, surchargingNotAllowed without payload', async ({
      page,
      bed,
    }) => {
      const token = await open(page, bed, library)
      await expectReady(page)
      await fillCard(page, VISA_CARD)
      await expectPosted(bed, token, ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'])
      await expect(page.locator('.card-cvv-wrapper')).toHaveCSS('display', 'block')
      expect(await payloads(page, 'surchargingNotAllowed')).toEqual([null])
      await submitButton(page).click()
      await expect(events(page, 'submissionSuccess')).toHaveCount(1)
      const [success] = await payloads<{ token: string; expiresAt: string }>(page, 'submissionSuccess')
      expect(Object.keys(success ?? {}).sort()).toEqual(['expiresAt', 'token'])
      expect(success?.token).toHaveLength(128)
      const validity = await payloads(page, 'fieldValidityChange')
      expect(validity).toEqual(
        expect.arrayContaining(
          ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'].map((field) => ({ field })),
        ),
      )
      await expect(events(page, 'error')).toHaveCount(0)
    })

    test('Diners Club → the CVV wrapper hides and the payment succeeds without a CVV', async ({
      page,
      bed,
    }) => {
      const token = await open(page, bed, library)
      await expectReady(page)
      await fillCard(page, { name: 'Sarah Hopper', number: '3600000000000008', expiry: FUTURE_EXPIRY })
      await expectPosted(bed, token, ['cardholderName', 'cardNumber', 'expiryDate'])
      await expect(page.locator('.card-cvv-wrapper')).toHaveCSS('display', 'none')
      await submitButton(page).click()
      await expect(events(page, 'submissionSuccess')).toHaveCount(1)
      await expect(events(page, 'error')).toHaveCount(0)
    })

    // (A name over 50 characters cannot be typed: the input's maxLength is 50 with either library.)
    test('an invalid card number and a blank name → fieldValidityChange with the texts; submitting emits no error', async ({
      page,
      bed,
    }) => {
      await open(page, bed, library)
      await expectReady(page)
      await fillCard(page, {
        name: '   ',
        number: '4539858876047063',
        expiry: FUTURE_EXPIRY,
        cvv: '123',
      })
      await expect
        .poll(() => payloads(page, 'fieldValidityChange'))
        .toEqual(
          expect.arrayContaining([
            { field: 'cardNumber', validationError: 'Your credit card number is invalid' },
            {
              field: 'cardholderName',
              validationError: 'The card holder name field should be between 1 - 50 characters long',
            },
          ]),
        )
      await expect(page.locator('.card-number-error')).toHaveText('Your credit card number is invalid')
      await submitButton(page).click()
      await expect(submitButton(page)).toBeEnabled()
      await expect(events(page, 'error')).toHaveCount(0)
      await expect(events(page, 'submissionSuccess')).toHaveCount(0)
    })

    test('tokenization on 1234002 → the init error, no frames', async ({ page, bed }) => {
      await open(page, bed, library, { terminal: '1234002', scenario: 'tokenization' })
      await expectOnlyErrors(page, [
        {
          type: 'init',
          message: "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens.",
        },
      ])
      await expect(page.locator('iframe')).toHaveCount(0)
      expect(configurationCalls(bed)).toBe(1)
    })

    test('an expired session token → the invalid-token init error after one call', async ({ page, bed }) => {
      const token = await bed.createSession()
      await sandboxControlClient(bed.sandbox.url).configure({ clockOffsetSeconds: 11 * 60 })
      await page.goto(bed.checkout({ token, library }))
      await expectOnlyErrors(page, [{ type: 'init', message: INVALID_TOKEN }])
      expect(configurationCalls(bed)).toBe(1)
    })

    test('an unknown session token → the invalid-token init error', async ({ page, bed }) => {
      await page.goto(bed.checkout({ token: 'a'.repeat(48), library }))
      await expectOnlyErrors(page, [{ type: 'init', message: INVALID_TOKEN }])
    })

    test('a forced submission failure (403) → a submission error; the next submit succeeds', async ({
      page,
      bed,
    }) => {
      const token = await open(page, bed, library)
      await expectReady(page)
      await fillCard(page, {
        name: 'Sarah Hopper',
        number: '5001650000000000',
        expiry: FUTURE_EXPIRY,
        cvv: '999',
      })
      await expectPosted(bed, token, ['cardholderName', 'cardNumber', 'expiryDate', 'cvv'])
      await sandboxControlClient(bed.sandbox.url).addFault({
        route: 'library',
        action: { type: 'status', status: 403 },
        times: 1,
      })
      await submitButton(page).click()
      await expect(events(page, 'error')).toHaveCount(1)
      expect(await payloads<ErrorEvent>(page, 'error')).toEqual([
        { type: 'submission', message: 'The request is unauthorised, please check your credentials.' },
      ])
      await expect(submitButton(page)).toBeEnabled()
      await submitButton(page).click()
      await expect(events(page, 'submissionSuccess')).toHaveCount(1)
    })

    const configCases: [string, ErrorEvent[]][] = [
      [
        'zero-match',
        [
          {
            type: 'config',
            field: '.card-numbr',
            message: `The target selector supplied for card number${TARGET_TEXT}`,
          },
        ],
      ],
      [
        'two-match',
        [
          {
            type: 'config',
            field: '.dup',
            message: `The target selector supplied for card number${TARGET_TEXT}`,
          },
        ],
      ],
      ['empty-styles', [{ type: 'config', field: 'styles' }]],
      [
        'no-wrapper',
        [
          {
            type: 'config',
            field: 'cvv',
            message:
              'CVV wrapper is required for card forms. If you do not have a wrapper, please provide false.',
          },
        ],
      ],
      [
        'submit-outside',
        [{ type: 'config', field: 'submit', message: 'A submit button is required for payment forms.' }],
      ],
    ]
    for (const [variant, expected] of configCases) {
      test(`config error: ${variant} → nothing fetched`, async ({ page, bed }) => {
        await open(page, bed, library, { variant })
        await expectOnlyErrors(page, expected)
        await expect(page.locator('iframe')).toHaveCount(0)
        expect(configurationCalls(bed)).toBe(0)
      })
    }

    test('surcharging on 1234003 → surchargingAllowed {percentage: 3, disclosure}', async ({ page, bed }) => {
      const token = await open(page, bed, library, { terminal: '1234003' })
      await expectReady(page)
      await fillCard(page, { name: 'Sarah Hopper', number: '4539858876047062', expiry: FUTURE_EXPIRY })
      await expectPosted(bed, token, ['cardholderName', 'cardNumber', 'expiryDate'])
      const [surcharge] = await payloads<{ percentage: number; disclosure: string }>(
        page,
        'surchargingAllowed',
      )
      expect(surcharge?.percentage).toBe(3)
      expect(surcharge?.disclosure).toContain('3%')
      await expect(events(page, 'surchargingNotAllowed')).toHaveCount(0)
    })

    test('a configuration call that keeps failing (500) → 6 tries, then the max-retries init error', async ({
      page,
      bed,
    }) => {
      await page.clock.install()
      const token = await bed.createSession()
      await page.goto(bed.checkout({ token, library, init: 'click' }))
      await sandboxControlClient(bed.sandbox.url).addFault({
        route: 'library',
        action: { type: 'status', status: 500 },
        times: 6,
      })
      await page.getByRole('button', { name: 'Pay by card' }).click()
      // Each retry waits 5, 6, 7, 8, 9 s after the previous answer: advance the clock a second at a time.
      for (let calls = 1; calls <= 6; calls++) {
        await expect
          .poll(async () => {
            if (configurationCalls(bed) < calls) await page.clock.runFor(1000)
            return configurationCalls(bed)
          })
          .toBe(calls)
      }
      await expect.poll(async () => (await page.clock.runFor(1000), events(page, 'error').count())).toBe(1)
      await expectOnlyErrors(page, [
        {
          type: 'init',
          message:
            'The maximum number of retries to fetch the terminal configuration has been reached, please check your credentials.',
        },
      ])
      expect(configurationCalls(bed)).toBe(6)
    })

    test('a field frame that never connects → 5 embed attempts, then one field error', async ({
      page,
      context,
      bed,
    }) => {
      await page.clock.install()
      const gateway = library === 'real' ? REAL_GATEWAY : bed.sandbox.url
      await context.route(`${gateway}/merchant/hosted-fields?**`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>silent</title>',
        }),
      )
      await open(page, bed, library)
      await expect(page.locator('iframe')).toHaveCount(5)
      for (let round = 1; round <= 5; round++) await page.clock.runFor(30_000)
      await expectOnlyErrors(page, [
        {
          type: 'field',
          field: 'cardholderName',
          message: 'The maximum number of retries to embed this field has been reached.',
        },
      ])
      await expect(page.locator('iframe')).toHaveCount(0)
    })

    test('the default submit label is "Pay Now"', async ({ page, bed }) => {
      await open(page, bed, library, { variant: 'no-label' })
      await expectReady(page)
      await expect(submitButton(page, 'Pay Now')).toBeVisible()
    })
  })
}
