/**
 * A hostile loopback gateway for custom environments: identity issues a Bearer; every other request is answered
 * with a problem that echoes the caller's API key and Bearer in its `detail`, its `errors` and its headers (some
 * gateways and WAFs do), or `/authorize` answers with a redirect. Records every request it saw.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HostileGateway {
  base: string
  bearer: string
  seen: { method: string; url: string; headers: IncomingMessage['headers'] }[]
  /** What /authorize answers: a Bearer (default) or a redirect to `location`. */
  authorize: { kind: 'bearer' } | { kind: 'redirect'; status: number; location: string }
  close(): Promise<void>
}

export async function startHostileGateway(): Promise<HostileGateway> {
  const bearer = `bearer-canary-${randomBytes(16).toString('hex')}`
  const gateway: Omit<HostileGateway, 'base' | 'close'> = { bearer, seen: [], authorize: { kind: 'bearer' } }
  const server: Server = createServer((req, res) => {
    gateway.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    req.resume()
    req.on('end', () => {
      const key = String(req.headers['x-api-key'] ?? '')
      const auth = String(req.headers['authorization'] ?? '')
      if (req.url?.startsWith('/authorize')) {
        const answer = gateway.authorize
        if (answer.kind === 'redirect') {
          res.writeHead(answer.status, { location: answer.location }).end()
          return
        }
        res
          .writeHead(200, { 'content-type': 'application/json', 'x-echo-key': key })
          .end(JSON.stringify({ access_token: bearer, token_type: 'Bearer', expires_in: 3600, echo: key }))
        return
      }
      res
        .writeHead(400, {
          'content-type': 'application/problem+json',
          'x-echo-authorization': auth,
          'x-echo-bearer': bearer,
          'x-echo-key': key,
        })
        .end(
          JSON.stringify({
            type: 'https://docs.payroc.com/api/errors#bad-request',
            title: `Bad request for ${auth}`,
            status: 400,
            detail: `Rejected key ${key} with Authorization ${auth} (token ${bearer})`,
            errors: [{ parameter: 'x-api-key', detail: key, message: `Bearer ${bearer}` }],
          }),
        )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(gateway, {
    base,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
