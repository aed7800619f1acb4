/**
 * Fixtures for the simulated library's specs: a sandbox of their own (startSandbox, free port) and a tiny
 * merchant page server on another loopback port (so another origin) that serves e2e/fixtures/library-merchant.html
 * the way a merchant would: a <script src crossorigin="anonymous"> for the library, then the init code, under a
 * merchant-like CSP that allows only the sandbox for scripts, frames and fetches.
 */
import { test as base, expect as baseExpect, type Locator, type Page } from '@playwright/test'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { libraryScriptPath, startSandbox, type Sandbox } from '../src/sandbox'
import { REAL_CDN, REAL_GATEWAY, REAL_SCRIPT_URL } from './real-library-routing'

export const LIB = '1.7.0.261457'
export type Library = 'simulated' | 'real'
const TEMPLATE = readFileSync(join(__dirname, 'fixtures/library-merchant.html'), 'utf8')

export interface LibraryBed {
  sandbox: Sandbox
  /**
   * The merchant checkout URL for a session token (optional mode, page variant, init on click), loading the
   * simulated library (default) or Payroc's real one (`library: 'real'`, see real-library-routing.ts).
   */
  checkout(query: {
    token: string
    mode?: string
    variant?: string
    library?: Library
    init?: 'click'
  }): string
  /** POST /authorize + POST …/hosted-fields-sessions on the sandbox; returns the session token. */
  createSession(terminal?: string, scenario?: string, libVersion?: string): Promise<string>
}

async function startMerchant(sandbox: Sandbox): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/checkout') {
      res.writeHead(404).end()
      return
    }
    const nonce = randomBytes(16).toString('base64')
    const real = url.searchParams.get('library') === 'real'
    const scriptSrc = real ? REAL_SCRIPT_URL : `${sandbox.url}${libraryScriptPath(LIB)}`
    const gateway = real ? REAL_GATEWAY : sandbox.url
    const html = TEMPLATE.replace('%%SCRIPT_SRC%%', scriptSrc).replace('%%NONCE%%', nonce)
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': [
        "default-src 'none'",
        `script-src 'nonce-${nonce}' ${real ? REAL_CDN : sandbox.url}`,
        `connect-src ${gateway}`,
        `frame-src ${gateway}`,
        // The library sets the iframes' inline style (opacity, size).
        "style-src 'self' 'unsafe-inline'",
        "base-uri 'none'",
      ].join('; '),
    })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { server, url: `http://127.0.0.1:${port}` }
}

export const test = base.extend<{ bed: LibraryBed }, { workerBed: LibraryBed }>({
  workerBed: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const sandbox = await startSandbox({ port: 0 })
      const merchant = await startMerchant(sandbox)
      let bearer: string | undefined
      const bed: LibraryBed = {
        sandbox,
        checkout: (query) => `${merchant.url}/checkout?${new URLSearchParams(query).toString()}`,
        async createSession(terminal = '1234001', scenario = 'payment', libVersion = LIB) {
          if (!bearer) {
            const auth = await fetch(`${sandbox.url}/authorize`, {
              method: 'POST',
              headers: { 'x-api-key': 'sandbox-api-key' },
            })
            bearer = ((await auth.json()) as { access_token: string }).access_token
          }
          const response = await fetch(
            `${sandbox.url}/v1/processing-terminals/${terminal}/hosted-fields-sessions`,
            {
              method: 'POST',
              headers: {
                authorization: `Bearer ${bearer}`,
                'content-type': 'application/json',
                'idempotency-key': randomUUID(),
              },
              body: JSON.stringify({ libVersion, scenario }),
            },
          )
          expect(response.status).toBe(201)
          return ((await response.json()) as { token: string }).token
        },
      }
      await use(bed)
      await new Promise<void>((resolve) => merchant.server.close(() => resolve()))
      merchant.server.closeAllConnections()
      await sandbox.close()
    },
    { scope: 'worker' },
  ],
  bed: async ({ workerBed }, use) => {
    workerBed.sandbox.reset()
    await use(workerBed)
  },
})

