/**
 * Row 4: the batch terminal check of 1,000 terminals (5550000–5550999) at 50 ms injected gateway latency and
 * concurrency 16, through the app's dispatch (batch:start, then the push event that says it completed, then
 * batch:get to check every row). Ideal = N / concurrency × latency.
 */
import type { ConsoleApp } from '../../src/core/console-app'
import type { ConsoleEvent } from '../../src/shared/contract'
import { BENCH_ENVIRONMENT, BENCH_PROFILE, nextEvent } from '../lib/app'
import { spread, type Spread } from '../lib/stats'
import { sandboxControlClient } from '../../src/sandbox/control-client'

export interface BatchResult {
  terminals: number
  concurrency: number
  latencyMs: number
  idealMs: number
  rounds: number
  measuredMs: Spread
  overIdeal: Spread
}

type BatchEvent = Extract<ConsoleEvent, { type: 'batch' }>

async function setLatency(sandboxUrl: string, latencyMs: number): Promise<void> {
  await sandboxControlClient(sandboxUrl).configure({ latencyMs })
}

async function runOnce(app: ConsoleApp, input: string, concurrency: number): Promise<number> {
  const started = performance.now()
  let batchId = ''
  const done = nextEvent(
    app,
    (event): event is BatchEvent =>
      event.type === 'batch' && event.batchId === batchId && event.state !== 'running',
    120_000,
  )
  const start = await app.dispatch('batch:start', {
    environmentId: BENCH_ENVIRONMENT,
    profile: BENCH_PROFILE,
    input,
    concurrency,
  })
  if (!start.ok) throw new Error(`batch:start: ${start.error.message}`)
  batchId = start.value.batchId
  const finished = await done
  const elapsed = performance.now() - started
  if (finished.state !== 'completed') throw new Error(`batch ended ${finished.state}`)
  const snapshot = await app.dispatch('batch:get', { batchId })
  if (!snapshot.ok) throw new Error(`batch:get: ${snapshot.error.message}`)
  const bad = snapshot.value.rows.filter((row) => row.verdict !== 'ok')
  if (bad.length > 0) throw new Error(`${bad.length} rows not ok, e.g. ${JSON.stringify(bad[0])}`)
  return elapsed
}

export async function runBatch(options: {
  app: ConsoleApp
  sandboxUrl: string
  terminals: number
  concurrency: number
  latencyMs: number
  rounds: number
  log: (line: string) => void
}): Promise<BatchResult> {
  const { app, sandboxUrl, terminals, concurrency, latencyMs, rounds } = options
  const input = Array.from({ length: terminals }, (_, i) => String(5_550_000 + i)).join('\n')
  const idealMs = (terminals / concurrency) * latencyMs
  // Warm-up at no latency: JIT and 16 keep-alive sockets.
  await runOnce(app, input, concurrency)
  await setLatency(sandboxUrl, latencyMs)
  const measured: number[] = []
  try {
    for (let round = 0; round < rounds; round += 1) measured.push(await runOnce(app, input, concurrency))
  } finally {
    await setLatency(sandboxUrl, 0)
  }
  options.log(`  batch: ${measured.map((v) => v.toFixed(0)).join(', ')} ms (ideal ${idealMs.toFixed(0)} ms)`)
  return {
    terminals,
    concurrency,
    latencyMs,
    idealMs,
    rounds,
    measuredMs: spread(measured),
    overIdeal: spread(measured.map((v) => v / idealMs)),
  }
}
