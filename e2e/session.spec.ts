import { expect, MM_SS, screenshot, test, toSeconds } from './fixtures'

test('creates a session in the Sandbox and counts its token down', async ({ page }) => {
  // CSP violations and script errors show up here; the console page must have none.
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await expect(page.getByLabel('Environment')).toHaveValue('sandbox')
  await expect(page.getByLabel('Processing terminal ID')).toHaveValue('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()

  const card = page.getByRole('region', { name: 'Session token' })
  await expect(card.getByTestId('session-token')).toHaveText(/^[A-Za-z0-9_-]{20,}$/)
  const countdown = card.getByLabel('Expires in')
  await expect(countdown).toHaveText(MM_SS)
  const first = toSeconds((await countdown.textContent()) ?? '')
  expect(first).toBeGreaterThan(9 * 60)
  expect(first).toBeLessThanOrEqual(10 * 60)
  await expect
    .poll(async () => toSeconds((await countdown.textContent()) ?? ''), { timeout: 4_000 })
    .toBeLessThan(first)

  await card.getByRole('button', { name: 'Copy token' }).click()
  await expect(card.getByRole('status')).toHaveText('Copied')
  await expect(
    page.getByRole('region', { name: 'Hosted Fields test page' }).locator('iframe'),
  ).toHaveAttribute('title', 'Hosted Fields test page')
  await screenshot(page, 'main-screen')

  // The window's minimum size stays usable.
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect(card.getByTestId('session-token')).toBeVisible()
  await screenshot(page, 'main-screen-1024x700')
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'main-screen-dark')
  expect(problems, problems.join('\n')).toEqual([])
})

test('keeps the bridge secret out of the address bar', async ({ page }) => {
  expect(page.url()).not.toContain('token=')
})
