import { expect, screenshot, test } from './fixtures'
import type { ConfigPatch } from '../src/sandbox/control-schemas'
import { sandboxControlClient } from '../src/sandbox/control-client'

const patchConfig = async (sandboxUrl: string, body: ConfigPatch): Promise<void> => {
  await sandboxControlClient(sandboxUrl).configure(body)
}

test('a token past its expiry shows the expired state and offers a new session', async ({
  page,
  sandboxUrl,
}) => {
  await patchConfig(sandboxUrl, { sessionTtlSeconds: 3 })
  try {
    await page.getByRole('button', { name: 'Create session' }).click()
    const card = page.getByRole('region', { name: 'Session token' })
    await expect(card.getByLabel('Expires in')).toHaveText(/^00:0[0-3]$/)
    await expect(card).toContainText('Expired', { timeout: 8_000 })
    await expect(card.getByLabel('Expires in')).toHaveText('00:00')
    await expect(card.getByRole('button', { name: 'Create a new session' })).toBeVisible()
    await screenshot(page, 'expired')
  } finally {
    await patchConfig(sandboxUrl, { sessionTtlSeconds: 600 })
  }
  // A fresh session replaces the expired one.
  await page.getByRole('button', { name: 'Create a new session' }).click()
  await expect(page.getByRole('region', { name: 'Session token' }).getByLabel('Expires in')).toHaveText(
    /^(09|10):\d{2}$/,
  )
})
