/**
 * The test page's ACH and PAD forms (the library's `fields.ach` / `fields.pad`, chosen with Form type) and the
 * Advanced panel's library options (locale, styles, onPreSubmit, wrapperTarget: false, destroy() on demand),
 * each visible in the Event log. Through the browser preview, against the embedded sandbox's simulated library.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'
import { field, fill, fillAch, fillPad, testPage } from './flows-helpers'

const eventLog = (page: Page) => page.getByRole('region', { name: 'Event log' })
const logged = (page: Page, name: string) => eventLog(page).locator(`li[data-event="${name}"]`)
const SUBMIT_WAIT = { timeout: 15_000 }

async function createSession(
  page: Page,
  options: {
    formType?: 'Card' | 'ACH' | 'PAD'
    scenario?: 'Payment' | 'Tokenization'
    terminal?: string
  } = {},
): Promise<void> {
  await page.getByLabel('Form type').selectOption({ label: options.formType ?? 'Card' })
  if (options.terminal) await page.getByLabel('Processing terminal ID').fill(options.terminal)
  await page.getByLabel('Scenario').selectOption({ label: options.scenario ?? 'Payment' })
  await page.getByRole('button', { name: 'Create session' }).click()
}

async function optionsLogged(page: Page): Promise<unknown> {
  const text = await logged(page, 'page:options').first().locator('pre').textContent()
  return JSON.parse(text ?? 'null') as unknown
}

test('ACH: choosing ACH picks the ACH terminal and the page renders fields.ach', async ({ page }) => {
  await createSession(page, { formType: 'ACH', scenario: 'Tokenization' })
  await expect(page.getByLabel('Processing terminal ID')).toHaveValue('1234004')
  await expect(logged(page, 'page:ready')).toHaveCount(1)
  const options = (await optionsLogged(page)) as { fields: Record<string, unknown> }
  expect(Object.keys(options.fields)).toEqual(['ach'])
  expect(Object.keys(options.fields['ach'] as object)).toEqual([
    'nameOnAccount',
    'accountType',
    'achAccountNumber',
    'routingNumber',
    'submit',
  ])
  await expect(testPage(page).getByRole('heading', { name: 'Save a bank account (ACH)' })).toBeVisible()
  await fillAch(page)
  await screenshot(page, 'testpage-ach')
  await field(page, '.submit-button').getByRole('button', { name: 'Save account' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)
})

test('PAD: the page renders fields.pad and submits a single-use token', async ({ page }) => {
  await createSession(page, { formType: 'PAD', scenario: 'Payment' })
  await expect(page.getByLabel('Processing terminal ID')).toHaveValue('1234005')
  await expect(logged(page, 'page:ready')).toHaveCount(1)
  const options = (await optionsLogged(page)) as { fields: Record<string, unknown> }
  expect(Object.keys(options.fields)).toEqual(['pad'])
  await fillPad(page)
  await screenshot(page, 'testpage-pad')
  await field(page, '.submit-button').getByRole('button', { name: 'Pay now' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)

  // The single-use token pays a PAD bank transfer at once (in CAD), which Reverse then undoes.
  const sale = page.getByRole('region', { name: 'Bank transfer payment (PAD)' })
  await expect(sale.getByLabel('Single-use token from the test page')).toBeChecked()
  await expect(sale.getByLabel('Currency')).toHaveValue('CAD')
  await sale.getByRole('button', { name: 'Run sale' }).click()
  const result = sale.getByRole('region', { name: 'Sale result' })
  await expect(result.getByTestId('payment-result').first()).toContainText('Bank transfer: approved', {
    timeout: 15_000,
  })
  await expect(result.getByRole('button', { name: 'Capture' })).toHaveCount(0)
  await result.getByRole('button', { name: 'Reverse' }).click()
  await expect(result.getByTestId('payment-result').nth(1)).toContainText('reverse: approved', {
    timeout: 15_000,
  })
})

test('ACH on a card-only terminal: the library says the terminal does not allow it', async ({ page }) => {
  await page.getByLabel('Form type').selectOption({ label: 'ACH' })
  await page.getByLabel('Processing terminal ID').fill('1234003')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(logged(page, 'error')).toHaveCount(1)
  await expect(page.getByTestId('form-status')).toContainText('Form failed')
})

test('library options: locale, styles, onPreSubmit, wrapperTarget: false and destroy() in the Event log', async ({
  page,
}) => {
  await page.getByText('Advanced').click()
  await page.getByLabel('Locale').selectOption('fr')
  await page.getByLabel('onPreSubmit').selectOption({ label: 'Refuse (returns false)' })
  await page.getByLabel('wrapperTarget: false (no CVV wrapper, card form)').check()
  await page.getByLabel('Disable default styles').check()
  await page.getByLabel('Style selector').selectOption("button[type='submit']")
  await page.getByLabel('Style property').selectOption('background-color')
  await page.getByLabel('Style value').fill('rgb(215, 45, 45)')
  await page.getByRole('button', { name: 'Add style' }).click()
  await page.getByLabel('Style property').selectOption('color')
  await page.getByLabel('Style value').fill('#fff')
  await page.getByLabel('Style value').press('Enter')
  const rules = page.getByRole('list', { name: 'Styles' })
  await expect(rules).toContainText('background-color: rgb(215, 45, 45)')
  await expect(rules).toContainText('color: #fff')

  await createSession(page, { formType: 'Card', terminal: '1234001' })
  await expect(logged(page, 'page:ready')).toHaveCount(1)
  const options = (await optionsLogged(page)) as {
    locale: string
    onPreSubmit: string
    styles: { disableDefaultStyles: boolean; css: Record<string, Record<string, string>> }
    fields: { card: { cvv: { wrapperTarget: unknown } } }
  }
  expect(options.locale).toBe('fr')
  expect(options.onPreSubmit).toMatch(/refuse/)
  expect(options.styles).toEqual({
    disableDefaultStyles: true,
    css: { "button[type='submit']": { 'background-color': 'rgb(215, 45, 45)', color: '#fff' } },
  })
  expect(options.fields.card.cvv.wrapperTarget).toBe(false)

  // The style reaches the submit button's frame (the page passes its own button text, so no French there).
  const submit = field(page, '.submit-button').getByRole('button')
  await expect(submit).toHaveCSS('background-color', 'rgb(215, 45, 45)')
  await fill(page, [
    ['.card-holder-name', 'Cardholder name', 'Jo Tester'],
    ['.card-number', 'Card number', '4539858876047062'],
    ['.card-expiry', 'Expiry date', '12/30'],
    ['.card-cvv', 'CVV', '123'],
  ])
  await submit.click()
  // onPreSubmit refused: the page logs the answer, no token is made.
  await expect(logged(page, 'page:preSubmit')).toHaveCount(1)
  await expect(logged(page, 'page:preSubmit').locator('pre')).toContainText('"allowed": false')
  await expect(logged(page, 'submissionSuccess')).toHaveCount(0)
  await screenshot(page, 'testpage-options')
  await logged(page, 'page:preSubmit').scrollIntoViewIfNeeded()
  await screenshot(page, 'testpage-options-log')

  await page.getByRole('button', { name: 'Call destroy()' }).click()
  await expect(logged(page, 'page:destroyed')).toHaveCount(1)
  await expect(page.getByTestId('form-status')).toHaveText('Form destroyed: destroy() was called')
  await expect(page.getByRole('button', { name: 'Call destroy()' })).toBeDisabled()

  // Allow: the same options with onPreSubmit answering true end in a token (Reload form makes a new page).
  await page.getByLabel('onPreSubmit').selectOption({ label: 'Allow (returns true)' })
  await page.getByLabel('Locale').selectOption('en')
  await page.getByRole('button', { name: 'Reload form' }).click()
  // The log keeps the earlier page's events; the newest page:options is the reloaded page's.
  await expect(logged(page, 'page:ready')).toHaveCount(2)
  const reloaded = (await optionsLogged(page)) as { locale: string; onPreSubmit: string }
  expect(reloaded.locale).toBe('en')
  expect(reloaded.onPreSubmit).toMatch(/allow/)
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .include('.testpage-card')
    .analyze()
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([])
})
