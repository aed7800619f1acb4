/**
 * The desktop app's gateway host mapping (src/main/gateway-host.ts) driving Payroc's real library in real
 * Chromium: every request of the context goes through `gatewayHostResponder` — the same function Electron's
 * `session.protocol.handle('https', …)` calls — so the script comes from the "user's copy", every gateway call
 * (configuration, field frames, field posts with their CORS preflights, the submit) from the sandbox at the
 * gateway's own origin, and anything else is refused. Only the interception itself (Playwright's routing here,
 * Electron's protocol handler there) differs. Skipped with one line where ../shared/payroc is absent.
 */
import type { Page, Route } from '@playwright/test'
import { gatewayHostResponder } from '../src/main/gateway-host'
import {
  events,
  expect,
  fieldInput,
  LIBRARY_PRESENT,
  payloads,
  REAL_LIB,
  submit,
  test,
  testPage,
} from './payroc-library-bed'
import { realLibraryScript } from './real-library-routing'

const SKIP = 'skipped: ../shared/payroc absent'
if (!LIBRARY_PRESENT && process.env['TEST_WORKER_INDEX'] === undefined) console.log(SKIP)
test.skip(!LIBRARY_PRESENT, SKIP)

/** Routes the whole context through the responder; `through` (the network) is never reached on loopback. */
async function throughResponder(page: Page, sandboxUrl: string, seen: string[]): Promise<void> {
  const respond = gatewayHostResponder({
    mapping: () => ({
      chosen: true,
      active: true,
      sandboxUrl,
      builds: new Set([REAL_LIB]),
      libVersion: REAL_LIB,
    }),
    scriptCopy: () => Promise.resolve(realLibraryScript()),
    through: () => Promise.reject(new Error('the network is never reached in this test')),
  })
  await page.context().route(/^https:\/\//, async (route: Route) => {
    const request = route.request()
    seen.push(`${request.method()} ${new URL(request.url()).host}${new URL(request.url()).pathname}`)
    const body = request.postDataBuffer()
    const answer = await respond(
      new Request(request.url(), {
        method: request.method(),
        headers: await request.allHeaders(),
        ...(body && request.method() !== 'GET' && request.method() !== 'HEAD' ? { body } : {}),
      }),
    )
    const headers: Record<string, string> = {}
    answer.headers.forEach((value, key) => (headers[key] = value))
    await route.fulfill({ status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) })
  })
}

test('Payroc’s real library through the desktop app’s gateway host responder: a Visa payment ends in a single-use token', async ({
  page,
  bed,
}) => {
  const seen: string[] = []
  await throughResponder(page, bed.sandbox.url, seen)
  const token = await bed.createSession()
  await bed.open(page, token)
  await expect(events(page, 'page:ready')).toHaveCount(1)
  await expect(testPage(page).locator('#testpage')).toHaveAttribute('data-state', 'ready')

  await fieldInput(page, '.card-holder-name').fill('Sarah Hopper')
  await fieldInput(page, '.card-number').fill('4539858876047062')
  await fieldInput(page, '.card-expiry').click()
  await fieldInput(page, '.card-expiry').pressSequentially('1230')
  await fieldInput(page, '.card-cvv').click()
  await fieldInput(page, '.card-cvv').fill('123')
  await fieldInput(page, '.card-holder-name').click()
  await expect
    .poll(() => Object.keys(bed.sandbox.state.findSession(token)?.postedFields ?? {}).sort())
    .toEqual(['cardNumber', 'cardholderName', 'cvv', 'expiryDate'])
  await submit(page).click()
  await expect(events(page, 'submissionSuccess')).toHaveCount(1)
  const [success] = await payloads<{ token: string }>(page, 'submissionSuccess')
  expect(success?.token).toMatch(/^[0-9a-f]{128}$/)
  await expect(events(page, 'error')).toHaveCount(0)

  // Every https request went through the responder: the script, the gateway's configuration, frames and posts.
  expect(seen).toContain(`GET cdn.uat.payroc.com/js/hosted-fields/hosted-fields-${REAL_LIB}.js`)
  expect(seen.some((line) => line.endsWith(`/hosted-fields-sessions/${token}/configuration`))).toBe(true)
  expect(
    seen.some((line) => line.startsWith('GET testpayments.worldnettps.com/merchant/hosted-fields')),
  ).toBe(true)
  expect(seen.some((line) => line.endsWith(`/hosted-fields-sessions/${token}/single-use-tokens`))).toBe(true)
})
