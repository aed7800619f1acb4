/**
 * Records the analyzer's fixtures from the real thing: starts the sandbox and the sample pages, checks each page
 * with the playwright-core driver and saves a trimmed recording per page under fixtures/.
 * Run: npx tsx test/core/merchant-page/record-fixtures.ts [page…] && npx prettier --write test/core/merchant-page/fixtures
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSandbox } from '../../../src/sandbox'
import { SAMPLE_PAGES, sandboxTokenMinter, startMerchantPages } from '../../../src/sandbox/merchant-pages'
import {
  checkMerchantPage,
  launchChromium,
  sandboxEnvironment,
} from '../../../src/core/services/merchant-page'
import { trimRecording } from './trim'

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  const sandbox = await startSandbox({ port: 0, logger: { log: () => undefined } })
  const pages = await startMerchantPages({ sandboxUrl: sandbox.url, mintToken: sandboxTokenMinter(sandbox) })
  const browser = await launchChromium()
  try {
    for (const page of SAMPLE_PAGES) {
      if (only.length > 0 && !only.includes(page.name)) continue
      const result = await checkMerchantPage({
        url: pages.pageUrl(page.name),
        environment: sandboxEnvironment(sandbox.url),
        browser,
        knownSecrets: ['sandbox-api-key'],
      })
      const fixture = { sandboxUrl: sandbox.url, recording: trimRecording(result.recording) }
      writeFileSync(join(__dirname, 'fixtures', `${page.name}.json`), `${JSON.stringify(fixture, null, 1)}\n`)
      const verdicts = result.report.checks.map((item) => `${item.id}=${item.verdict}`).join(' ')
      console.log(`${page.name} (${result.durationMs} ms): ${verdicts}`)
      if (process.env.PRINT_REPORTS) console.log(JSON.stringify(result.report, null, 2))
    }
  } finally {
    await browser.close()
    await pages.close()
    await sandbox.close()
  }
}

void main()
