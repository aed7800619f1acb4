import { useEffect, useRef, useState } from 'react'
import { announcementFor, msUntilNextTick, remainingMs, type TokenClock } from './countdown'

/**
 * Remaining time of a token, re-rendering only when the displayed second changes, plus the latest
 * threshold announcement for screen readers (not one per second).
 */
export function useCountdown(clock: TokenClock | null): { remaining: number; announcement: string } {
  const [now, setNow] = useState(() => Date.now())
  // Tied to its clock, so a new session does not inherit the previous one's "expired".
  const [announcement, setAnnouncement] = useState<{ clock: TokenClock; text: string } | null>(null)
  const previous = useRef<number | null>(null)
  const remaining = clock ? remainingMs(clock, now) : 0

  useEffect(() => {
    if (!clock) return
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const current = Date.now()
      const left = remainingMs(clock, current)
      const message = previous.current === null ? null : announcementFor(previous.current, left)
      previous.current = left
      setNow(current)
      if (message) setAnnouncement({ clock, text: message })
      if (left > -1000) timer = setTimeout(tick, msUntilNextTick(left))
    }
    previous.current = null
    tick()
    return () => clearTimeout(timer)
  }, [clock])

  return { remaining, announcement: announcement?.clock === clock ? announcement.text : '' }
}
