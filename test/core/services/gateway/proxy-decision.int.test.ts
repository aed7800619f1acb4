/**
 * With HTTP_PROXY set and NO_PROXY empty, axios on its own sends a loopback request to the proxy (the red-team
 * finding); with the `proxy` option taken from proxyFor() it goes direct, and a non-loopback host still goes
 * through the proxy. Real axios, real loopback servers.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import axios from 'axios'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { axiosProxyOption, proxyFor } from '../../../../src/core/services/gateway/proxy-decision'

let proxy: Server
let target: Server
const proxied: string[] = []
const direct: string[] = []
const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )

let proxyPort = 0
let targetPort = 0
const saved = { ...process.env }

beforeAll(async () => {
  proxy = createServer((req, res) => {
    proxied.push(`${req.url ?? ''} x-api-key=${String(req.headers['x-api-key'])}`)
    res.writeHead(502).end('proxy')
  })
  target = createServer((req, res) => {
    direct.push(req.url ?? '')
    res.writeHead(200).end('target')
  })
  proxyPort = await listen(proxy)
  targetPort = await listen(target)
  process.env['HTTP_PROXY'] = `http://127.0.0.1:${proxyPort}`
  process.env['HTTPS_PROXY'] = `http://127.0.0.1:${proxyPort}`
  process.env['NO_PROXY'] = ''
  delete process.env['no_proxy']
  delete process.env['http_proxy']
  delete process.env['https_proxy']
})
afterAll(async () => {
  process.env = saved
  await Promise.all([proxy, target].map((s) => new Promise((r) => s.close(r))))
})

const get = (url: string, options: { proxy?: ReturnType<typeof axiosProxyOption> } = {}) =>
  axios.get<string>(url, { ...options, headers: { 'x-api-key': 'k-123' }, validateStatus: () => true })

it('sends a loopback identity call direct, never to the proxy, with HTTP(S)_PROXY set and NO_PROXY empty', async () => {
  const url = `http://localhost:${targetPort}/authorize`
  // The premise: axios left to the environment hands the key to the proxy.
  const before = await get(url)
  expect(before.data).toBe('proxy')
  expect(proxied).toEqual([`${url} x-api-key=k-123`])

  const after = await get(url, { proxy: axiosProxyOption(proxyFor(url, process.env)) })
  expect(after.data).toBe('target')
  expect(direct).toEqual(['/authorize'])
  expect(proxied).toHaveLength(1)
})

it('still sends a non-loopback host through the proxy', async () => {
  const url = 'http://gateway.example/v1/x'
  const answer = await get(url, { proxy: axiosProxyOption(proxyFor(url, process.env)) })
  expect(answer.data).toBe('proxy')
  expect(proxied.at(-1)).toBe(`${url} x-api-key=k-123`)
})
