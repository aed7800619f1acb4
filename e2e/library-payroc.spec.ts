/**
 * Payroc's real Hosted Fields library (UAT build 1.7.0.261457, unmodified, from ../shared/payroc) in the
 * project's test page, against the sandbox's gateway protocol: card payments with UAT test cards, tokenization
 * → save → update with a secureTokenId, the init errors the library treats as final, and a forced submission
 * failure. Readiness and failure come from the page's events (page:ready, error), never from initialize().
 */
import type { Page } from '@playwright/test'
import {
  cdnBytes,
  events,
  expect,
  fieldInput,
  LIBRARY_PRESENT,
  payloads,
  PUBLISHED_SRI,
  sriOf,
  submit,
  test,
  testPage,
  type PayrocBed,
} from './payroc-library-bed'

const SKIP = 'skipped: ../shared/payroc absent'
if (!LIBRARY_PRESENT && process.env['TEST_WORKER_INDEX'] === undefined) console.log(SKIP)
test.skip(!LIBRARY_PRESENT, SKIP)

const CARDS = [
  { brand: 'Visa', number: '4539858876047062', cvv: '123' },
  { brand: 'Mastercard', number: '5001650000000000', cvv: '123' },
  { brand: 'American Express', number: '3400000000000000', cvv: '1234' },
  { brand: 'Diners Club', number: '3600000000000008', cvv: '' },
] as const

const pageState = (page: Page) => testPage(page).locator('#testpage')

async function ready(page: Page): Promise<void> {
  await expect(events(page, 'page:ready')).toHaveCount(1)
  await expect(pageState(page)).toHaveAttribute('data-state', 'ready')
}

/** Types a card the way a person does (the expiry frame formats as it is typed), leaving every field blurred. */
async function fillCard(page: Page, card: { number: string; cvv: string }): Promise<void> {
  await fieldInput(page, '.card-holder-name').fill('Sarah Hopper')
  await fieldInput(page, '.card-number').fill(card.number)
  await fieldInput(page, '.card-expiry').click()
  await fieldInput(page, '.card-expiry').pressSequentially('1230')
  if (card.cvv) {
    await fieldInput(page, '.card-cvv').click()
    await fieldInput(page, '.card-cvv').fill(card.cvv)
  }
  await fieldInput(page, '.card-holder-name').click()
}

/** Waits until the gateway holds every field the card needs (the frames post on blur). */
async function fieldsPosted(bed: PayrocBed, token: string, cvv: boolean): Promise<void> {
  const needed = ['cardholderName', 'cardNumber', 'expiryDate', ...(cvv ? ['cvv'] : [])]
  await expect
    .poll(() => Object.keys(bed.sandbox.state.findSession(token)?.postedFields ?? {}).sort())
    .toEqual(needed.sort())
}

async function pay(page: Page, bed: PayrocBed, token: string, card: { number: string; cvv: string }) {
  await fillCard(page, card)
  await fieldsPosted(bed, token, card.cvv !== '')
  await submit(page).click()
  await expect(events(page, 'submissionSuccess')).toHaveCount(1)
  const [success] = await payloads<{ token: string; expiresAt: string }>(page, 'submissionSuccess')
  return success ?? { token: '', expiresAt: '' }
}

test('the local copy, served as the CDN serves it, has the published SRI', () => {
  expect(sriOf(cdnBytes())).toBe(PUBLISHED_SRI)
})

for (const card of CARDS) {
  test(`payment with a ${card.brand} test card ends in a single-use token`, async ({ page, bed }) => {
    const token = await bed.createSession()
    await bed.open(page, token)
    await ready(page)
    expect(bed.configurationCalls()).toBe(1)
    const started = Date.now()
    const success = await pay(page, bed, token, card)
    expect(success.token).toMatch(/^[0-9a-f]{128}$/)
    const lifetime = Date.parse(success.expiresAt) - started
    expect(lifetime).toBeGreaterThan(29 * 60_000)
    expect(lifetime).toBeLessThan(31 * 60_000)
    expect(bed.sandbox.state.singleUseTokens.peek(success.token)?.source).toMatchObject({
      type: 'card',
      cardType: card.brand,
      cardNumber: `${card.number.slice(0, 6)}${'*'.repeat(card.number.length - 10)}${card.number.slice(-4)}`,
    })
    // Surcharging is per card: this terminal has none.
    await expect(events(page, 'surchargingNotAllowed')).not.toHaveCount(0)
    await expect(events(page, 'error')).toHaveCount(0)
    if (!card.cvv) {
      // A brand without CVV: the library hid the CVV wrapper after the card-number answer.
      await expect(testPage(page).locator('.card-cvv-wrapper')).toBeHidden()
    }
  })
}

test('surcharging on 1234003 is announced per card with its percentage', async ({ page, bed }) => {
  await bed.open(page, await bed.createSession('1234003'))
  await ready(page)
  await fieldInput(page, '.card-number').fill('5001650000000000')
  await fieldInput(page, '.card-holder-name').click()
  await expect(events(page, 'surchargingAllowed')).toHaveCount(1)
  const [surcharge] = await payloads<{ percentage: number; disclosure: string }>(page, 'surchargingAllowed')
  expect(surcharge?.percentage).toBe(3)
})

