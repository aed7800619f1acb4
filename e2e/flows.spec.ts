/**
 * The flows after the form, as a QA tester runs them in the sandbox: tokenize, save as a secure token, run a sale
 * with it, refund it, find it in the Secure tokens list, update it, delete it — for a card, an ACH and a PAD
 * account. Through the browser preview, against the embedded sandbox.
 */
import type { Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, screenshot, test } from './fixtures'
import { field, fillAch, fillPad } from './flows-helpers'

const logged = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Event log' }).locator(`li[data-event="${name}"]`)
const SUBMIT_WAIT = { timeout: 15_000 }

async function fillCard(page: Page): Promise<void> {
  const steps: [string, string, string][] = [
    ['.card-holder-name', 'Cardholder name', 'Jo Tester'],
    ['.card-number', 'Card number', '4539858876047062'],
    ['.card-expiry', 'Expiry date', '12/30'],
    ['.card-cvv', 'CVV', '123'],
  ]
  for (const [target, label, value] of steps) {
    const box = field(page, target).getByLabel(label, { exact: true })
    await box.fill(value)
    await box.blur()
  }
}

/** Toasts come and go; the screenshots show the screen itself. */
async function withoutToasts(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Dismiss notification' })
  // Toasts also leave on their own, so each click may find its toast gone.
  for (let left = 10; left > 0 && (await close.count()) > 0; left--)
    await close
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined)
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, where).toEqual([])
}

async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(
    '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
  )
  expect(overflow, `${where} overflows sideways by ${String(overflow)} px`).toBeLessThanOrEqual(0)
}

const FLOWS = [
  {
    formType: 'Card',
    terminal: '1234001',
    fill: fillCard,
    submit: 'Save card',
    masked: '7062',
    currency: 'USD',
  },
  {
    formType: 'ACH',
    terminal: '1234004',
    fill: fillAch,
    submit: 'Save account',
    masked: '6789',
    currency: 'USD',
  },
  {
    formType: 'PAD',
    terminal: '1234005',
    fill: fillPad,
    submit: 'Save account',
    masked: '4567',
    currency: 'CAD',
  },
] as const

