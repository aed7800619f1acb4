import { describe, expect, it } from 'vitest'
import { controlGate, isLoopbackHostHeader, type ControlRequest } from '../../src/sandbox/control-gate'

const PORT = 4010
const request = (method: string, headers: ControlRequest['headers']): ControlRequest => ({
  method,
  headers: { host: `127.0.0.1:${PORT}`, ...headers },
})
const status = (req: ControlRequest) => controlGate(req, PORT)?.status ?? 'pass'

describe('the sandbox control API gate', () => {
  it('lets the console and the tests through (Node clients: loopback Host, no Origin, JSON writes)', () => {
    expect(status(request('GET', {}))).toBe('pass')
    expect(status(request('GET', { host: `localhost:${PORT}` }))).toBe('pass')
    expect(status(request('GET', { host: `LOCALHOST:${PORT}` }))).toBe('pass')
    expect(status(request('GET', { host: `[::1]:${PORT}` }))).toBe('pass')
    expect(status(request('POST', { 'content-type': 'application/json', 'content-length': '20' }))).toBe(
      'pass',
    )
    expect(status(request('PATCH', { 'content-type': 'application/json; charset=utf-8' }))).toBe('pass')
    expect(status(request('DELETE', {}))).toBe('pass')
    expect(status(request('POST', { 'content-length': '0' }))).toBe('pass') // POST /__sandbox/reset
    expect(status(request('GET', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'cors' }))).toBe('pass')
  })

  it('refuses a DNS-rebound or foreign Host, a wrong port and a missing Host (403)', () => {
    for (const host of [
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      `localhost.:${PORT}`,
      `127.0.0.256:${PORT}`,
      `0.0.0.0:${PORT}`,
      `127.0.0.1.evil.example:${PORT}`,
      `[::2]:${PORT}`,
      undefined,
    ]) {
      const refusal = controlGate({ method: 'GET', headers: { host } }, PORT)
      expect(refusal?.status, String(host)).toBe(403)
      expect(refusal?.problem).toMatchObject({
        status: 403,
        title: 'Forbidden',
        resource: 'sandbox-control-api',
      })
    }
  })

  it('refuses any Origin (cross-site, rebound, the sandbox’s own, null) with 403', () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${PORT}`, 'null']) {
      const refusal = controlGate(request('POST', { origin, 'content-type': 'application/json' }), PORT)
      expect(refusal?.status, origin).toBe(403)
      expect(refusal?.problem.detail).toMatch(/Origin/)
    }
    expect(status(request('GET', { origin: 'https://evil.example' }))).toBe(403)
  })

  it('refuses what a page makes without an Origin (an <img>: Sec-Fetch-Site cross-site)', () => {
    expect(status(request('GET', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }))).toBe(403)
    expect(status(request('GET', { 'sec-fetch-site': 'same-origin' }))).toBe(403)
  })

  it('refuses writes that are not application/json (415): the no-cors text/plain POST and forms', () => {
    for (const contentType of [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      '',
    ]) {
      const refusal = controlGate(request('POST', { 'content-type': contentType }), PORT)
      expect(refusal?.status, contentType).toBe(415)
      expect(refusal?.problem).toMatchObject({ status: 415, title: 'Unsupported Media Type' })
    }
    expect(status(request('POST', { 'content-length': '12' }))).toBe(415)
    expect(status(request('PATCH', { 'transfer-encoding': 'chunked' }))).toBe(415)
  })

  it('checks Host on port 80 without a port, and only there', () => {
    expect(isLoopbackHostHeader('localhost', 80)).toBe(true)
    expect(isLoopbackHostHeader('localhost', 4010)).toBe(false)
    expect(isLoopbackHostHeader('127.0.0.1:80', 80)).toBe(true)
  })
})
