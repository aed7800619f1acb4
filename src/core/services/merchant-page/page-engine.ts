/**
 * The engine seam of the page check: core runs one check the same way whatever browser does the loading — the
 * Node driver (playwright-core + Debian's Chromium, playwright-driver.ts) or the desktop app's hidden window
 * (src/main/page-window.ts, through webContents.debugger). An engine only opens an isolated page fenced by the
 * isolation policy and hands back a CDP transport plus navigate/close; recording, settling, the screenshot and
 * the analyzer are shared here, so both engines give the same report. Core never imports Electron: the shell
 * injects its engine into createConsole.
 */
import { analyzePage } from './analyzer'
import { CdpRecorder, type CdpTransport } from './cdp-recorder'
import { isolationPolicy, type IsolationPolicy } from './isolation'
import type {
  LibraryEnvironment,
  LoadOutcome,
  PageCheckProgress,
  PageCheckReport,
  PageRecording,
} from './types'

/** One isolated page of an engine, fenced by `policy` before anything loads. */
export interface EnginePage {
  transport: CdpTransport
  /** Loads the URL; the outcome says why it did not load (never throws for a page fault). */
  navigate(url: string, timeoutMs: number): Promise<LoadOutcome>
  close(): Promise<void>
}

export interface PageEngine {
  /** Shown in the result ("hidden window", "chromium"). */
  readonly name: string
  open(policy: IsolationPolicy): Promise<EnginePage>
  /** Frees what the engine holds (a launched browser). */
  close?(): Promise<void>
}

export interface EngineCheckOptions {
  url: string
  environment: LibraryEnvironment
  /** Whole page load budget (default 20 s); over it → script: fail with the reason. */
  timeoutMs?: number
  /** After load, how long the page must stay quiet before it is inspected (default 1.5 s, at most 8 s in all). */
  quietMs?: number
  maxSettleMs?: number
  /** The console's own origins (bridge, test page server): always refused. */
  consoleOrigins?: readonly string[]
  knownSecrets?: readonly string[]
  onProgress?: (progress: PageCheckProgress) => void
  signal?: AbortSignal
}

export interface CheckPageResult {
  report: PageCheckReport
  /** PNG bytes of the page as loaded (null when it could not be taken). */
  screenshot: Uint8Array | null
  recording: PageRecording
  durationMs: number
}

export class PageUrlError extends Error {}

/** http(s) only; the CLI maps this to exit 2, the handler to a `validation` error. */
export function parsePageUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new PageUrlError(`"${text}" is not a URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PageUrlError('Page URL must be http or https.')
  return url
}

export async function runPageCheck(
  engine: PageEngine,
  options: EngineCheckOptions,
): Promise<CheckPageResult> {
  const started = Date.now()
  const url = parsePageUrl(options.url).href
  const progress = (step: PageCheckProgress['step'], fraction: number, message: string): void =>
    options.onProgress?.({ step, fraction, message })
  const timeoutMs = options.timeoutMs ?? 20_000
  progress('launch', 0.05, 'Starting an isolated browser')
  const page = await engine.open(isolationPolicy(url, options.environment, options.consoleOrigins))
  const abort = (): void => void page.close().catch(() => undefined)
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    const recorder = new CdpRecorder(page.transport)
    await recorder.start()
    progress('load', 0.2, `Loading ${url}`)
    const load = await page.navigate(url, timeoutMs)
    progress('settle', 0.6, 'Watching the Hosted Fields library')
    await recorder.settle(options.quietMs ?? 1500, options.maxSettleMs ?? 8000, options.signal)
    if (options.signal?.aborted) throw new Error('cancelled')
    progress('inspect', 0.8, 'Reading the page')
    const recording = await recorder.finish(url, load)
    const screenshot = await recorder.screenshot()
    progress('analyze', 0.95, 'Judging the checks')
    const report = analyzePage(recording, options.environment, { knownSecrets: options.knownSecrets ?? [] })
    progress('done', 1, 'Done')
    return { report, screenshot, recording, durationMs: Date.now() - started }
  } finally {
    options.signal?.removeEventListener('abort', abort)
    await page.close().catch(() => undefined)
  }
}

/** The reason a page did not load, from an engine's navigation error (first line, engine prefixes dropped). */
export function loadFailure(error: unknown, timeoutMs: number): LoadOutcome {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  return {
    ok: false,
    reason: /Timeout|timed out/i.test(first)
      ? `the page did not finish loading within ${Math.round(timeoutMs / 1000)} s`
      : first.replace(/^page\.goto: /, ''),
  }
}
