/**
 * The layout from the minimum window (1024×700) to a large screen (1920×1080): no horizontal scrolling on any
 * screen, and screenshots of the main screen, the test page with a card entered, the Inspector and the batch
 * check at both sizes (docs/screenshots/layout-<width>-*.png, used by the README), plus Production in both
 * color schemes.
 */
import type { Page } from '@playwright/test'
import { openScreen } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const

const testPage = (page: Page) => page.frameLocator('iframe[title="Hosted Fields test page"]')
const field = (page: Page, target: string) => testPage(page).frameLocator(`${target} iframe`)

/** Nothing sticks out sideways: the page never needs a horizontal scrollbar. */
async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(
    '(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)()',
  )
  expect(overflow, `${where} overflows sideways by ${String(overflow)} px`).toBeLessThanOrEqual(0)
}

/** Toasts come and go; the screenshots show the screen itself. */
async function withoutToasts(page: Page): Promise<void> {
  for (const close of await page.getByRole('button', { name: 'Dismiss notification' }).all())
    await close.click()
}

for (const { width, height } of SIZES) {
  test(`layout holds at ${width}×${height}`, async ({ page }) => {
    test.setTimeout(60_000)
    await page.setViewportSize({ width, height })
    const name = (what: string) => `layout-${width}-${what}`

    // Main screen: a created session with its card form loaded.
    await page.getByLabel('Processing terminal ID').fill('1234001')
    await page.getByLabel('Scenario').selectOption({ label: 'Payment' })
    await page.getByRole('button', { name: 'Create session' }).click()
    await expect(page.getByTestId('session-token')).toBeVisible()
    const cardNumber = field(page, '.card-number').getByLabel('Card number')
    await expect(cardNumber).toBeVisible({ timeout: 15_000 })
    await withoutToasts(page)
    await expectNoHorizontalOverflow(page, 'main screen')
    await screenshot(page, name('main'))

    // The test page with a card entered.
    await field(page, '.card-holder-name').getByLabel('Cardholder name').fill('Jo Tester')
    await cardNumber.fill('4539858876047062')
    await field(page, '.card-expiry').getByLabel('Expiry date').fill('12/30')
    await field(page, '.card-cvv').getByLabel('CVV').fill('123')
    await page.getByRole('region', { name: 'Hosted Fields test page' }).scrollIntoViewIfNeeded()
    await screenshot(page, name('testpage'))

    // The Inspector after a 403.
    await page.getByLabel('Processing terminal ID').fill('9999001')
    await page.getByRole('button', { name: 'Create session' }).click()
    const inspector = page.getByRole('region', { name: 'Inspector' })
    await expect(inspector.getByTestId('inspector-why')).toBeVisible()
    await inspector.locator('details', { hasText: 'Response headers and body' }).locator('summary').click()
    await withoutToasts(page)
    await inspector.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await expectNoHorizontalOverflow(page, 'inspector')
    await screenshot(page, name('inspector'))

    // The batch check with results.
    await openScreen(page, 'Batch check')
    const ids = [...Array.from({ length: 12 }, (_, i) => String(5550000 + i)), '9999001', 'ab', '1234002']
    await page.getByLabel('Terminal IDs').fill(ids.join('\n'))
    await page.getByRole('button', { name: 'Run check' }).click()
    await expect(page.getByTestId('batch-state')).toHaveText('Completed', { timeout: 20_000 })
    await withoutToasts(page)
    await expectNoHorizontalOverflow(page, 'batch check')
    await screenshot(page, name('batch'))

    // The other screens hold too.
    await openScreen(page, 'History')
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible()
    await expectNoHorizontalOverflow(page, 'history')
    await openScreen(page, 'Preflight')
    await expectNoHorizontalOverflow(page, 'preflight')

    // Production, unmistakable in both schemes.
    await openScreen(page, 'Session')
    await page.getByLabel('Environment').selectOption({ label: 'Production' })
    await expect(page.getByText('PRODUCTION', { exact: true })).toBeVisible()
    await page.getByLabel('Processing terminal ID').fill('1234001')
    await page.evaluate('window.scrollTo(0, 0)')
    await expectNoHorizontalOverflow(page, 'production')
    await screenshot(page, name('production-light'))
    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, name('production-dark'))
    await page.getByLabel('Environment').selectOption({ label: 'Sandbox' })
    await expect(page.getByText('PRODUCTION', { exact: true })).toHaveCount(0)
    await screenshot(page, name('main-dark'))
  })
}
