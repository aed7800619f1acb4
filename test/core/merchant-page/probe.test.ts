/**
 * The probe as the page gets it: its serialised script run in a fresh VM context (nothing from this module's scope
 * reachable) against a stand-in window, with a small library that behaves like Payroc's page side.
 */
import { runInNewContext } from 'node:vm'
import { beforeEach, describe, expect, it } from 'vitest'
import { probeScript } from '../../../src/core/services/merchant-page/probe'
import {
  PROBE_BINDING,
  PROBE_CONFIG,
  type ProbeEvent,
} from '../../../src/core/services/merchant-page/probe-events'

type Listener = (event?: unknown) => void

class FakeWindow {
  [key: string]: unknown
  top: unknown = this
  readonly sent: ProbeEvent[] = []
  readonly debug: string[] = []
  readonly listeners: Record<string, Listener[]> = {}
  console = { debug: (text: string) => this.debug.push(text) }
  document = {
    addEventListener: (type: string, listener: Listener) => (this.listeners[type] ??= []).push(listener),
  }
  fire(type: string, event?: unknown): void {
    for (const listener of this.listeners[type] ?? []) listener(event)
  }
}

/** Like Payroc's page side: a constructor with on / initialize / destroy and an emit the test can drive. */
function defineLibrary(win: FakeWindow): { emit: (event: string, payload: unknown) => void } {
  const handlers: Record<string, ((payload: unknown) => void)[]> = {}
  class HostedFields {
    constructor(readonly options: unknown) {}
    on(event: string, handler: (payload: unknown) => void) {
      ;(handlers[event] ??= []).push(handler)
      return this
    }
    initialize() {
      return Promise.resolve()
    }
    destroy() {}
  }
  const root = (win.Payroc ?? {}) as Record<string, unknown>
  win.Payroc = root
  root.hostedFields = Object.assign(HostedFields, { version: '1.7.0.261457' })
  return { emit: (event, payload) => (handlers[event] ?? []).forEach((handler) => handler(payload)) }
}

let win: FakeWindow
beforeEach(() => {
  win = new FakeWindow()
  win[PROBE_BINDING] = (payload: string) => win.sent.push(JSON.parse(payload) as ProbeEvent)
  runInNewContext(probeScript(PROBE_CONFIG), { window: win })
})

const construct = (options: Record<string, unknown>) => {
  const Ctor = (
    win.Payroc as { hostedFields: new (options: unknown) => Record<string, (...args: unknown[]) => unknown> }
  ).hostedFields
  return new Ctor(options)
}

describe('the probe', () => {
  it('hides its channel from the page and leaves window.Payroc undefined until the library defines it', () => {
    expect(PROBE_BINDING in win).toBe(false)
    expect('Payroc' in win).toBe(false)
  })

  it('wraps Payroc.hostedFields once the library script has run and reports the constructor options, masked', () => {
    defineLibrary(win)
    win.fire('load')
    const instance = construct({
      sessionToken: 'abcdef0123456789abcdef',
      mode: 'payment',
      apiKey: 'merchant-secret-key',
      fields: { card: { cardNumber: { target: '.n' } } },
    })
    expect(instance.options).toMatchObject({ sessionToken: 'abcdef0123456789abcdef' }) // the page's own instance is untouched
    expect(win.sent[0]).toEqual({ kind: 'library-defined', version: '1.7.0.261457' })
    expect(win.sent[1]).toEqual({
      kind: 'construct',
      instance: 1,
      options: {
        sessionToken: '…abcdef',
        mode: 'payment',
        apiKey: '…et-key',
        fields: { card: { cardNumber: { target: '.n' } } },
      },
    })
  })

  it('records on(), initialize(), destroy() and every emitted event, including ones the page does not listen to', async () => {
    const library = defineLibrary(win)
    win.fire('load')
    const instance = construct({ sessionToken: 'tok-123456789' })
    instance.on?.('submissionSuccess', () => undefined)
    await instance.initialize?.()
    library.emit('error', { type: 'init', message: 'The provided session token has expired.' })
    instance.destroy?.()
    const kinds = win.sent.map((event) => event.kind)
    expect(kinds).toEqual([
      'library-defined',
      'construct',
      'on',
      'initialize',
      'initialize-settled',
      'emit',
      'destroy',
    ])
    expect(win.sent).toContainEqual({
      kind: 'emit',
      instance: 1,
      event: 'error',
      payload: { type: 'init', message: 'The provided session token has expired.' },
    })
  })

  it('sees the namespace when the library assigns Payroc.hostedFields after Payroc exists', () => {
    win.Payroc = {}
    win.fire('load')
    defineLibrary(win) // sets hostedFields on the watched namespace
    construct({ sessionToken: 'x' })
    expect(win.sent.some((event) => event.kind === 'construct')).toBe(true)
  })

  it('reports CSP violations', () => {
    win.fire('securitypolicyviolation', {
      effectiveDirective: 'frame-src',
      violatedDirective: 'frame-src',
      blockedURI: 'https://gw/x',
      sourceFile: '',
      disposition: 'enforce',
    })
    expect(win.sent).toEqual([
      {
        kind: 'csp-violation',
        directive: 'frame-src',
        blockedURI: 'https://gw/x',
        sourceFile: '',
        disposition: 'enforce',
      },
    ])
  })

  it('falls back to the console channel when the binding is missing', () => {
    const bare = new FakeWindow()
    runInNewContext(probeScript(PROBE_CONFIG), { window: bare })
    bare.fire('securitypolicyviolation', {
      effectiveDirective: 'connect-src',
      violatedDirective: '',
      blockedURI: 'u',
      sourceFile: '',
      disposition: 'enforce',
    })
    expect(bare.debug[0]).toMatch(/^__hostedFieldsConsoleProbe:\{"kind":"csp-violation"/)
  })

  it('does nothing inside frames', () => {
    const frame = new FakeWindow()
    frame.top = {}
    frame[PROBE_BINDING] = () => undefined
    runInNewContext(probeScript(PROBE_CONFIG), { window: frame })
    expect(frame.listeners).toEqual({})
  })
})
