/**
 * The Hosted Fields test page end to end, through the browser preview: the console frames the test page (its own
 * origin), which loads the sandbox's simulated library; the card fields are iframes of the sandbox origin inside
 * it. Success, secure tokens and the known failure paths end up in the Event log with their hints.
 */
import type { FrameLocator, Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { sandboxControlClient } from '../src/sandbox/control-client'

const VISA = '4539858876047062'

const testPage = (page: Page): FrameLocator => page.frameLocator('iframe[title="Hosted Fields test page"]')
const field = (page: Page, target: string): FrameLocator => testPage(page).frameLocator(`${target} iframe`)

async function createSession(
  page: Page,
  options: { terminal?: string; scenario?: 'Payment' | 'Tokenization'; secureTokenId?: string } = {},
): Promise<void> {
  await page.getByLabel('Processing terminal ID').fill(options.terminal ?? '1234001')
  await page.getByLabel('Scenario').selectOption({ label: options.scenario ?? 'Payment' })
  await page.getByLabel('Secure token ID').fill(options.secureTokenId ?? '')
  await page.getByRole('button', { name: 'Create session' }).click()
}

async function fillCard(page: Page, card = VISA): Promise<void> {
  await field(page, '.card-holder-name').getByLabel('Cardholder name').fill('Jo Tester')
  await field(page, '.card-number').getByLabel('Card number').fill(card)
  await field(page, '.card-expiry').getByLabel('Expiry date').fill('12/30')
  await field(page, '.card-cvv').getByLabel('CVV').fill('123')
}

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
  await expect(success).toHaveCount(1)
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
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1)

  const panel = page.getByRole('region', { name: 'Secure token' })
  await panel.getByRole('button', { name: 'Save as secure token' }).click()
  const saved = panel.getByTestId('secure-token')
  await expect(saved).toContainText(/MREF_/)
  await expect(saved).toContainText('453985')
  await expect(saved).toContainText('7062')
  await expect(saved).not.toContainText(VISA)

  // The single-use token was consumed: saving it again gets the documented error on `token`, with its hint.
  await panel.getByRole('button', { name: 'Save as secure token' }).click()
  const alert = panel.getByRole('alert')
  await expect(alert).toContainText('400')
  await expect(alert).toContainText('token')
  await expect(alert).toContainText('A single-use token works once')
  await screenshot(page, 'testpage-secure-token')
})

test('update flow: a session with a secureTokenId updates the saved details', async ({ page }) => {
  const id = `e2e-${Date.now()}`
  // First save a secure token with that id…
  await createSession(page, { scenario: 'Tokenization', secureTokenId: id })
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  await fillCard(page)
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  const panel = page.getByRole('region', { name: 'Secure token' })
  await panel.getByRole('button', { name: 'Save as secure token' }).click()
  await expect(panel.getByTestId('secure-token')).toContainText(id)

  // …then a new tokenization session for it, another card, Update saved details.
  await createSession(page, { scenario: 'Tokenization', secureTokenId: id })
  await expect(logged(page, 'submissionSuccess')).toHaveCount(0)
  await expect(logged(page, 'page:initialized')).toHaveCount(1)
  await fillCard(page, '5100270000000007')
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1)
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
  const error = logged(page, 'error').first()
  await expect(error).toContainText('init')
  await expect(error).toContainText('expired')
  await expect(error).toContainText('create a new session — tokens last 10 minutes and serve one form', {
    ignoreCase: true,
  })
})

test('libVersion mismatch: another script version than the session’s is refused at initialize()', async ({
  page,
}) => {
  await page.getByText('Advanced').click()
  await page.getByLabel('Script version').fill('1.7.0.261471')
  await createSession(page)
  const error = logged(page, 'error').first()
  await expect(error).toContainText('Invalid libVersion 1.7.0.261471')
  await expect(error).toContainText("the session's libVersion must equal the loaded script's version", {
    ignoreCase: true,
  })
  await page.getByLabel('Script version').fill('')
})

test('tokenization on a terminal without secure tokens fails at initialize() with a hint', async ({
  page,
}) => {
  await createSession(page, { terminal: '1234002', scenario: 'Tokenization' })
  const error = logged(page, 'error').first()
  await expect(error).toContainText('Secure tokens are not enabled')
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
  await field(page, '.card-number').getByLabel('Card number').fill('4539858876047063')
  await field(page, '.card-expiry').getByLabel('Expiry date').fill('12/30')
  const change = logged(page, 'fieldValidityChange').filter({ hasText: 'cardNumber' }).first()
  await expect(change).toContainText('validationError')
})
