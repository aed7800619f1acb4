/** The sandbox clock: real time shifted by the configured offset, and the cached `Date` header text. */
export class SandboxClock {
  private offsetMs: number
  private dateSecond = -1
  private dateText = ''

  constructor(offsetSeconds: number) {
    this.offsetMs = offsetSeconds * 1000
  }

  setOffset(offsetSeconds: number): void {
    this.offsetMs = offsetSeconds * 1000
    this.dateSecond = -1
  }

  /** Epoch ms on the sandbox clock. */
  now(): number {
    return Date.now() + this.offsetMs
  }

  /** The `Date` header value (cached per second). */
  httpDate(): string {
    const now = this.now()
    const second = Math.floor(now / 1000)
    if (second !== this.dateSecond) {
      this.dateSecond = second
      this.dateText = new Date(second * 1000).toUTCString()
    }
    return this.dateText
  }
}
