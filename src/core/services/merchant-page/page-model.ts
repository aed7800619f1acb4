/**
 * The recorded CDP event stream, indexed: requests with their responses and failures, console and log messages,
 * exceptions and the probe's reports. Both engines (Electron's webContents.debugger, Playwright's CDPSession)
 * deliver the same protocol events, so this is the only place that reads their shapes.
 */
import { PROBE_BINDING, PROBE_CONSOLE_MARK, type ProbeEvent } from './probe-events'
import type { PageRecording, RecordedEvent } from './types'

export interface RequestRecord {
  id: string
  url: string
  method: string
  /** CDP resource type: Document, Script, XHR, Fetch, … */
  type: string
  headers: Record<string, string>
  postData: string
  status?: number
  responseHeaders: Record<string, string>
  failure?: { errorText: string; blockedReason?: string; corsError?: string }
}

export interface PageMessage {
  source: 'console' | 'exception' | 'log'
  level: string
  text: string
  url?: string
}

export interface PageModel {
  url: string
  pageOrigin: string
  requests: RequestRecord[]
  /** The main document's request (the first Document one). */
  document?: RequestRecord
  messages: PageMessage[]
  probe: ProbeEvent[]
  bodies: Record<string, string>
}

type Params = Record<string, unknown>
const obj = (value: unknown): Params =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {}
const str = (value: unknown): string => (typeof value === 'string' ? value : '')

function lowerHeaders(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, text] of Object.entries(obj(value))) {
    if (typeof text === 'string')
      out[name.toLowerCase()] = out[name.toLowerCase()] ? `${out[name.toLowerCase()]}\n${text}` : text
  }
  return out
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}

function remoteText(arg: unknown): string {
  const value = obj(arg)
  if (typeof value.value === 'string') return value.value
  if (value.value !== undefined) return JSON.stringify(value.value)
  return str(value.description) || str(value.type)
}

function decodeProbe(payload: string): ProbeEvent | undefined {
  try {
    const event = JSON.parse(payload) as unknown
    return typeof obj(event).kind === 'string' ? (event as ProbeEvent) : undefined
  } catch {
    return undefined
  }
}

export function buildModel(recording: PageRecording): PageModel {
  const byId = new Map<string, RequestRecord>()
  const requests: RequestRecord[] = []
  const messages: PageMessage[] = []
  const probe: ProbeEvent[] = []
  const request = (id: string): RequestRecord | undefined => byId.get(id)

  const handlers: Record<string, (params: Params) => void> = {
    'Network.requestWillBeSent': (params) => {
      const id = str(params.requestId)
      const req = obj(params.request)
      const record: RequestRecord = {
        id,
        url: str(req.url),
        method: str(req.method) || 'GET',
        type: str(params.type) || 'Other',
        headers: lowerHeaders(req.headers),
        postData: str(req.postData),
        responseHeaders: {},
      }
      const previous = byId.get(id)
      if (previous && params.redirectResponse !== undefined) {
        // A redirect keeps the requestId: the earlier hop stays as its own record.
        previous.status = Number(obj(params.redirectResponse).status) || previous.status
        previous.id = `${id}#${requests.indexOf(previous)}`
      }
      byId.set(id, record)
      requests.push(record)
    },
    'Network.requestWillBeSentExtraInfo': (params) => {
      const record = request(str(params.requestId))
      if (record) Object.assign(record.headers, lowerHeaders(params.headers))
    },
    'Network.responseReceived': (params) => {
      const record = request(str(params.requestId))
      const response = obj(params.response)
      if (!record) return
      record.status = Number(response.status)
      record.responseHeaders = { ...lowerHeaders(response.headers), ...record.responseHeaders }
    },
    'Network.responseReceivedExtraInfo': (params) => {
      const record = request(str(params.requestId))
      if (record) Object.assign(record.responseHeaders, lowerHeaders(params.headers))
    },
    'Network.loadingFailed': (params) => {
      const record = request(str(params.requestId))
      if (!record) return
      record.failure = { errorText: str(params.errorText) }
      if (typeof params.blockedReason === 'string') record.failure.blockedReason = params.blockedReason
      const cors = obj(params.corsErrorStatus)
      if (typeof cors.corsError === 'string') record.failure.corsError = cors.corsError
    },
    'Runtime.consoleAPICalled': (params) => {
      const args = Array.isArray(params.args) ? params.args : []
      const first = args.length > 0 ? remoteText(args[0]) : ''
      if (first.startsWith(PROBE_CONSOLE_MARK)) {
        const event = decodeProbe(first.slice(PROBE_CONSOLE_MARK.length))
        if (event) probe.push(event)
        return
      }
      messages.push({ source: 'console', level: str(params.type), text: args.map(remoteText).join(' ') })
    },
    'Runtime.exceptionThrown': (params) => {
      const details = obj(params.exceptionDetails)
      const text = str(obj(details.exception).description) || str(details.text)
      messages.push({
        source: 'exception',
        level: 'error',
        text: text.split('\n')[0] ?? text,
        url: str(details.url),
      })
    },
    'Log.entryAdded': (params) => {
      const entry = obj(params.entry)
      messages.push({ source: 'log', level: str(entry.level), text: str(entry.text), url: str(entry.url) })
    },
    'Runtime.bindingCalled': (params) => {
      if (params.name !== PROBE_BINDING) return
      const event = decodeProbe(str(params.payload))
      if (event) probe.push(event)
    },
  }
  for (const event of recording.events as RecordedEvent[]) handlers[event.method]?.(obj(event.params))

  const document = requests.find((record) => record.type === 'Document')
  const finalUrl = recording.facts?.finalUrl ?? document?.url ?? recording.url
  return {
    url: recording.url,
    pageOrigin: originOf(finalUrl) || originOf(recording.url),
    requests,
    ...(document ? { document } : {}),
    messages,
    probe,
    bodies: recording.bodies,
  }
}

export { originOf }
