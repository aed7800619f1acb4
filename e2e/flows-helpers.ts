/**
 * The console's test page in e2e specs: its frames, creating a session from the Session form, and filling its ACH
 * and PAD forms (their fields are iframes of the sandbox origin).
 */
import type { FrameLocator, Page } from '@playwright/test'

export const testPage = (page: Page): FrameLocator =>
  page.frameLocator('iframe[title="Hosted Fields test page"]')
export const field = (page: Page, target: string): FrameLocator =>
  testPage(page).frameLocator(`${target} iframe`)

/** Create session from the Session form (card form; terminal 1234001, Payment and no secure token unless given). */
export async function createSession(
  page: Page,
  options: { terminal?: string; scenario?: 'Payment' | 'Tokenization'; secureTokenId?: string } = {},
): Promise<void> {
  await page.getByLabel('Processing terminal ID').fill(options.terminal ?? '1234001')
  await page.getByLabel('Scenario').selectOption({ label: options.scenario ?? 'Payment' })
  await page.getByLabel('Secure token ID').fill(options.secureTokenId ?? '')
  await page.getByRole('button', { name: 'Create session' }).click()
}

/** Fills each field and leaves it (the library validates and sends a field to the gateway on blur). */
export async function fill(page: Page, steps: [string, string, string][]): Promise<void> {
  for (const [target, label, value] of steps) {
    const box = field(page, target).getByLabel(label, { exact: true })
    await box.fill(value)
    await box.blur()
  }
}

export async function fillAch(page: Page): Promise<void> {
  await fill(page, [['.ach-account-holder', 'Name on account', 'Jo Tester']])
  await field(page, '.ach-account-type').getByLabel('Checking').check()
  await fill(page, [
    ['.ach-account-number', 'Account number', '123456789'],
    ['.ach-routing-number', 'Routing number', '021000021'],
  ])
}

export async function fillPad(page: Page): Promise<void> {
  await fill(page, [
    ['.pad-account-holder', 'Name on account', 'Jo Tester'],
    ['.pad-account-number', 'Account number', '1234567'],
    ['.pad-institution-number', 'Institution number', '001'],
    ['.pad-transit-number', 'Transit number', '12345'],
  ])
}
