/**
 * The flows after the form, as a QA tester runs them in the sandbox: tokenize, save as a secure token, run a sale
 * with it, refund it, find it in the Secure tokens list, update it, delete it — for a card, an ACH and a PAD
 * account. Through the browser preview, against the embedded sandbox.
 */
import type { Page } from '@playwright/test'
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
  test(`${flow.formType}: tokenize, save, sale, refund, find, update, delete`, async ({
    page,
    sandboxUrl,
  }) => {
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
    })
    await expect(sale.getByLabel('Saved secure token')).toBeChecked()
    await expect(sale.getByLabel('Secure token ID to pay with')).toHaveValue(id)
    await expect(sale.getByLabel('Currency')).toHaveValue(flow.currency)
    await expect(sale.getByLabel('Order ID')).toHaveValue(/^HFC-/)
    await sale.getByLabel('Amount preset').selectOption({ label: 'Approved (1000)' })
    await sale.getByRole('button', { name: 'Run sale' }).click()
    const result = sale.getByRole('region', { name: 'Sale result' })
    const first = result.getByTestId('payment-result').first()
    await expect(first).toContainText('approved', { timeout: 15_000 })
    await expect(first).toContainText('Response code')
    await screenshot(page, `flow-${slug}-sale`)
    // A sale is refunded once settled: close the sandbox's open batch (its control API), as the nightly close would.
    const closed = await fetch(`${sandboxUrl}/__sandbox/batches/close`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ processingTerminalId: flow.terminal }),
    })
    expect(closed.ok).toBe(true)
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
