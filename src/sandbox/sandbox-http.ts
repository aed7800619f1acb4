/** Small HTTP helpers for the hot path: path split, body reading with a hard cap, media-type checks. */
import type { IncomingMessage } from 'node:http'

export const MAX_BODY_BYTES = 64 * 1024

export const TOO_LARGE = Symbol('too-large')
export const ABORTED = Symbol('aborted')
export type BodyResult = string | typeof TOO_LARGE | typeof ABORTED

/**
 * Reads the body as UTF-8, never holding more than `limit` bytes: a declared Content-Length over the limit is
 * refused before reading; a chunked body is cut off as soon as it passes the limit.
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve(TOO_LARGE)
  if (req.readableEnded) return Promise.resolve('')
  // The client left while the request waited (a latency fault): its 'close' has fired already, so no event would
  // ever settle the promise below.
  if (req.destroyed) return Promise.resolve(ABORTED)
  return new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: BodyResult) => {
      if (settled) return
      settled = true
      req.removeListener('data', onData)
      req.removeListener('end', onEnd)
      req.removeListener('close', onClose)
      req.removeListener('error', onClose)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        finish(TOO_LARGE)
        return
      }
      chunks.push(chunk)
    }
    const onEnd = () => {
      if (chunks.length === 0) finish('')
      else if (chunks.length === 1) finish((chunks[0] as Buffer).toString('utf8'))
      else finish(Buffer.concat(chunks, size).toString('utf8'))
    }
    const onClose = () => finish(ABORTED)
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on('error', onClose)
  })
}

/** `application/json` with optional parameters (charset), case-insensitive. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false
  const semicolon = value.indexOf(';')
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase()
  return type === 'application/json'
}

const JSON_RANGES = new Set(['*/*', 'application/*', 'application/json', 'application/problem+json'])

/** True when Accept is absent/empty or has a range covering JSON with q > 0. */
export function acceptsJson(value: string | undefined): boolean {
  if (value === undefined) return true
  const trimmed = value.trim()
  if (trimmed === '') return true
  for (const part of trimmed.split(',')) {
    const [range = '', ...params] = part.split(';')
    if (!JSON_RANGES.has(range.trim().toLowerCase())) continue
    let quality = 1
    for (const param of params) {
      const [name = '', q = ''] = param.split('=')
      if (name.trim().toLowerCase() === 'q') quality = Number(q.trim())
    }
    if (quality > 0) return true
  }
  return false
}

/** Splits a request target into path and query (absolute-form targets are reduced to their path). */
export function splitTarget(target: string): { path: string; query: string } {
  let rest = target
  if (!rest.startsWith('/')) {
    try {
      const url = new URL(rest)
      rest = url.pathname + url.search
    } catch {
      return { path: rest, query: '' }
    }
  }
  const mark = rest.indexOf('?')
  return mark === -1 ? { path: rest, query: '' } : { path: rest.slice(0, mark), query: rest.slice(mark + 1) }
}

export function decodeSegment(segment: string): string | undefined {
  if (segment.indexOf('%') === -1) return segment
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
