/**
 * When the card form is really ready, and when it failed — from what the library does, not from
 * `initialize()`: Payroc's library resolves `initialize()` once the field iframes are injected (hidden, opacity 0)
 * and never rejects; the form is ready when every field's iframe is shown (the library sets opacity 1 once all
 * frames reported ready — it has no `ready` event), and it failed when an `error` event of type `config`, `init`
 * or `field` arrives. A library whose frames are never hidden counts as ready once `initialize()` resolved and
 * every iframe is in place.
 */

export type FormPhase = 'loading' | 'ready' | 'failed'

/** An iframe as the check needs it: its inline opacity ('' when unset). */
export interface FrameLike {
  opacity: string
}

/**
 * Whether an `error` event means the form cannot be used: `config` and `init` always; `field` before the form
 * was ready (a field could not be embedded); never `submission` (the form stays usable).
 */
export function isFatalError(payload: unknown, ready: boolean): boolean {
  if (typeof payload !== 'object' || payload === null) return !ready
  const type = (payload as { type?: unknown }).type
  if (type === 'config' || type === 'init') return true
  if (type === 'submission') return false
  return !ready
}

/** Ready: initialize() has resolved and each field target holds an iframe that is not hidden. */
export function framesReady(targets: readonly (FrameLike | null)[], initialized: boolean): boolean {
  if (!initialized || targets.length === 0) return false
  return targets.every((frame) => frame !== null && frame.opacity !== '0')
}

/**
 * Watches the field targets under `root` and calls `onReady` once, when framesReady holds. `initialized()` is
 * called again from outside (notify) when initialize() resolves. Returns notify and stop.
 */
export function watchReadiness(
  root: HTMLElement,
  selectors: readonly string[],
  onReady: () => void,
): { notify(initialized: boolean): void; stop(): void } {
  let initialized = false
  let done = false
  const frames = (): (FrameLike | null)[] =>
    selectors.map((selector) => {
      const frame = root.querySelector<HTMLIFrameElement>(`${selector} iframe`)
      return frame ? { opacity: frame.style.opacity } : null
    })
  const check = (): void => {
    if (done || !framesReady(frames(), initialized)) return
    done = true
    observer.disconnect()
    onReady()
  }
  const observer = new MutationObserver(check)
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] })
  return {
    notify(value) {
      initialized = value
      check()
    },
    stop() {
      done = true
      observer.disconnect()
    },
  }
}
