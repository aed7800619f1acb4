/**
 * The simulated library's fields: validation events per field (Playwright frame locators into the sandbox-origin
 * iframes), the submit button in its own frame, single-use tokens, surcharging, fault-forced submission errors,
 * styles and destroy().
 */
import {
  CARD_TARGETS,
  events,
  expect,
  fillCard,
  FUTURE_EXPIRY,
  initState,
  input,
  payloads,
  submitButton,
  test,
  type CardFieldName,
  type LibraryBed,
} from './library-fixtures'
import type { Page } from '@playwright/test'
import { sandboxControlClient } from '../src/sandbox/control-client'

interface Validity {
  field: string
  validationError?: string
}

/** A new session (terminal and scenario as given), its checkout page opened and initialised; the session token. */
async function openForm(
  page: Page,
  bed: LibraryBed,
  {
    terminal,
    scenario,
    ...query
  }: { terminal?: string; scenario?: string; mode?: string; variant?: string } = {},
): Promise<string> {
  const token = await bed.createSession(terminal, scenario)
  await page.goto(bed.checkout({ token, ...query }))
  await expect(initState(page)).toHaveText('resolved')
  expect(token).toMatch(/^[0-9a-f]{48}$/)
  return token
}

/** The last fieldValidityChange for a field, waiting until it says what we expect. */
async function expectValidity(page: Page, field: CardFieldName, validationError: string | undefined) {
  await expect
    .poll(async () => {
      const all = (await payloads<Validity>(page, 'fieldValidityChange')).filter(
        (item) => item.field === field,
      )
      return all.length === 0 ? 'none' : (all[all.length - 1] as Validity).validationError
    })
    .toBe(validationError)
}

const ERROR_TARGETS: Record<CardFieldName, string> = {
  cardholderName: '.card-holder-name-error',
  cardNumber: '.card-number-error',
  expiryDate: '.card-expiry-error',
  cvv: '.card-cvv-error',
}

test('renders each field in its own sandbox-origin iframe with a labelled input', async ({ page, bed }) => {
  await openForm(page, bed)
  for (const [name, [target, label]] of Object.entries(CARD_TARGETS)) {
    const frame = page.locator(`${target} iframe`)
    await expect(frame).toHaveAttribute(
      'src',
      new RegExp(`^${bed.sandbox.url}/hosted-fields/frame\\?field=${name}&`),
    )
    await expect(input(page, name as CardFieldName)).toBeVisible()
    await expect(frame).toHaveAttribute('title', label)
  }
  // The CVV frame sits inside the wrapper; the submit button shows the configured value.
  await expect(page.locator('.card-cvv-wrapper iframe')).toHaveCount(1)
  await expect(submitButton(page)).toHaveText('Pay now')
})

test.describe('validation', () => {
  const cases: [CardFieldName, string, string, string][] = [
    ['cardNumber', '4539 8588 7604 7063', 'Card number is invalid.', '4539858876047062'],
    ['cardNumber', '45398588', 'Card number is invalid.', '5100270000000007'],
    ['expiryDate', '01/20', 'Expiry date is in the past.', FUTURE_EXPIRY],
    ['expiryDate', '13/30', 'Expiry month must be between 01 and 12.', FUTURE_EXPIRY],
    ['cvv', '12', 'CVV must be 3 or 4 digits.', '1234'],
    ['cardholderName', '   ', 'Cardholder name is required.', 'Jo Doe'],
  ]
  for (const [name, bad, message, good] of cases) {
    test(`${name}: "${bad}" → "${message}", then "${good}" → valid`, async ({ page, bed }) => {
      await openForm(page, bed)
      const box = input(page, name)
      await box.fill(bad)
      await box.blur()
      await expectValidity(page, name, message)
      await expect(page.locator(ERROR_TARGETS[name])).toHaveText(message)
      await expect(box).toHaveAttribute('aria-invalid', 'true')
      await box.fill(good)
      await expectValidity(page, name, undefined)
      await expect(page.locator(ERROR_TARGETS[name])).toHaveText('')
    })
  }

  test('formats the card number in groups and the expiry as MM/YY', async ({ page, bed }) => {
    await openForm(page, bed)
    await input(page, 'cardNumber').pressSequentially('4539858876047062')
    await expect(input(page, 'cardNumber')).toHaveValue('4539 8588 7604 7062')
    await input(page, 'expiryDate').pressSequentially('1230')
    await expect(input(page, 'expiryDate')).toHaveValue('12/30')
    await input(page, 'cvv').pressSequentially('12a34')
    await expect(input(page, 'cvv')).toHaveValue('1234')
  })

  test('submit with empty fields → one field error each and no request', async ({ page, bed }) => {
    await openForm(page, bed)
    await submitButton(page).click()
    await expect(events(page, 'error')).toHaveCount(4)
    const errors = await payloads<{ type: string; field: string; message: string }>(page, 'error')
    expect(errors.map((error) => error.type)).toEqual(['field', 'field', 'field', 'field'])
    expect(errors.map((error) => error.field).sort()).toEqual([
      'cardNumber',
      'cardholderName',
      'cvv',
      'expiryDate',
    ])
    await expect(page.locator('.card-number-error')).toHaveText('Card number is required.')
    const journal = bed.sandbox.journal(50)
    expect(journal.filter((entry) => entry.path === '/hosted-fields/single-use-tokens')).toHaveLength(0)
    await expect(events(page, 'submissionSuccess')).toHaveCount(0)
  })
})

