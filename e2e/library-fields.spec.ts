/**
 * The simulated library's fields beyond the parity matrix (library-parity.spec.ts): the frame URLs, Payroc's
 * validation texts per field, every UAT test card, tokenization, the styles whitelist, destroy(), and that no
 * card data reaches the merchant page.
 */
import {
  CARD_TARGETS,
  events,
  expect,
  expectPosted,
  expectReady,
  fillCard,
  FUTURE_EXPIRY,
  input,
  payloads,
  submitButton,
  test,
  VISA_CARD,
  type CardFieldName,
  type LibraryBed,
} from './library-fixtures'
import type { Page } from '@playwright/test'

interface Validity {
  field: string
  validationError?: string
}

const CARD_FIELDS = ['cardholderName', 'cardNumber', 'expiryDate', 'cvv']

/** A new session (terminal and scenario as given), its checkout page opened and ready; the session token. */
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
  await expectReady(page)
  return token
}

async function lastValidity(page: Page, field: CardFieldName): Promise<string | undefined | 'none'> {
  const all = (await payloads<Validity>(page, 'fieldValidityChange')).filter((item) => item.field === field)
  return all.length === 0 ? 'none' : (all[all.length - 1] as Validity).validationError
}

test('one iframe per field at the gateway frame page, with the sorted query Payroc’s library sends', async ({
  page,
  bed,
}) => {
  const token = await openForm(page, bed)
  const merchant = new URL(page.url()).origin
  for (const name of [...CARD_FIELDS, 'submit']) {
    const target = name === 'submit' ? '.submit-button' : CARD_TARGETS[name as CardFieldName][0]
    const src = await page.locator(`${target} iframe`).getAttribute('src')
    const url = new URL(src ?? '')
    expect(`${url.origin}${url.pathname}`).toBe(`${bed.sandbox.url}/merchant/hosted-fields`)
    const keys = [...url.searchParams.keys()]
    expect(keys).toEqual([...keys].sort())
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      field: name,
      hostedFieldsSessionId: token,
      targetOrigin: merchant,
      isCardholderNameMandatory: 'true',
      locale: 'en',
    })
  }
  await expect(submitButton(page)).toHaveText('Pay now')
})

test.describe('validation texts', () => {
  const cases: [CardFieldName, string, string, string][] = [
    [
      'cardNumber',
      '4539 8588',
      'The card number field should contain numeric values only',
      '4539858876047062',
    ],
    [
      'cardNumber',
      '45398588',
      'The card number field should be between 12 - 19 characters long',
      '5100270000000007',
    ],
    ['expiryDate', '01/20', 'Your credit card expiry date is invalid', FUTURE_EXPIRY],
    ['cvv', '12', 'The CVV field should be between 3 - 4 characters long', '1234'],
    [
      'cardholderName',
      '   ',
      'The card holder name field should be between 1 - 50 characters long',
      'Jo Doe',
    ],
  ]
  for (const [name, bad, message, good] of cases) {
    test(`${name}: "${bad}" → "${message}", then "${good}" → valid`, async ({ page, bed }) => {
      await openForm(page, bed)
      const box = input(page, name)
      await box.fill(bad)
      await box.blur()
      await expect.poll(() => lastValidity(page, name)).toBe(message)
      await expect(box).toHaveClass(/invalid/)
      await box.fill(good)
      await box.blur()
      await expect.poll(() => lastValidity(page, name)).toBe(undefined)
    })
  }

  test('the expiry is formatted while typing', async ({ page, bed }) => {
    await openForm(page, bed)
    await input(page, 'expiryDate').pressSequentially('1230')
    await expect(input(page, 'expiryDate')).toHaveValue('12/30')
  })

  test('submit with empty fields → no error event and no single-use token request', async ({ page, bed }) => {
    await openForm(page, bed)
    await submitButton(page).click()
    await expect.poll(() => lastValidity(page, 'cardNumber')).not.toBe('none')
    await expect(submitButton(page)).toBeEnabled()
    await expect(events(page, 'error')).toHaveCount(0)
    const journal = bed.sandbox.journal(50)
    expect(journal.filter((entry) => entry.path.endsWith('/single-use-tokens'))).toHaveLength(0)
  })
})

test('every UAT test card succeeds; the merchant page never sees card data', async ({ page, bed }) => {
  const cards = [
    '4000060000000006',
    '5001650000000000',
    '3400000000000000',
    '6011000000000004',
    '3528000000000007',
  ]
  for (const number of cards) {
    const token = await openForm(page, bed)
    await fillCard(page, { ...VISA_CARD, number, cvv: number.startsWith('34') ? '1234' : '999' })
    await expectPosted(bed, token, CARD_FIELDS)
    await submitButton(page).click()
    await expect(events(page, 'submissionSuccess')).toHaveCount(1)
    const seen = (await page.locator('#events').textContent()) ?? ''
    expect(seen).not.toContain(number.slice(0, 6))
    expect(seen).not.toContain(FUTURE_EXPIRY)
  }
})

test('tokenization on 1234001 → a single-use token', async ({ page, bed }) => {
  const token = await openForm(page, bed, {
    terminal: '1234001',
    scenario: 'tokenization',
    mode: 'tokenization',
  })
  await fillCard(page, { ...VISA_CARD, number: '5100270000000007' })
  await expectPosted(bed, token, CARD_FIELDS)
  await submitButton(page).click()
  await expect(events(page, 'submissionSuccess')).toHaveCount(1)
})

test('styles: whitelisted selectors and properties only; disableDefaultStyles drops the default look', async ({
  page,
  bed,
}) => {
  await openForm(page, bed, { variant: 'styled' })
  const box = input(page, 'cardNumber')
  await expect(box).toHaveCSS('color', 'rgb(1, 2, 3)')
  await expect(box).toHaveCSS('background-image', 'none')
  await expect(box).not.toHaveCSS('border-radius', '6px')
  await expect(events(page, 'error')).toHaveCount(0)
})

test('destroy() only detaches the listener: the frames stay, later frame messages emit nothing', async ({
  page,
  bed,
}) => {
  await openForm(page, bed)
  await page.evaluate(() =>
    (globalThis as unknown as { hostedForm: { destroy(): void } }).hostedForm.destroy(),
  )
  const before = await page.locator('#events li').count()
  const box = input(page, 'cardNumber')
  await box.fill('4111')
  await box.blur()
  await expect(box).toHaveClass(/invalid/)
  await expect(page.locator('iframe')).toHaveCount(5)
  await expect(page.locator('#events li')).toHaveCount(before)
})
