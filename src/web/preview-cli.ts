/**
 * `npm run --silent web -- [--port 5180] [--data-dir DIR]`: the console in a browser. The one stdout line is
 * the URL to open; everything else goes to stderr.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startWebConsole } from './preview-server'

const USAGE = 'usage: npm run --silent web -- [--port 5180] [--data-dir DIR]   (--port 0 picks a free port)'

function defaultDataDir(): string {
  const base = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config')
  return join(base, 'hosted-fields-console')
}

function parse(): { port: number; dataDir: string } {
  let values: { port?: string | undefined; 'data-dir'?: string | undefined; help?: boolean | undefined }
  try {
    values = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`)
    process.exit(2)
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`)
    process.exit(0)
  }
  const port = Number(values.port ?? '5180')
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer from 0 to 65535\n${USAGE}\n`)
    process.exit(2)
  }
  return { port, dataDir: resolve(values['data-dir'] ?? defaultDataDir()) }
}

async function main(): Promise<void> {
  const { port, dataDir } = parse()
  let web
  try {
    web = await startWebConsole({ port, dataDir, echoLog: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'EADDRINUSE'
        ? `Port ${port} is in use. Stop the other process or pass --port 0 for a free port.`
        : `The browser preview could not start: ${(error as Error).message}`
    process.stderr.write(`${message}\n`)
    process.exit(1)
  }
  process.stdout.write(`Console ready at ${web.url}\n`)
  process.stderr.write(`Data folder: ${dataDir}. Stop with Ctrl+C.\n`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    process.stderr.write(`${signal}: shutting down\n`)
    const force = setTimeout(() => process.exit(1), 5000)
    force.unref()
    web.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

void main()
