/** Limits: 64 KB bodies, oversized headers, handler exceptions → 500 #api-error; the server keeps answering. */
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  base,
  bearer,
  control,
  createSession,
  expectProblem,
  LIB,
  rawRequest,
  sandbox,
  useSandbox,
} from '../support/sandbox'

useSandbox({ port: 0 }, { resetEachTest: false })

const sessionPath = '/v1/processing-terminals/1234001/hosted-fields-sessions'
const headers = () => ({
  authorization: `Bearer ${bearer}`,
  'content-type': 'application/json',
  'idempotency-key': crypto.randomUUID(),
})

/** A valid JSON body padded with whitespace to exactly `size` bytes. */
const padded = (size: number) => {
  const json = JSON.stringify({ libVersion: LIB, scenario: 'payment' })
  return json.slice(0, -1) + ' '.repeat(size - json.length) + '}'
}

describe('64 KB body limit', () => {
  it('accepts a body of exactly 64 KB', async () => {
    const answer = await rawRequest(base, {
      method: 'POST',
      path: sessionPath,
      headers: headers(),
      body: padded(65_536),
    })
    expect(answer.status).toBe(201)
  })

  it('answers 413 problem details for 64 KB + 1 byte (Content-Length)', async () => {
    const answer = await rawRequest(base, {
      method: 'POST',
      path: sessionPath,
      headers: headers(),
      body: padded(65_537),
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.text)).toMatchObject({
      type: 'https://docs.payroc.com/api/errors#payload-too-large',
      status: 413,
      title: expect.any(String),
      detail: expect.any(String),
    })
    expect(answer.headers['content-type']).toBe('application/problem+json')
  })

  it('answers 413 for a chunked body that grows past 64 KB, without reading it all', async () => {
    const chunk = Buffer.alloc(16 * 1024, 0x20)
    const answer = await rawRequest(base, {
      method: 'POST',
      path: sessionPath,
      headers: { ...headers(), 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 6 }, () => chunk),
    })
    expect(answer.status).toBe(413)
  })

  it('refuses a declared Content-Length of 1 GB at once', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const url = new URL(base)
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST ${sessionPath} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{`,
        )
      })
      let text = ''
      socket.on('data', (data) => (text += data.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toContain('#payload-too-large')
  })

  it('keeps answering after oversized requests', async () => {
    expect((await createSession(base, bearer)).status).toBe(201)
  })
})

describe('malformed HTTP', () => {
  it('answers 431 problem details for oversized headers', async () => {
    const answer = await rawRequest(base, {
      method: 'GET',
      path: '/__sandbox/health',
      headers: { 'x-huge': 'a'.repeat(40_000) },
    })
    expect(answer.status).toBe(431)
    expect(JSON.parse(answer.text).type).toBe(
      'https://docs.payroc.com/api/errors#request-header-fields-too-large',
    )
  })

  it('answers 400 problem details for bytes that are not HTTP', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const url = new URL(base)
      const socket = connect(Number(url.port), url.hostname, () => socket.write('\x00\x01GARBAGE\r\n\r\n'))
      let text = ''
      socket.on('data', (data) => (text += data.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('"status":400')
    expect((await control(base, 'GET', 'health')).status).toBe(200)
  })
})

describe('handler exceptions', () => {
  it('turns an exception into 500 #api-error problem details and keeps running', async () => {
    sandbox.addRoute({
      method: 'GET',
      path: /^\/hosted-fields\/explode$/,
      handle() {
        throw new Error('boom')
      },
    })
    const answer = await rawRequest(base, { method: 'GET', path: '/hosted-fields/explode' })
    expect(answer.status).toBe(500)
    const body = JSON.parse(answer.text)
    expect(body).toMatchObject({ type: 'https://docs.payroc.com/api/errors#api-error', status: 500 })
    expect(body.errors[0].message).toEqual(expect.any(String))
    expect(JSON.stringify(body)).not.toContain('boom')
    expect(sandbox.stats().internalErrors).toBe(1)
    expectProblem(await control(base, 'GET', 'nope'), 404)
  })
})
