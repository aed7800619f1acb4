/**
 * Every secret main currently holds (API keys it has read, Bearer tokens it has received). The journal and the
 * log pass their text through `scrub` as the last line of defence, so a secret echoed somewhere unexpected (an
 * error message, a proxy's HTML page) is still masked.
 */
import { scrubSecrets } from '../../shared/redact'

export class KnownSecrets {
  private readonly secrets = new Set<string>()

  add(secret: string | undefined): void {
    // Very short strings would mask ordinary words; the shared schemas require keys of 8+ characters anyway.
    if (secret && secret.length >= 8) this.secrets.add(secret)
  }

  remove(secret: string | undefined): void {
    if (secret) this.secrets.delete(secret)
  }

  list(): string[] {
    // Longest first, so a secret that contains another is masked whole.
    return [...this.secrets].sort((a, b) => b.length - a.length)
  }

  scrub(text: string): string {
    return scrubSecrets(text, this.list())
  }
}
