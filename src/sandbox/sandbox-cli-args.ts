/** Flag parsing for the sandbox CLI (kept apart from sandbox-cli.ts, which starts the server when run). */
import { DEFAULT_SANDBOX_API_KEY } from './sandbox-server'
import type { SandboxOptions } from './sandbox-types'

export const USAGE = `usage: npm run --silent sandbox -- [--port 4010] [--host 127.0.0.1] [--api-key KEY]...
       [--token-ttl 3600] [--session-ttl 600] [--idempotency-ttl 86400] [--terminals FILE] [--latency MS]
  --port             TCP port (0 = a free port; default 4010)
  --host             address to bind (default 127.0.0.1)
  --api-key          an accepted x-api-key; repeat for several (default ${DEFAULT_SANDBOX_API_KEY})
  --token-ttl        Bearer token lifetime in seconds (default 3600)
  --session-ttl      session token lifetime in seconds (default 600)
  --idempotency-ttl  how long Idempotency-Keys are kept, in seconds (default 86400)
  --terminals        JSON seed file: [{ processingTerminalId, payment, tokenization, surchargePercentage?, apiKeys? }]
  --latency          milliseconds added to every gateway answer (default 0)`

export class UsageError extends Error {}

const integer = (flag: string, text: string, min: number, max: number): number => {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} needs a whole number, got "${text}"`)
  const value = Number(text)
  if (value < min || value > max) throw new UsageError(`${flag} must be between ${min} and ${max}`)
  return value
}

/** Parses the flags into startSandbox options; throws UsageError on anything unknown or malformed. */
export function parseArgs(argv: readonly string[]): SandboxOptions & { help?: boolean } {
  const options: SandboxOptions & { help?: boolean } = { port: 4010 }
  const apiKeys: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (arg === '--help' || arg === '-h') {
      options.help = true
      continue
    }
    const eq = arg.indexOf('=')
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg
    let value: string | undefined = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined
    const take = (): string => {
      if (value !== undefined) return value
      const next = argv[index + 1]
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`${flag} needs a value`)
      }
      index++
      value = next
      return next
    }
    switch (flag) {
      case '--port':
        options.port = integer(flag, take(), 0, 65535)
        break
      case '--host': {
        const host = take()
        if (host.trim() === '') throw new UsageError('--host needs an address')
        options.host = host
        break
      }
      case '--api-key': {
        const key = take()
        if (key.trim() === '') throw new UsageError('--api-key must not be empty')
        apiKeys.push(key)
        break
      }
      case '--token-ttl':
        options.tokenTtlSeconds = integer(flag, take(), 1, 86_400 * 7)
        break
      case '--session-ttl':
        options.sessionTtlSeconds = integer(flag, take(), 1, 86_400 * 7)
        break
      case '--idempotency-ttl':
        options.idempotencyTtlSeconds = integer(flag, take(), 1, 86_400 * 30)
        break
      case '--terminals':
        options.terminals = take()
        break
      case '--latency':
        options.latencyMs = integer(flag, take(), 0, 120_000)
        break
      default:
        throw new UsageError(`unknown argument "${arg}"`)
    }
  }
  if (apiKeys.length > 0) options.apiKeys = apiKeys
  return options
}
