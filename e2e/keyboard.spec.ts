/**
 * The console without a mouse: only page.keyboard from the first Tab to the History entry. Environment, form,
 * Ctrl/⌘+Enter, Copy token, into the test page and its nested card-number frame, and the History through the
 * top bar's sections (arrow keys, Enter). Also the skip link and the shortcut help.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const VISA = '4539858876047062'
const CREATE = process.platform === 'darwin' ? 'Meta+Enter' : 'Control+Enter'

/** True when the element has the keyboard focus (its document is focused and it is the active element). */
const focused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => el === el.ownerDocument.activeElement && el.ownerDocument.hasFocus())

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    if ((await target.count()) > 0 && (await focused(target))) return presses
  }
  throw new Error(`${String(target)} never received the focus in ${max} presses`)
}

test('keyboard only: environment, form, Ctrl+Enter, copy, into the card number, then the History', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])

  // The first Tab stop is the skip link; the environment switcher follows the top bar.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to session form' })).toBeFocused()
  const environment = page.getByLabel('Environment')
  await tabTo(page, environment)
  await page.keyboard.press('ArrowDown')
  await expect(environment).toHaveValue('uat')
  await expect(page.getByText('Add the API key for UAT in Credentials')).toBeVisible()
  await page.keyboard.press('ArrowUp')
  await expect(environment).toHaveValue('sandbox')
  await expect(page.getByText('Add the API key for', { exact: false })).toHaveCount(0)

  const terminal = page.getByLabel('Processing terminal ID')
  await tabTo(page, terminal)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('1234001')
  await expect(terminal).toHaveValue('1234001')
  const scenario = page.getByLabel('Scenario')
  await tabTo(page, scenario)
  await page.keyboard.press('End')
  await expect(scenario).toHaveValue('tokenization')
  await page.keyboard.press('Home')
  await expect(scenario).toHaveValue('payment')

  // Create from wherever the focus is in the form.
  await page.keyboard.press(CREATE)
  const card = page.getByRole('region', { name: 'Session token' })
  const token = card.getByTestId('session-token')
  await expect(token).toHaveText(/^[A-Za-z0-9_-]{20,}$/)
  // The outcome toast (the attempt's verdict, once the card form is ready) is announced politely and leaves
  // the focus where it was.
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Session created and the card form is ready.',
    { timeout: 15_000 },
  )
  await expect(scenario).toBeFocused()
  await expect(page.getByTestId('token-announcer')).toContainText(
    `ending ${((await token.textContent()) ?? '').slice(-6)}`,
  )

  const copy = card.getByRole('button', { name: 'Copy token' })
  await tabTo(page, copy)
  await page.keyboard.press('Enter')
  await expect(card.getByRole('status')).toHaveText('Copied')
  expect(String(await page.evaluate('navigator.clipboard.readText()'))).toBe(await token.textContent())

  // On into the test page and through its fields: Tab reaches the card number inside the nested frame.
  await expect(
    page.getByRole('region', { name: 'Event log' }).locator('li[data-event="page:initialized"]'),
  ).toHaveCount(1, { timeout: 15_000 })
  const cardNumber = page
    .frameLocator('iframe[title="Hosted Fields test page"]')
    .frameLocator('.card-number iframe')
    .getByLabel('Card number')
  await tabTo(page, cardNumber, { max: 15 })
  await page.keyboard.type(VISA)
  await expect(cardNumber).toHaveValue(/4539\s?8588\s?7604\s?7062/)

  // Back out to the top bar's sections, arrow over to History, open it.
  const nav = page.getByRole('navigation', { name: 'Sections' })
  await tabTo(page, nav.getByRole('button', { name: 'Preflight', exact: true }), { back: true, max: 60 })
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  const history = nav.getByRole('button', { name: 'History', exact: true })
  await expect(history).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(history).toHaveAttribute('aria-current', 'page')
  const row = page.getByRole('table').locator('tbody tr').first()
  await expect(row).toContainText('1234001')
  await expect(row).toContainText('Created')
})

test('skip link, shortcut help, Alt+digit sections; Ctrl+Enter waits while a dialog is open', async ({
  page,
}) => {
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Processing terminal ID')).toBeFocused()

  // "?" in a text field is typing, not the help.
  await page.keyboard.press('End')
  await page.keyboard.press('?')
  await expect(page.getByLabel('Processing terminal ID')).toHaveValue('1234001?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused()
  await expect(help).toContainText('Create session')
  await page.keyboard.press(CREATE)
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await expect(page.getByRole('region', { name: 'Session token' })).toContainText('No session yet')

  await page.keyboard.press('Alt+3')
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Batch check' }),
  ).toHaveAttribute('aria-current', 'page')
  await page.keyboard.press('Alt+1')
  await expect(page.getByLabel('Processing terminal ID')).toBeVisible()
})
