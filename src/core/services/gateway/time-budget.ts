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
    if (this.cancelled) return Promise.resolve('cancelled')
    return new Promise((resolve) => {
      const onAbort = () => {
        clearTimeout(timer)
        resolve('cancelled')
      }
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort)
        resolve('slept')
      }, ms)
      this.signal.addEventListener('abort', onAbort, { once: true })
    })
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

/** Calls in flight by request id, so `session:cancel { requestId }` can abort the right one. */
export class InFlightCalls {
  private readonly calls = new Map<string, CallBudget>()

  constructor(private readonly options: CallBudgetOptions = {}) {}

  start(requestId: string): CallBudget {
    this.calls.get(requestId)?.cancel()
    const budget = new CallBudget(this.options)
    this.calls.set(requestId, budget)
    return budget
  }

  /** True when a call with that id was in flight (and is now cancelled). */
  cancel(requestId: string): boolean {
    const budget = this.calls.get(requestId)
    if (!budget) return false
    budget.cancel()
    this.calls.delete(requestId)
    return true
  }

  finish(requestId: string, budget: CallBudget): void {
    if (this.calls.get(requestId) === budget) this.calls.delete(requestId)
  }

  get size(): number {
    return this.calls.size
  }
}
