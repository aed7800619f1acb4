import { expectNoSecrets } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'

test('after a 403 the Inspector says why, lays out the problem, and copies a cURL without the Bearer', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByLabel('Processing terminal ID').fill('9999001')
  await page.getByRole('button', { name: 'Create session' }).click()

  const inspector = page.getByRole('region', { name: 'Inspector' })
  // Why, in one sentence, at the top.
  await expect(inspector.getByTestId('inspector-why')).toContainText('may not use that processing terminal')
  await expect(inspector.locator('.inspector-meta .status-pill')).toHaveText('403')
  await expect(inspector.locator('.problem-title')).toHaveText('Forbidden')
  await expect(
    inspector.getByRole('link', { name: /docs\.payroc\.com\/api\/errors#forbidden/ }),
  ).toBeVisible()
  await expect(inspector.locator('.attempt-line')).toContainText('POST')
  await expect(inspector.locator('.attempt-line')).toContainText(
    '/processing-terminals/9999001/hosted-fields-sessions',
  )

  // The raw exchange is one click away.
  const response = inspector.locator('details', { hasText: 'Response headers and body' })
  await response.locator('summary').click()
  await expect(response.locator('pre.body')).toContainText('"title": "Forbidden"')
  const request = inspector.locator('details', { hasText: 'Request headers and body' })
  await request.locator('summary').click()
  await expect(request.locator('.headers')).toContainText(/idempotency-key/i)

  await inspector.getByRole('button', { name: 'Copy as cURL' }).click()
  await expect(inspector.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
  // A string: the node tsconfig has no DOM types.
  const command = String(await page.evaluate('navigator.clipboard.readText()'))
  // A two-step script: the identity step (PAYROC_API_KEY → PAYROC_BEARER), then the call; variables explained.
  expect(command).toMatch(/^#!\/bin\/sh/)
  expect(command).toContain('/authorize')
  expect(command).toMatch(/^curl .*hosted-fields-sessions/m)
  expect(command).toContain('$PAYROC_BEARER')
  expect(command).toContain('PAYROC_API_KEY   your API key for Sandbox')
  expect(command).toContain('9999001')
  expectNoSecrets('cURL', command)
  // Replaying the same Idempotency-Key returns the original answer: said in the Inspector and the script.
  await expect(inspector.getByTestId('curl-note')).toContainText('returns the original answer')
  expect(command).toContain('returns the ORIGINAL answer')
  await inspector.getByRole('button', { name: 'Copy with a fresh Idempotency-Key' }).click()
  await expect(inspector.getByRole('status').filter({ hasText: 'fresh Idempotency-Key' })).toBeVisible()
  const fresh = String(await page.evaluate('navigator.clipboard.readText()'))
  expect(fresh).toContain('IDEMPOTENCY_KEY=$(uuidgen')
  expect(fresh).toContain('Idempotency-Key: $IDEMPOTENCY_KEY')
  expectNoSecrets('cURL', fresh)
  await inspector.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await screenshot(page, 'inspector')
})

test('a successful create shows its 201 exchange in the Inspector', async ({ page }) => {
  await page.getByRole('button', { name: 'Create session' }).click()
  const inspector = page.getByRole('region', { name: 'Inspector' })
  await expect(inspector.locator('.inspector-meta .status-pill')).toHaveText('201')
  await expect(inspector.getByTestId('inspector-why')).toHaveCount(0)
  // The session token appears in the journal only as its last 6 characters.
  const token = (await page.getByTestId('session-token').textContent()) ?? ''
  expect(token.length).toBeGreaterThan(20)
  const response = inspector.locator('details', { hasText: 'Response headers and body' })
  await response.locator('summary').click()
  await expect(response.locator('pre.body')).not.toContainText(token)
})
