/**
 * One honest verdict per attempt, with the keyboard at 1024×700: terminal 1234002 + Tokenization creates a
 * session whose card form fails, and the Outcome region, the toast and History (its outcome column and Re-run)
 * all say so — never a green "Session created".
 */
import type { Locator, Page } from '@playwright/test'
import { expect, screenshot, test } from './fixtures'

const CREATE = process.platform === 'darwin' ? 'Meta+Enter' : 'Control+Enter'
const FAILED = 'Session created, but the card form failed: this terminal is not set up for secure tokens.'

async function focusWithTab(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
  }
  throw new Error(`${String(target)} never received the focus`)
}

test('a created session whose card form fails reads as a failure in Outcome, toast, History and Re-run', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  const outcome = page.getByRole('region', { name: 'Outcome' })
  await expect(outcome).toContainText('No attempt yet')

  const terminal = page.getByLabel('Processing terminal ID')
  await focusWithTab(page, terminal)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('1234002')
  const scenario = page.getByLabel('Scenario')
  await focusWithTab(page, scenario)
  await page.keyboard.press('End')
  await expect(scenario).toHaveValue('tokenization')
  await page.keyboard.press(CREATE)

  await expect(outcome).toContainText(FAILED, { timeout: 15_000 })
  await expect(outcome).toContainText('Tokenization · 1234002 · Sandbox')
  await expect(outcome).toContainText('Use the Payment scenario for this terminal')
  await expect(outcome).toHaveAttribute('data-tone', 'error')
  const toasts = page.getByRole('status', { name: 'Notifications' })
  await expect(toasts).toContainText(FAILED)
  await expect(toasts).not.toContainText('ready')
  await expect(toasts.getByText(/^Session created/)).toHaveCount(1)
  await screenshot(page, 'outcome-form-failed-1024x700')

  // A working attempt next: the same region says so, the toast is the success one.
  await focusWithTab(page, terminal)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('1234001')
  await page.keyboard.press(CREATE)
  await expect(outcome).toContainText('Session created and the card form is ready.', { timeout: 15_000 })
  await expect(outcome).toHaveAttribute('data-tone', 'success')

  // History: Alt+2 opens it; the failed attempt's outcome column is the combined verdict.
  await page.keyboard.press('Alt+2')
  const rows = page.locator('table.data-table tbody tr')
  const broken = rows.filter({ hasText: '1234002' })
  await expect(broken).toHaveCount(1)
  await expect(broken).toContainText('Created · form failed')
  await expect(rows.filter({ hasText: '1234001' }).first()).toContainText('Created · form ready')
  await expect(page.getByRole('columnheader', { name: 'Profile' })).toBeVisible()

  // Re-run says how the new attempt ended once its card form (on the Session screen) reported.
  const rerun = broken.getByRole('button', { name: /^Re-run/ })
  await rerun.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Re-run created a new session' })).toContainText(
    `Outcome: ${FAILED}`,
    { timeout: 15_000 },
  )
  await expect(rows.filter({ hasText: '1234002' })).toHaveCount(2)
  await expect(rows.filter({ hasText: '1234002' }).first()).toContainText('Created · form failed')
  await screenshot(page, 'outcome-history-1024x700')
})
