/**
 * The sandbox gateway in its own process for the benchmarks: `startSandbox` with a free port, no logger (the
 * CLI logs to stderr), optional `--max-entries N` and `--latency MS`. Prints `Sandbox gateway listening on URL`.
 */
import { startSandbox } from '../../src/sandbox'

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(name)
  const value = index >= 0 ? process.argv[index + 1] : undefined
  return value === undefined ? undefined : Number(value)
}

async function main(): Promise<void> {
  const maxEntries = flag('--max-entries')
  const latencyMs = flag('--latency')
  const sandbox = await startSandbox({
    port: 0,
    ...(maxEntries !== undefined ? { maxEntries } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
  })
  process.stdout.write(`Sandbox gateway listening on ${sandbox.url}\n`)
  const stop = () => {
    // Exit through process.exit so --cpu-prof writes its profile.
    void sandbox.close().finally(() => process.exit(0))
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

void main()
