import { describe, expect, it } from 'vitest'
import {
  announcementFor,
  clockSkewMs,
  formatMmSs,
  msUntilNextTick,
  phaseOf,
  remainingMs,
} from '@renderer/features/session/countdown'

const at = (iso: string): number => Date.parse(iso)

describe('countdown math', () => {
  it('counts down from expiresAt with the local clock when clocks agree', () => {
    const clock = {
      expiresAt: '2026-01-01T10:10:00.000Z',
      serverDate: '2026-01-01T10:00:00.000Z',
      receivedAt: '2026-01-01T10:00:00.300Z',
    }
    expect(remainingMs(clock, at('2026-01-01T10:00:00.300Z'))).toBe(599_700)
    expect(remainingMs(clock, at('2026-01-01T10:05:00.300Z'))).toBe(299_700)
  })

  it('never shows more than the session lifetime because the Date header dropped milliseconds', () => {
    const clock = {
      expiresAt: '2026-01-01T10:10:00.870Z',
      serverDate: '2026-01-01T10:00:00.000Z',
      receivedAt: '2026-01-01T10:00:00.880Z',
    }
    expect(formatMmSs(remainingMs(clock, at('2026-01-01T10:00:00.880Z')))).toBe('10:00')
  })

  it('corrects for a local clock that runs 5 minutes fast', () => {
    // Gateway says 10:00; this machine thinks it is 10:05 when the answer arrives.
    const clock = {
      expiresAt: '2026-01-01T10:10:00.000Z',
      serverDate: '2026-01-01T10:00:00.000Z',
      receivedAt: '2026-01-01T10:05:00.000Z',
    }
    expect(clockSkewMs(clock)).toBeLessThan(-299_000)
    // One local minute later, about 9 minutes remain — not 4.
    const left = remainingMs(clock, at('2026-01-01T10:06:00.000Z'))
    expect(left).toBeGreaterThan(538_000)
    expect(left).toBeLessThanOrEqual(540_000)
  })

  it('corrects for a local clock that runs 2 minutes slow', () => {
    const clock = {
      expiresAt: '2026-01-01T10:10:00.000Z',
      serverDate: '2026-01-01T10:00:00.000Z',
      receivedAt: '2026-01-01T09:58:00.000Z',
    }
    expect(clockSkewMs(clock)).toBe(120_000)
    expect(remainingMs(clock, at('2026-01-01T09:59:00.000Z'))).toBe(540_000)
  })

  it('uses a precise server date as it is', () => {
    const clock = { serverDate: '2026-01-01T10:00:00.250Z', receivedAt: '2026-01-01T10:00:00.000Z' }
    expect(clockSkewMs(clock)).toBe(250)
  })

  it('falls back to the local clock without a usable Date header', () => {
    const clock = { expiresAt: '2026-01-01T10:10:00.000Z', receivedAt: '2026-01-01T10:00:00.000Z' }
    expect(remainingMs(clock, at('2026-01-01T10:09:00.000Z'))).toBe(60_000)
    expect(remainingMs({ ...clock, serverDate: 'not a date' }, at('2026-01-01T10:09:00.000Z'))).toBe(60_000)
  })

  it('treats an unparseable expiry as expired', () => {
    expect(remainingMs({ expiresAt: 'soon', receivedAt: '2026-01-01T10:00:00.000Z' }, 0)).toBe(0)
  })

  it('formats mm:ss, rounding up and never below zero', () => {
    expect(formatMmSs(600_000)).toBe('10:00')
    expect(formatMmSs(599_001)).toBe('10:00')
    expect(formatMmSs(599_000)).toBe('09:59')
    expect(formatMmSs(61_000)).toBe('01:01')
    expect(formatMmSs(1)).toBe('00:01')
    expect(formatMmSs(0)).toBe('00:00')
    expect(formatMmSs(-5_000)).toBe('00:00')
    expect(formatMmSs(75 * 60_000)).toBe('75:00')
  })

  it('warns under 2 minutes and expires at zero', () => {
    expect(phaseOf(120_000)).toBe('ok')
    expect(phaseOf(119_999)).toBe('warning')
    expect(phaseOf(1)).toBe('warning')
    expect(phaseOf(0)).toBe('expired')
    expect(phaseOf(-1)).toBe('expired')
  })

  it('announces only threshold crossings, not every second', () => {
    expect(announcementFor(400_000, 399_000)).toBeNull()
    expect(announcementFor(300_500, 299_500)).toBeNull()
    expect(announcementFor(120_200, 119_200)).toBe('The session token expires in 2 minutes.')
    expect(announcementFor(60_400, 59_400)).toBe('The session token expires in 1 minute.')
    expect(announcementFor(30_100, 29_100)).toBeNull()
    expect(announcementFor(29_100, 28_100)).toBeNull()
    expect(announcementFor(400, -600)).toBe('The session token has expired.')
    expect(announcementFor(-600, -1600)).toBeNull()
    // A tab that slept through several thresholds hears only the latest one.
    expect(announcementFor(400_000, 45_000)).toBe('The session token expires in 1 minute.')
  })

  it('schedules the next tick when the displayed second changes', () => {
    expect(msUntilNextTick(4_300)).toBe(300)
    expect(msUntilNextTick(4_000)).toBe(1000)
    expect(msUntilNextTick(-20)).toBe(1000)
  })
})
