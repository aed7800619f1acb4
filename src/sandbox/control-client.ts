/**
 * A typed client for the sandbox's control API (/__sandbox/…, loopback only), for tests, e2e specs, the
 * benchmarks and any embedding app. Every call throws SandboxControlError on an answer other than 2xx.
 * It imports only the control API's schemas and types, so it never loads the gateway itself.
 */
import { CONTROL_PREFIX, type ConfigPatch, type ResetBody } from './control-schemas'
import type { FaultRule, FaultRuleInput } from './fault-rules'
import type { JournalEntry } from './state/request-journal'
import type { SandboxStats } from './state/sandbox-counters'
import type { SandboxConfig } from './state/sandbox-state'
import type { Terminal } from './terminal-directory'

export class SandboxControlError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path}: HTTP ${status} ${body}`)
    this.name = 'SandboxControlError'
  }
}

export interface SandboxTerminals {
  terminals: Terminal[]
  /** Whether the 5550000–5559999 block answers too. */
  block555: boolean
}

export class SandboxControlClient {
  /** `sandboxUrl`: the sandbox's base URL (http://host:port), as `sandbox.url` or the console reports it. */
  constructor(
    readonly sandboxUrl: string,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  health(): Promise<{ status: 'ok' }> {
    return this.call('GET', 'health')
  }

  stats(): Promise<SandboxStats> {
    return this.call('GET', 'stats')
  }

  /** The newest `limit` entries (default 100), newest first, secrets masked. */
  async journal(limit?: number): Promise<JournalEntry[]> {
    const query = limit === undefined ? '' : `?limit=${encodeURIComponent(String(limit))}`
    return (await this.call<{ entries: JournalEntry[] }>('GET', `journal${query}`)).entries
  }

  async faults(): Promise<FaultRule[]> {
    return (await this.call<{ faults: FaultRule[] }>('GET', 'faults')).faults
  }

  addFault(rule: FaultRuleInput): Promise<FaultRule> {
    return this.call('POST', 'faults', rule)
  }

  /** Removes every fault rule; how many there were. */
  async clearFaults(): Promise<number> {
    return (await this.call<{ cleared: number }>('DELETE', 'faults')).cleared
  }

  async removeFault(id: string): Promise<void> {
    await this.call('DELETE', `faults/${encodeURIComponent(id)}`)
  }

  config(): Promise<SandboxConfig> {
    return this.call('GET', 'config')
  }

  /** Changes part of the configuration; the whole configuration after the change. */
  configure(patch: ConfigPatch): Promise<SandboxConfig> {
    return this.call('PATCH', 'config', patch)
  }

  /** Clears sessions, keys, tokens, faults, journal, counters and config (Bearer tokens only if asked). */
  async reset(options: ResetBody = {}): Promise<void> {
    await this.call('POST', 'reset', options)
  }

  /** Expires a live session at once; throws SandboxControlError 404 when there is none for the token. */
  async expireSession(token: string): Promise<void> {
    await this.call('POST', 'sessions/expire', { token })
  }

  /**
   * Closes the open batch (of one terminal, or all): every ready payment is settled, so it can be refunded (and
   * no longer reversed). Returns how many were settled.
   */
  async closeBatch(processingTerminalId?: string): Promise<number> {
    const answer = await this.call<{ settled: number }>(
      'POST',
      'batches/close',
      processingTerminalId === undefined ? {} : { processingTerminalId },
    )
    return answer.settled
  }

  terminals(): Promise<SandboxTerminals> {
    return this.call('GET', 'terminals')
  }

  /**
   * Any control call by method and name under /__sandbox/ (e.g. 'GET', 'journal?limit=5'); the JSON answer.
   * For callers that pass calls through; everything else should use the typed methods above.
   */
  async send<T = unknown>(method: string, name: string, body?: unknown): Promise<T> {
    return this.call<T>(method, name, body)
  }

  private async call<T>(method: string, name: string, body?: unknown): Promise<T> {
    const path = `${CONTROL_PREFIX}${name}`
    const response = await this.fetcher(`${this.sandboxUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    if (!response.ok) throw new SandboxControlError(method, path, response.status, text)
    return JSON.parse(text) as T
  }
}

/** The control API of the sandbox at `sandboxUrl`. */
export const sandboxControlClient = (sandboxUrl: string): SandboxControlClient =>
  new SandboxControlClient(sandboxUrl)
