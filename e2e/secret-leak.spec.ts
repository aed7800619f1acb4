/**
 * Secret leaks through the UI (issue 6, item 6): save a known API key for a Custom environment on a second
 * sandbox, test it, create a session — then search everything the renderer side can see for the key and for every
 * Bearer token that sandbox issued: the DOM of the page and of every frame, web storage, the renderer's state
 * (React's committed fibers, including the store's state, read through a DevTools-style hook installed before the
 * app loads), console messages, and every bridge response body (/rpc/*).
 */
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { addCustomEnvironment, expect, saveAndTestKey, test } from './fixtures'

let second: Sandbox
const apiKey = `leak-canary-${randomBytes(16).toString('hex')}`

test.beforeAll(async () => {
  second = await startSandbox({ port: 0, apiKeys: [apiKey] })
})
test.afterAll(async () => {
  await second?.close()
})

/** The Bearer tokens the second sandbox issued: the keys of its access-token store. */
function issuedBearers(sandbox: Sandbox): string[] {
  const map = (sandbox.state.accessTokens as unknown as { map?: unknown }).map
  if (!(map instanceof Map))
    throw new Error('ExpiringStore no longer keeps its entries in `map`: update issuedBearers()')
  return [...map.keys()].filter((key): key is string => typeof key === 'string')
}

/**
 * Installed before any page script: React announces every committed root to this hook (as it would to the React
 * DevTools), so the test can walk the fibers — props, hook state, and the store behind any `getState` — later.
 */
function installFiberHook(): void {
  const roots = new Set<unknown>()
  Object.assign(globalThis, {
    __leakRoots: roots,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: unknown) => roots.add(root),
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
    },
  })
}

/** Every string reachable from the committed React trees (props, hook state, store state), joined. */
async function rendererState(page: Page): Promise<{ text: string; fibers: number }> {
  return page.evaluate(() => {
    const roots = (globalThis as unknown as { __leakRoots?: Set<{ current?: unknown }> }).__leakRoots
    const strings: string[] = []
    const seen = new WeakSet<object>()
    const collect = (value: unknown, depth: number): void => {
      if (depth > 12 || value === null || value === undefined) return
      if (typeof value === 'string') {
        strings.push(value)
        return
      }
      if (typeof value !== 'object' && typeof value !== 'function') return
      if (seen.has(value as object)) return
      seen.add(value as object)
      // DOM nodes: the DOM is searched on its own
      if (typeof (value as { nodeType?: unknown }).nodeType === 'number') return
      const record = value as Record<string, unknown>
      if (typeof record['getState'] === 'function') {
        try {
          collect((record['getState'] as () => unknown)(), depth + 1)
        } catch {
          // not a store after all
        }
      }
      if (typeof value === 'function') return
      for (const key of Object.keys(record)) {
        if (key === '_owner' || key === 'return' || key === 'alternate') continue
        try {
          collect(record[key], depth + 1)
        } catch {
          // getters that throw
        }
      }
    }
    let fibers = 0
    const walk = (fiber: unknown): void => {
      const stack = [fiber]
      while (stack.length > 0) {
        const node = stack.pop() as
          | { memoizedProps?: unknown; memoizedState?: unknown; child?: unknown; sibling?: unknown }
          | null
          | undefined
        if (!node) continue
        fibers += 1
        collect(node.memoizedProps, 0)
        collect(node.memoizedState, 0)
        stack.push(node.child, node.sibling)
      }
    }
    for (const root of roots ?? []) walk(root.current)
    return { text: strings.join('\n'), fibers }
  })
}

test('neither the API key nor a Bearer token reaches the DOM, the store, the console or a bridge response', async ({
  page,
}) => {
  const consoleMessages: string[] = []
  const bridgeBodies: string[] = []
  const pending: Promise<void>[] = []
  page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`))
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/rpc/')) return
    pending.push(
      response.text().then(
        (text) => void bridgeBodies.push(text),
        () => undefined,
      ),
    )
  })
  await page.addInitScript(installFiberHook)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Create session' })).toBeEnabled()

  const name = `Leak ${randomBytes(3).toString('hex')}`
  await addCustomEnvironment(page, name, second.url)

  await saveAndTestKey(page, apiKey)
  const credentials = page.getByRole('region', { name: 'Credentials' })

  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  const card = page.getByRole('region', { name: 'Session token' })
  await expect(card.getByTestId('session-token')).toHaveText(/^[A-Za-z0-9_-]{20,}$/)
  // A failure too: the error panel renders the gateway's answer.
  await page.getByLabel('Processing terminal ID').fill('9999999')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByText(/403|not allowed|forbidden/i).first()).toBeVisible()

  await Promise.all(pending)
  const bearers = issuedBearers(second)
  expect(bearers.length).toBeGreaterThanOrEqual(1)
  const state = await rendererState(page)
  expect(state.fibers, 'the fiber hook saw the React tree').toBeGreaterThan(20)
  expect(state.text, 'the renderer state holds the masked key').toContain(`${apiKey.slice(0, 4)}…`)
  const frames = await Promise.all(page.frames().map((frame) => frame.content().catch(() => '')))
  const storage = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<'localStorage' | 'sessionStorage', object>
    return JSON.stringify([Object.entries(scope.localStorage), Object.entries(scope.sessionStorage)])
  })
  const haystacks: Record<string, string> = {
    'page DOM': await page.content(),
    'frame DOMs': frames.join('\n'),
    'web storage': storage,
    'renderer state (fibers, store)': state.text,
    'console messages': consoleMessages.join('\n'),
    'bridge responses': bridgeBodies.join('\n'),
  }
  expect(bridgeBodies.length).toBeGreaterThan(5)
  for (const [where, text] of Object.entries(haystacks)) {
    expect(text.includes(apiKey), `API key found in ${where}`).toBe(false)
    for (const bearer of bearers)
      expect(text.includes(bearer), `a Bearer token found in ${where}`).toBe(false)
  }

  // Leave the shared console as we found it.
  await credentials.getByRole('button', { name: 'Delete key' }).click()
  await expect(credentials).toContainText('No key stored')
  await page.getByRole('button', { name: 'Delete this custom environment' }).click()
  await expect(page.getByLabel('Environment')).toHaveValue('sandbox')
})
