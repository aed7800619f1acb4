/**
 * The sample merchant pages: a good one and one per fault a support agent meets. All are one plain HTML page
 * (pages/checkout.html) with partials; each entry here names its session token, the build it loads, its script
 * tag, its response headers and the verdicts a check of it must give (environment `sandbox`), so tests, the CLI
 * and demos agree on what each page shows.
 */
import { KNOWN_LIBRARIES } from '../../shared/payroc'
import type { CheckId, Verdict } from '../../shared/contract/merchantPage'

export type TokenKind = 'live' | 'expired' | 'used'

export const UAT_BUILD = '1.7.0.261457'
export const PRODUCTION_BUILD = '1.7.0.261471'

export interface SamplePage {
  name: string
  what: string
  /** The build the page's script tag loads. */
  libVersion: string
  /** The build its session is created for (a mismatch is the "wrong build" fault). */
  sessionLibVersion: string
  token: TokenKind
  /** Content-Security-Policy header; `{{SANDBOX_ORIGIN}}` is filled in. */
  csp?: string
  /** The library tag's integrity: the served script's hash, none, or this literal value. */
  integrity: 'served' | 'none' | { literal: string }
  /** Library tag then init code (right), or the init code first (the "Payroc is not defined" fault). */
  order: 'library-first' | 'init-first'
  /** Partials (files in pages/) placed before the form and after the scripts. */
  beforeForm?: string
  after?: string
  expected: Record<CheckId, Verdict>
}

const ALLOW_SANDBOX =
  "default-src 'self'; script-src 'self' 'unsafe-inline' {{SANDBOX_ORIGIN}}; frame-src {{SANDBOX_ORIGIN}}; connect-src 'self' {{SANDBOX_ORIGIN}}; style-src 'self' 'unsafe-inline'; img-src 'self' data:"

const ALL_PASS: Record<CheckId, Verdict> = {
  script: 'pass',
  version: 'pass',
  sri: 'pass',
  csp: 'pass',
  secrets: 'pass',
  selectors: 'pass',
  init: 'pass',
  session: 'pass',
}

const page = (
  name: string,
  what: string,
  expected: Partial<Record<CheckId, Verdict>>,
  extra: Partial<SamplePage> = {},
): SamplePage => ({
  name,
  what,
  integrity: 'served',
  order: 'library-first',
  libVersion: UAT_BUILD,
  sessionLibVersion: UAT_BUILD,
  token: 'live',
  csp: ALLOW_SANDBOX,
  ...extra,
  expected: { ...ALL_PASS, ...expected },
})

export const SAMPLE_PAGES: readonly SamplePage[] = [
  page('good', 'A correct integration: script with SRI, a CSP that allows the library, a live token.', {}),
  page(
    'wrong-build',
    // Payroc's library never sends its version, so nothing refuses the mismatch; what shows it is the second
    // build: the field frames run the session's build (UAT) beside the page's (production).
    'Loads the production build while its session was created for the UAT build.',
    { script: 'warn' },
    { libVersion: PRODUCTION_BUILD },
  ),
  page('no-sri', 'The library script has no integrity attribute.', { sri: 'warn' }, { integrity: 'none' }),
  page(
    'wrong-sri',
    "The integrity value is Payroc's UAT CDN hash, not the served script's: the browser refuses the script.",
    { script: 'fail', sri: 'fail', init: 'fail', selectors: 'skip', session: 'skip' },
    { integrity: { literal: KNOWN_LIBRARIES[UAT_BUILD]?.integrity ?? '' } },
  ),
  page(
    'csp-blocks-gateway',
    // The library retries the blocked configuration call for about 35 s before its init error, longer than a
    // check watches: csp names the cause, and the session is never answered.
    'A CSP without the gateway in frame-src and connect-src: the library cannot reach it.',
    { csp: 'fail', session: 'warn' },
    {
      csp: "default-src 'self'; script-src 'self' 'unsafe-inline' {{SANDBOX_ORIGIN}}; frame-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'",
    },
  ),
  page(
    'csp-blocks-script',
    "A CSP whose script-src lacks the library's host: the script never loads.",
    { script: 'fail', csp: 'fail', init: 'fail', sri: 'skip', selectors: 'skip', session: 'skip' },
    { csp: "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'" },
  ),
  page(
    'duplicate-selector',
    'The card number target matches two elements.',
    { selectors: 'fail', init: 'fail', session: 'warn' },
    { beforeForm: 'duplicate-target.html' },
  ),
  page(
    'init-before-script',
    'The init code runs before the library script ("Payroc is not defined").',
    { init: 'fail', selectors: 'skip', session: 'skip' },
    { order: 'init-first' },
  ),
  page(
    'expired-token',
    'The session token has expired.',
    { init: 'fail', session: 'fail' },
    { token: 'expired' },
  ),
  page(
    'reused-token',
    'The session token was already initialised by another Hosted Fields instance.',
    { init: 'fail', session: 'fail' },
    { token: 'used' },
  ),
  page(
    'api-key',
    'The API key is in the page and the browser calls the identity service.',
    { secrets: 'fail' },
    { after: 'leak-api-key.html' },
  ),
]

export const samplePage = (name: string): SamplePage | undefined =>
  SAMPLE_PAGES.find((entry) => entry.name === name)
