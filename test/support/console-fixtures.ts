/**
 * Test helpers for the main-process suites: a console's options, the embedded sandbox's control API, a session
 * request, a custom environment with its key, and a self-signed HTTPS server on loopback.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import https from 'node:https'
import type net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ConsoleApp, ConsoleOptions } from '../../src/core/console-app'
import { memoryStore } from '../../src/core/services/credentials/keytar-store'
import type { CreateSessionInput } from '../../src/shared/contract'
import { call } from './call'
import { sandboxControlClient } from '../../src/sandbox/control-client'

/** A fresh temporary folder whose name starts with `prefix`. */
export const tempDir = (prefix: string): Promise<string> => mkdtemp(path.join(tmpdir(), prefix))

/** A web-transport console on `dataDir` with an in-memory keychain, plus the suite's own tuning. */
export function consoleOptions(dataDir: string, more: Partial<ConsoleOptions> = {}): ConsoleOptions {
  return {
    dataDir,
    transport: 'web',
    appVersion: '0.0.0-test',
    testPageOrigin: 'http://127.0.0.1:1',
    secretStore: memoryStore(),
    ...more,
  }
}

/** A call to the sandbox's control API (/__sandbox/<name>); throws unless 2xx; the JSON answer. */
export async function sandboxControl<T = unknown>(
  sandboxUrl: string,
  method: string,
  name: string,
  body?: unknown,
): Promise<T> {
  return sandboxControlClient(sandboxUrl).send<T>(method, name, body)
}

/** session:create input for the sandbox's 1234001 payment session, unless overridden. */
export const sessionInput = (overrides: Partial<CreateSessionInput> = {}): CreateSessionInput => ({
  environmentId: 'sandbox',
  profile: 'default',
  processingTerminalId: '1234001',
  scenario: 'payment',
  libVersion: '1.7.0.261457',
  ...overrides,
})

/** Saves a custom environment at `base` (identity, API and CDN) with `apiKey` for 'default'; its id. */
export async function saveCustomEnvironment(
  app: ConsoleApp,
  name: string,
  base: string,
  apiKey: string,
): Promise<string> {
  const saved = await call(app, 'environment:saveCustom', {
    name,
    apiBase: `${base}/v1`,
    identityBase: base,
    cdnBase: base,
  })
  if (!saved.ok) throw new Error(JSON.stringify(saved.error))
  const key = await call(app, 'vault:setKey', {
    environmentId: saved.value.id,
    profile: 'default',
    apiKey,
  })
  if (!key.ok) throw new Error(JSON.stringify(key.error))
  return saved.value.id
}

/** A fresh self-signed certificate for 127.0.0.1 (openssl) in a new temporary folder: the PEM files' paths. */
export async function selfSignedPem(): Promise<{ key: string; cert: string }> {
  const dir = await tempDir('hfc-tls-')
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')]
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  )
  return { key, cert }
}

/** An HTTPS server on 127.0.0.1 with a fresh self-signed certificate (openssl), answering `{}`. */
export async function selfSignedServer(): Promise<{ server: https.Server; port: number }> {
  const { key, cert } = await selfSignedPem()
  const server = https.createServer({ key: await readFile(key), cert: await readFile(cert) }, (_req, res) =>
    res.end('{}'),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as net.AddressInfo).port }
}
