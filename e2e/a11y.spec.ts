/**
 * axe-core over every screen and state of the console, in the light and the dark color scheme: no serious or
 * critical WCAG 2.1 A/AA violation anywhere (the test page and its card-field frames included — axe runs in
 * every frame). Each state is scanned where it is reached, and every finding is printed readably at the end.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { openScreen } from './diagnosis-helpers'
import { expect, test } from './fixtures'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa']

interface Finding {
  state: string
  text: string
}

async function scan(page: Page, state: string, findings: Finding[]): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
    const nodes = violation.nodes
      .slice(0, 6)
      .map(
        (node) =>
          `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      )
      .join('\n')
    findings.push({
      state,
      text: `[${state}] ${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} node(s))\n${nodes}`,
    })
  }
}

const testPage = (page: Page) => page.frameLocator('iframe[title="Hosted Fields test page"]')

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious on any screen (${scheme})`, async ({ page }) => {
    test.setTimeout(150_000)
    await page.emulateMedia({ colorScheme: scheme })
    const findings: Finding[] = []

    // Session, empty.
    await expect(page.getByRole('region', { name: 'Session token' })).toContainText('No session yet')
    await scan(page, 'session: empty', findings)

    // Session with a gateway error (403) and its Inspector.
    await page.getByLabel('Processing terminal ID').fill('9999999')
    await page.getByRole('button', { name: 'Create session' }).click()
    await expect(page.getByRole('alert')).toContainText('403')
    await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('403')
    await scan(page, 'session: gateway error', findings)

    // Session created, the test page and its card fields loaded.
    await page.getByLabel('Processing terminal ID').fill('1234001')
    await page.getByRole('button', { name: 'Create session' }).click()
    await expect(page.getByTestId('session-token')).toBeVisible()
    await expect(
      page.getByRole('region', { name: 'Event log' }).locator('li[data-event="page:initialized"]'),
    ).toHaveCount(1, { timeout: 15_000 })
    await expect(testPage(page).frameLocator('.card-number iframe').getByLabel('Card number')).toBeVisible()
    await scan(page, 'session: created + test page', findings)

    // History with entries.
    await openScreen(page, 'History')
    await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible()
    await scan(page, 'history', findings)

    // Batch check with results.
    await openScreen(page, 'Batch check')
    await page.getByLabel('Terminal IDs').fill(['1234001', '1234002', '9999001', 'ab', '1234001'].join('\n'))
    await page.getByRole('button', { name: 'Run check' }).click()
    await expect(page.getByTestId('batch-state')).toHaveText('Completed', { timeout: 20_000 })
    await scan(page, 'batch check: results', findings)

    // Preflight with results.
    await openScreen(page, 'Preflight')
    const preflight = page.getByRole('main', { name: 'Preflight' })
    await preflight.getByRole('button', { name: 'Run preflight' }).click()
    await expect(preflight.locator('li.step[data-step="payment-session"]')).toHaveAttribute(
      'data-status',
      /pass|fail|warn/,
      { timeout: 15_000 },
    )
    await scan(page, 'preflight: results', findings)

    // Merchant page with a report (the sandbox's good sample page).
    await openScreen(page, 'Merchant page')
    const merchantPage = page.getByRole('main', { name: 'Merchant page' })
    await merchantPage.locator('details.page-samples summary').click()
    await merchantPage.getByRole('button', { name: 'Use the good sample page' }).click()
    await merchantPage.getByRole('button', { name: 'Check page' }).click()
    await expect(page.getByRole('region', { name: 'Page check report' })).toBeVisible({ timeout: 60_000 })
    await scan(page, 'merchant page: report', findings)

    // Settings (danger zone).
    await page.getByRole('button', { name: 'Settings' }).click()
    await expect(page.getByRole('button', { name: 'Clear all data' })).toBeVisible()
    await scan(page, 'settings', findings)

    // UAT without credentials: the empty state.
    await openScreen(page, 'Session')
    await page.getByLabel('Environment').selectOption({ label: 'UAT' })
    await expect(page.getByText('Add the API key for UAT in Credentials')).toBeVisible()
    await scan(page, 'session: UAT, no credentials', findings)

    // Production, and its confirmation dialog.
    await page.getByLabel('Environment').selectOption({ label: 'Production' })
    await expect(page.getByText('PRODUCTION', { exact: true })).toBeVisible()
    await page.getByLabel('Processing terminal ID').fill('1234001')
    await scan(page, 'session: production', findings)
    await page.getByRole('button', { name: 'Create session' }).click()
    const dialog = page.getByRole('dialog', { name: 'Confirm production call' })
    await expect(dialog).toBeVisible()
    await scan(page, 'production confirmation dialog', findings)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await page.getByLabel('Environment').selectOption({ label: 'Sandbox' })

    const report = findings.map((f) => f.text).join('\n\n')
    if (report) console.log(`axe (${scheme}):\n${report}`)
    expect(findings, report).toEqual([])
  })
}
