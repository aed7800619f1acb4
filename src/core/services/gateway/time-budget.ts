/**
 * The time budget of one logical gateway call (INTERFACES.md: at most 30 s, retries and a clamped Retry-After
 * included — a person is waiting), and its Cancel (the `session:cancel` channel, button **Cancel request**).
 *
 * - Each attempt's deadline is the smaller of the per-attempt deadline and what is left of the budget, so a
 *   never-ending body ends with the budget, not 63 s later.
 * - A wait the gateway asks for (Retry-After, X-RateLimit-Reset), already capped by the retry policy, is
 *   checked against what is left: if waiting it would leave less than `minAttemptMs` for the retry, the call
 *   stops at once with a `timeout` error saying what was asked and what was left (instead of holding the
 *   create for 120 s on `Retry-After: 999999999`).
 * - `signal` aborts when the user cancels (pass it as the exchange's `signal`: an abort there is reported as
 *   `cancelled`); sleeps between attempts end at once on cancel.
 */
import type { AppError } from '../../../shared/result'

export const CALL_BUDGET_MS = 30_000
/** A retry with less time left than this is not worth sending. */
export const MIN_ATTEMPT_MS = 1_000

export interface CallBudgetOptions {
  totalMs?: number
  minAttemptMs?: number
  now?: () => number
}

export type WaitPlan = { wait: true; delayMs: number } | { wait: false; error: AppError }

const seconds = (ms: number): string => `${Math.ceil(ms / 1000)} s`

/**
 * X-RateLimit-Reset → milliseconds from now: a Unix time in seconds (values past 10^9) or a delay in seconds;
 * undefined when absent or not a number.
 */
export function parseRateLimitReset(value: string | undefined, nowMs: number): number | undefined {
  const text = value?.trim()
  if (!text || !/^\d+(\.\d+)?$/.test(text)) return undefined
  const number = Number(text)
  return Math.max(0, Math.round(number > 1e9 ? number * 1000 - nowMs : number * 1000))
}

/**
 * Sleeps `ms` with `sleeper` (injectable for tests), ending at once when `signal` aborts (Cancel request, or a
 * batch cancel); resolves to what happened.
 */
export function sleepUnlessAborted(
  ms: number,
  signal: AbortSignal,
  sleeper?: (ms: number) => Promise<void>,
): Promise<'slept' | 'cancelled'> {
  if (signal.aborted) return Promise.resolve('cancelled')
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined
    const onAbort = () => {
      clearTimeout(timer)
      resolve('cancelled')
    }
    const slept = () => {
      signal.removeEventListener('abort', onAbort)
      resolve(signal.aborted ? 'cancelled' : 'slept')
    }
    signal.addEventListener('abort', onAbort, { once: true })
    if (sleeper) void sleeper(ms).then(slept, slept)
    else timer = setTimeout(slept, ms)
  })
}

export class CallBudget {
  readonly totalMs: number
  private readonly startedAt: number
  private readonly minAttemptMs: number
  private readonly now: () => number
  private readonly controller = new AbortController()

  constructor(options: CallBudgetOptions = {}) {
    this.totalMs = options.totalMs ?? CALL_BUDGET_MS
    this.minAttemptMs = options.minAttemptMs ?? MIN_ATTEMPT_MS
    this.now = options.now ?? Date.now
    this.startedAt = this.now()
  }

