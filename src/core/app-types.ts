/** The seams core is built on: where secrets are stored and where log lines go (each shell passes its own). */

export interface SecretStore {
  get(service: string, account: string): Promise<string | null>
  set(service: string, account: string, secret: string): Promise<void>
  delete(service: string, account: string): Promise<boolean>
  /** Accounts this app wrote under `service` (never other libraries' items). */
  list(service: string): Promise<string[]>
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export interface Logger {
  log(level: LogLevel, message: string, data?: Record<string, unknown>): void
}