test('tokenization → save as a secure token → update it with the secureTokenId', async ({ page, bed }) => {
  const id = `REAL-${Date.now()}`
  const first = await bed.createSession('1234001', 'tokenization', id)
  await bed.open(page, first, 'tokenization')
  await ready(page)
  const saved = await pay(page, bed, first, CARDS[0])
  const created = await bed.api('/processing-terminals/1234001/secure-tokens', {
    source: { type: 'singleUseToken', token: saved.token },
  })
  expect(created.status).toBe(201)
  expect(created.json).toMatchObject({ secureTokenId: id, source: { cardNumber: '453985******7062' } })

  const second = await bed.createSession('1234001', 'tokenization', id)
  await bed.open(page, second, 'tokenization')
  await ready(page)
  const replacement = await pay(page, bed, second, CARDS[1])
  const updated = await bed.api(`/processing-terminals/1234001/secure-tokens/${id}/update-account`, {
    type: 'singleUseToken',
    token: replacement.token,
  })
  expect(updated.status).toBe(200)
  expect(updated.json).toMatchObject({ secureTokenId: id, source: { cardNumber: '500165******0000' } })
})

test('tokenization on 1234002 (no secure tokens): an init error, and the page never says ready', async ({
  page,
  bed,
}) => {
  await bed.open(page, await bed.createSession('1234002', 'tokenization'), 'tokenization')
  await expect(events(page, 'error')).toHaveCount(1)
  expect(await payloads(page, 'error')).toEqual([
    {
      type: 'init',
      message: "The mode is set to 'tokenization' but this terminal is not setup to allow secure tokens.",
    },
  ])
  await expect(pageState(page)).toHaveAttribute('data-state', 'failed')
  // initialize() resolved anyway: that is not readiness.
  await expect(events(page, 'page:initialized')).toHaveCount(1)
  await expect(events(page, 'page:ready')).toHaveCount(0)
  expect(bed.configurationCalls()).toBe(1)
})

test('an expired and an invalid session token end in the final invalid-session init error', async ({
  page,
  bed,
}) => {
  bed.sandbox.configure({ sessionTtlSeconds: 0.5 })
  const expired = await bed.createSession()
  await new Promise((resolve) => setTimeout(resolve, 700))
  bed.sandbox.configure({ sessionTtlSeconds: 600 })
  for (const token of [expired, 'not-a-session-token-at-all']) {
    await bed.open(page, token)
    await expect(events(page, 'error')).toHaveCount(1)
    expect(await payloads(page, 'error')).toEqual([
      { type: 'init', message: 'The provided session token is invalid.' },
    ])
    await expect(pageState(page)).toHaveAttribute('data-state', 'failed')
  }
  // Final answers: one configuration call each, no retry cycle.
  expect(bed.configurationCalls()).toBe(2)
})

test('a forced submission failure (a fault on the library route) is a submission error', async ({
  page,
  bed,
}) => {
  const token = await bed.createSession()
  await bed.open(page, token)
  await ready(page)
  await fillCard(page, CARDS[0])
  await fieldsPosted(bed, token, true)
  bed.sandbox.addFault({ route: 'library', action: { type: 'status', status: 403 }, times: 1 })
  await submit(page).click()
  await expect(events(page, 'error')).toHaveCount(1)
  expect(await payloads(page, 'error')).toEqual([
    { type: 'submission', message: 'The request is unauthorised, please check your credentials.' },
  ])
  const last = bed.sandbox.journal(1)[0]
  expect(last?.path).toMatch(/\/single-use-tokens$/)
  expect(last?.fault).toBe('status')
  // The form stays usable after a submission error.
  await expect(pageState(page)).toHaveAttribute('data-state', 'ready')
})

test('a configuration call that keeps failing is retried 5 times, 5–9 s apart, then an init error (fake clock)', async ({
  page,
  context,
  bed,
}) => {
  await context.clock.install()
  bed.sandbox.addFault({ route: 'library', action: { type: 'status', status: 500 }, times: 6 })
  const started = Date.now()
  await bed.open(page, await bed.createSession())
  for (let attempt = 1; attempt <= 5; attempt++) {
    await expect.poll(() => bed.configurationCalls()).toBe(attempt)
    // The next wait is scheduled once the page has the answer; then 4 + n seconds of fake time pass.
    await page.waitForTimeout(150)
    await page.clock.runFor(4000 + attempt * 1000)
  }
  await expect(events(page, 'error')).toHaveCount(1)
  expect(await payloads(page, 'error')).toEqual([
    {
      type: 'init',
      message:
        'The maximum number of retries to fetch the terminal configuration has been reached, please check your credentials.',
    },
  ])
  expect(bed.configurationCalls()).toBe(6)
  await expect(pageState(page)).toHaveAttribute('data-state', 'failed')
  // 35 s of retries in well under that of real time.
  expect(Date.now() - started).toBeLessThan(20_000)
})
