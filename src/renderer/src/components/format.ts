/** Small display helpers shared by the diagnosis screens. */

const timeFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

export function formatTime(iso: string | undefined): string {
  if (!iso) return ''
  const at = Date.parse(iso)
  return Number.isNaN(at) ? iso : timeFormat.format(at)
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
