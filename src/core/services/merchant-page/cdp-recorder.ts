/**
 * The engine-neutral half of a page check: over any Chrome DevTools Protocol transport (Playwright's CDPSession
 * now, Electron's webContents.debugger later) it enables the domains, installs the probe before any page script,
 * records every event the analyzer reads, and after load fetches the response bodies and page facts it needs.
 */
import { factsExpression } from './page-facts'
import { probeScript } from './probe'
import { PROBE_CONFIG } from './probe-events'
import { constructs, libraryScripts } from './facts'
import { selectorsOf } from './checks-integration'
import { buildModel } from './page-model'
import { FIELD_FRAME_PATH, GATEWAY_CONFIGURATION_PATH, SANDBOX_INITIALIZE_PATH } from './knowledge'
import type { LoadOutcome, PageFacts, PageRecording, RecordedEvent } from './types'

export interface CdpTransport {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>
  /** Calls `listener` for every event of the given methods until the returned function is called. */
  subscribe(
    methods: readonly string[],
    listener: (method: string, params: Record<string, unknown>) => void,
  ): () => void
}

/** The events the analyzer reads, plus page lifecycle for the record. */
export const RECORDED_METHODS = [
  'Network.requestWillBeSent',
  'Network.requestWillBeSentExtraInfo',
  'Network.responseReceived',
  'Network.responseReceivedExtraInfo',
  'Network.loadingFinished',
  'Network.loadingFailed',
  'Runtime.consoleAPICalled',
  'Runtime.exceptionThrown',
  'Runtime.bindingCalled',
  'Log.entryAdded',
  'Page.frameNavigated',
  'Page.domContentEventFired',
  'Page.loadEventFired',
] as const

const BODY_LIMIT = 1_048_576
/** A page still loading (a timed-out check) can leave a command unanswered; no step may hang the check. */
const COMMAND_TIMEOUT_MS = 3000

function bounded<T>(promise: Promise<T>, ms = COMMAND_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export class CdpRecorder {
  readonly events: RecordedEvent[] = []
  private readonly started = Date.now()
  private lastEventAt = Date.now()
  private unsubscribe: (() => void) | undefined

  constructor(private readonly cdp: CdpTransport) {}

  /** Before navigation: domains on, probe channel and probe script in place. */
  async start(): Promise<void> {
    this.unsubscribe = this.cdp.subscribe(RECORDED_METHODS, (method, params) => {
      this.lastEventAt = Date.now()
      this.events.push({ t: this.lastEventAt - this.started, method, params })
    })
    await this.cdp.send('Network.enable', { maxPostDataSize: 65_536 })
    await this.cdp.send('Page.enable')
    await this.cdp.send('Runtime.enable')
    await this.cdp.send('Log.enable')
    await this.cdp.send('Runtime.addBinding', { name: PROBE_CONFIG.binding })
    await this.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: probeScript(PROBE_CONFIG) })
  }

  /** Resolves once no event arrived for `quietMs` (or after `maxMs`). */
  async settle(quietMs: number, maxMs: number, signal?: AbortSignal): Promise<void> {
    const until = Date.now() + maxMs
    while (Date.now() < until && !signal?.aborted) {
      if (Date.now() - this.lastEventAt >= quietMs) return
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, quietMs)))
    }
  }

  /** After load: facts, bodies, and the recording. Stops recording. */
  async finish(url: string, load: LoadOutcome): Promise<PageRecording> {
    if (!load.ok) await bounded(this.cdp.send('Page.stopLoading')).catch(() => undefined)
    const partial: PageRecording = { url, events: this.events, bodies: {}, facts: null, load }
    const model = buildModel(partial)
    const selectors = [
      ...new Set(
        constructs(model).flatMap((instance) => selectorsOf(instance.options).map((entry) => entry.selector)),
      ),
    ]
    const facts = await this.facts(selectors)
    this.unsubscribe?.()
    const wanted = new Set<string>()
    if (model.document) wanted.add(model.document.id)
    for (const script of libraryScripts(model, { ...partial, facts }))
      if (script.request) wanted.add(script.request.id)
    for (const request of model.requests) {
      let path: string
      try {
        path = new URL(request.url).pathname
      } catch {
        continue
      }
      const sameOriginScript = request.type === 'Script' && new URL(request.url).origin === model.pageOrigin
      const gateway = SANDBOX_INITIALIZE_PATH.test(path) || GATEWAY_CONFIGURATION_PATH.test(path)
      if ((sameOriginScript || gateway) && !FIELD_FRAME_PATH.test(path)) wanted.add(request.id)
    }
    const bodies: Record<string, string> = {}
    for (const requestId of wanted) {
      const body = await this.body(requestId)
      if (body !== undefined) bodies[requestId] = body
    }
    return { url, events: this.events, bodies, facts, load }
  }

  async screenshot(): Promise<Uint8Array | null> {
    try {
      const shot = (await bounded(this.cdp.send('Page.captureScreenshot', { format: 'png' }))) as {
        data?: string
      }
      return shot.data ? Uint8Array.from(Buffer.from(shot.data, 'base64')) : null
    } catch {
      return null
    }
  }

  private async facts(selectors: string[]): Promise<PageFacts | null> {
    try {
      const answer = (await bounded(
        this.cdp.send('Runtime.evaluate', { expression: factsExpression(selectors), returnByValue: true }),
      )) as { result?: { value?: PageFacts }; exceptionDetails?: unknown }
      return answer.exceptionDetails || !answer.result?.value ? null : answer.result.value
    } catch {
      return null
    }
  }

  private async body(requestId: string): Promise<string | undefined> {
    try {
      const answer = (await bounded(this.cdp.send('Network.getResponseBody', { requestId }))) as {
        body: string
        base64Encoded: boolean
      }
      const text = answer.base64Encoded ? Buffer.from(answer.body, 'base64').toString('utf8') : answer.body
      return text.length > BODY_LIMIT ? text.slice(0, BODY_LIMIT) : text
    } catch {
      return undefined // evicted, a redirect, or never finished
    }
  }
}