for (const flow of FLOWS) {
  test(`${flow.formType}: tokenize, save, sale, refund, find, update, delete`, async ({ page }) => {
    test.setTimeout(90_000)
    const id = `e2e-${flow.formType.toLowerCase()}-${Date.now()}`
    const slug = flow.formType.toLowerCase()

    // Tokenize and save.
    await page.getByLabel('Form type').selectOption({ label: flow.formType })
    await page.getByLabel('Processing terminal ID').fill(flow.terminal)
    await page.getByLabel('Scenario').selectOption({ label: 'Tokenization' })
    await page.getByLabel('Secure token ID').fill(id)
    await page.getByRole('button', { name: 'Create session' }).click()
    await expect(logged(page, 'page:ready')).toHaveCount(1)
    await flow.fill(page)
    await field(page, '.submit-button').getByRole('button', { name: flow.submit }).click()
    await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)
    const saving = page.getByRole('region', { name: 'Secure token' })
    await saving.getByRole('button', { name: 'Save as secure token' }).click()
    await expect(saving.getByTestId('secure-token')).toContainText(id)

    // Run a sale with the saved secure token (a bank-transfer payment for ACH and PAD), then refund it.
    const sale = page.getByRole('region', {
      name: flow.formType === 'Card' ? 'Sale' : /Bank transfer payment/,
      exact: flow.formType === 'Card',
    })
    await expect(sale.getByLabel('Saved secure token')).toBeChecked()
    await expect(sale.getByLabel('Token to pay with')).toHaveValue(id)
    await expect(sale.getByLabel('Currency')).toHaveValue(flow.currency)
    await expect(sale.getByLabel('Order ID')).toHaveValue(/^HFC-/)
    await sale.getByLabel('Sandbox outcome').selectOption({ label: 'Approved (1000)' })
    await sale.getByRole('button', { name: 'Run sale' }).click()
    const result = sale.getByRole('region', { name: 'Sale result' })
    const first = result.getByTestId('payment-result').first()
    await expect(first).toContainText('approved', { timeout: 15_000 })
    await expect(first).toContainText('Response code')
    await withoutToasts(page)
    await sale.scrollIntoViewIfNeeded()
    await screenshot(page, `flow-${slug}-sale`)
    // The call in the Inspector: the raw exchange of this sale.
    await first.getByRole('button', { name: /^Inspect the/ }).click()
    const inspector = sale.getByRole('region', { name: 'Inspector' })
    await expect(inspector).toContainText(flow.formType === 'Card' ? '/payments' : '/bank-transfer-payments')
    await inspector.getByRole('button', { name: 'Close' }).click()
    await expect(inspector).toHaveCount(0)

    // A sale is refunded once settled: Close batch (Sandbox) settles it, as the nightly close would.
    await result.getByRole('button', { name: 'Close batch' }).click()
    await expect(
      result.getByRole('status').filter({ hasText: /^Batch closed: 1 payment settled/ }),
    ).toBeVisible()
    await result.getByRole('button', { name: 'Refund' }).click()
    await expect(result.getByTestId('payment-result')).toHaveCount(2, { timeout: 15_000 })
    await expect(result.getByTestId('payment-result').nth(1)).toContainText(/refund: approved/i)

    // Find it in the list (masked), update the customer details, delete it.
    await page.keyboard.press('Alt+6')
    await expect(page.getByRole('heading', { name: 'Secure tokens', level: 1 })).toBeVisible()
    const filters = page.getByRole('search', { name: 'Secure token filters' })
    await filters.getByLabel('Processing terminal ID').fill(flow.terminal)
    await filters.getByLabel('Secure token ID').fill(id)
    await filters.getByRole('button', { name: 'Filter secure tokens' }).click()
    const list = page.getByRole('region', { name: 'Secure tokens list' })
    const row = list.locator(`tr[data-secure-token-id="${id}"]`)
    await expect(row).toHaveCount(1)
    await expect(row).toContainText(flow.masked)
    const masked = await row.getByTestId('masked-token').textContent()
    expect(masked).toMatch(/[*•…x]/i)
    await row.getByRole('button', { name: 'Retrieve' }).click()
    const details = page.getByRole('region', { name: 'Secure token details' })
    await expect(details.getByTestId('retrieved-token')).toHaveText(/^\d{12,19}$/)
    await details.getByLabel('First name').fill('Jo')
    await details.getByLabel('Last name').fill(`Tester ${slug}`)
    await details.getByRole('button', { name: 'Save customer details' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Customer details' })).toContainText(id)
    await expect(row).toContainText(`Jo Tester ${slug}`)
    await withoutToasts(page)
    await list.scrollIntoViewIfNeeded()
    await screenshot(page, `flow-${slug}-secure-tokens`)

    await row.getByRole('button', { name: 'Delete secure token' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete secure token' })
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: 'deleted' })).toContainText(id)
    await expect(row).toHaveCount(0)
    await filters.getByRole('button', { name: 'Filter secure tokens' }).click()
    await expect(list).toContainText('No secure token matches these filters.')
  })
}

