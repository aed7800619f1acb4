/** Small display helpers shared by the diagnosis screens. */
import { formatLocal } from '@shared/time-format'

/** The console's one time format (shared/time-format.ts): local "YYYY-MM-DD HH:mm:ss", 24-hour. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return ''
  const at = Date.parse(iso)
  return Number.isNaN(at) ? iso : formatLocal(at)
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined) return ''
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

/** "about 12 s left", "about 3 min left"; empty when unknown. */
export function formatEta(ms: number | undefined): string {
  if (ms === undefined) return ''
  if (ms <= 0) return ''
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 90) return `about ${seconds} s left`
  return `about ${Math.round(seconds / 60)} min left`
}
