/**
 * The throughput baseline (row 6): a minimal node:http server that does the same header and body checks as the
 * sandbox's create-session route (Bearer token, Content-Type, Accept, Idempotency-Key as UUID v4, JSON body with
 * libVersion and scenario, terminal id in the path) and answers 201 with a random token and a Location — but
 * keeps no state, journal, idempotency store or fault rules. Prints `Baseline listening on URL`.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

const ROUTE = /^\/v1\/processing-terminals\/([0-9A-Za-z]{4,50})\/hosted-fields-sessions$/
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i
const BEARER = 'Bearer baseline-token'

function reply(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  })
  res.end(body)
}

function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
  if (req.url === '/authorize' && req.method === 'POST')
    return reply(
      res,
      200,
      JSON.stringify({ access_token: 'baseline-token', token_type: 'Bearer', expires_in: 3600 }),
    )
  const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null
  if (!match) return reply(res, 404, '{"status":404}')
  if (req.headers.authorization !== BEARER) return reply(res, 401, '{"status":401}')
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return reply(res, 415, '{"status":415}')
  const accept = req.headers.accept ?? '*/*'
  if (!accept.includes('json') && !accept.includes('*/*')) return reply(res, 406, '{"status":406}')
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string' || !UUID_V4.test(key)) return reply(res, 400, '{"status":400}')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return reply(res, 400, '{"status":400}')
  }
  if (
    typeof body !== 'object' ||
    body === null ||
    !('libVersion' in body) ||
    typeof body.libVersion !== 'string' ||
    !('scenario' in body) ||
    (body.scenario !== 'payment' && body.scenario !== 'tokenization')
  )
    return reply(res, 400, '{"status":400}')
  const token = randomBytes(24).toString('hex')
  const expiresAt = new Date(Date.now() + 600_000).toISOString()
  const terminal = match[1] ?? ''
  reply(res, 201, JSON.stringify({ processingTerminalId: terminal, token, expiresAt }), {
    Location: `/v1/processing-terminals/${terminal}/hosted-fields-sessions/${token}`,
  })
}

const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')))
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.stdout.write(`Baseline listening on http://127.0.0.1:${port}\n`)
})
const stop = () => {
  server.close(() => process.exit(0))
  server.closeAllConnections()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