test('at 1024×700 by keyboard, light and dark: a declined sale, the list, surcharging', async ({ page }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.keyboard.press('Alt+1')
    await page.getByLabel('Form type').selectOption({ label: 'Card' })
    await page.getByLabel('Processing terminal ID').fill('1234001')
    await page.getByLabel('Scenario').selectOption({ label: 'Payment' })
    await page.getByLabel('Secure token ID').fill('')
    await page.getByRole('button', { name: 'Create session' }).click()
    await expect(logged(page, 'page:ready')).toHaveCount(1)
    await fillCard(page)
    await field(page, '.submit-button').getByRole('button', { name: 'Pay now' }).click()
    await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)

    // The sale with the single-use token, by keyboard: the preset, then Enter on Run sale.
    const sale = page.getByRole('region', { name: 'Sale', exact: true })
    await expect(sale.getByLabel('Single-use token from the test page')).toBeChecked()
    await sale.getByLabel('Sandbox outcome').focus()
    await sale.getByLabel('Sandbox outcome').selectOption({ label: 'Declined, 05 (1001)' })
    await expect(sale.getByLabel('Amount')).toHaveValue('1001')
    await sale.getByRole('button', { name: 'Run sale' }).focus()
    await page.keyboard.press('Enter')
    const result = sale.getByRole('region', { name: 'Sale result' })
    await expect(result.getByTestId('payment-result').first()).toContainText('declined', { timeout: 15_000 })
    await expect(result.getByTestId('payment-result').first()).toContainText(/Processor response code\s*05/)
    await withoutToasts(page)
    await expectNoHorizontalOverflow(page, `sale (${scheme})`)
    await expectAxeClean(page, `sale (${scheme})`)
    if (scheme === 'light') {
      await sale.scrollIntoViewIfNeeded()
      await screenshot(page, 'flow-1024-sale-declined')
    }

    // Secure tokens screen: the list of the seeded terminal, surcharging, a single-use token without a browser.
    await page.keyboard.press('Alt+6')
    const filters = page.getByRole('search', { name: 'Secure token filters' })
    await filters.getByLabel('Processing terminal ID').fill('1234003')
    await filters.getByLabel('Secure token ID').fill('')
    await filters.getByLabel('Processing terminal ID').press('Enter')
    await expect(page.getByRole('region', { name: 'Secure tokens list' })).toBeVisible()
    await page.getByLabel('Amount to surcharge').fill('1000')
    await page.getByRole('button', { name: 'Check surcharging' }).click()
    const surcharge = page.getByTestId('surcharge-result')
    await expect(surcharge).toContainText('Surcharging allowed')
    await expect(surcharge).toContainText('3 %')
    await expectNoHorizontalOverflow(page, `secure tokens (${scheme})`)
    await expectAxeClean(page, `secure tokens (${scheme})`)
    if (scheme === 'light') {
      await surcharge.scrollIntoViewIfNeeded()
      await screenshot(page, 'flow-1024-surcharging')
    }
  }
})

test('a secure token updated from a single-use token made without a browser', async ({ page }) => {
  const id = `e2e-browserless-${Date.now()}`
  await page.getByLabel('Form type').selectOption({ label: 'Card' })
  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByLabel('Scenario').selectOption({ label: 'Tokenization' })
  await page.getByLabel('Secure token ID').fill(id)
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(logged(page, 'page:ready')).toHaveCount(1)
  await fillCard(page)
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)
  await page.getByRole('button', { name: 'Save as secure token' }).click()
  await expect(page.getByTestId('secure-token')).toContainText(id)

  await page.getByRole('button', { name: 'Secure tokens' }).click()
  const filters = page.getByRole('search', { name: 'Secure token filters' })
  await filters.getByLabel('Processing terminal ID').fill('1234001')
  await filters.getByLabel('Secure token ID').fill(id)
  await filters.getByRole('button', { name: 'Filter secure tokens' }).click()
  const row = page.locator(`tr[data-secure-token-id="${id}"]`)
  await row.getByRole('button', { name: 'Retrieve' }).click()
  const details = page.getByRole('region', { name: 'Secure token details' })
  await details.getByLabel('Test card preset').selectOption('debit-mastercard')
  await details.getByRole('button', { name: 'Create single-use token' }).click()
  await expect(details.getByTestId('browserless-token')).toContainText('510027')
  await details.getByRole('button', { name: 'Update account' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Account of' })).toContainText(id)
  await expect(details).toContainText('510027')

  // Use for update: back on the Session screen with the form filled.
  await row.getByRole('button', { name: 'Use for update' }).click()
  await expect(page.getByLabel('Secure token ID')).toHaveValue(id)
  await expect(page.getByLabel('Scenario')).toHaveValue('tokenization')
})