  /** Aborted when the call is cancelled (never by the budget running out: that is a timeout, not a cancel). */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted
  }

  cancel(): void {
    this.controller.abort()
  }

  remainingMs(): number {
    return Math.max(0, this.startedAt + this.totalMs - this.now())
  }

  /** The deadline for the next attempt, or an error when no attempt may start (cancelled, budget spent). */
  nextAttempt(perAttemptMs: number): { deadlineMs: number } | { error: AppError } {
    if (this.cancelled) return { error: this.cancelledError() }
    const remaining = this.remainingMs()
    if (remaining < this.minAttemptMs) return { error: this.spentError() }
    return { deadlineMs: Math.min(perAttemptMs, remaining) }
  }

  /** Whether to wait `requestedMs` (what the gateway asked, or the backoff) before the next attempt. */
  planWait(requestedMs: number, what: string): WaitPlan {
    if (this.cancelled) return { wait: false, error: this.cancelledError() }
    const remaining = this.remainingMs()
    const delayMs = Math.max(0, requestedMs)
    if (delayMs + this.minAttemptMs > remaining) {
      return {
        wait: false,
        error: {
          kind: 'timeout',
          message: `Stopped: ${what} asked to wait ${seconds(delayMs)} before retrying, but only ${seconds(remaining)} of this call's ${seconds(this.totalMs)} budget were left`,
          hint: 'The gateway is busy or throttling; try again in a while (nothing more was sent).',
        },
      }
    }
    return { wait: true, delayMs }
  }

  /** Sleeps `ms`, ending early on cancel; resolves to what happened. */
  sleep(ms: number): Promise<'slept' | 'cancelled'> {
    return sleepUnlessAborted(ms, this.signal)
  }

  /**
   * Waits for `work` (the identity call the token cache shares between callers) within this budget: a cancel
   * ends the wait at once, and so does the budget running out. The shared work itself is not aborted — other
   * callers may be waiting for it, and the identity call has no side effect.
   */
  async within<T>(work: Promise<T>): Promise<{ value: T } | { error: AppError }> {
    if (this.cancelled) return { error: this.cancelledError() }
    let timer: NodeJS.Timeout | undefined
    let onAbort: (() => void) | undefined
    const stop = new Promise<{ error: AppError }>((resolve) => {
      onAbort = () => resolve({ error: this.cancelledError() })
      this.signal.addEventListener('abort', onAbort, { once: true })
      timer = setTimeout(() => resolve({ error: this.spentError() }), this.remainingMs())
    })
    try {
      return await Promise.race([work.then((value) => ({ value })), stop])
    } finally {
      clearTimeout(timer)
      if (onAbort) this.signal.removeEventListener('abort', onAbort)
    }
  }

  cancelledError(): AppError {
    return {
      kind: 'cancelled',
      message: 'Cancelled (Cancel request) before the gateway answered',
      hint: 'Nothing further was sent; a session may still have been created if the gateway got the request.',
    }
  }

  spentError(): AppError {
    return {
      kind: 'timeout',
      message: `No answer within this call's ${seconds(this.totalMs)} budget (retries included)`,
      hint: 'The gateway did not answer in time; check the network or proxy and try again.',
    }
  }
}

/** How many cancels of calls not (yet) in flight are remembered (a cancel may overtake its create). */
const EARLY_CANCELS_KEPT = 64

/** Calls in flight by request id, so `session:cancel { requestId }` can abort the right one. */
export class InFlightCalls {
  private readonly calls = new Map<string, CallBudget>()
  /** Ids cancelled before their call started (the browser preview's two POSTs may arrive out of order). */
  private readonly early = new Set<string>()

  constructor(private readonly options: CallBudgetOptions = {}) {}

  start(requestId: string): CallBudget {
    this.calls.get(requestId)?.cancel()
    const budget = new CallBudget(this.options)
    if (this.early.delete(requestId)) budget.cancel()
    this.calls.set(requestId, budget)
    return budget
  }

  /** True when a call with that id was in flight (and is now cancelled); else the id is cancelled on arrival. */
  cancel(requestId: string): boolean {
    const budget = this.calls.get(requestId)
    if (!budget) {
      this.early.add(requestId)
      if (this.early.size > EARLY_CANCELS_KEPT) {
        const oldest = this.early.values().next().value
        if (oldest !== undefined) this.early.delete(oldest)
      }
      return false
    }
    budget.cancel()
    this.calls.delete(requestId)
    return true
  }

  /** Cancels every call in flight (the console is closing). */
  cancelAll(): void {
    for (const budget of this.calls.values()) budget.cancel()
    this.calls.clear()
  }

  finish(requestId: string, budget: CallBudget): void {
    if (this.calls.get(requestId) === budget) this.calls.delete(requestId)
  }

  get size(): number {
    return this.calls.size
  }
}
