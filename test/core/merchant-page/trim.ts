/**
 * Makes a recording small enough to keep as a fixture: only the events the analyzer reads, only the params it
 * reads, and session tokens cut to their last 6 characters (the way logs keep them).
 */
import type { PageRecording, RecordedEvent } from '../../../src/core/services/merchant-page'

const KEEP: Record<string, (params: Record<string, unknown>) => Record<string, unknown>> = {
  'Network.requestWillBeSent': (p) => {
    const request = p.request as Record<string, unknown>
    return {
      requestId: p.requestId,
      type: p.type,
      request: {
        url: request.url,
        method: request.method,
        headers: request.headers,
        postData: request.postData,
      },
      ...(p.redirectResponse
        ? { redirectResponse: { status: (p.redirectResponse as Record<string, unknown>).status } }
        : {}),
    }
  },
  'Network.responseReceived': (p) => {
    const response = p.response as Record<string, unknown>
    return {
      requestId: p.requestId,
      type: p.type,
      response: { url: response.url, status: response.status, headers: response.headers },
    }
  },
  'Network.responseReceivedExtraInfo': (p) => ({ requestId: p.requestId, headers: p.headers }),
  'Network.loadingFailed': (p) => ({
    requestId: p.requestId,
    errorText: p.errorText,
    ...(p.blockedReason ? { blockedReason: p.blockedReason } : {}),
    ...(p.corsErrorStatus ? { corsErrorStatus: p.corsErrorStatus } : {}),
  }),
  'Runtime.consoleAPICalled': (p) => ({
    type: p.type,
    args: (p.args as Record<string, unknown>[]).map((arg) => ({
      type: arg.type,
      value: arg.value,
      description: arg.description,
    })),
  }),
  'Runtime.exceptionThrown': (p) => {
    const details = p.exceptionDetails as Record<string, unknown>
    const exception = (details.exception ?? {}) as Record<string, unknown>
    return {
      exceptionDetails: {
        text: details.text,
        url: details.url,
        exception: { description: exception.description },
      },
    }
  },
  'Runtime.bindingCalled': (p) => ({ name: p.name, payload: p.payload }),
  'Log.entryAdded': (p) => {
    const entry = p.entry as Record<string, unknown>
    return { entry: { source: entry.source, level: entry.level, text: entry.text, url: entry.url } }
  },
}

/** The sandbox's session tokens: 48 hex characters. */
const TOKEN = /\b[0-9a-f]{48}\b/g
const maskTokens = (text: string): string => text.replace(TOKEN, (token) => `…${token.slice(-6)}`)

export function trimRecording(recording: PageRecording): PageRecording {
  const events: RecordedEvent[] = []
  for (const event of recording.events) {
    const keep = KEEP[event.method]
    if (keep)
      events.push({
        t: event.t,
        method: event.method,
        params: JSON.parse(maskTokens(JSON.stringify(keep(event.params)))) as Record<string, unknown>,
      })
  }
  const bodies = Object.fromEntries(
    Object.entries(recording.bodies).map(([id, body]) => [id, maskTokens(body)]),
  )
  return { ...recording, events, bodies }
}
