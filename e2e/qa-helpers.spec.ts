/**
 * The QA helpers of issue 15, as a QA tester uses them, at 1024×700 where it matters: the Test card select fills
 * the sandbox's card form in one click; copy buttons on every token and id; Save/Update disabled once the
 * single-use token is spent (the update toast says "updated"); the batch check by scenario with rows opened in the
 * Inspector and a CSV naming environment and profile; toasts that never lie over the form, the test page or the
 * Inspector; the Theme select; editing a custom environment; messages in the UI's labels. axe stays clean on
 * what is added here.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expectNoSecrets, exportCsv, openScreen } from './diagnosis-helpers'
import { expect, screenshot, test } from './fixtures'
import { createSession, field } from './flows-helpers'

const logged = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Event log' }).locator(`li[data-event="${name}"]`)
const clipboard = async (page: Page): Promise<string> =>
  String(await page.evaluate('navigator.clipboard.readText()'))
const SUBMIT_WAIT = { timeout: 15_000 }

async function axeClean(page: Page, state: string): Promise<void> {
  // The Event log's own scroll box (features/eventlog, not part of this spec's changes) is left out.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .exclude('.eventlog')
    .analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `[${state}] ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox()
  if (!box) throw new Error('no bounding box')
  return box
}

test('Test card fills the sandbox card form in one click; tokens are copied and spent buttons disable', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.setViewportSize({ width: 1024, height: 700 })
  const id = `qa-${Date.now()}`
  await createSession(page, { scenario: 'Tokenization', secureTokenId: id })
  await expect(page.getByTestId('form-status')).toHaveText('Form ready', { timeout: 15_000 })

  // Idempotency-Key and secure token ID of the session: copy buttons named for what they copy.
  const tokenCard = page.getByRole('region', { name: 'Session token' })
  await tokenCard.getByRole('button', { name: 'Copy ID of the secure token' }).click()
  expect(await clipboard(page)).toBe(id)
  await tokenCard.getByRole('button', { name: 'Copy Idempotency-Key' }).click()
  expect(await clipboard(page)).toMatch(/^[0-9a-f-]{36}$/)

  // One click: every field of the simulated library is filled and checked.
  const picker = page.getByLabel('Test card')
  await expect(picker.locator('option')).toHaveCount(11)
  await picker.selectOption({ label: 'Visa 4539 8588 7604 7062' })
  await expect(page.getByTestId('test-card')).toContainText('Filled Visa 4539 8588 7604 7062')
  await expect(field(page, '.card-number').getByLabel('Card number')).toHaveValue('4539858876047062')
  await expect(field(page, '.card-expiry').getByLabel('Expiry date')).toHaveValue(/^12\/\d{2}$/)
  await expect(field(page, '.card-cvv').getByLabel('CVV')).toHaveValue('123')
  await expect(field(page, '.card-holder-name').getByLabel('Cardholder name')).toHaveValue('Test Cardholder')
  await screenshot(page, 'qa-test-card-1024x700')
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)

  const panel = page.getByRole('region', { name: 'Secure token' })
  await panel.getByRole('button', { name: 'Copy single-use token' }).click()
  const singleUse = await clipboard(page)
  expect(singleUse.length).toBeGreaterThan(16)
  await expect(logged(page, 'submissionSuccess').getByTestId('single-use-token')).toHaveText(singleUse)

  await panel.getByRole('button', { name: 'Save as secure token' }).click()
  await expect(panel.getByTestId('secure-token')).toContainText(id)
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(`Secure token ${id} saved.`)
  // Spent: the single-use token served its one call.
  await expect(panel.getByRole('button', { name: 'Save as secure token' })).toBeDisabled()
  await expect(panel.getByRole('button', { name: 'Update saved details' })).toBeDisabled()
  await expect(panel).toContainText('This single-use token was used: the secure token was saved.')
  await panel.getByRole('button', { name: 'Copy ID of the saved secure token' }).click()
  expect(await clipboard(page)).toBe(id)
  await panel.getByRole('button', { name: 'Copy secure token', exact: true }).click()
  expect(await clipboard(page)).toMatch(/^296753\d+$/)
  await panel.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  await screenshot(page, 'qa-secure-token-spent-1024x700')
  await axeClean(page, 'test card and spent secure token')

  // Update: a new tokenization session for the same id, another test card, Update saved details.
  await page.evaluate('window.scrollTo(0, 0)')
  await createSession(page, { scenario: 'Tokenization', secureTokenId: id })
  await expect(logged(page, 'submissionSuccess')).toHaveCount(0)
  await expect(page.getByTestId('form-status')).toHaveText('Form ready', { timeout: 15_000 })
  await page.getByLabel('Test card').selectOption({ label: 'Debit Mastercard 5100 2700 0000 0007' })
  await expect(field(page, '.card-number').getByLabel('Card number')).toHaveValue('5100270000000007')
  await field(page, '.submit-button').getByRole('button', { name: 'Save card' }).click()
  await expect(logged(page, 'submissionSuccess')).toHaveCount(1, SUBMIT_WAIT)
  await panel.getByRole('button', { name: 'Update saved details' }).click()
  await expect(panel.getByTestId('secure-token')).toContainText('510027')
  const toasts = page.getByRole('status', { name: 'Notifications' })
  await expect(toasts).toContainText(`Secure token ${id} updated.`)
  await expect(toasts).not.toContainText(`Secure token ${id} saved.`)
  await expect(panel.getByRole('button', { name: 'Update saved details' })).toBeDisabled()
  await expect(panel).toContainText('the secure token was updated')
})

test('Batch check by scenario: tokenization catches 1234002, rows open in the Inspector, CSV names environment and profile', async ({
  page,
}) => {
  await openScreen(page, 'Batch check')
  // The Session screen (hidden now) has a Scenario select too: the visible one by role.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Both' })
  await expect(page.getByRole('note')).toContainText('a real payment session and a real tokenization session')
  await page.getByLabel('Terminal IDs').fill('1234001\n1234002\nxy')
  await page.getByRole('button', { name: 'Run check' }).click()
  await expect(page.getByTestId('batch-state')).toHaveText('Completed', { timeout: 20_000 })
  const summary = page.getByRole('list', { name: 'Verdicts' })
  await expect(summary.locator('[data-verdict="ok"]')).toHaveText('OK: 3')
  await expect(summary.locator('[data-verdict="no-secure-tokens"]')).toHaveText('No secure tokens: 1')
  await expect(page.getByTestId('batch-row-count')).toHaveText('5 rows')
  const table = page.getByRole('table', { name: 'Batch results' })
  const broken = table.locator('tbody tr[data-verdict="no-secure-tokens"]')
  await expect(broken).toContainText('1234002')
  await expect(broken).toContainText('Tokenization')
  await expect(broken).toContainText('201')
  await expect(table.locator('tbody tr[data-verdict="invalid"]')).toContainText(
    'Processing terminal ID must be at least 4 characters',
  )

  await broken.getByRole('button', { name: /^Inspect line 2 tokenization/ }).click()
  const inspector = page.getByRole('region', { name: 'Inspector' })
  await expect(inspector).toBeVisible()
  await expect(inspector.locator('.inspector-meta .status-pill')).toHaveText('201')
  await expect(inspector.locator('.attempt-line')).toContainText(
    '/processing-terminals/1234002/hosted-fields-sessions',
  )
  const request = inspector.locator('details', { hasText: 'Request headers and body' })
  await request.locator('summary').click()
  await expect(request.locator('pre.body')).toContainText('"scenario": "tokenization"')
  await page.setViewportSize({ width: 1024, height: 700 })
  await screenshot(page, 'qa-batch-inspector-1024x700')
  await axeClean(page, 'batch by scenario with the Inspector')

  const { csv } = await exportCsv(page)
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toContain('scenario,environment,environmentId,profile')
  expect(lines).toHaveLength(6)
  expect(lines.find((l) => l.includes('no-secure-tokens'))).toMatch(
    /^2,1234002,1234002,tokenization,Sandbox,sandbox,default,201,/,
  )
  expectNoSecrets('batch CSV', csv)
})

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
]) {
  test(`toasts never cover the form, the test page or the Inspector (${viewport.width}×${viewport.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    await createSession(page)
    await expect(page.getByTestId('form-status')).toHaveText('Form ready', { timeout: 15_000 })
    const toast = page.getByRole('status', { name: 'Notifications' }).locator('li.toast').first()
    await expect(toast).toBeVisible()
    const toastBox = await boxOf(toast)
    const targets: [string, Locator][] = [
      ['session form', page.locator('#session-form')],
      ['test page', page.locator('iframe[title="Hosted Fields test page"]')],
      ['Inspector', page.getByRole('region', { name: 'Inspector' })],
      ['Outcome', page.getByRole('region', { name: 'Outcome' })],
    ]
    for (const [name, target] of targets) {
      await expect(target, name).toBeVisible()
      expect(overlaps(toastBox, await boxOf(target)), `the toast lies over the ${name}`).toBe(false)
    }
    // Scrolled to the test page and to the Inspector: still nothing over them.
    for (const [name, target] of targets.slice(1, 3)) {
      await target.evaluate((element) => element.scrollIntoView({ block: 'start' }))
      if (await toast.isVisible())
        expect(overlaps(await boxOf(toast), await boxOf(target)), `the toast lies over the ${name}`).toBe(
          false,
        )
    }
    await page.evaluate('window.scrollTo(0, 0)')
    await screenshot(page, `qa-toast-${viewport.width}x${viewport.height}`)
  })
}

test('Theme: System, Light or Dark, from Settings (Alt+9), remembered after a reload', async ({ page }) => {
  await page.keyboard.press('Alt+9')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  const theme = page.getByLabel('Theme')
  await expect(theme).toHaveValue('system')
  await expect(theme.locator('option')).toHaveText(['System', 'Light', 'Dark'])
  await theme.selectOption({ label: 'Dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  // A string: the node tsconfig has no DOM types.
  const background = () => page.evaluate('getComputedStyle(document.documentElement).backgroundColor')
  const dark = await background()
  await page.reload()
  await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await background()).toBe(dark)
  await page.keyboard.press('Alt+9')
  await expect(page.getByLabel('Theme')).toHaveValue('dark')
  await screenshot(page, 'qa-settings-dark')
  await axeClean(page, 'settings, dark')
  await page.getByLabel('Theme').selectOption({ label: 'Light' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await background()).not.toBe(dark)
  await page.getByLabel('Theme').selectOption({ label: 'System' })
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./)
  // The shortcut help lists Settings.
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog')).toContainText('Go to Settings')
  await page.keyboard.press('Escape')
})

test('a custom environment can be edited; its messages use the form’s labels', async ({
  page,
  sandboxUrl,
}) => {
  await page.getByText('Custom environment').click()
  await page.getByLabel('Name', { exact: true }).fill(`Edit me ${Date.now() % 100000}`)
  await page.getByLabel('API base URL').fill(`${sandboxUrl}/v1`)
  await page.getByLabel('Identity base URL').fill(sandboxUrl)
  await page.getByLabel('CDN base URL').fill(sandboxUrl)
  await page.getByRole('button', { name: 'Save environment' }).click()
  const target = page.getByRole('region', { name: 'Target' })
  await expect(target).toContainText(`${sandboxUrl}/v1`)

  await target.getByRole('button', { name: 'Edit this custom environment' }).click()
  await expect(page.getByLabel('API base URL')).toHaveValue(`${sandboxUrl}/v1`)
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused()
  await page.getByLabel('API base URL').fill('http://api.example.com/v1')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText(/^API base URL must be https:\/\//)).toBeVisible()
  await expect(page.getByText(/apiBase/)).toHaveCount(0)
  await page.getByLabel('API base URL').fill(`${sandboxUrl}/v2`)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(target).toContainText(`${sandboxUrl}/v2`)
  await expect(page.getByRole('heading', { name: 'Custom environment', exact: true })).toBeVisible()
  // The same environment, edited (no second one).
  const options = page.getByLabel('Environment').locator('option', { hasText: 'Edit me' })
  await expect(options).toHaveCount(1)
  await target.getByRole('button', { name: 'Delete this custom environment' }).click()
  await expect(options).toHaveCount(0)
})
