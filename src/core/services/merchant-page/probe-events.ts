/**
 * What the probe (probe.ts) reports from inside the page, one JSON object per binding call. Shared by the probe's
 * sender, the driver and the analyzer's decoder, so all three agree on names.
 */
export const PROBE_BINDING = '__hostedFieldsConsoleProbe'
/** Fallback channel when the binding is not there: a console.debug whose first argument starts with this. */
export const PROBE_CONSOLE_MARK = '__hostedFieldsConsoleProbe:'

export type ProbeEvent =
  | { kind: 'library-defined'; version?: string }
  | { kind: 'construct'; instance: number; options: unknown; error?: string }
  | { kind: 'on'; instance: number; event: string }
  | { kind: 'emit'; instance: number; event: string; payload: unknown }
  | { kind: 'initialize'; instance: number }
  | { kind: 'initialize-settled'; instance: number; ok: boolean; message?: string }
  | { kind: 'destroy'; instance: number }
  | { kind: 'csp-violation'; directive: string; blockedURI: string; sourceFile: string; disposition: string }

/** The events the library emits (PAYROC.md), which the probe listens to on every instance it sees. */
export const LIBRARY_EVENTS = [
  'error',
  'submissionSuccess',
  'fieldValidityChange',
  'surchargingAllowed',
  'surchargingNotAllowed',
] as const

export interface ProbeConfig {
  binding: string
  consoleMark: string
  events: readonly string[]
}

export const PROBE_CONFIG: ProbeConfig = {
  binding: PROBE_BINDING,
  consoleMark: PROBE_CONSOLE_MARK,
  events: LIBRARY_EVENTS,
}
