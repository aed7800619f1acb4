import { timeDisplay } from '@shared/time-format'

/**
 * A time in the console's one format (shared/time-format.ts): local 24-hour on screen, the same instant in UTC
 * on hover. `precise` adds milliseconds (the Event log, where events come within one second).
 */
export function When({ at, precise = false }: { at: string; precise?: boolean }) {
  const shown = timeDisplay(at)
  const millis = precise && shown.iso ? `.${shown.iso.slice(20, 23)}` : ''
  return (
    <time dateTime={shown.iso} title={shown.title}>
      {shown.text}
      {millis}
    </time>
  )
}
