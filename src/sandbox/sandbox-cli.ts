/**
 * `npm run --silent sandbox -- [--port 4010] [--host 127.0.0.1] [--api-key K]… [--token-ttl 3600]
 * [--session-ttl 600] [--idempotency-ttl 86400] [--terminals FILE] [--latency MS]`
 * The only stdout line is `Sandbox gateway listening on http://<host>:<port>`; logs go to stderr.
 * Bad flags → a message on stderr and exit 2. SIGINT/SIGTERM → close and exit 0.
 */
import { parseArgs, USAGE } from './sandbox-cli-args'
import { startSandbox, stderrLogger } from './sandbox-server'

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`sandbox: ${(error as Error).message}\n${USAGE}\n`)
    process.exit(2)
  }
  if (options.help) {
    process.stderr.write(`${USAGE}\n`)
    process.exit(0)
  }
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  try {
    sandbox = await startSandbox({ ...options, logger: stderrLogger })
  } catch (error) {
    const message = (error as Error).message
    process.stderr.write(`sandbox: cannot start: ${message}\n`)
    process.exit(message.startsWith('invalid terminals file') || message.startsWith('cannot read') ? 2 : 1)
  }
  process.stdout.write(`Sandbox gateway listening on ${sandbox.url}\n`)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    stderrLogger.log('info', `${signal} received, closing`)
    const force = setTimeout(() => process.exit(0), 3000)
    force.unref()
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(0),
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

void main()
