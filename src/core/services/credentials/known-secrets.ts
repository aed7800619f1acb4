/**
 * Every secret main currently holds (API keys it has read, Bearer tokens it has received). The journal and the
 * log pass their text through `scrub` as the last line of defence, so a secret echoed somewhere unexpected (an
 * error message, a proxy's HTML page) is still masked.
 */
import { scrubSecrets } from '../../../shared/redact'

/**
 * The one scrubber at the boundary: `value` through `scrub` as JSON text, parsed back only when something was
 * masked. Dispatch (every answer), the event emitter (every push event) and History (every entry it stores) use
 * it; the journal and the log scrub their own text with the same secrets.
 */
export function scrubJson<T>(value: T, scrub: (text: string) => string): T {
  if (value === undefined) return value
  const text = JSON.stringify(value)
  const clean = scrub(text)
  return clean === text ? value : (JSON.parse(clean) as T)
}

export class KnownSecrets {
  private readonly secrets = new Set<string>()
  /** The sorted list, rebuilt only after a change: every journal attempt and log line reads it. */
  private sorted: readonly string[] | undefined

  add(secret: string | undefined): void {
    // Very short strings would mask ordinary words; the shared schemas require keys of 8+ characters anyway.
    if (secret && secret.length >= 8 && !this.secrets.has(secret)) {
      this.secrets.add(secret)
      this.sorted = undefined
    }
  }

  remove(secret: string | undefined): void {
    if (secret && this.secrets.delete(secret)) this.sorted = undefined
  }

  list(): string[] {
    // Longest first, so a secret that contains another is masked whole.
    this.sorted ??= [...this.secrets].sort((a, b) => b.length - a.length)
    // A copy: callers may keep or change what they were given.
    return [...this.sorted]
  }

  scrub(text: string): string {
    return scrubSecrets(text, this.list())
  }

  /** The same scrub over any JSON value (an answer, a push event, a history entry); unchanged values kept. */
  scrubValue<T>(value: T): T {
    return scrubJson(value, (text) => this.scrub(text))
  }
}
