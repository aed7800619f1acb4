/**
 * Countdown math for a session token, kept pure so it is testable without a clock.
 *
 * The gateway's `Date` header says what time it was on the gateway when the response left; `receivedAt` says
 * what time it was here when it arrived. Local time elapsed since then, added to the gateway's time, estimates
 * the gateway's clock now — so a machine whose clock is minutes off still counts down to the real expiry.
 */

export interface TokenClock {
  expiresAt: string
  /** The gateway's Date header (ISO), when it sent one. */
  serverDate?: string | undefined
  /** This machine's clock when the response arrived (ISO). */
  receivedAt: string
}

export type CountdownPhase = 'ok' | 'warning' | 'expired'

/** Below this the token card turns to its warning style. */
export const WARNING_MS = 2 * 60_000

/**
 * How far the gateway's clock is ahead of ours (negative: behind), or 0 when unknown.
 *
 * An HTTP Date header has whole-second resolution: the gateway's true time when it answered lies in
 * [serverDate, serverDate + 1 s). When that window includes our receipt time the clocks agree as far as the
 * header can tell (skew 0); otherwise the smallest skew consistent with it is used. This keeps a fresh
 * 10-minute token from showing 10:01 just because the header dropped the milliseconds.
 */
export function clockSkewMs(clock: Pick<TokenClock, 'serverDate' | 'receivedAt'>): number {
  const serverDate = clock.serverDate ? Date.parse(clock.serverDate) : Number.NaN
  const receivedAt = Date.parse(clock.receivedAt)
  if (Number.isNaN(serverDate) || Number.isNaN(receivedAt)) return 0
  const low = serverDate - receivedAt
  if (serverDate % 1000 !== 0) return low
  const high = low + 999
  if (low <= 0 && high >= 0) return 0
  return low > 0 ? low : high
}

/**
 * Remaining milliseconds: expiresAt − (serverDate + (now − receivedAt)), i.e. expiry minus the gateway's
 * clock now, estimated from ours plus the skew; without a usable Date header, expiresAt − now.
 */
export function remainingMs(clock: TokenClock, now: number): number {
  const expiresAt = Date.parse(clock.expiresAt)
  if (Number.isNaN(expiresAt)) return 0
  return expiresAt - (now + clockSkewMs(clock))
}

/** `mm:ss`, rounding up so "00:00" appears only once the token has really expired. */
export function formatMmSs(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
}

export function phaseOf(ms: number): CountdownPhase {
  if (ms <= 0) return 'expired'
  return ms < WARNING_MS ? 'warning' : 'ok'
}

/**
 * Thresholds a screen reader hears about (descending, in ms): the 2-minute warning, the last minute, and (below)
 * expiry. Announcing every second would be noise.
 */
export const ANNOUNCE_AT_MS = [2 * 60_000, 60_000] as const

/**
 * What to announce when the remaining time moves from `previousMs` to `currentMs`, or null. Only the crossing
 * of a threshold (or expiry) produces a message; with a big jump only the lowest crossed threshold is announced.
 */
export function announcementFor(previousMs: number, currentMs: number): string | null {
  if (previousMs > 0 && currentMs <= 0) return 'The session token has expired.'
  let crossed: number | null = null
  for (const threshold of ANNOUNCE_AT_MS) {
    if (previousMs > threshold && currentMs <= threshold && currentMs > 0) crossed = threshold
  }
  if (crossed === null) return null
  return `The session token expires in ${crossed / 60_000} minute${crossed === 60_000 ? '' : 's'}.`
}

/** Delay until the displayed second changes, so ticks line up with the display instead of drifting. */
export function msUntilNextTick(ms: number): number {
  if (ms <= 0) return 1000
  const rest = ms % 1000
  return rest === 0 ? 1000 : rest
}
