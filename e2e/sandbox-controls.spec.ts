/**
 * QA controls in the Sandbox, at 1024×700 with the keyboard: Expire now expires the session at once (form
 * disabled with the reason, Outcome says so), "Create a new session" recreates the SAME terminal and scenario
 * even after the form was emptied, and Force next response makes the next create meet a 500 once.
 */
import { expect, screenshot, test } from './fixtures'
import { sandboxControlClient } from '../src/sandbox/control-client'

test('Expire now, Create a new session with the same inputs, and Force next response', async ({
  page,
  sandboxUrl,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  const terminal = page.getByLabel('Processing terminal ID')
  await terminal.fill('1234001')
  await page.getByLabel('Scenario').selectOption('tokenization')
  await page.getByRole('button', { name: 'Create session' }).click()
  const outcome = page.getByRole('region', { name: 'Outcome' })
  await expect(outcome).toContainText('Session created and the card form is ready.', { timeout: 15_000 })
  const card = page.getByRole('region', { name: 'Session token' })
  const first = await card.getByTestId('session-token').textContent()

  const expire = card.getByRole('button', { name: 'Expire now' })
  await expire.focus()
  await page.keyboard.press('Enter')
  await expect(outcome).toContainText('The session expired, so the card form is disabled.')
  const testPage = page.getByRole('region', { name: 'Hosted Fields test page' })
  await expect(testPage).toContainText('The session expired, so the card form is disabled.')
  await expect(testPage.locator('iframe')).toHaveAttribute('inert', '')
  await expect(card.getByText('Expired now.')).toBeVisible()
  await screenshot(page, 'expire-now-1024x700')

  // The form was changed meanwhile: Create a new session still recreates the expired attempt's session.
  await terminal.fill('')
  await page.getByLabel('Scenario').selectOption('payment')
  const recreate = card.getByRole('button', { name: 'Create a new session' })
  await recreate.focus()
  await page.keyboard.press('Enter')
  await expect(card.getByTestId('session-token')).not.toHaveText(first ?? '')
  await expect(card).toContainText('terminal 1234001 · tokenization')
  await expect(outcome).toContainText('Session created and the card form is ready.', { timeout: 15_000 })

  // Force next response: 500 once. The console retries with the same Idempotency-Key, so the Inspector shows
  // two attempts and the sandbox's journal the 500.
  const force = page.getByLabel('Force next response')
  await force.focus()
  await force.selectOption('500')
  await expect(page.getByText('Set: the next create gets 500 Internal Server Error once.')).toBeVisible()
  // The journal is a bounded ring (full by now in a whole run): take this create's entries by time, not by count.
  const since = Date.now() - 1_000
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Enter' : 'Control+Enter')
  await expect(outcome).toContainText('Session created', { timeout: 15_000 })
  await expect(force).toHaveValue('')
  const after = await sandboxControlClient(sandboxUrl).journal(1000)
  const statuses = after
    .filter((entry) => Date.parse(entry.at) >= since && entry.route === 'sessions')
    .map((entry) => entry.status)
  expect(statuses).toContain(500)
  await expect(card).toContainText('2 ·')
  await screenshot(page, 'force-next-500-1024x700')
})
