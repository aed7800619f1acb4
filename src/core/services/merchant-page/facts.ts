/** Derived facts several checks share: the library's script, the instances the probe saw, their errors. */
import { maskSecret, maskToken } from '../../../shared/redact'
import { libraryVersionOf } from './knowledge'
import type { PageModel, RequestRecord } from './page-model'
import type { ProbeEvent } from './probe-events'
import type { PageCheck, CheckId, PageRecording, ScriptTag, Verdict } from './types'

export const check = (
  id: CheckId,
  verdict: Verdict,
  summary: string,
  evidence: string[],
  hint: string,
): PageCheck => ({ id, verdict, summary, evidence, hint })

/** Session tokens in the library's URLs (path segment, query) cut to their last 6, as everywhere outside the token card. */
export const redactUrl = (url: string): string =>
  url
    .replace(
      /(\/hosted-fields-sessions\/)([^/?#]+)/g,
      (_, prefix: string, token: string) => `${prefix}${maskToken(token)}`,
    )
    .replace(
      /([?&]sessionToken=)([^&#]+)/g,
      (_, prefix: string, token: string) => `${prefix}${maskToken(decodeURIComponent(token))}`,
    )

export const requestLine = (record: RequestRecord): string => {
  const outcome = record.failure
    ? `failed: ${record.failure.errorText}${record.failure.blockedReason ? ` (blocked: ${record.failure.blockedReason})` : ''}`
    : record.status !== undefined
      ? String(record.status)
      : 'no answer'
  return `${record.method} ${record.url} → ${outcome}`
}

export const ok = (record: RequestRecord): boolean =>
  !record.failure && record.status !== undefined && record.status >= 200 && record.status < 400

export interface LibraryScript {
  url: string
  version: string
  request?: RequestRecord
  tag?: ScriptTag
}

function resolve(src: string, base: string): string {
  try {
    return new URL(src, base).href
  } catch {
    return src
  }
}

/** The library scripts the page asked for (by request or by tag), first first. */
export function libraryScripts(model: PageModel, recording: PageRecording): LibraryScript[] {
  const found = new Map<string, LibraryScript>()
  for (const request of model.requests) {
    const version = libraryVersionOf(request.url)
    if (version && !found.has(request.url)) found.set(request.url, { url: request.url, version, request })
  }
  for (const tag of recording.facts?.scripts ?? []) {
    if (!tag.src) continue
    const url = resolve(tag.src, recording.facts?.finalUrl ?? model.url)
    const version = libraryVersionOf(url)
    if (!version) continue
    const entry = found.get(url)
    if (entry) entry.tag = tag
    else found.set(url, { url, version, tag })
  }
  return [...found.values()]
}

export const libraryDefined = (model: PageModel, recording: PageRecording): boolean =>
  model.probe.some((event) => event.kind === 'library-defined') || recording.facts?.hasPayrocGlobal === true

export type Construct = Extract<ProbeEvent, { kind: 'construct' }>
export const constructs = (model: PageModel): Construct[] =>
  model.probe.filter((event): event is Construct => event.kind === 'construct')

export interface LibraryError {
  instance: number
  type: string
  message: string
  field?: string
}

/** Every `error` event the instances emitted, plus initialize() rejections no event explained. */
export function libraryErrors(model: PageModel): LibraryError[] {
  const errors: LibraryError[] = []
  for (const event of model.probe) {
    if (event.kind === 'emit' && event.event === 'error') {
      const payload = (event.payload ?? {}) as Record<string, unknown>
      errors.push({
        instance: event.instance,
        type: typeof payload.type === 'string' ? payload.type : 'unknown',
        message: typeof payload.message === 'string' ? payload.message : JSON.stringify(payload),
        ...(typeof payload.field === 'string' ? { field: payload.field } : {}),
      })
    }
  }
  for (const event of model.probe) {
    if (event.kind === 'initialize-settled' && !event.ok && event.message) {
      const seen = errors.some(
        (error) => error.instance === event.instance && event.message?.includes(error.message),
      )
      if (!seen) errors.push({ instance: event.instance, type: 'init', message: event.message })
    }
  }
  return errors
}

export const errorLine = (error: LibraryError): string =>
  `error event (instance ${error.instance}): type ${error.type}${error.field ? `, field ${error.field}` : ''}: ${error.message}`

/** A secret as evidence: first 4 … last 4, like everywhere else. */
export const maskedSecret = maskSecret

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`
