/**
 * A support agent checks merchant checkout pages on the Merchant page screen: the sandbox's good sample page
 * passes every check (with a screenshot of the page), and faulty ones give the verdicts their fault calls for.
 */
import type { Page } from '@playwright/test'
import { SAMPLE_PAGES } from '../src/sandbox/merchant-pages'
import { openScreen } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'

test.describe.configure({ timeout: 120_000 })

async function checkSample(page: Page, name: string): Promise<void> {
  await openScreen(page, 'Merchant page')
  const screen = page.getByRole('main', { name: 'Merchant page' })
  const samples = screen.locator('details.page-samples')
  if (!(await samples.evaluate((element) => element.hasAttribute('open'))))
    await samples.locator('summary').click()
  await screen.getByRole('button', { name: `Use the ${name} sample page` }).click()
  await expect(screen.getByLabel('Page URL')).toHaveValue(new RegExp(`/${name}\\.html$`))
  await expect(screen.getByLabel('Environment the page should use')).toHaveValue('sandbox')
  await screen.getByRole('button', { name: 'Check page' }).click()
  await expect(screen.getByRole('status')).toBeVisible()
  await expect(screen.getByRole('progressbar', { name: 'Page check progress' })).toBeVisible()
  const report = page.getByRole('region', { name: 'Page check report' })
  await expect(report).toContainText(`${name}.html`, { timeout: 60_000 })
}

const STATUS = { pass: 'pass', warn: 'warn', fail: 'fail', skip: 'skipped' } as const

async function expectVerdicts(page: Page, name: string): Promise<void> {
  const sample = SAMPLE_PAGES.find((entry) => entry.name === name)
  if (!sample) throw new Error(`no sample page ${name}`)
  const report = page.getByRole('region', { name: 'Page check report' })
  for (const [id, verdict] of Object.entries(sample.expected)) {
    await expect(report.locator(`li.step[data-check="${id}"]`), `${name}: ${id}`).toHaveAttribute(
      'data-status',
      STATUS[verdict],
    )
  }
}

test('the good sample page passes every check, with its evidence and a screenshot', async ({ page }) => {
  await checkSample(page, 'good')
  await expectVerdicts(page, 'good')
  const report = page.getByRole('region', { name: 'Page check report' })
  await expect(report.locator('.preflight-summary')).toHaveText('Every check passed or was skipped.')
  await expect(report.getByRole('list', { name: 'Evidence for script' })).toContainText(
    '/js/hosted-fields/hosted-fields-1.7.0.261457.js',
  )
  const shot = report.getByRole('img', { name: /Screenshot of .*good\.html/ })
  await expect(shot).toBeVisible()
  expect(
    await shot.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
  ).toBeGreaterThan(100)
  // For the README: the examples folded away, a tall viewport so the report shows below the form.
  await page.locator('details.page-samples summary').click()
  await page.setViewportSize({ width: 1280, height: 1500 })
  await screenshot(page, 'merchant-page')
})

for (const name of ['csp-blocks-script', 'duplicate-selector', 'expired-token', 'api-key']) {
  test(`the ${name} sample page gives the verdicts of its fault`, async ({ page }) => {
    await checkSample(page, name)
    await expectVerdicts(page, name)
    const report = page.getByRole('region', { name: 'Page check report' })
    await expect(report.locator('.preflight-summary')).toContainText('failed')
    // A failed check says what to do.
    await expect(report.locator('li.step[data-status="fail"] .step-hint').first()).not.toBeEmpty()
    // The API key the api-key page leaks is shown masked, never whole.
    await expect(report).not.toContainText('sandbox-api-key')
  })
}
