/**
 * A reload restores the live session from main's memory: the token card comes back, the Event log with its
 * events, and the card form is marked spent (a session token serves one library instance) with "Create a new
 * session", which creates the same terminal's session again.
 */
import { expect, screenshot, test } from './fixtures'

test('a reload restores the token card and Event log; the spent form offers Create a new session', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  const token = page.getByTestId('session-token')
  await expect(token).toBeVisible()
  const before = (await token.textContent())?.trim() ?? ''
  const eventLog = page.getByRole('region', { name: 'Event log' })
  // The card form reports into the Event log; wait until at least one event arrived (and was forwarded).
  await expect(eventLog.locator('li.event').first()).toBeVisible({ timeout: 20_000 })
  const events = await eventLog.locator('li.event').count()
  await page.waitForTimeout(300)

  await page.reload()
  await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()
  await expect(token).toHaveText(before)
  await expect(eventLog.getByTestId('eventlog-restored')).toContainText('restored after a reload')
  expect(await eventLog.locator('li.event').count()).toBeGreaterThanOrEqual(events)
  const spent = page.getByTestId('spent-form')
  await expect(spent).toContainText('Card form spent')
  await expect(page.getByTitle('Hosted Fields test page')).toHaveCount(0)
  await screenshot(page, 'history-restore-after-reload-1024x700')

  await spent.getByRole('button', { name: 'Create a new session' }).click()
  await expect(token).not.toHaveText(before)
  await expect(spent).toHaveCount(0)
  await expect(page.getByTitle('Hosted Fields test page')).toBeVisible()
})
