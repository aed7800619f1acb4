/**
 * One time format everywhere: local 24-hour time on screen ("2026-12-02 01:05:07"), the same instant in UTC on
 * hover (the title), ISO 8601 UTC in exports (CSV, bundle, HAR). Pure; the time zone is a parameter so the
 * tests pin it (the renderer passes nothing: the machine's zone).
 */

export interface TimeDisplay {
  /** Local time, shown. */
  text: string
  /** "2026-12-02 00:05:07 UTC", for the title (hover). */
  title: string
  /** ISO 8601 UTC, for `<time dateTime>` and exports. */
  iso: string
}

const INVALID: TimeDisplay = { text: '—', title: 'unknown time', iso: '' }

function toDate(value: string | number | Date): Date | undefined {
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    })
    formatters.set(key, found)
  }
  return found
}

/** "YYYY-MM-DD HH:mm:ss" in the zone (the machine's when omitted). */
export function formatLocal(value: string | number | Date, timeZone?: string): string {
  const date = toDate(value)
  if (!date) return INVALID.text
  const parts: Record<string, string> = {}
  for (const part of formatter(timeZone).formatToParts(date)) parts[part.type] = part.value
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`
}

/** ISO 8601 UTC with milliseconds: the export format. Empty for an unreadable time. */
export function exportTime(value: string | number | Date): string {
  return toDate(value)?.toISOString() ?? ''
}

export function timeDisplay(value: string | number | Date, timeZone?: string): TimeDisplay {
  const date = toDate(value)
  if (!date) return INVALID
  return {
    text: formatLocal(date, timeZone),
    title: `${formatLocal(date, 'UTC')} UTC`,
    iso: date.toISOString(),
  }
}