/** Event-driven waits with room for a loaded 2-core machine (frames load from another origin). */
export const expect = baseExpect.configure({ timeout: 15_000 })

/** The merchant page's event list, one <li data-name> per library event (payload as JSON text). */
export const events = (page: Page, name: string): Locator => page.locator(`#events li[data-name="${name}"]`)

export async function payloads<T = Record<string, unknown>>(page: Page, name: string): Promise<T[]> {
  const texts = await events(page, name).allTextContents()
  return texts.map((text) => JSON.parse(text) as T)
}

export const initState = (page: Page): Locator => page.locator('#init-state')

/** The labelled input inside a field's iframe. */
export function field(page: Page, target: string, label: string): Locator {
  return page.frameLocator(`${target} iframe`).getByLabel(label)
}

export const CARD_TARGETS = {
  cardholderName: ['.card-holder-name', 'Cardholder name'],
  cardNumber: ['.card-number', 'Card number'],
  expiryDate: ['.card-expiry', 'Expiry date'],
  cvv: ['.card-cvv', 'CVV'],
} as const

export type CardFieldName = keyof typeof CARD_TARGETS

export const input = (page: Page, name: CardFieldName): Locator =>
  field(page, CARD_TARGETS[name][0], CARD_TARGETS[name][1])

export const submitButton = (page: Page, value = 'Pay now'): Locator =>
  page.frameLocator('.submit-button iframe').getByRole('button', { name: value })

/** MM/YY a few years ahead. */
export const FUTURE_EXPIRY = `12/${String((new Date().getUTCFullYear() + 3) % 100).padStart(2, '0')}`

/** Fills the given fields, each followed by a blur (the library validates and posts a field on blur). */
export async function fillCard(
  page: Page,
  card: { name?: string; number?: string; expiry?: string; cvv?: string } = {},
): Promise<void> {
  const steps: [CardFieldName, string | undefined][] = [
    ['cardholderName', card.name],
    ['cardNumber', card.number],
    ['expiryDate', card.expiry],
    ['cvv', card.cvv],
  ]
  for (const [name, value] of steps) {
    if (value === undefined) continue
    const box = input(page, name)
    await box.fill(value)
    await box.blur()
  }
}

/** A whole Visa card, as fillCard takes it. */
export const VISA_CARD = {
  name: 'Sarah Hopper',
  number: '4539858876047062',
  expiry: FUTURE_EXPIRY,
  cvv: '123',
}

/** All iframes injected and shown (the library's only "ready": every frame at opacity 1). */
export async function expectReady(page: Page, count = 5): Promise<void> {
  const frames = page.locator('iframe')
  await expect(frames).toHaveCount(count)
  for (let index = 0; index < count; index++) await expect(frames.nth(index)).toHaveCSS('opacity', '1')
}

/** The gateway holds exactly these posted fields for the session (so a submit does not wait for one). */
export async function expectPosted(bed: LibraryBed, token: string, fields: string[]): Promise<void> {
  await expect
    .poll(() => Object.keys(bed.sandbox.state.findSession(token)?.postedFields ?? {}).sort())
    .toEqual([...fields].sort())
}

/** How many configuration calls the sandbox has answered. */
export const configurationCalls = (bed: LibraryBed): number =>
  bed.sandbox.journal(200).filter((entry) => entry.path.endsWith('/configuration')).length

export interface ErrorEvent {
  type: string
  field?: string
  message?: string
}

/** initialize() resolved (it never rejects) and exactly these error events were emitted. */
export async function expectOnlyErrors(page: Page, expected: ErrorEvent[]): Promise<void> {
  await expect(initState(page)).toHaveText('resolved')
  await expect(events(page, 'error')).toHaveCount(expected.length)
  expect(await payloads<ErrorEvent>(page, 'error')).toEqual(expected)
}
