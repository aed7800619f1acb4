// `npm run load`: the sandbox under a FIXED rate of create-session POSTs (SECURITY.md, load). Not part of npm test.
//
//   npm run load -- [--rate 5000] [--duration 30] [--connections 100] [--max-rss-mb 1024]
//
// The sandbox runs in its own child process (the load generator must not share its event loop); the generator
// pre-authorizes once, then autocannon holds `overallRate` requests/s, each with a fresh Idempotency-Key. The
// sandbox's RSS is sampled from /proc/<pid>/status. Exit 1 when any request failed (non-2xx, socket error,
// timeout), the achieved rate fell short of 95 % of the target, or the RSS passed --max-rss-mb; 2 for bad flags.
// Loopback only; every wait is bounded in time.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const API_KEY = 'sandbox-api-key'
const LIB_VERSION = '1.7.0.261457'

function usage(message) {
  process.stderr.write(
    `load: ${message}\nusage: npm run load -- [--rate 5000] [--duration 30] [--connections 100] [--max-rss-mb 1024]\n`,
  )
  process.exit(2)
}

let flags
try {
  flags = parseArgs({
    options: {
      rate: { type: 'string', default: '5000' },
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '100' },
      'max-rss-mb': { type: 'string', default: '1024' },
    },
    strict: true,
  }).values
} catch (error) {
  usage(error.message)
}
const positive = (name, max) => {
  const value = Number(flags[name])
  if (!Number.isInteger(value) || value < 1 || value > max) usage(`--${name} must be an integer 1…${max}`)
  return value
}
const rate = positive('rate', 100_000)
const duration = positive('duration', 600)
const connections = positive('connections', 1000)
const maxRssMb = positive('max-rss-mb', 16_384)

// ── the sandbox, in its own process ─────────────────────────────────────────────────────────────────────────
const sandbox = spawn(process.execPath, ['--import', 'tsx', 'src/sandbox/sandbox-cli.ts', '--port', '0'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
})
let sandboxErrors = ''
sandbox.stderr.on('data', (chunk) => {
  // Keep the tail only: a long run must not grow this process either.
  sandboxErrors = (sandboxErrors + chunk.toString()).slice(-4000)
})
const stopSandbox = () => {
  if (sandbox.exitCode === null && sandbox.signalCode === null) sandbox.kill('SIGTERM')
}
process.on('exit', stopSandbox)
// A hard ceiling on the whole run, whatever hangs.
const watchdog = setTimeout(
  () => {
    process.stderr.write('load: watchdog: the run took far longer than --duration; aborting\n')
    stopSandbox()
    process.exit(1)
  },
  (duration + 90) * 1000,
)
watchdog.unref()

const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${sandboxErrors}`)), 30_000)
  let out = ''
  sandbox.stdout.on('data', (chunk) => {
    out += chunk.toString()
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
    if (match) {
      clearTimeout(timer)
      resolve(match[1])
    }
  })
  sandbox.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${sandboxErrors}`)))
})

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN)
  return kb / 1024
}
const stats = async () => (await fetch(`${base}/__sandbox/stats`)).json()

const authorize = await fetch(`${base}/authorize`, { method: 'POST', headers: { 'x-api-key': API_KEY } })
if (authorize.status !== 200) throw new Error(`authorize failed: ${authorize.status}`)
const { access_token: bearer } = await authorize.json()
const before = await stats()

// ── the load ────────────────────────────────────────────────────────────────────────────────────────────────
const rss = { start: rssMb(sandbox.pid), peak: 0, end: 0 }
rss.peak = rss.start
const sampler = setInterval(() => {
  try {
    rss.peak = Math.max(rss.peak, rssMb(sandbox.pid))
  } catch {
    // the sandbox is gone; the run fails on its errors
  }
}, 250)

const path = '/v1/processing-terminals/1234001/hosted-fields-sessions'
const body = JSON.stringify({ libVersion: LIB_VERSION, scenario: 'payment' })
console.log(
  `load: ${rate} req/s for ${duration} s over ${connections} connections → POST ${base}${path} (sandbox pid ${sandbox.pid})`,
)
const result = await autocannon({
  url: base,
  connections,
  duration,
  overallRate: rate,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      path,
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body,
      // A fresh Idempotency-Key per request: every request is a new logical create.
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, 'idempotency-key': randomUUID() },
      }),
    },
  ],
})
clearInterval(sampler)
const after = await stats()
rss.end = rssMb(sandbox.pid)
rss.peak = Math.max(rss.peak, rss.end)
stopSandbox()

// ── the figures ─────────────────────────────────────────────────────────────────────────────────────────────
const created = after.sessionsCreated - before.sessionsCreated
const failures = result.errors + result.timeouts + result.non2xx
// Answers per second of the run itself (autocannon's own clock, from the first request to the last answer).
const achieved = result['2xx'] / result.duration
const fmt = (n) => (Math.round(n * 10) / 10).toLocaleString('en-US')
console.log(`
requests          ${result.requests.sent.toLocaleString('en-US')} sent, ${result['2xx'].toLocaleString('en-US')} 2xx in ${fmt(result.duration)} s
achieved rate     ${fmt(achieved)} req/s (target ${rate}; per-second mean ${fmt(result.requests.average)}, min ${fmt(result.requests.min)})
latency           p50 ${result.latency.p50} ms · p99 ${result.latency.p99} ms · max ${result.latency.max} ms
failures          non-2xx ${result.non2xx} · errors ${result.errors} · timeouts ${result.timeouts}
sessions created  ${created.toLocaleString('en-US')} (sandbox stats; stores ${JSON.stringify(after.stores ?? {})})
sandbox RSS       start ${fmt(rss.start)} MB · peak ${fmt(rss.peak)} MB · end ${fmt(rss.end)} MB (limit ${maxRssMb} MB)
`)

const problems = []
if (failures > 0) problems.push(`${failures} failed requests`)
if (achieved < rate * 0.95) problems.push(`achieved ${fmt(achieved)} req/s < 95 % of ${rate}`)
if (rss.peak > maxRssMb) problems.push(`sandbox RSS peaked at ${fmt(rss.peak)} MB > ${maxRssMb} MB`)
// Requests still in flight when the clock stopped create sessions whose answers autocannon no longer counts.
if (created < result['2xx'] || created > result['2xx'] + connections)
  problems.push(`sessions created ${created} do not match the 2xx answers ${result['2xx']}`)
if (problems.length > 0) {
  console.log(`load: FAILED — ${problems.join('; ')}`)
  process.exit(1)
}
console.log('load: ok')
process.exit(0)