test('a Visa payment → submissionSuccess with a single-use token valid 30 minutes, no card data on the page', async ({
  page,
  bed,
}) => {
  await openForm(page, bed)
  await fillCard(page)
  await expect(events(page, 'surchargingNotAllowed')).toHaveCount(1)
  const clicked = Date.now()
  await submitButton(page).click()
  await expect(events(page, 'submissionSuccess')).toHaveCount(1)
  const [success] = await payloads<{ token: string; expiresAt: string }>(page, 'submissionSuccess')
  expect(success?.token).toMatch(/^[0-9a-f]{128}$/)
  const lifetime = Date.parse(success?.expiresAt ?? '') - clicked
  expect(lifetime).toBeGreaterThan(29 * 60_000)
  expect(lifetime).toBeLessThan(31 * 60_000)
  expect(bed.sandbox.state.singleUseTokens.peek(success?.token ?? '')?.source).toMatchObject({
    cardType: 'Visa',
  })
  // Only validity and events reached the merchant page: no card number, CVV or expiry in what it saw.
  const seen = await page.locator('#events').textContent()
  expect(seen).not.toContain('4539')
  expect(seen).not.toContain(FUTURE_EXPIRY)
  await expect(events(page, 'error')).toHaveCount(0)
  for (const name of ['ready', 'focus', 'blur', 'submissionError'])
    await expect(events(page, name)).toHaveCount(0)
})

test('every UAT test card succeeds (any CVV)', async ({ page, bed }) => {
  const cards = [
    '4000060000000006',
    '5001650000000000',
    '3400000000000000',
    '6011000000000004',
    '3528000000000007',
  ]
  for (const [index, number] of cards.entries()) {
    await openForm(page, bed)
    await fillCard(page, { number, cvv: index % 2 === 0 ? '999' : '0000' })
    await submitButton(page).click()
    await expect(events(page, 'submissionSuccess')).toHaveCount(1)
  }
})

test('tokenization mode on 1234001 → a single-use token for a tokenization session', async ({
  page,
  bed,
}) => {
  await openForm(page, bed, {
    terminal: '1234001',
    scenario: 'tokenization',
    mode: 'tokenization',
  })
  await fillCard(page, { number: '5100270000000007' })
  await submitButton(page).click()
  await expect(events(page, 'submissionSuccess')).toHaveCount(1)
  const [success] = await payloads<{ token: string }>(page, 'submissionSuccess')
  expect(bed.sandbox.state.singleUseTokens.peek(success?.token ?? '')?.scenario).toBe('tokenization')
})

test('terminal 1234003 → surchargingAllowed with 3 % and a disclosure', async ({ page, bed }) => {
  await openForm(page, bed, { terminal: '1234003' })
  await input(page, 'cardNumber').fill('4539858876047062')
  await expect(events(page, 'surchargingAllowed')).toHaveCount(1)
  const [surcharge] = await payloads<{ percentage: number; disclosure: string }>(page, 'surchargingAllowed')
  expect(surcharge?.percentage).toBe(3)
  expect(surcharge?.disclosure).toContain('3%')
  await expect(events(page, 'surchargingNotAllowed')).toHaveCount(0)
})

test('a fault rule on the library group → a submission error; the next submit succeeds', async ({
  page,
  bed,
}) => {
  await openForm(page, bed)
  await fillCard(page)
  const fault = await sandboxControlClient(bed.sandbox.url).addFault({
    route: 'library',
    action: { type: 'status', status: 500 },
    times: 1,
  })
  expect(fault.remaining).toBe(1)
  await submitButton(page).click()
  await expect(events(page, 'error')).toHaveCount(1)
  const [error] = await payloads<{ type: string; message: string }>(page, 'error')
  // The detail of the spec's 500 example, the sandbox's default.
  expect(error).toEqual({ type: 'submission', message: 'We are unable to process your request at this time' })
  await expect(events(page, 'submissionSuccess')).toHaveCount(0)
  await submitButton(page).click()
  await expect(events(page, 'submissionSuccess')).toHaveCount(1)
})

test('a 400 forced by a fault rule carries its detail into the submission error', async ({ page, bed }) => {
  await openForm(page, bed)
  await fillCard(page)
  bed.sandbox.addFault({
    route: 'library',
    action: { type: 'status', status: 400, problem: { detail: 'Card declined by the sandbox.' } },
    times: 1,
  })
  await submitButton(page).click()
  await expect(events(page, 'error')).toHaveCount(1)
  const [error] = await payloads<{ type: string; message: string }>(page, 'error')
  expect(error?.type).toBe('submission')
  expect(error?.message).toContain('Card declined by the sandbox.')
})

test('styles: css.input reaches the inputs through a whitelist; disableDefaultStyles drops the default look', async ({
  page,
  bed,
}) => {
  await openForm(page, bed, { variant: 'styled' })
  const box = input(page, 'cardNumber')
  await expect(box).toHaveCSS('color', 'rgb(1, 2, 3)')
  await expect(box).toHaveCSS('background-image', 'none')
  await expect(box).not.toHaveCSS('border-radius', '6px')
})

test('destroy() removes the frames and the instance emits nothing afterwards', async ({ page, bed }) => {
  await openForm(page, bed)
  await input(page, 'cardNumber').fill('4111')
  await page.evaluate(() =>
    (globalThis as unknown as { hostedForm: { destroy(): void } }).hostedForm.destroy(),
  )
  await expect(page.locator('iframe')).toHaveCount(0)
  const before = await page.locator('#events li').count()
  // A message forged by the merchant page itself (wrong origin) is ignored as well.
  await page.evaluate(() =>
    (globalThis as unknown as { postMessage(message: unknown, origin: string): void }).postMessage(
      { source: 'payroc-hosted-fields', type: 'success', token: 'x' },
      '*',
    ),
  )
  await expect(page.locator('#events li')).toHaveCount(before)
})
