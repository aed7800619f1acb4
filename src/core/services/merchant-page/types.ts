/**
 * The merchant-page check's data shapes: what a browser engine records (CDP events + page facts) and the report
 * the analyzer makes of it. Plain JSON, so a recording can be saved as a fixture and replayed, and a report can
 * cross IPC, the browser bridge and the CLI unchanged (INTERFACES.md "check-page").
 */

// The report's shapes are the channel's (shared/contract/merchantPage.ts), so IPC, the bridge and the CLI agree.
export { CHECK_IDS } from '../../../shared/contract/merchantPage'
export type { CheckId, PageCheck, PageCheckReport, Verdict } from '../../../shared/contract/merchantPage'

/** One Chrome DevTools Protocol event as the engine delivered it; `t` = ms since the check started. */
export interface RecordedEvent {
  t: number
  method: string
  params: Record<string, unknown>
}

/** A script element as the page has it after load. */
export interface ScriptTag {
  src: string | null
  integrity: string | null
  crossorigin: string | null
  /** First 64 KB of an inline script's text (null for external scripts). */
  text: string | null
}

/** What the driver reads from the page after load (null facts = the page never loaded). */
export interface PageFacts {
  finalUrl: string
  scripts: ScriptTag[]
  /** `content` of every <meta http-equiv="Content-Security-Policy">. */
  metaCsp: string[]
  /** querySelectorAll(selector).length for every selector the page gave the library (-1 = invalid selector). */
  selectorCounts: Record<string, number>
  hasPayrocGlobal: boolean
}

/** How the load went: a page that does not load in time is `script: fail` with the reason. */
export type LoadOutcome = { ok: true } | { ok: false; reason: string }

/** Everything one check of one page produced; the analyzer's only input besides the environment. */
export interface PageRecording {
  url: string
  events: RecordedEvent[]
  /** Response bodies the driver fetched (main document, the library script, same-origin scripts, gateway answers), by requestId. */
  bodies: Record<string, string>
  facts: PageFacts | null
  load: LoadOutcome
}

/** Where an environment's Hosted Fields library and gateway live (origins, e.g. https://cdn.uat.payroc.com). */
export interface LibraryEnvironment {
  id: string
  kind: 'sandbox' | 'uat' | 'production' | 'custom'
  /** Origins the library script may come from. */
  scriptOrigins: string[]
  /** Origins of the field frames and the library's fetches; empty when not known (production: unconfirmed). */
  gatewayOrigins: string[]
  /** The identity service's origins: a browser must never call them. */
  identityOrigins: string[]
}

export type ProgressStep = 'launch' | 'load' | 'settle' | 'inspect' | 'analyze' | 'done'
export interface PageCheckProgress {
  step: ProgressStep
  /** 0..1 */
  fraction: number
  message: string
}
