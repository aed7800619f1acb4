/**
 * The sandbox's control API against a hostile page in real Chromium: a page on another loopback origin sends a
 * no-cors `text/plain` POST to /__sandbox/faults and loads /__sandbox/journal as an image; a DNS-rebound name
 * (`evil.example` → 127.0.0.1 by Chromium's resolver rules, so the page is same-origin with the sandbox) fetches
 * the journal and stats and posts a fault rule. None of it adds a rule or reads anything; the sandbox's library
 * routes still answer the page. Before the control gate the no-cors POST added the rule and the rebound page read
 * the journal.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, expect, test, type Browser } from '@playwright/test'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { sandboxControlClient } from '../src/sandbox/control-client'
import { CHROMIUM_ARGS } from './chromium'

let sandbox: Sandbox
let hostile: Server
let hostileUrl: string
let browser: Browser

/** The hostile page: an image pointed at the sandbox's journal (what any page can embed). */
const hostilePage = (target: string) =>
  `<!doctype html><title>hostile</title><body><img src="${target}/__sandbox/journal"></body>`

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  hostile = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end(hostilePage(sandbox.url)),
  )
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve))
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.example 127.0.0.1'],
  })
})
test.afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
  await new Promise((resolve) => hostile?.close(resolve))
})

const rule = JSON.stringify({ route: 'sessions', action: { type: 'status', status: 503 } })

test('a cross-site page cannot add a fault rule or read the journal', async () => {
  const page = await browser.newPage()
  const statuses: number[] = []
  page.on('response', (response) => {
    if (response.url().endsWith('/__sandbox/journal')) statuses.push(response.status())
  })
  await page.goto(hostileUrl, { waitUntil: 'load' })
  const target = sandbox.url
  const outcome = await page.evaluate(
    async ({ target, rule }) => {
      await fetch(`${target}/__sandbox/faults`, { method: 'POST', mode: 'no-cors', body: rule })
      const read = await fetch(`${target}/__sandbox/journal`).then(
        (response) => response.text(),
        () => 'refused',
      )
      return { read }
    },
    { target, rule },
  )
  expect(outcome.read).toBe('refused')
  // Any answer Chromium reports for the <img> is a refusal (opaque image responses may not be reported at all).
  expect(statuses.every((status) => status === 403)).toBe(true)
  expect(await sandboxControlClient(sandbox.url).faults()).toEqual([])
  await page.close()
})

test('a DNS-rebound page (same origin, Host evil.example) is refused', async () => {
  const page = await browser.newPage()
  const port = new URL(sandbox.url).port
  const navigation = await page.goto(`http://evil.example:${port}/__sandbox/stats`)
  expect(navigation?.status()).toBe(403)
  const outcome = await page.evaluate(async (rule) => {
    const journal = await fetch('/__sandbox/journal')
    const stats = await fetch('/__sandbox/stats')
    const post = await fetch('/__sandbox/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rule,
    })
    return { journal: journal.status, stats: stats.status, post: post.status, text: await journal.text() }
  }, rule)
  expect(outcome).toMatchObject({ journal: 403, stats: 403, post: 403 })
  expect(outcome.text).not.toContain('entries')
  expect(await sandboxControlClient(sandbox.url).faults()).toEqual([])
  await page.close()
})
