/**
 * Row 6: the sandbox's create-session throughput and p99 under keep-alive load at 32 connections (autocannon,
 * distinct Idempotency-Keys), against a minimal node:http server doing the same checks, in the same run and
 * interleaved round by round. Both servers run in child processes; the load generator runs here.
 */
import { randomUUID } from 'node:crypto'
import { autocannon, type CannonResult } from '../lib/autocannon'
import { startChild, type ChildServer } from '../lib/child'
import { spread, type Spread } from '../lib/stats'

export interface ThroughputResult {
  rounds: number
  durationSeconds: number
  connections: number
  sandbox: { perSecond: Spread; p99Ms: Spread; p50Ms: Spread; errors: number; non2xx: number }
  baseline: { perSecond: Spread; p99Ms: Spread; p50Ms: Spread; errors: number; non2xx: number }
  ratio: Spread
}

const TERMINAL = '1234001'
const BODY = JSON.stringify({ libVersion: '1.7.0.261457', scenario: 'payment' })

async function bearer(url: string, apiKey: string): Promise<string> {
  const response = await fetch(`${url}/authorize`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, Accept: 'application/json' },
  })
  const body = (await response.json()) as { access_token?: unknown }
  if (typeof body.access_token !== 'string') throw new Error(`no access token from ${url}`)
  return body.access_token
}

async function load(url: string, token: string, seconds: number, connections: number): Promise<CannonResult> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: `/v1/processing-terminals/${TERMINAL}/hosted-fields-sessions`,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: BODY,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'Idempotency-Key': randomUUID() },
        }),
      },
    ],
  })
}

const created = (result: CannonResult): number => result.statusCodeStats['201']?.count ?? 0

export async function runThroughput(options: {
  rounds: number
  seconds: number
  connections: number
  log: (line: string) => void
}): Promise<ThroughputResult> {
  const { rounds, seconds, connections, log } = options
  // 10 s at >10,000/s is well past the default cap of 200,000 per store: the cap's eviction is part of the
  // sandbox's steady state under load, so it stays at its default.
  const servers: { name: 'sandbox' | 'baseline'; child: ChildServer; token: string }[] = []
  try {
    const sandbox = await startChild('sandbox')
    servers.push({ name: 'sandbox', child: sandbox, token: await bearer(sandbox.url, 'sandbox-api-key') })
    const baseline = await startChild('baseline-server')
    servers.push({ name: 'baseline', child: baseline, token: await bearer(baseline.url, 'unused') })
    // Warm-up: JIT both servers and the load generator.
    for (const server of servers) await load(server.child.url, server.token, 2, connections)
    const samples = { sandbox: [] as CannonResult[], baseline: [] as CannonResult[] }
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? servers : [...servers].reverse()
      for (const server of order) {
        const result = await load(server.child.url, server.token, seconds, connections)
        samples[server.name].push(result)
        log(
          `  round ${round + 1} ${server.name}: ${Math.round(created(result) / result.duration)}/s, p99 ${result.latency.p99} ms` +
            (result.errors || result.non2xx ? `, errors ${result.errors}, non-2xx ${result.non2xx}` : ''),
        )
      }
    }
    const summary = (results: CannonResult[]) => ({
      perSecond: spread(results.map((r) => created(r) / r.duration)),
      p99Ms: spread(results.map((r) => r.latency.p99)),
      p50Ms: spread(results.map((r) => r.latency.p50)),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    })
    return {
      rounds,
      durationSeconds: seconds,
      connections,
      sandbox: summary(samples.sandbox),
      baseline: summary(samples.baseline),
      ratio: spread(
        samples.sandbox.map((r, i) => {
          const base = samples.baseline[i]
          return base ? created(r) / r.duration / (created(base) / base.duration) : Number.NaN
        }),
      ),
    }
  } finally {
    await Promise.all(servers.map((server) => server.child.stop()))
  }
}
