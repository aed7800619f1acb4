import { expect, screenshot, sessionCallCount, test } from './fixtures'

test('a 3-character terminal ID is rejected inline and nothing is sent', async ({ page, sandboxUrl }) => {
  const before = await sessionCallCount(sandboxUrl)
  const terminal = page.getByLabel('Processing terminal ID')
  await terminal.fill('123')
  await page.getByRole('button', { name: 'Create session' }).click()

  await expect(page.getByText('Processing terminal ID must be at least 4 characters')).toBeVisible()
  await expect(terminal).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('region', { name: 'Session token' })).toContainText('No session yet')
  expect(await sessionCallCount(sandboxUrl)).toBe(before)
  await screenshot(page, 'validation')

  // Correcting the field clears its message.
  await terminal.fill('1234001')
  await expect(page.getByText('Processing terminal ID must be at least 4 characters')).toHaveCount(0)
})
