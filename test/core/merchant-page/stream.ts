/**
 * Builds minimal recordings by hand, event by event, in the shapes Chrome's DevTools Protocol delivers them, so
 * each verdict of each check has a test that names exactly the evidence behind it.
 */
import { PROBE_BINDING, type ProbeEvent } from '../../../src/core/services/merchant-page/probe-events'
import {
  analyzePage,
  UAT_ENVIRONMENT,
  type CheckId,
  type LibraryEnvironment,
  type PageCheck,
  type PageFacts,
  type PageRecording,
  type RecordedEvent,
  type ScriptTag,
} from '../../../src/core/services/merchant-page'

export const PAGE = 'https://shop.example/checkout'
export const UAT_SCRIPT = 'https://cdn.uat.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261457.js'
export const PROD_SCRIPT = 'https://cdn.payroc.com/js/hosted-fields/hosted-fields-1.7.0.261471.js'
export const UAT_SRI = 'sha384-m1A0nfFYa8sAfpDN0d60o4ztd/aCPC2xDVaOT31Urrmn4xypfHqgHQMayZeIK1PM'
export const PROD_SRI = 'sha384-4KD8EaeEaCR2jLV6vnBwfEAEy/o2bR0GkODVpr8iePLTK5eOOmjoPuDVKJ0wM1oP'
export const GATEWAY = 'https://testpayments.worldnettps.com'

export const CARD_FIELDS = {
  card: {
    cardholderName: { target: '.name', errorTarget: '.name-error' },
    cardNumber: { target: '.number' },
    expiryDate: { target: '.expiry' },
    cvv: { target: '.cvv', wrapperTarget: '.cvv-wrapper' },
    submit: { target: '.submit' },
  },
}
export const CARD_SELECTORS = [
  '.name',
  '.name-error',
  '.number',
  '.expiry',
  '.cvv',
  '.cvv-wrapper',
  '.submit',
]

export class Stream {
  private readonly events: RecordedEvent[] = []
  private readonly bodies: Record<string, string> = {}
  private next = 1
  private facts: PageFacts | null = {
    finalUrl: PAGE,
    scripts: [],
    metaCsp: [],
    selectorCounts: {},
    hasPayrocGlobal: false,
  }
  private load: PageRecording['load'] = { ok: true }

  constructor(readonly url = PAGE) {}

  private push(method: string, params: Record<string, unknown>): this {
    this.events.push({ t: this.events.length * 10, method, params })
    return this
  }

  /** A request and (unless status is undefined) its response; returns the requestId via `onId`. */
  request(
    url: string,
    options: {
      type?: string
      method?: string
      status?: number
      headers?: Record<string, string>
      responseHeaders?: Record<string, string>
      postData?: string
      body?: string
      failed?: { errorText: string; blockedReason?: string }
    } = {},
  ): this {
    const requestId = `R${this.next++}`
    this.push('Network.requestWillBeSent', {
      requestId,
      type: options.type ?? 'Fetch',
      request: {
        url,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.postData ? { postData: options.postData } : {}),
      },
    })
    if (options.status !== undefined) {
      this.push('Network.responseReceived', {
        requestId,
        type: options.type ?? 'Fetch',
        response: { url, status: options.status, headers: options.responseHeaders ?? {} },
      })
    }
    if (options.failed) this.push('Network.loadingFailed', { requestId, ...options.failed })
    if (options.body !== undefined) this.bodies[requestId] = options.body
    return this
  }

  document(headers: Record<string, string> = {}, html = '<html></html>'): this {
    return this.request(this.url, { type: 'Document', status: 200, responseHeaders: headers, body: html })
  }

  /** The library: a <script> tag, its request and (when it ran) the probe's library-defined. */
  library(
    src: string,
    options: {
      integrity?: string | null
      crossorigin?: string | null
      status?: number
      ran?: boolean
      body?: string
      failed?: { errorText: string; blockedReason?: string }
    } = {},
  ): this {
    this.tag({
      src,
      integrity: options.integrity ?? null,
      crossorigin: options.crossorigin === undefined ? 'anonymous' : options.crossorigin,
      text: null,
    })
    this.request(src, {
      type: 'Script',
      ...(options.failed ? { failed: options.failed } : { status: options.status ?? 200 }),
      ...(options.body !== undefined ? { body: options.body } : {}),
    })
    if (options.ran ?? (!options.failed && (options.status ?? 200) < 400)) this.libraryRan()
    return this
  }

  libraryRan(): this {
    if (this.facts) this.facts.hasPayrocGlobal = true
    return this.probe({ kind: 'library-defined' })
  }

  tag(tag: ScriptTag): this {
    this.facts?.scripts.push(tag)
    return this
  }

  probe(event: ProbeEvent): this {
    return this.push('Runtime.bindingCalled', { name: PROBE_BINDING, payload: JSON.stringify(event) })
  }

  /** new Payroc.hostedFields(options) + initialize(), with every selector matching once unless `counts` says otherwise. */
  instance(options: Record<string, unknown> = {}, counts: Record<string, number> = {}, instance = 1): this {
    this.probe({
      kind: 'construct',
      instance,
      options: { sessionToken: '…abc123', mode: 'payment', fields: CARD_FIELDS, ...options },
    })
    this.probe({ kind: 'on', instance, event: 'error' })
    this.probe({ kind: 'initialize', instance })
    if (this.facts)
      for (const selector of CARD_SELECTORS) this.facts.selectorCounts[selector] = counts[selector] ?? 1
    return this
  }

  /** A securitypolicyviolation the probe saw. */
  violation(directive: string, blockedURI: string, disposition: 'enforce' | 'report' = 'enforce'): this {
    return this.probe({ kind: 'csp-violation', directive, blockedURI, sourceFile: '', disposition })
  }

  libraryError(type: string, message: string, instance = 1): this {
    return this.probe({ kind: 'emit', instance, event: 'error', payload: { type, message } })
  }

  exception(description: string, url = `${new URL(this.url).origin}/checkout.js`): this {
    return this.push('Runtime.exceptionThrown', {
      exceptionDetails: { text: 'Uncaught', url, exception: { description } },
    })
  }

  console(type: string, text: string): this {
    return this.push('Runtime.consoleAPICalled', { type, args: [{ type: 'string', value: text }] })
  }

  log(level: string, text: string): this {
    return this.push('Log.entryAdded', { entry: { source: 'security', level, text } })
  }

  metaCsp(content: string): this {
    this.facts?.metaCsp.push(content)
    return this
  }

  timedOut(reason: string): this {
    this.load = { ok: false, reason }
    this.facts = null
    return this
  }

  build(): PageRecording {
    return { url: this.url, events: this.events, bodies: this.bodies, facts: this.facts, load: this.load }
  }
}

export const stream = (url?: string): Stream => new Stream(url)

/** One check of the analyzer's report on `recording` (UAT unless told). */
export function judge(
  recording: PageRecording,
  id: CheckId,
  env: LibraryEnvironment = UAT_ENVIRONMENT,
  knownSecrets: string[] = [],
): PageCheck {
  const found = analyzePage(recording, env, { knownSecrets }).checks.find((item) => item.id === id)
  if (!found) throw new Error(`no ${id} check`)
  return found
}
