/**
 * `npm run bench`: every row of BENCHMARKS.md, each a median with its spread over repeated rounds, judged against its
 * goal; ratios against baselines measured in the same run. Prints the table, writes bench/results.json and the
 * results section of BENCHMARKS.md (between its bench:results markers).
 *
 * Flags: --quick (fewer, shorter rounds; prints only, writes nothing), --build (rebuild the renderer first).
 * BENCH_CHILD_NODE_ARGS passes Node flags (e.g. --cpu-prof) to the child-process servers.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { startBenchApp } from './lib/app'
import { startChild } from './lib/child'
import { busy, describeMachine, machineText, markdownTable, textTable, type Row } from './lib/report'
import { spread } from './lib/stats'
import { runBatch } from './rows/batch'
import { runBatchScreen } from './rows/batch-screen'
import { runBrowserRows } from './rows/browser'
import { runBigDataRows } from './rows/big-data'
import { measureBundle } from './rows/bundle'
import { measureRoundTrips, runGatewayOverhead, sandboxStats } from './rows/gateway'
import { runThroughput } from './rows/throughput'

const ROOT = join(__dirname, '..')
const quick = process.argv.includes('--quick')
const log = (line: string) => process.stderr.write(`${line}\n`)
const single = (value: number) => spread([value])

const PLAN = quick
  ? {
      calls: 200,
      gatewayRounds: 3,
      warmup: 100,
      roundTrips: 50,
      clicks: 4,
      navigations: 3,
      batchRounds: 1,
      loadRounds: 1,
      loadSeconds: 3,
      bigDataRounds: 2,
    }
  : {
      calls: 500,
      gatewayRounds: 6,
      warmup: 300,
      roundTrips: 200,
      clicks: 10,
      navigations: 7,
      batchRounds: 3,
      loadRounds: 5,
      loadSeconds: 10,
      bigDataRounds: 7,
    }
const LATENCY_CLICK_MS = 100
const BATCH = { terminals: 1000, concurrency: 16, latencyMs: 50 }
const LOAD_CONNECTIONS = 32

async function main(): Promise<void> {
  const started = performance.now()
  const machine = describeMachine()
  log(`bench: ${machineText(machine)}`)
  const rows: Row[] = []

  log('5a. renderer bundle')
  const bundle = measureBundle({ build: process.argv.includes('--build') })
  const kb = bundle.gzipBytes / 1024
  rows.push({
    id: '5a',
    measure: `console page initial JS, gzip (${bundle.files.length} files)`,
    unit: 'KB',
    value: single(kb),
    goal: '≤ 100 KB',
    pass: kb <= 100,
  })

  log('1, 2, 4. app against a child-process sandbox')
  const sandbox = await startChild('sandbox')
  const bench = await startBenchApp(sandbox.url)
  let gateway: Awaited<ReturnType<typeof runGatewayOverhead>>
  let trips: Awaited<ReturnType<typeof measureRoundTrips>>
  let batch: Awaited<ReturnType<typeof runBatch>>
  let startupAuthorize: number
  try {
    startupAuthorize = (await sandboxStats(sandbox.url)).requests.authorize
    trips = await measureRoundTrips(bench.app, sandbox.url, PLAN.roundTrips)
    gateway = await runGatewayOverhead({
      app: bench.app,
      sandboxUrl: sandbox.url,
      calls: PLAN.calls,
      rounds: PLAN.gatewayRounds,
      warmup: PLAN.warmup,
      log,
    })
    batch = await runBatch({
      app: bench.app,
      sandboxUrl: sandbox.url,
      ...BATCH,
      rounds: PLAN.batchRounds,
      log,
    })
  } finally {
    await bench.close()
    await sandbox.stop()
  }
  rows.push(
    {
      id: '1',
      measure: `raw node:http keep-alive create-session (baseline), per call`,
      unit: 'µs',
      value: gateway.rawUs,
      note: `${gateway.calls} sequential calls × ${gateway.rounds} interleaved rounds`,
    },
    { id: '1', measure: 'axios alone (keep-alive) / raw', unit: '×', value: gateway.axiosOverRaw },
    {
      id: '1',
      measure: "app's session:create / raw",
      unit: '×',
      value: gateway.appOverRaw,
      goal: '≤ 2.5×',
      pass: gateway.appOverRaw.median <= 2.5,
    },
    { id: '1', measure: "app's added cost over axios, per call", unit: 'µs', value: gateway.appMinusAxiosUs },
    {
      id: '1',
      measure: "app's added CPU over axios, per call (client process)",
      unit: 'µs',
      value: gateway.appMinusAxiosCpuUs,
      note: `CPU per call in the client process (medians): raw ${gateway.cpuUs.raw.median.toFixed(0)} µs, axios ${gateway.cpuUs.axios.median.toFixed(0)} µs, app ${gateway.cpuUs.app.median.toFixed(0)} µs`,
    },
    {
      id: '2',
      measure: `sandbox requests per created session after pre-warm (${trips.sessions} creates)`,
      unit: '',
      value: single(trips.perSession),
      goal: '1.0',
      pass: trips.perSession === 1,
      note: `${trips.requests} requests, ${trips.authorizeRequests} of them /authorize; ${startupAuthorize} /authorize at start-up (pre-warm)`,
    },
  )

  log('3, 5b. browser preview in Chromium')
  const browser = await runBrowserRows({
    latencyMs: LATENCY_CLICK_MS,
    clicks: PLAN.clicks,
    navigations: PLAN.navigations,
    log,
  })
  rows.push(
    {
      id: '3',
      measure: `click → token shown, ${LATENCY_CLICK_MS} ms gateway latency`,
      unit: 'ms',
      value: browser.click.shownMs,
      goal: `≤ ${LATENCY_CLICK_MS + 40} ms`,
      pass: browser.click.shownMs.median <= LATENCY_CLICK_MS + 40,
    },
    {
      id: '3',
      measure: 'of which: click → /rpc/session:create answered (the rest is the renderer)',
      unit: 'ms',
      value: browser.click.answeredMs,
    },
    {
      id: '5b',
      measure: 'navigation start → Create session enabled (cold context)',
      unit: 'ms',
      value: browser.form.readyMs,
      goal: '≤ 300 ms',
      pass: browser.form.readyMs.median <= 300,
    },
  )
  rows.push({
    id: '4',
    measure: `batch check ${BATCH.terminals} terminals, ${BATCH.latencyMs} ms latency, concurrency ${BATCH.concurrency} (ideal ${batch.idealMs.toFixed(0)} ms)`,
    unit: 'ms',
    value: batch.measuredMs,
    goal: `≤ ${(batch.idealMs * 1.15).toFixed(0)} ms (1.15× ideal)`,
    pass: batch.measuredMs.median <= batch.idealMs * 1.15,
  })

  log('7. big data: History 1,000 entries, Event log 5,000 events vs 100 (Chromium)')
  const bigData = await runBigDataRows({ rounds: PLAN.bigDataRounds, log })
  for (const [screen, pair, unit] of [
    ['History', bigData.history, 'entries'],
    ['Event log', bigData.eventLog, 'events'],
  ] as const) {
    for (const [what, key] of [
      ['render', 'renderMs'],
      ['filter', 'filterMs'],
    ] as const) {
      const ratio = pair.big[key].median / pair.small[key].median
      rows.push(
        {
          id: '7',
          measure: `${screen} ${what} at ${pair.small.items} ${unit}`,
          unit: 'ms',
          value: pair.small[key],
        },
        {
          id: '7',
          measure: `${screen} ${what} at ${pair.big.items.toLocaleString('en')} ${unit} / at ${pair.small.items}`,
          unit: '×',
          value: single(ratio),
          goal: '≤ 2×',
          pass: ratio <= 2,
          note: `${screen} ${what}: ${pair.small[key].median.toFixed(1)} ms at ${pair.small.items}, ${pair.big[key].median.toFixed(1)} ms at ${pair.big.items} (medians of ${pair.big[key].n} rounds; windowed rows)`,
        },
      )
    }
  }
  log('7. Batch check screen, 100 vs 10,000 rows, in Chromium')
  const batchScreen = await runBatchScreen({ rounds: quick ? 3 : 7, log })
  rows.push(
    {
      id: '7',
      measure: 'Batch check screen: render 10,000 rows / 100 rows',
      unit: '×',
      value: batchScreen.renderRatio,
      goal: '≤ 2×',
      pass: batchScreen.renderRatio.median <= 2,
      note: `medians ${batchScreen.large.renderMs.median.toFixed(1)} ms / ${batchScreen.small.renderMs.median.toFixed(1)} ms (navigation → rows painted)`,
    },
    {
      id: '7',
      measure: 'Batch check screen: filter (Only failures) 10,000 rows / 100 rows',
      unit: '×',
      value: batchScreen.filterRatio,
      goal: '≤ 2×',
      pass: batchScreen.filterRatio.median <= 2,
      note: `medians ${batchScreen.large.filterMs.median.toFixed(1)} ms / ${batchScreen.small.filterMs.median.toFixed(1)} ms`,
    },
  )

  log('6. sandbox throughput (autocannon, child processes)')
  const load = await runThroughput({
    rounds: PLAN.loadRounds,
    seconds: PLAN.loadSeconds,
    connections: LOAD_CONNECTIONS,
    log,
  })
  rows.push(
    {
      id: '6',
      measure: `sandbox create-session throughput, ${LOAD_CONNECTIONS} keep-alive connections`,
      unit: '/s',
      value: load.sandbox.perSecond,
      goal: '≥ 10,000/s',
      pass: load.sandbox.perSecond.median >= 10_000,
    },
    {
      id: '6',
      measure: 'sandbox p99 latency under that load',
      unit: 'ms',
      value: load.sandbox.p99Ms,
      goal: '< 10 ms',
      pass: load.sandbox.p99Ms.median < 10,
    },
    {
      id: '6',
      measure: 'baseline minimal node:http server, same checks',
      unit: '/s',
      value: load.baseline.perSecond,
    },
    { id: '6', measure: 'baseline p99', unit: 'ms', value: load.baseline.p99Ms },
    { id: '6', measure: 'sandbox / baseline throughput', unit: '×', value: load.ratio },
  )

  const order = ['1', '2', '3', '4', '5a', '5b', '6', '7']
  rows.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
  machine.loadAverageAtEnd = os.loadavg().map((v) => Math.round(v * 100) / 100)
  const seconds = Math.round((performance.now() - started) / 1000)

  process.stdout.write(`\n${machineText(machine)}\n\n${textTable(rows)}\n\nbench took ${seconds} s\n`)
  if (quick) return
  const results = {
    machine,
    durationSeconds: seconds,
    keyStore: bench.keyStore,
    rows,
    details: { gateway, roundTrips: trips, batch, browser, bundle, load, bigData, batchScreen },
  }
  const resultsFile = join(ROOT, 'bench/results.json')
  writeFileSync(resultsFile, await formatted(resultsFile, JSON.stringify(results, null, 2)))
  await updateBenchmarksMd(rows, machine, seconds)
}

/** Written files pass `prettier --check` (npm run lint) as they are. */
async function formatted(file: string, text: string): Promise<string> {
  const prettier = await import('prettier')
  const options = (await prettier.resolveConfig(file)) ?? {}
  return prettier.format(text, { ...options, filepath: file })
}

const START = '<!-- bench:results:start -->'
const END = '<!-- bench:results:end -->'

async function updateBenchmarksMd(
  rows: readonly Row[],
  machine: ReturnType<typeof describeMachine>,
  seconds: number,
): Promise<void> {
  const file = join(ROOT, 'BENCHMARKS.md')
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  if (start < 0 || end < start) throw new Error(`BENCHMARKS.md has no ${START} … ${END} section`)
  const failed = rows.filter((row) => row.pass === false).map((row) => `${row.id} (${row.measure})`)
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.id}: ${row.note ?? ''}`)
  const section = [
    START,
    '',
    `Last run of \`npm run bench\` (${seconds} s):`,
    '',
    '```',
    machineText(machine),
    '```',
    '',
    markdownTable(rows),
    '',
    ...notes,
    `- Goals missed in this run: ${failed.length === 0 ? 'none' : failed.join('; ')}.`,
    ...(busy(machine)
      ? [
          `- The machine was busy (load average above its ${machine.cores} cores): timings are upper bounds; the ratios against same-run baselines are the figures to trust.`,
        ]
      : []),
    '',
    END,
  ].join('\n')
  writeFileSync(file, await formatted(file, text.slice(0, start) + section + text.slice(end + END.length)))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
