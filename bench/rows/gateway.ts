/**
 * Row 1 (gateway-client overhead) and row 2 (round trips per session).
 *
 * Three clients create sessions on the same child-process sandbox, N sequential calls each, interleaved round by
 * round with the order rotated (raw → axios → app, axios → app → raw, …):
 * - raw: node:http with a keep-alive agent, the same headers and body, the answer read and JSON-parsed;
 * - axios: a bare axios instance with a keep-alive agent, same request;
 * - app: dispatch('session:create') of a real createConsole (schema validation, gateway client, journal with
 *   redaction, history, file log, the result guard) on a Custom environment aimed at the same sandbox.
 * Per round: time per call of each; ratios app/raw and axios/raw; the app's added cost over axios (µs/call).
 */
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import axios from 'axios'
import type { ConsoleApp } from '../../src/core/console-app'
import { BENCH_ENVIRONMENT, BENCH_PROFILE, SANDBOX_KEY } from '../lib/app'
import { spread, type Spread } from '../lib/stats'
import { sandboxControlClient } from '../../src/sandbox/control-client'

const TERMINAL = '1234001'
const LIB_VERSION = '1.7.0.261457'
const BODY = JSON.stringify({ libVersion: LIB_VERSION, scenario: 'payment' })

export interface GatewayResult {
  calls: number
  rounds: number
  /** µs per call, per client. */
  rawUs: Spread
  axiosUs: Spread
  appUs: Spread
  appOverRaw: Spread
  axiosOverRaw: Spread
  appMinusAxiosUs: Spread
  /** CPU µs per call in the client process (the sandbox's own work is in its child process). */
  cpuUs: { raw: Spread; axios: Spread; app: Spread }
  appMinusAxiosCpuUs: Spread
}

export interface RoundTripResult {
  sessions: number
  requests: number
  authorizeRequests: number
  perSession: number
}

type Client = { name: 'raw' | 'axios' | 'app'; call: () => Promise<void> }

interface SandboxStats {
  sessionsCreated: number
  requests: { total: number; authorize: number }
}

export async function sandboxStats(url: string): Promise<SandboxStats> {
  return sandboxControlClient(url).stats()
}

async function bearer(url: string): Promise<string> {
  const response = await fetch(`${url}/authorize`, {
    method: 'POST',
    headers: { 'x-api-key': SANDBOX_KEY, Accept: 'application/json' },
  })
  const body = (await response.json()) as { access_token?: unknown }
  if (typeof body.access_token !== 'string') throw new Error('no access token')
  return body.access_token
}

function rawClient(url: string, token: string): { call: () => Promise<void>; close: () => void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const target = new URL(`${url}/v1/processing-terminals/${TERMINAL}/hosted-fields-sessions`)
  const call = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Idempotency-Key': randomUUID(),
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Content-Length': Buffer.byteLength(BODY),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { token?: unknown }
            if (res.statusCode !== 201 || typeof parsed.token !== 'string')
              reject(new Error(`raw: HTTP ${String(res.statusCode)}`))
            else resolve()
          })
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(BODY)
    })
  return { call, close: () => agent.destroy() }
}

