/**
 * Library source (Sandbox): a copy of Payroc's script imported from a file the user chose is kept only when it
 * matches the build's SRI, and the verification result is shown. In the browser preview Payroc's own script is
 * desktop-only (the page cannot map Payroc's gateway host), and the panel says so; under the Electron launcher
 * (playwright.electron.config.ts) the same spec chooses it and the card form must come up with Payroc's script.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

const BUILD = '1.7.0.261457'
const PAYROC_SCRIPT = join(__dirname, '../../shared/payroc/hosted-fields', `hosted-fields-${BUILD}.js`)

test('Library source: import a copy of Payroc’s script, see it verified; desktop-only in the preview', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const panel = page.locator('details.library-source')
  await panel.locator('summary', { hasText: 'Library: Simulated' }).click()
  const source = page.getByLabel('Library source')
  await expect(source).toHaveValue('simulated')
  await page.getByLabel('Payroc build').selectOption(BUILD)
  const verification = page.getByTestId('library-verification')

  // A file that is not the script: refused, with the SRI it had to match.
  await page.getByLabel('Script file').fill(join(__dirname, 'fixtures.ts'))
  await page.getByRole('button', { name: 'Import file' }).click()
  await expect(verification).toContainText(`does not match the SRI of ${BUILD}`)

  const desktop = (await panel.getByText('Desktop app only').count()) === 0
  if (!desktop) {
    await expect(panel).toContainText("the browser preview cannot map Payroc's gateway host to the sandbox")
    await expect(source.locator('option[value="payroc"]')).toBeDisabled()
  }

  if (!existsSync(PAYROC_SCRIPT)) {
    console.log(
      `library-source: ${PAYROC_SCRIPT} is absent (../shared not here); the verified import is skipped`,
    )
    return
  }
  await page.getByLabel('Script file').fill(PAYROC_SCRIPT)
  await page.getByRole('button', { name: 'Import file' }).click()
  await expect(verification).toContainText(`Verified: the file matches ${BUILD} (sha384-`)
  await expect(page.getByLabel('Payroc build').locator(`option[value="${BUILD}"]`)).toContainText(
    'verified copy',
  )
  if (!desktop) {
    // Still desktop-only: the copy is kept, but the preview keeps the simulator.
    await expect(source.locator('option[value="payroc"]')).toBeDisabled()
    return
  }

  // Desktop: Payroc's own script, mapped to the sandbox, brings the card form up.
  await source.selectOption('payroc')
  await expect(panel.locator('summary')).toContainText(`Payroc's own script ${BUILD}`)
  await page.getByLabel('Processing terminal ID').fill('1234001')
  await page.getByRole('button', { name: 'Create session' }).click()
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText(
    'Session created and the card form is ready.',
    { timeout: 30_000 },
  )
  await source.selectOption('simulated')
})
