/**
 * The analyzer on event streams recorded from the sample merchant pages with the real driver and Chromium
 * (record-fixtures.ts), judged against each page's expected verdicts (src/sandbox/merchant-pages/catalog.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzePage, sandboxEnvironment, type PageRecording } from '../../../src/core/services/merchant-page'
import { SAMPLE_PAGES } from '../../../src/sandbox/merchant-pages'

const fixture = (name: string): { sandboxUrl: string; recording: PageRecording } =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as {
    sandboxUrl: string
    recording: PageRecording
  }

const reportOf = (name: string, knownSecrets: string[] = ['sandbox-api-key']) => {
  const { sandboxUrl, recording } = fixture(name)
  return analyzePage(recording, sandboxEnvironment(sandboxUrl), { knownSecrets })
}
const evidence = (name: string, id: string): string =>
  reportOf(name)
    .checks.find((item) => item.id === id)
    ?.evidence.join('\n') ?? ''

describe('analyzer on recorded sample pages', () => {
  it.each(SAMPLE_PAGES.map((page) => [page.name, page] as const))(
    '%s gives its expected verdicts',
    (name, page) => {
      const verdicts = Object.fromEntries(reportOf(name).checks.map((item) => [item.id, item.verdict]))
      expect(verdicts).toEqual(page.expected)
    },
  )

  it('wrong-sri: shows the hash the browser computed and the one expected', () => {
    expect(evidence('wrong-sri', 'sri')).toMatch(/expected sha384-\S+ \(the digest the browser computed\)/)
  })
  it("expired-token and reused-token: fail session, with the gateway's own detail as evidence", () => {
    // The library says "invalid" for every dead token; the sandbox's configuration answer says which it was.
    expect(reportOf('expired-token').checks.find((item) => item.id === 'session')?.verdict).toBe('fail')
    expect(evidence('expired-token', 'session')).toMatch(/configuration → 400: .*has expired/)
    expect(evidence('reused-token', 'session')).toMatch(/configuration → 400: .*already created/)
  })
  it('api-key: the key appears masked in the evidence and never in full', () => {
    const report = reportOf('api-key')
    expect(evidence('api-key', 'secrets')).toContain('identity call from the browser: POST')
    expect(JSON.stringify(report)).not.toContain('sandbox-api-key')
  })
  it('init-before-script: the evidence is the ReferenceError the merchant sees', () => {
    expect(evidence('init-before-script', 'init')).toContain('ReferenceError: Payroc is not defined')
  })
  it('duplicate-selector: names the option path and the count', () => {
    expect(evidence('duplicate-selector', 'selectors')).toContain(
      "fields.card.cardNumber.target '.card-number' matches 2 elements",
    )
  })
  it('recordings hold no session token in full', () => {
    for (const page of SAMPLE_PAGES) {
      expect(readFileSync(join(__dirname, 'fixtures', `${page.name}.json`), 'utf8')).not.toMatch(
        /\b[0-9a-f]{48}\b/,
      )
    }
  })
})
