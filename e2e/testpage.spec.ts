/**
 * The Hosted Fields test page end to end, through the browser preview: the console frames the test page (its own
 * origin), which loads the sandbox's simulated library; the card fields are iframes of the sandbox origin inside
 * it. Success, secure tokens and the known failure paths end up in the Event log with their hints.
 */
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { createSession, field } from './flows-helpers'
import { sandboxControlClient } from '../src/sandbox/control-client'

const VISA = '4539858876047062'

/** Fills each field and leaves it (the library validates and sends a field to the gateway on blur). */
async function fillCard(page: Page, card = VISA): Promise<void> {
  const steps: [string, string, string][] = [
    ['.card-holder-name', 'Cardholder name', 'Jo Tester'],
    ['.card-number', 'Card number', card],
    ['.card-expiry', 'Expiry date', '12/30'],
    ['.card-cvv', 'CVV', '123'],
  ]
  for (const [target, label, value] of steps) {
    const box = field(page, target).getByLabel(label)
    await box.fill(value)
    await box.blur()
  }
}

/** A submit right after the last blur may find a field still on its way to the gateway: the library then
 * re-checks 5 s later, as Payroc's does. */
const SUBMIT_WAIT = { timeout: 15_000 }

const eventLog = (page: Page) => page.getByRole('region', { name: 'Event log' })
const logged = (page: Page, name: string) => eventLog(page).locator(`li[data-event="${name}"]`)

test('payment: a UAT test card ends in a single-use token in the event log', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  await createSession(page)
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  // Ready comes from the fields being shown (page:ready), not from initialize() resolving.
  await expect(logged(page, 'page:ready')).toHaveCount(1)
  await expect(page.getByTestId('form-status')).toHaveText('Form ready')
  await fillCard(page)
  await expect(field(page, '.submit-button').getByRole('button', { name: 'Pay now' })).toBeVisible()
  await screenshot(page, 'testpage-card')
  await field(page, '.submit-button').getByRole('button', { name: 'Pay now' }).click()

  const success = logged(page, 'submissionSuccess')
  await expect(success).toHaveCount(1, SUBMIT_WAIT)
  await expect(success.getByTestId('single-use-token')).toHaveText(/^\S{16,}$/)
  await expect(success.getByRole('timer')).toHaveText(/^(29|30):\d{2}$/)
  // Newest first: the success sits above the initialisation.
  await expect(eventLog(page).locator('li').first()).toHaveAttribute('data-event', 'submissionSuccess')
  // Payment mode offers no secure token.
  await expect(page.getByRole('button', { name: 'Save as secure token' })).toHaveCount(0)
  expect(problems).toEqual([])
})

test('tokenization: Save as secure token shows the saved card and token', async ({ page }) => {
  await createSession(page, { scenario: 'Tokenization' })
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  await fillCard(page)
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)

  const panel = page.getByRole('region', { name: 'Secure token' })
  await panel.getByRole('button', { name: 'Save as secure token' }).click()
  const saved = panel.getByTestId('secure-token')
  await expect(saved).toContainText(/MREF_/)
  await expect(saved).toContainText('453985')
  await expect(saved).toContainText('7062')
  await expect(saved).not.toContainText(VISA)

  // The single-use token was consumed: the buttons say so instead of offering a second call (the gateway's
  // 400 on `token` for a reuse is covered by the secure-token integration tests).
  await expect(panel.getByRole('button', { name: 'Save as secure token' })).toBeDisabled()
  await expect(panel).toContainText('This single-use token was used')
  await screenshot(page, 'testpage-secure-token')
})

test('update flow: a session with a secureTokenId updates the saved details', async ({ page }) => {
  const id = `e2e-${Date.now()}`
  // First save a secure token with that id…
  await createSession(page, { scenario: 'Tokenization', secureTokenId: id })
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  await fillCard(page)
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)
  const panel = page.getByRole('region', { name: 'Secure token' })
  await panel.getByRole('button', { name: 'Save as secure token' }).click()
  await expect(panel.getByTestId('secure-token')).toContainText(id)

  // …then a new tokenization session for it, another card, Update saved details.
  await createSession(page, { scenario: 'Tokenization', secureTokenId: id })
  await expect(logged(page, 'submissionSuccess')).toHaveCount(0)
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  await fillCard(page, '5100270000000007')
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)
  await panel.getByRole('button', { name: 'Update saved details' }).click()
  const saved = panel.getByTestId('secure-token')
  await expect(saved).toContainText(id)
  await expect(saved).toContainText('510027')
})

test('expired session token: the form does not initialise and the log says what to do', async ({
  page,
  sandboxUrl,
}) => {
  await sandboxControlClient(sandboxUrl).configure({ sessionTtlSeconds: 2 })
  try {
    await createSession(page)
    await expect(page.getByRole('region', { name: 'Session token' })).toContainText('Expired', {
      timeout: 8_000,
    })
  } finally {
    await sandboxControlClient(sandboxUrl).configure({ sessionTtlSeconds: 600 })
  }
  // The merchant's page opened after the token expired (a reload is a new Hosted Fields instance).
  await page.getByText('Advanced').click()
  await page.getByRole('button', { name: 'Reload form' }).click()
  // Payroc's library has no text for an expired token: the gateway's final 400 reads as an invalid one.
  const error = logged(page, 'error').first()
  await expect(error).toContainText('init')
  await expect(error).toContainText('The provided session token is invalid.')
  await expect(error).toContainText('create a new session — tokens last 10 minutes and serve one form', {
    ignoreCase: true,
  })
})

test('another script version than the session’s still initialises: the library never sends its version', async ({
  page,
}) => {
  await page.getByText('Advanced').click()
  await page.getByLabel('Script version').fill('1.7.0.261471')
  await createSession(page)
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  await expect(field(page, '.card-number').getByLabel('Card number')).toBeVisible()
  await expect(logged(page, 'error')).toHaveCount(0)
  await page.getByLabel('Script version').fill('')
})

test('tokenization on a terminal without secure tokens fails at initialize() with a hint', async ({
  page,
}) => {
  await createSession(page, { terminal: '1234002', scenario: 'Tokenization' })
  const error = logged(page, 'error').first()
  await expect(error).toContainText(
    "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens.",
  )
  await expect(error).toContainText('use payment, or enable secure tokens for this terminal', {
    ignoreCase: true,
  })
  // A failure comes from the error event: the console never says ready.
  await expect(page.getByTestId('form-status')).toHaveText(/^Form failed: /)
  await expect(logged(page, 'page:ready')).toHaveCount(0)
})

test('an invalid card number is reported by fieldValidityChange', async ({ page }) => {
  await createSession(page)
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  const number = field(page, '.card-number').getByLabel('Card number')
  await number.fill('4539858876047063')
  await number.blur()
  const change = logged(page, 'fieldValidityChange').filter({ hasText: 'cardNumber' }).first()
  await expect(change).toContainText('Your credit card number is invalid')
  // Invalid card data is not an error event: `field` errors mean a field could not be embedded.
  await expect(logged(page, 'error')).toHaveCount(0)
})