function axiosClient(url: string, token: string): { call: () => Promise<void>; close: () => void } {
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const instance = axios.create({ httpAgent })
  const path = `${url}/v1/processing-terminals/${TERMINAL}/hosted-fields-sessions`
  const call = async () => {
    const response = await instance.post<{ token?: unknown }>(path, BODY, {
      headers: {
        Authorization: `Bearer ${token}`,
        'Idempotency-Key': randomUUID(),
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
    })
    if (response.status !== 201 || typeof response.data.token !== 'string')
      throw new Error(`axios: HTTP ${response.status}`)
  }
  return { call, close: () => httpAgent.destroy() }
}

function appClient(app: ConsoleApp): () => Promise<void> {
  return async () => {
    const result = await app.dispatch('session:create', {
      environmentId: BENCH_ENVIRONMENT,
      profile: BENCH_PROFILE,
      processingTerminalId: TERMINAL,
      scenario: 'payment',
      libVersion: LIB_VERSION,
    })
    if (!result.ok) throw new Error(`app: ${result.error.kind}: ${result.error.message}`)
  }
}

/** µs per call: wall time, and CPU time of this (the client's) process — steadier when the machine is busy. */
async function batch(call: () => Promise<void>, n: number): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage()
  const started = process.hrtime.bigint()
  for (let i = 0; i < n; i += 1) await call()
  const wall = Number(process.hrtime.bigint() - started) / 1000 / n
  const used = process.cpuUsage(cpu)
  return { wall, cpu: (used.user + used.system) / n }
}

/** Row 2: what the sandbox saw for `n` app creates right after start-up and pre-warm. */
export async function measureRoundTrips(
  app: ConsoleApp,
  sandboxUrl: string,
  n: number,
): Promise<RoundTripResult> {
  const call = appClient(app)
  const before = await sandboxStats(sandboxUrl)
  for (let i = 0; i < n; i += 1) await call()
  const after = await sandboxStats(sandboxUrl)
  const sessions = after.sessionsCreated - before.sessionsCreated
  const requests = after.requests.total - before.requests.total
  return {
    sessions,
    requests,
    authorizeRequests: after.requests.authorize - before.requests.authorize,
    perSession: sessions > 0 ? requests / sessions : Number.NaN,
  }
}

export async function runGatewayOverhead(options: {
  app: ConsoleApp
  sandboxUrl: string
  calls: number
  rounds: number
  warmup: number
  log: (line: string) => void
}): Promise<GatewayResult> {
  const { app, sandboxUrl, calls, rounds, warmup, log } = options
  const token = await bearer(sandboxUrl)
  const raw = rawClient(sandboxUrl, token)
  const ax = axiosClient(sandboxUrl, token)
  const clients: Client[] = [
    { name: 'raw', call: raw.call },
    { name: 'axios', call: ax.call },
    { name: 'app', call: appClient(app) },
  ]
  try {
    for (const client of clients) await batch(client.call, warmup)
    const samples: Record<Client['name'], number[]> = { raw: [], axios: [], app: [] }
    const cpu: Record<Client['name'], number[]> = { raw: [], axios: [], app: [] }
    for (let round = 0; round < rounds; round += 1) {
      const order = clients
        .map((_, i) => clients[(i + round) % clients.length])
        .filter((c) => c !== undefined)
      for (const client of order) {
        const measured = await batch(client.call, calls)
        samples[client.name].push(measured.wall)
        cpu[client.name].push(measured.cpu)
      }
      log(
        `  round ${round + 1}: raw ${samples.raw.at(-1)?.toFixed(0)} µs, axios ${samples.axios.at(-1)?.toFixed(0)} µs, app ${samples.app.at(-1)?.toFixed(0)} µs per call`,
      )
    }
    const per = (f: (i: number) => number) => spread(samples.raw.map((_, i) => f(i)))
    const at = (list: number[], i: number) => list[i] ?? Number.NaN
    return {
      calls,
      rounds,
      rawUs: spread(samples.raw),
      axiosUs: spread(samples.axios),
      appUs: spread(samples.app),
      appOverRaw: per((i) => at(samples.app, i) / at(samples.raw, i)),
      axiosOverRaw: per((i) => at(samples.axios, i) / at(samples.raw, i)),
      appMinusAxiosUs: per((i) => at(samples.app, i) - at(samples.axios, i)),
      cpuUs: { raw: spread(cpu.raw), axios: spread(cpu.axios), app: spread(cpu.app) },
      appMinusAxiosCpuUs: per((i) => at(cpu.app, i) - at(cpu.axios, i)),
    }
  } finally {
    raw.close()
    ax.close()
  }
}
