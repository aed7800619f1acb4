/**
 * The simulated library's option and init errors, seen from a merchant page on another origin, beyond the parity
 * matrix (library-parity.spec.ts): each is an `error` event with Payroc's type and exact text, initialize()
 * resolves all the same (it never rejects), and nothing is fetched for an option error.
 */
import {
  configurationCalls,
  events,
  expect,
  expectOnlyErrors,
  expectReady,
  initState,
  test,
} from './library-fixtures'

test.describe('config errors', () => {
  test('a mode that is neither payment nor tokenization', async ({ page, bed }) => {
    const token = await bed.createSession()
    await page.goto(bed.checkout({ token, mode: 'refund' }))
    // `field` is undefined for this one, so the recorded JSON has no field key.
    await expectOnlyErrors(page, [
      { type: 'config', message: "The mode should be either 'payment' or 'tokenization'." },
    ])
    expect(configurationCalls(bed)).toBe(0)
  })

  test('a missing sessionToken', async ({ page, bed }) => {
    await page.goto(bed.checkout({ token: '' }))
    await expectOnlyErrors(page, [
      { type: 'config', field: 'sessionToken', message: 'A session token is required to use hosted fields.' },
    ])
  })

  test('`wrapper` is not an option: the CVV still needs wrapperTarget', async ({ page, bed }) => {
    const token = await bed.createSession()
    await page.goto(bed.checkout({ token, variant: 'wrapper-typo' }))
    await expectOnlyErrors(page, [
      {
        type: 'config',
        field: 'cvv',
        message:
          'CVV wrapper is required for card forms. If you do not have a wrapper, please provide false.',
      },
    ])
  })
})

test.describe('init', () => {
  test('the library never sends its version: a session created for another libVersion still works', async ({
    page,
    bed,
  }) => {
    const token = await bed.createSession('1234001', 'payment', '1.6.0.172441')
    await page.goto(bed.checkout({ token }))
    await expectReady(page)
    await expect(events(page, 'error')).toHaveCount(0)
    const call = bed.sandbox.journal(50).find((entry) => entry.path.endsWith('/configuration'))
    // The call names the session token only (the journal masks it to its last 6): no version anywhere in it.
    expect(call?.path).toBe(`/merchant/api/v2/hosted-fields-sessions/…${token.slice(-6)}/configuration`)
  })

  test('a mode other than the session scenario is not the library’s business: tokenization on 1234001 works', async ({
    page,
    bed,
  }) => {
    const token = await bed.createSession('1234001', 'payment')
    await page.goto(bed.checkout({ token, mode: 'tokenization' }))
    await expectReady(page)
    await expect(events(page, 'error')).toHaveCount(0)
  })

  test('events that do not exist never fire', async ({ page, bed }) => {
    await page.goto(bed.checkout({ token: 'b'.repeat(48) }))
    await expect(initState(page)).toHaveText('resolved')
    await expect(events(page, 'error')).toHaveCount(1)
    for (const name of ['ready', 'focus', 'blur', 'submissionError'])
      await expect(events(page, name)).toHaveCount(0)
  })
})
