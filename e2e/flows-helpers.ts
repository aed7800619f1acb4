/** Filling the test page's ACH and PAD forms (their fields are iframes of the sandbox origin). */
import type { FrameLocator, Page } from '@playwright/test'

export const testPage = (page: Page): FrameLocator =>
  page.frameLocator('iframe[title="Hosted Fields test page"]')
export const field = (page: Page, target: string): FrameLocator =>
  testPage(page).frameLocator(`${target} iframe`)

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
