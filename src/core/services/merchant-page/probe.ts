/**
 * The probe: runs in the merchant page before any of its scripts (Page.addScriptToEvaluateOnNewDocument), watches
 * `window.Payroc.hostedFields` (wrapped as soon as the library has defined it) and reports what the page does with it through a CDP binding (Runtime.addBinding).
 *
 * This function is serialised with Function.prototype.toString and evaluated in the page, so it must be
 * self-contained: no imports, no outer variables, no helpers defined outside it. The page's own code never sees
 * a change in behaviour: the wrapped constructor returns the library's own instance.
 *
 * Secrets never leave the page in the clear: the session token (and any key/secret/password-like option) is
 * masked to its last 6 characters before it is reported.
 */
import type { ProbeConfig } from './probe-events'

/**
 * The parts of `window` the probe uses, typed here so the probe compiles with the Node program (no DOM lib) and
 * unit tests can run it against a stand-in window.
 */
export interface ProbeWindow {
  top: unknown
  console: { debug(...args: unknown[]): void }
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: ProbeViolation) => void,
      capture: boolean,
    ): void
    addEventListener(type: 'load' | 'DOMContentLoaded', listener: () => void, capture: boolean): void
  }
}
export interface ProbeViolation {
  effectiveDirective: string
  violatedDirective: string
  blockedURI: string
  sourceFile: string
  disposition: string
}

export function installProbe(config: ProbeConfig, win: ProbeWindow): void {
  if (win.top !== win) return // the library's page side runs in the top document only
  const host = win as unknown as Record<string, unknown>
  const binding = host[config.binding]
  const send: (payload: string) => void =
    typeof binding === 'function'
      ? (binding as (payload: string) => void)
      : (payload) => win.console.debug(config.consoleMark + payload)
  // The page should not find (or call) the channel.
  try {
    Reflect.deleteProperty(host, config.binding)
  } catch {
    /* non-configurable: leave it */
  }
  const report = (event: Record<string, unknown>): void => {
    try {
      send(JSON.stringify(event))
    } catch {
      /* a payload that does not serialise is dropped */
    }
  }

  const SECRET_KEY = /token|key|secret|password|authorization|bearer/i
  const mask = (text: string): string => (text.length <= 6 ? '…' : `…${text.slice(-6)}`)
  const clean = (value: unknown, key: string, depth: number): unknown => {
    if (typeof value === 'string') return SECRET_KEY.test(key) ? mask(value) : value.slice(0, 500)
    if (typeof value === 'function') return '[function]'
    if (value === null || typeof value !== 'object') return value
    if (depth > 6) return '[…]'
    const node = value as { nodeType?: unknown; tagName?: unknown }
    if (typeof node.nodeType === 'number') return `[element ${String(node.tagName).toLowerCase()}]`
    if (Array.isArray(value)) return value.slice(0, 50).map((item) => clean(item, key, depth + 1))
    const out: Record<string, unknown> = {}
    for (const name of Object.keys(value).slice(0, 100)) {
      out[name] = clean((value as Record<string, unknown>)[name], name, depth + 1)
    }
    return out
  }
  const messageOf = (error: unknown): string =>
    error instanceof Error ? `${error.name}: ${error.message}` : String(error)

  let nextInstance = 1
  const wrapped = new WeakSet<object>()

  type Instance = {
    on?: (event: string, handler: (payload: unknown) => void) => unknown
    initialize?: () => unknown
    destroy?: () => unknown
  }

  const watchInstance = (instance: Instance, id: number): void => {
    const originalOn = instance.on
    if (typeof originalOn === 'function') {
      // The probe's own listeners see every event the instance emits, whatever the page registers.
      for (const event of config.events) {
        try {
          originalOn.call(instance, event, (payload: unknown) =>
            report({ kind: 'emit', instance: id, event, payload: clean(payload, event, 0) }),
          )
        } catch {
          /* a library that refuses an event name */
        }
      }
      instance.on = function (this: unknown, event: string, handler: (payload: unknown) => void) {
        report({ kind: 'on', instance: id, event: String(event) })
        return originalOn.call(this, event, handler)
      }
    }
    const originalInitialize = instance.initialize
    if (typeof originalInitialize === 'function') {
      instance.initialize = function (this: unknown) {
        report({ kind: 'initialize', instance: id })
        const result = originalInitialize.call(this)
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          ;(result as Promise<unknown>).then(
            () => report({ kind: 'initialize-settled', instance: id, ok: true }),
            (error: unknown) =>
              report({ kind: 'initialize-settled', instance: id, ok: false, message: messageOf(error) }),
          )
        }
        return result
      }
    }
    const originalDestroy = instance.destroy
    if (typeof originalDestroy === 'function') {
      instance.destroy = function (this: unknown) {
        report({ kind: 'destroy', instance: id })
        return originalDestroy.call(this)
      }
    }
  }

  type Constructor = new (options: unknown) => Instance
  const wrapConstructor = (original: unknown): unknown => {
    if (typeof original !== 'function' || wrapped.has(original)) return original
    const library = original as Constructor
    const probe = function (this: unknown, options: unknown) {
      const id = nextInstance++
      if (!new.target) {
        report({
          kind: 'construct',
          instance: id,
          options: clean(options, '', 0),
          error: 'called without new',
        })
        return (library as unknown as (options: unknown) => unknown).call(this, options)
      }
      let instance: Instance
      try {
        instance = new library(options)
      } catch (error) {
        report({ kind: 'construct', instance: id, options: clean(options, '', 0), error: messageOf(error) })
        throw error
      }
      report({ kind: 'construct', instance: id, options: clean(options, '', 0) })
      watchInstance(instance, id)
      return instance
    }
    probe.prototype = library.prototype
    Object.setPrototypeOf(probe, library) // statics such as `version`
    wrapped.add(probe)
    const version = (library as unknown as { version?: unknown }).version
    report({ kind: 'library-defined', ...(typeof version === 'string' ? { version } : {}) })
    return probe
  }

  const watchNamespace = (namespace: unknown): void => {
    if (namespace === null || typeof namespace !== 'object' || wrapped.has(namespace)) return
    wrapped.add(namespace)
    const target = namespace as Record<string, unknown>
    let current = wrapConstructor(target.hostedFields)
    try {
      Object.defineProperty(target, 'hostedFields', {
        configurable: true,
        enumerable: true,
        get: () => current,
        set: (value: unknown) => {
          current = wrapConstructor(value)
        },
      })
    } catch {
      /* a frozen namespace: the probe cannot watch it */
    }
  }

  // window.Payroc itself is left alone until the library creates it: a trap on it would turn the page's own
  // "Payroc is not defined" into a different error. Each script's load event fires right after it ran and before
  // the next parser-inserted script, so the namespace is wrapped before the page's init code can use it.
  const look = (): void => watchNamespace(host.Payroc)
  look()
  win.document.addEventListener('load', look, true)
  win.document.addEventListener('DOMContentLoaded', look, true)

  win.document.addEventListener(
    'securitypolicyviolation',
    (event: ProbeViolation) =>
      report({
        kind: 'csp-violation',
        directive: event.effectiveDirective || event.violatedDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        disposition: event.disposition,
      }),
    true,
  )
}

/**
 * The probe as one script text for Page.addScriptToEvaluateOnNewDocument (either engine). `__name` is defined
 * because esbuild-based loaders (tsx, vitest) may wrap nested functions in it when they keep names.
 */
export function probeScript(config: ProbeConfig): string {
  return `(() => { const __name = (target) => target; (${installProbe.toString()})(${JSON.stringify(config)}, window); })();`
}
